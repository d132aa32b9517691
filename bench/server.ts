/**
 * The benchmark's static server, on 127.0.0.1 and a free port: serves built sites as a typical
 * static host or CDN would, so transfer sizes and Lighthouse's audits are those a reader gets.
 * Text files (HTML, JS, CSS, JSON, SVG, CSV) go gzip-compressed at level 6 (tests/e2e/bytes.ts)
 * when the browser accepts it; hashed files under assets/ are cacheable for a year, the rest
 * revalidate. Each mount is a URL prefix (e.g. `/`, `/floor/`) → a folder.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { GZIP_LEVEL } from "../tests/e2e/bytes.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

export interface BenchServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:4321/`. */
  origin: string;
  close(): Promise<void>;
}

interface Body {
  raw: Buffer;
  gzip: Buffer | null;
}

export async function serveSites(mounts: Record<string, string>): Promise<BenchServer> {
  // Longest prefix first, so `/floor/` wins over `/`.
  const entries = Object.entries(mounts)
    .map(([prefix, root]) => [prefix.endsWith("/") ? prefix : `${prefix}/`, resolve(root)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, Body>();

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      response.writeHead(404).end("not found");
      return;
    }
    const [prefix, root] = mount;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const stat = statSync(file);
      const key = `${file}:${stat.size}:${stat.mtimeMs}`;
      let body = cache.get(key);
      if (!body) {
        const raw = readFileSync(file);
        body = { raw, gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: GZIP_LEVEL }) : null };
        cache.set(key, body);
      }
      const gzip = body.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      const payload = gzip && body.gzip ? body.gzip : body.raw;
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": payload.length,
        "cache-control": path.slice(prefix.length).startsWith("assets/")
          ? "public, max-age=31536000, immutable"
          : "no-cache",
        vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      response.end(request.method === "HEAD" ? undefined : payload);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
