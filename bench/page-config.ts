/**
 * The Vite config of one benchmark page (bench/<name>/): built into bench-results/<name>/
 * (git-ignored), with the project's public/ folder so it loads the same data as the app, and the
 * page they share (see page). Each page's vite.config.ts is this with its name; scripts/bench.mjs
 * builds them.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";

const repo = fileURLToPath(new URL("..", import.meta.url));

/**
 * Each page's index.html holds only its title and script (and any style of its own): this puts
 * them into the page every benchmark page shares, where the map fills the window.
 */
function page(own: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style>
      html,
      body {
        margin: 0;
        height: 100%;
      }
      #map {
        position: absolute;
        inset: 0;
      }
    </style>
    ${own.trim()}
  </head>
  <body>
    <div id="map"></div>
  </body>
</html>
`;
}

export function benchPageConfig(name: "floor" | "maplibre" | "d3"): UserConfig {
  return defineConfig({
    root: `${repo}bench/${name}`,
    base: "./",
    publicDir: `${repo}public`,
    logLevel: "warn",
    plugins: [{ name: "bench-page", transformIndexHtml: { order: "pre", handler: page } }],
    build: {
      outDir: `${repo}bench-results/${name}`,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
    },
  });
}
