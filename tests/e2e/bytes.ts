/**
 * What a page costs to download: every file it requested, mapped back to the built site on disk and
 * weighed raw and gzipped (zlib level 6, what most static hosts and CDNs send), grouped by kind.
 * Shared by the byte budgets (tests/e2e/budgets.e2e.ts) and the benchmark (scripts/bench.mjs).
 * 1 kB = 1000 bytes throughout.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export type Kind = "js" | "css" | "data" | "other";
export const KINDS: readonly Kind[] = ["js", "css", "data", "other"];
export const GZIP_LEVEL = 6;

export interface FileWeight {
  /** Path relative to the site root, e.g. `assets/index-abc.js`. */
  path: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

export interface Sizes {
  raw: number;
  gzip: number;
  files: number;
}

export interface Weight {
  files: FileWeight[];
  byKind: Record<Kind, Sizes>;
  total: Sizes;
}

/** JS and CSS by extension; anything under a `data/` folder is data; the rest (HTML, icons) is other. */
export function kindOf(path: string): Kind {
  if (/\.m?js$/.test(path)) return "js";
  if (path.endsWith(".css")) return "css";
  if (/(^|\/)data\//.test(path)) return "data";
  return "other";
}

const gzipCache = new Map<string, number>();

/** Gzipped size of a file at GZIP_LEVEL (cached by path, size and mtime). */
export function gzipSize(file: string): number {
  const stat = statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  let size = gzipCache.get(key);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: GZIP_LEVEL }).length;
    gzipCache.set(key, size);
  }
  return size;
}

/**
 * Weighs the requested URLs that fall under `baseUrl` as files under `root` (a folder URL maps to
 * its index.html; query strings are ignored; each file counts once). Other URLs (data:, blob:,
 * other origins) are skipped: the budgets test checks separately that there are none.
 */
export function weigh(urls: readonly string[], baseUrl: string, root: string): Weight {
  const base = new URL(baseUrl);
  const absoluteRoot = resolve(root);
  const seen = new Set<string>();
  const files: FileWeight[] = [];
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.origin !== base.origin || !parsed.pathname.startsWith(base.pathname)) continue;
    let path = decodeURIComponent(parsed.pathname.slice(base.pathname.length));
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = normalize(join(absoluteRoot, path));
    if (!file.startsWith(absoluteRoot) || !existsSync(file) || seen.has(path)) continue;
    seen.add(path);
    files.push({ path, kind: kindOf(path), raw: statSync(file).size, gzip: gzipSize(file) });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const empty = (): Sizes => ({ raw: 0, gzip: 0, files: 0 });
  const byKind = { js: empty(), css: empty(), data: empty(), other: empty() } as Record<Kind, Sizes>;
  const total = empty();
  for (const f of files) {
    for (const sizes of [byKind[f.kind], total]) {
      sizes.raw += f.raw;
      sizes.gzip += f.gzip;
      sizes.files += 1;
    }
  }
  return { files, byKind, total };
}

/** `123.4 kB` (1 kB = 1000 bytes). */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
