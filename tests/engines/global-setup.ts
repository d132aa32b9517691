/**
 * Runs once before the engine tests: refuses to run when an engine or the display is missing (the
 * suite must never pass with an engine skipped), checks the production build exists, and serves it
 * with the page-error recorder (tests/e2e/server.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "../e2e/server.ts";
import { ENGINE_INSTALL_HINT, missingEngines } from "./engines.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingEngines();
  if (missing.length > 0)
    throw new Error(`Cannot run the engine tests: missing ${missing.join("; ")}. ${ENGINE_INSTALL_HINT}`);
  const dist = join(process.cwd(), "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("No production build in dist/: run `npm run build` first (npm test does it for you).");
  }
  const server = await serveStatic(dist, "/", { recordPageErrors: true });
  project.provide("appUrl", server.url);
  project.provide("distDir", dist);
  return () => server.close();
}
