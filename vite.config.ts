import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { stillsPlugin } from "./scripts/stills.ts";

export default defineConfig({
  // Relative asset URLs: the built site works under any sub-path and inside iframes.
  base: "./",
  // The stills: preview pictures, the no-script block and link-preview tags, made from the data.
  plugins: [stillsPlugin(fileURLToPath(new URL(".", import.meta.url)))],
  build: {
    target: "es2022",
    // Source maps for readers of the code and for error reports; browsers fetch them only in devtools.
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          // Firefox and WebKit: run under a display (npm run test:engines starts one with xvfb-run).
          name: "engines",
          include: ["tests/engines/**/*.engine.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ["tests/engines/global-setup.ts"],
        },
      },
    ],
  },
});
