/**
 * Lighthouse (12.2.3: the last line that runs on Node 20 and installs from a lock with `npm ci`)
 * against the built site in the system Chromium, with its default mobile profile (Moto G Power
 * screen, simulated Slow 4G and 4× CPU). Chromium is started here with a DevTools port, as
 * Lighthouse expects, and stopped by its own process id when done. The benchmark (run.ts) runs the
 * pages in rounds, one run of each page per round, and summarises each page's runs here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { chromiumFlags, chromiumPath, INSTALL_HINT } from "../tests/e2e/chromium.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding {
  id: string;
  category: Category;
  title: string;
  score: number | null;
  displayValue?: string;
  /** Up to five items (URLs, selectors, snippets) the audit points at. */
  items: string[];
}

export interface LighthouseRun {
  /** 0–100; null when Lighthouse could not score the category (e.g. a page without an LCP element). */
  scores: Record<Category, number | null>;
  metrics: Record<string, number>;
  findings: Finding[];
}

export interface LighthouseResult {
  version: string;
  url: string;
  runs: LighthouseRun[];
  /** Median score per category over the runs that scored it (null if none did). */
  scores: Record<Category, number | null>;
  /** Median of each metric (ms, CLS unitless) over the runs. */
  metrics: Record<string, number>;
  /** Findings of the last run. */
  findings: Finding[];
}

const METRICS: Record<string, string> = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "speed-index": "Speed Index",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
  interactive: "TTI",
};

async function startChromium(): Promise<{ port: number; child: ChildProcess; profile: string }> {
  const executable = chromiumPath();
  if (!executable) throw new Error(INSTALL_HINT);
  const profile = mkdtempSync(join(tmpdir(), "bench-lighthouse-"));
  const args = [
    "--headless=new",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    ...chromiumFlags(),
    "about:blank",
  ];
  const child = spawn(executable, args, { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${text}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}):\n${text}`)));
  });
  return { port, child, profile };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The path of a URL on the benchmark's server (its port changes every run); other text as it is. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin.startsWith("http://127.0.0.1") ? parsed.pathname : url;
  } catch {
    return url;
  }
}

/** One line for an item of an audit's details table. */
function itemText(item: Record<string, unknown>): string {
  const node = item.node as { selector?: string; snippet?: string } | undefined;
  const source = item.source as { url?: string } | undefined;
  if (node?.selector || node?.snippet) return `${node.selector || node.snippet}`;
  if (typeof item.selector === "string" && item.selector && item.fontSize) return `${item.selector} (${item.fontSize})`;
  if (typeof item.groupLabel === "string") return `${item.groupLabel}: ${Math.round(Number(item.duration))} ms`;
  const subItems = (item.subItems as { items?: { error?: string }[] } | undefined)?.items ?? [];
  const error = subItems.map((s) => s.error).find(Boolean);
  const url = item.url ?? item.scriptUrl ?? source?.url;
  if (typeof url === "string") {
    const wasted = typeof item.wastedBytes === "number" ? ` (${Math.round(item.wastedBytes / 1024)} KiB unused)` : "";
    return `${pathOf(url)}${wasted}${error ? `: ${error}` : ""}`;
  }
  const text = item.description ?? item.label ?? item.value;
  return typeof text === "string" ? text : JSON.stringify(item).slice(0, 120);
}

/** One Lighthouse run against `url` in a fresh Chromium; its reports (JSON, HTML) written to `reportBase`.{json,html}. */
export async function lighthouseRun(url: string, reportBase: string): Promise<{ version: string; run: LighthouseRun }> {
  const { port, child, profile } = await startChromium();
  try {
    const result = await lighthouse(url, {
      port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = lhr.categories[c]?.score;
        return [c, typeof score === "number" ? Math.round(score * 100) : null];
      }),
    ) as Record<Category, number | null>;
    const metrics: Record<string, number> = {};
    for (const id of Object.keys(METRICS)) {
      const value = lhr.audits[id]?.numericValue;
      if (typeof value === "number") metrics[id] = value;
    }
    const findings: Finding[] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9) continue;
        if (audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "informative") continue;
        if (audit.scoreDisplayMode === "manual") continue;
        const details = audit.details as { type?: string; items?: Record<string, unknown>[] } | undefined;
        findings.push({
          id: audit.id,
          category,
          title: audit.title,
          score: audit.score,
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
          items:
            details?.type === "debugdata"
              ? []
              : (details?.items ?? [])
                  .map(itemText)
                  .filter((text) => !text.startsWith("{"))
                  .slice(0, 5),
        });
      }
    }
    const reports = result.report as string[];
    writeFileSync(`${reportBase}.json`, reports[0] ?? "");
    writeFileSync(`${reportBase}.html`, reports[1] ?? "");
    return { version: lhr.lighthouseVersion, run: { scores, metrics, findings } };
  } finally {
    child.kill("SIGTERM");
    await new Promise((done) => (child.exitCode === null ? child.once("exit", done) : done(null)));
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The median score of each category and of each metric over a page's runs; the last run's findings. */
export function summariseLighthouse(version: string, url: string, runs: LighthouseRun[]): LighthouseResult {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const scored = runs.map((r) => r.scores[c]).filter((v): v is number => typeof v === "number");
      return [c, scored.length ? median(scored) : null];
    }),
  ) as Record<Category, number | null>;
  const metrics: Record<string, number> = {};
  for (const id of Object.keys(METRICS)) {
    const values = runs.map((r) => r.metrics[id]).filter((v): v is number => typeof v === "number");
    if (values.length) metrics[id] = median(values);
  }
  return { version, url, runs, scores, metrics, findings: runs.at(-1)?.findings ?? [] };
}
