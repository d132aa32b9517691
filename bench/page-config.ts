/**
 * The Vite config of one benchmark page (bench/<name>/): built into bench-results/<name>/
 * (git-ignored), with the project's public/ folder so it loads the same data as the app. Each
 * page's vite.config.ts is this with its name; scripts/bench.mjs builds them.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";

const repo = fileURLToPath(new URL("..", import.meta.url));

export function benchPageConfig(name: "floor" | "maplibre" | "d3"): UserConfig {
  return defineConfig({
    root: `${repo}bench/${name}`,
    base: "./",
    publicDir: `${repo}public`,
    logLevel: "warn",
    build: {
      outDir: `${repo}bench-results/${name}`,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
    },
  });
}
