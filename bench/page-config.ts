/**
 * The Vite config of one benchmark page (bench/<name>/): built into bench-results/<name>/
 * (git-ignored), with the project's public/ folder so it loads the same data as the app, and the
 * head the pages share (HEAD). Each page's vite.config.ts is this with its name; scripts/bench.mjs
 * builds them.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** The head every page shares, put first into each page's index.html: the map fills the window. */
const HEAD = `
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
    </style>`;

export function benchPageConfig(name: "floor" | "maplibre" | "d3"): UserConfig {
  return defineConfig({
    root: `${repo}bench/${name}`,
    base: "./",
    publicDir: `${repo}public`,
    logLevel: "warn",
    plugins: [{ name: "bench-page-head", transformIndexHtml: (html) => html.replace("<head>", `<head>${HEAD}`) }],
    build: {
      outDir: `${repo}bench-results/${name}`,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
    },
  });
}
