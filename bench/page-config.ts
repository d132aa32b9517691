/**
 * The Vite config of one benchmark page (bench/<name>/): built into bench-results/<name>/
 * (git-ignored), with the project's public/ folder so it loads the same data as the app, and the
 * page they share (see page), drawing in the app's colours (see LOOK). Each page's vite.config.ts
 * is this with its name; scripts/bench.mjs builds them.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";
import { MARKS } from "../src/map/marks.ts";
import { BASE_PALETTE } from "../src/model/palette.ts";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** How the pages draw the world: the app's light theme, from its marks table (src/map/marks.ts). */
export interface BenchLook {
  ocean: string;
  land: string;
  border: string;
  /** The outline's width on the SVG map (CSS px) and, in MapLibre, its [zoom, width, …] stops. */
  borderWidth: number;
  borderWidthByZoom: readonly number[];
}

const LOOK: BenchLook = {
  ocean: MARKS.ocean.colour.light,
  land: BASE_PALETTE.light.land,
  border: MARKS.border.colour.light,
  borderWidth: MARKS.border.width,
  borderWidthByZoom: MARKS.border.widthByZoom,
};

/**
 * Each page's index.html holds only its title and script (and any style of its own): this puts
 * them into the page every benchmark page shares, where the map fills the window under a headline,
 * as the app's and a newsroom graphic's. The headline is also what Lighthouse needs to score a
 * page: neither an SVG's paths nor a canvas can be its largest contentful paint, and without one it
 * gives no performance score.
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
      h1 {
        position: absolute;
        top: 8px;
        left: 12px;
        z-index: 1;
        margin: 0;
        font: 600 18px/1.2 system-ui, sans-serif;
        color: #1d1f21;
        pointer-events: none;
      }
    </style>
    ${own.trim()}
  </head>
  <body>
    <h1>Critical Minerals Map</h1>
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
    // Put in as constants at build time: the pages carry the app's colours, not its palette code,
    // so they weigh what a page that hard-codes them would.
    define: { __BENCH_LOOK__: JSON.stringify(LOOK) },
    build: {
      outDir: `${repo}bench-results/${name}`,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
    },
  });
}
