/**
 * The one static server of the browser tests, the engine tests, `npm run look` and the benchmark:
 * built sites on 127.0.0.1 and a free port, served as a typical static host or CDN would, so that
 * transfer sizes and Lighthouse's audits are those a reader gets. Text files (HTML, JS, CSS, JSON,
 * SVG, CSV) go gzip-compressed at level 6 (tests/e2e/bytes.ts) when the browser accepts it; hashed
 * files under assets/ are cacheable for a year, the rest revalidate. Each mount is a URL prefix
 * (e.g. `/`, `/floor/`, `/graphics/minerals/` as a newsroom CMS would) → a folder; nothing beyond
 * the folder is ever served.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { GZIP_LEVEL } from "./bytes.ts";

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

/**
 * Page-error recorder for drivers that cannot listen to a page's errors (classic WebDriver, as
 * WebKitGTK's driver speaks): a same-origin script, allowed by the app's CSP (`script-src 'self'`),
 * run before any of the app's scripts; it keeps uncaught errors, unhandled rejections and
 * console.error calls in `window.__pageErrors`.
 */
export const PAGE_ERRORS_SCRIPT = "__page-errors.js";
const PAGE_ERRORS_SOURCE = `(() => {
  const errors = [];
  window.__pageErrors = errors;
  addEventListener("error", (event) => errors.push(String(event.message || event.error || "error")));
  addEventListener("unhandledrejection", (event) =>
    errors.push("unhandled rejection: " + String((event.reason && event.reason.message) || event.reason)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { errors.push(args.map(String).join(" ")); consoleError(...args); };
})();
`;

export interface ServeOptions {
  /** Add the page-error recorder (PAGE_ERRORS_SCRIPT) at the top of every HTML page's head. */
  recordPageErrors?: boolean;
  /** Response headers added to every file, e.g. a CDN's `access-control-allow-origin: *`. */
  headers?: Record<string, string>;
}

export interface SiteServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:4321/`. */
  origin: string;
  close(): Promise<void>;
}

interface Body {
  raw: Buffer;
  gzip: Buffer | null;
}

export async function serveSites(mounts: Record<string, string>, options: ServeOptions = {}): Promise<SiteServer> {
  // Longest prefix first, so `/floor/` wins over `/`.
  const entries = Object.entries(mounts)
    .map(([prefix, root]) => [prefix.endsWith("/") ? prefix : `${prefix}/`, resolve(root)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, Body>();

  function read(file: string, prefix: string): Buffer {
    const raw = readFileSync(file);
    if (!options.recordPageErrors || extname(file) !== ".html") return raw;
    const tag = `<script src="${prefix}${PAGE_ERRORS_SCRIPT}"></script>`;
    return Buffer.from(raw.toString("utf8").replace(/<head>/i, (head) => `${head}${tag}`));
  }

  function send(
    request: { method?: string; headers: Record<string, unknown> },
    response: import("node:http").ServerResponse,
    type: string,
    body: Body,
    cacheable: boolean,
  ): void {
    const gzip = body.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const payload = gzip && body.gzip ? body.gzip : body.raw;
    response.writeHead(200, {
      "content-type": TYPES[type] ?? "application/octet-stream",
      "content-length": payload.length,
      "cache-control": cacheable ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      ...options.headers,
    });
    response.end(request.method === "HEAD" ? undefined : payload);
  }

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      response.writeHead(404).end("not found");
      return;
    }
    const [prefix, root] = mount;
    const relative = path.slice(prefix.length);
    if (options.recordPageErrors && relative === PAGE_ERRORS_SCRIPT) {
      send(request, response, ".js", { raw: Buffer.from(PAGE_ERRORS_SOURCE), gzip: null }, false);
      return;
    }
    let file = normalize(join(root, relative));
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
        const raw = read(file, prefix);
        body = { raw, gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: GZIP_LEVEL }) : null };
        cache.set(key, body);
      }
      send(request, response, extname(file), body, relative.startsWith("assets/"));
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

export interface StaticServer {
  /** The site's URL, with its sub-path and a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** One built site under `basePath` (default `/`). */
export async function serveStatic(root: string, basePath = "/", options: ServeOptions = {}): Promise<StaticServer> {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  const server = await serveSites({ [base]: root }, options);
  return { url: new URL(base, server.origin).href, close: server.close };
}
