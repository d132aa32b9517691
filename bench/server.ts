/** The benchmark serves sites with the browser tests' static server (tests/e2e/server.ts). */
export { type SiteServer as BenchServer, serveSites } from "../tests/e2e/server.ts";
