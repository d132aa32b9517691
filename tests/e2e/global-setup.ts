/**
 * Runs once before the browser tests: refuses to run without Chromium (the suite must never pass
 * with browser tests skipped), checks the production build exists, and serves it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { chromiumPath, INSTALL_HINT } from "./chromium.ts";
import { serveStatic } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumPath()) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const dist = join(process.cwd(), "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("No production build in dist/: run `npm run build` first (npm test does it for you).");
  }
  const server = await serveStatic(dist);
  project.provide("appUrl", server.url);
  project.provide("distDir", dist);
  return () => server.close();
}
