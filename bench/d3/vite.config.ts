/**
 * Builds the benchmark's d3 anchor page (bench/d3/) into bench-results/d3/ (git-ignored), with the
 * project's public/ folder so it loads the same data/world.json as the app. Used by scripts/bench.mjs.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  publicDir: `${repo}public`,
  logLevel: "warn",
  build: {
    outDir: `${repo}bench-results/d3`,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
