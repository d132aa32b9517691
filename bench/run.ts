/**
 * The benchmark (run by `npm run bench`, which builds first: scripts/bench.mjs). Serves the built
 * app and the pages beside it (the floor, MapLibre alone, the d3 anchor) with gzip, drives headless
 * Chromium through playwright-core, and measures each scenario over several runs in fresh browsers
 * (cold caches), every page once per round: bytes by kind, first paint, map on screen, data-ready,
 * main-thread blocking, layout shift and JS heap after load; on the app, "+" → the WebGL map; on the
 * desktop default view also hover → tooltip, view switch → idle and timeline playback frame times.
 * Then Lighthouse (mobile) on every page, in rounds too. Prints every goal of issue 13 with ✅/❌,
 * writes bench-results/latest.{json,md} and, with --record, the figures section of BENCHMARKS.md.
 *
 * Options: --runs N (or BENCH_RUNS, default 5), --only app-desktop,floor-desktop,… (scenarios are
 * <page>-<profile>), --lighthouse-pages app,app-embed,… (or all; default app, app-embed, floor,
 * maplibre, d3), --lighthouse-runs N (or LIGHTHOUSE_RUNS; default 3 for app and app-embed, 1 for
 * the others), --no-lighthouse, --record.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { type BudgetKind, EMBED_BUDGETS } from "../tests/e2e/budgets.ts";
import { GZIP_LEVEL, KINDS, kB, type Weight, weigh } from "../tests/e2e/bytes.ts";
import { launchChromium } from "../tests/e2e/chromium.ts";
import { projectToPage } from "../tests/e2e/page.ts";
import { type LighthouseResult, type LighthouseRun, lighthouseRun, summariseLighthouse } from "./lighthouse.ts";
import { armHover, installProbe, loadFigures, startFrames, stopFrames } from "./probe.ts";
import { serveSites } from "./server.ts";

// ── Options ──────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
};
const RUNS = Math.max(1, Number(option("runs") ?? process.env.BENCH_RUNS ?? 5));
const RECORD = argv.includes("--record");
const ONLY = option("only")?.split(",");
const COMMAND = process.env.BENCH_COMMAND ?? `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;

const ROOT = process.cwd();
const OUT = join(ROOT, "bench-results");
const APP_DIR = join(OUT, "app");
const FLOOR_DIR = join(OUT, "floor");
/** The pages beside the app, each built into bench-results/<page> and served under /<page>/. */
const PAGE_DIRS = {
  floor: FLOOR_DIR,
  maplibre: join(OUT, "maplibre"),
  d3: join(OUT, "d3"),
} as const;
/** Every site the bench serves: the app at the root, each other page under /<page>/. */
const MOUNTS = {
  "/": APP_DIR,
  ...Object.fromEntries(Object.entries(PAGE_DIRS).map(([page, dir]) => [`/${page}/`, dir])),
};

// ── Profiles and scenarios ───────────────────────────────────────────────────────────────────────

interface Profile {
  id: "desktop" | "embed" | "phone";
  label: string;
  width: number;
  height: number;
  mobile: boolean;
  cpu: number;
  network: { latency: number; download: number; upload: number } | null;
}

const PROFILES: Record<Profile["id"], Profile> = {
  desktop: { id: "desktop", label: "desktop 1280×800", width: 1280, height: 800, mobile: false, cpu: 1, network: null },
  embed: { id: "embed", label: "embed 640×480", width: 640, height: 480, mobile: false, cpu: 1, network: null },
  phone: {
    id: "phone",
    label: "phone 390×844, 4× CPU, Slow 4G",
    width: 390,
    height: 844,
    mobile: true,
    cpu: 4,
    // "Slow 4G" as DevTools and Lighthouse define it: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    network: { latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8 },
  },
};

/** The app; the floor (MapLibre + deck.gl); MapLibre alone; the d3-geo SVG anchor (a newsroom graphic). */
type PageId = "app" | keyof typeof PAGE_DIRS;

interface Scenario {
  id: string;
  page: PageId;
  path: string;
  profile: Profile;
  interactions: boolean;
}

const SCENARIOS: Scenario[] = (
  [
    { id: "app-desktop", page: "app", path: "", profile: PROFILES.desktop, interactions: true },
    { id: "floor-desktop", page: "floor", path: "floor/", profile: PROFILES.desktop, interactions: false },
    { id: "maplibre-desktop", page: "maplibre", path: "maplibre/", profile: PROFILES.desktop, interactions: false },
    { id: "d3-desktop", page: "d3", path: "d3/", profile: PROFILES.desktop, interactions: false },
    { id: "app-embed", page: "app", path: "?embed=1", profile: PROFILES.embed, interactions: false },
    { id: "floor-embed", page: "floor", path: "floor/", profile: PROFILES.embed, interactions: false },
    { id: "maplibre-embed", page: "maplibre", path: "maplibre/", profile: PROFILES.embed, interactions: false },
    { id: "d3-embed", page: "d3", path: "d3/", profile: PROFILES.embed, interactions: false },
    { id: "app-phone", page: "app", path: "", profile: PROFILES.phone, interactions: false },
    { id: "floor-phone", page: "floor", path: "floor/", profile: PROFILES.phone, interactions: false },
    { id: "maplibre-phone", page: "maplibre", path: "maplibre/", profile: PROFILES.phone, interactions: false },
    { id: "d3-phone", page: "d3", path: "d3/", profile: PROFILES.phone, interactions: false },
  ] satisfies Scenario[]
).filter((s) => !ONLY || ONLY.includes(s.id));
const unknownScenarios = (ONLY ?? []).filter((id) => !SCENARIOS.some((s) => s.id === id));
if (unknownScenarios.length) {
  throw new Error(
    `--only: no scenario ${unknownScenarios.join(", ")} (scenarios are <page>-<profile>: app, floor, maplibre, d3 × desktop, embed, phone)`,
  );
}

// ── Lighthouse's pages ───────────────────────────────────────────────────────────────────────────

/**
 * The pages Lighthouse (mobile) runs on, on the bench's server, with their runs by default: the two
 * the issue's goal is about (median of 3), one run of each other page. `--lighthouse-runs N` (or
 * LIGHTHOUSE_RUNS) gives every chosen page N runs; `--lighthouse-pages a,b` (or `all`) chooses them.
 */
const LIGHTHOUSE_PAGES = {
  app: { path: "", label: "app, default view", runs: 3, goal: "default view" },
  "app-embed": { path: "?embed=1", label: "app, embed (`?embed=1`)", runs: 3, goal: "embed" },
  "app-minerals": { path: "?view=minerals", label: "app, minerals view (`?view=minerals`)", runs: 1, goal: null },
  "app-forums": { path: "?view=forums", label: "app, forums view (`?view=forums`)", runs: 1, goal: null },
  floor: { path: "floor/", label: "floor (MapLibre + deck.gl)", runs: 1, goal: null },
  maplibre: { path: "maplibre/", label: "MapLibre alone", runs: 1, goal: null },
  d3: { path: "d3/", label: "d3 anchor", runs: 1, goal: null },
} as const;
type LighthousePage = keyof typeof LIGHTHOUSE_PAGES;
const LIGHTHOUSE_DEFAULT: LighthousePage[] = ["app", "app-embed", "floor", "maplibre", "d3"];

const pagesOption = option("lighthouse-pages");
const LIGHTHOUSE_CHOSEN = (
  pagesOption === "all" ? Object.keys(LIGHTHOUSE_PAGES) : (pagesOption?.split(",") ?? LIGHTHOUSE_DEFAULT)
) as LighthousePage[];
const unknownPages = LIGHTHOUSE_CHOSEN.filter((id) => !(id in LIGHTHOUSE_PAGES));
if (unknownPages.length) {
  throw new Error(
    `--lighthouse-pages: no page ${unknownPages.join(", ")} (pages: ${Object.keys(LIGHTHOUSE_PAGES).join(", ")}, or all)`,
  );
}
const runsOption = option("lighthouse-runs") ?? process.env.LIGHTHOUSE_RUNS;
/** Lighthouse runs per chosen page (none with --no-lighthouse). */
const LIGHTHOUSE_RUNS: [LighthousePage, number][] = argv.includes("--no-lighthouse")
  ? []
  : LIGHTHOUSE_CHOSEN.map((id): [LighthousePage, number] => [
      id,
      runsOption === undefined ? LIGHTHOUSE_PAGES[id].runs : Math.max(0, Number(runsOption)),
    ]).filter(([, runs]) => runs > 0);

// ── In-page helpers ──────────────────────────────────────────────────────────────────────────────

/**
 * A function as a script the page runs, called with `args` (JSON values); tsx adds `__name(...)`
 * calls to named inner functions.
 */
function script<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  const passed = args.map((a) => JSON.stringify(a)).join(", ");
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${passed}); })()`;
}

/**
 * Polls an expression in the page until it is truthy. Not page.waitForFunction: that evaluates its
 * predicate with eval inside the page, which the app's Content-Security-Policy (rightly) forbids.
 */
async function until(page: Page, expression: string, timeout: number, interval = 100): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((done) => setTimeout(done, interval));
  }
}

// ── One load ─────────────────────────────────────────────────────────────────────────────────────

interface Sample {
  error?: string;
  /** First contentful paint (usually the page's text, not the map). */
  fcp?: number | null;
  /** End of the first frame showing a visible SVG map (a poster drawn before WebGL), if any. */
  svgMap?: number | null;
  /**
   * End of the first MapLibre frame that drew ≥ 80 % of the vertices the map draws when ready (the
   * countries on screen, not just the ocean).
   */
  glMap?: number | null;
  /** First meaningful paint: the map on screen, SVG or WebGL, whichever came first. */
  fmp?: number | null;
  ready?: number;
  /** When the frame `data-ready` announced was presented (probe.presented). */
  presented?: number | null;
  jsDone?: number;
  dataDone?: number;
  /** Sum over long tasks before ready of their time beyond 50 ms. */
  blocking?: number;
  cls?: number;
  shifts?: [number, number, string][];
  heap?: number;
  /** WebGL contexts the page holds once ready. */
  contexts?: number;
  /**
   * The app after a reader reaches for the WebGL map ("+" on the focused SVG map): from the key
   * press to the WebGL map on screen (its first frame, when the SVG map gives way), and the WebGL
   * contexts the page holds then.
   */
  engaged?: { glMap: number | null; contexts: number };
  transferred?: number;
  /** Every URL the page requested before ready (whatever the build's files are called). */
  requests?: string[];
  /** Paths requested after ready but before the bench noticed it (polling): not counted. */
  late?: string[];
  hover?: number;
  /** The same with a planted 100 ms `pointermove` handler (the probe's check). */
  hoverPlanted?: number;
  hoverError?: string;
  viewSwitch?: { view: string; firstFrame: number | null; idle: number | null };
  playback?: {
    frames: number;
    duration: number;
    median: number;
    p95: number;
    max: number;
    longFrames: number;
  };
}

interface Loaded {
  page: Page;
  cdp: CDPSession;
  sample: Sample;
}

async function load(browser: Browser, url: string, profile: Profile): Promise<Loaded> {
  const context = await browser.newContext({
    viewport: { width: profile.width, height: profile.height },
    deviceScaleFactor: 1,
    isMobile: profile.mobile,
    hasTouch: profile.mobile,
    colorScheme: "light",
    reducedMotion: "no-preference",
  });
  const page = await context.newPage();
  await page.addInitScript({ content: script(installProbe) });
  const cdp = await context.newCDPSession(page);
  // Each request with the wall-clock time it was sent, to keep those sent before ready.
  const requests = new Map<string, { url: string; wallTime: number }>();
  let transferred = 0;
  cdp.on("Network.requestWillBeSent", (event) =>
    requests.set(event.requestId, { url: event.request.url, wallTime: event.wallTime * 1000 }),
  );
  cdp.on("Network.loadingFinished", (event) => {
    transferred += event.encodedDataLength;
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  if (profile.network) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.network.latency,
      downloadThroughput: profile.network.download,
      uploadThroughput: profile.network.upload,
    });
  }
  await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
  await until(page, "document.documentElement.dataset.ready", 180_000);
  const sent = transferred;
  // The frame announced ready on screen (probe.presented); a browser without Element Timing gives none.
  await until(page, "window.__bench.presented !== null", 4_000).catch(() => undefined);
  const figures = (await page.evaluate(script(loadFigures))) as ReturnType<typeof loadFigures>;
  if (figures.readyState !== "true") throw new Error(`data-ready="${figures.readyState}"`);
  const ready = figures.ready ?? Number.NaN;
  // Ready on the wall clock (the page's time origin is one): requests sent later are not "before ready".
  const readyWall = figures.timeOrigin + ready;
  const sentBefore = [...requests.values()].filter((r) => r.wallTime <= readyWall);
  const late = [...requests.values()].filter((r) => r.wallTime > readyWall).map((r) => new URL(r.url).pathname);

  // The map on screen: frames of the MapLibre canvas until ready, by the geometry they drew.
  const finalVertices = figures.mapFrames.at(-1)?.[1] ?? 0;
  const glMap = finalVertices > 0 ? (figures.mapFrames.find(([, v]) => v >= 0.8 * finalVertices)?.[0] ?? null) : null;
  const blocking = figures.longTasks
    .filter(([start]) => start < ready)
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);

  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  return {
    page,
    cdp,
    sample: {
      fcp: figures.fcp,
      svgMap: figures.svgMap !== null && figures.svgMap <= ready ? figures.svgMap : null,
      glMap,
      fmp: Math.min(figures.svgMap ?? Number.POSITIVE_INFINITY, glMap ?? Number.POSITIVE_INFINITY, ready),
      ready,
      presented: figures.presented,
      jsDone: figures.jsDone,
      dataDone: figures.dataDone,
      blocking,
      cls: figures.layoutShifts.reduce((sum, [, value]) => sum + value, 0),
      shifts: figures.layoutShifts,
      heap,
      contexts: figures.contexts,
      transferred: sent,
      requests: sentBefore.map((r) => r.url),
      late,
    },
  };
}

// ── The WebGL map on demand (the app) ──────────────────────────────────────────────────────────

async function engageWebgl(page: Page): Promise<Sample["engaged"]> {
  await page.locator("#poster").focus();
  const pressed = (await page.evaluate(`(() => {
    window.__benchWebgl = null;
    new MutationObserver((_, observer) => {
      if (document.documentElement.dataset.renderer !== "webgl") return;
      window.__benchWebgl = performance.now();
      observer.disconnect();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-renderer"] });
    return performance.now();
  })()`)) as number;
  await page.keyboard.press("+");
  await until(page, "window.__benchWebgl !== null", 120_000);
  const drawn = (await page.evaluate("window.__benchWebgl")) as number;
  const contexts = (await page.evaluate(
    "[...window.__bench.webglCanvases].filter((canvas) => canvas.isConnected).length",
  )) as number;
  return { glMap: drawn - pressed, contexts };
}

// ── Interactions (desktop default view) ──────────────────────────────────────────────────────────

const AUSTRALIA: [number, number] = [134, -25];
const INDIAN_OCEAN: [number, number] = [88, -35];
/** The busy-wait planted in a `pointermove` handler to check that the hover probe sees it. */
const PLANTED_DELAY = 100;
/** How much later the tooltip must come with the planted handler for the probe to pass its check. */
const PLANTED_SEEN: [number, number] = [85, 150];

/**
 * Hover on the SVG map: the pointer from the Indian Ocean (no tooltip) onto Australia, in one
 * move; from that move's event to the end of the first frame showing #tooltip (see armHover).
 * Alternately plain and with a planted 100 ms `pointermove` handler, three of each: the second
 * must come out about 100 ms later, or the probe does not measure what it claims.
 */
async function hoverLatency(page: Page): Promise<{ plain: number; planted: number }> {
  const [ax, ay] = await projectToPage(page, ...AUSTRALIA);
  const [ox, oy] = await projectToPage(page, ...INDIAN_OCEAN);
  const plain: number[] = [];
  const planted: number[] = [];
  for (let i = 0; i < 6; i++) {
    const delay = i % 2 ? PLANTED_DELAY : 0;
    await page.mouse.move(ox, oy);
    await page.waitForTimeout(250);
    const refused = (await page.evaluate(script(armHover, delay))) as string | null;
    if (refused) throw new Error(`hover probe: ${refused}`);
    await page.mouse.move(ax, ay);
    await until(page, "window.__bench.hover !== null", 10_000, 20);
    const value = (await page.evaluate("window.__bench.hover")) as number;
    if (!Number.isFinite(value)) throw new Error("hover probe: the tooltip showed without a pointer move");
    (delay ? planted : plain).push(value);
  }
  // Measured on the SVG map only: the WebGL map must not have started by itself meanwhile.
  const renderer = await page.evaluate("document.documentElement.dataset.renderer");
  if (renderer !== "svg") throw new Error(`hover probe: the map is drawn by ${renderer}, not the SVG map`);
  return { plain: median(plain), planted: median(planted) };
}

const PLAYBACK_MS = 6_000;

async function playback(page: Page): Promise<Sample["playback"]> {
  await page.evaluate(script(startFrames));
  await page.click(".timeline-play");
  await page.waitForTimeout(300);
  // Until playback stops at the end, or at most PLAYBACK_MS (then it is paused).
  const stopped = `document.querySelector(".timeline-play")?.getAttribute("aria-label")?.startsWith("Play")`;
  await until(page, stopped, PLAYBACK_MS).catch(() => undefined);
  const frames = (await page.evaluate(script(stopFrames))) as number[];
  if (!(await page.evaluate(stopped))) await page.click(".timeline-play");
  const deltas = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    duration: (frames.at(-1) ?? 0) - (frames[0] ?? 0),
    median: median(deltas),
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
    max: sorted.at(-1) ?? 0,
    longFrames: deltas.filter((d) => d > 50).length,
  };
}

async function viewSwitch(page: Page): Promise<Sample["viewSwitch"]> {
  // The minerals view once it exists; until then the forums view.
  const view = (await page.locator('.view-tab[data-view="minerals"]').count()) ? "minerals" : "forums";
  const [ox, oy] = await projectToPage(page, ...INDIAN_OCEAN);
  await page.mouse.move(ox, oy);
  await page.waitForTimeout(500);
  await page.click(`.view-tab[data-view="${view}"]`);
  const started = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const state = (await page.evaluate(`(() => {
      const p = window.__bench;
      const after = p.drawEnds.filter((t) => t > p.lastClick);
      return { click: p.lastClick, first: after[0] ?? null, last: after.at(-1) ?? null, now: performance.now() };
    })()`)) as { click: number; first: number | null; last: number | null; now: number };
    const quiet = state.last !== null && state.now - state.last >= 500;
    if (quiet || Date.now() - started > 15_000) {
      return {
        view,
        firstFrame: state.first === null ? null : state.first - state.click,
        idle: quiet && state.last !== null ? state.last - state.click : null,
      };
    }
  }
}

// ── Statistics ───────────────────────────────────────────────────────────────────────────────────

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function stat(values: readonly (number | null | undefined)[]): Stat | null {
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (!numbers.length) return null;
  return { median: median(numbers), min: Math.min(...numbers), max: Math.max(...numbers), n: numbers.length };
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────

interface ScenarioResult {
  id: string;
  page: Scenario["page"];
  profile: Profile;
  url: string;
  samples: Sample[];
  summary: Record<string, Stat | null>;
  weight: Weight | null;
  /** Layout shifts of the first successful run. */
  shifts: [number, number, string][];
}

function summarise(samples: Sample[]): Record<string, Stat | null> {
  const ok = samples.filter((s) => !s.error);
  const pick = (f: (s: Sample) => number | null | undefined) => stat(ok.map(f));
  return {
    fcp: pick((s) => s.fcp),
    svgMap: pick((s) => s.svgMap),
    glMap: pick((s) => s.glMap),
    fmp: pick((s) => s.fmp),
    ready: pick((s) => s.ready),
    presented: pick((s) => s.presented),
    jsDone: pick((s) => s.jsDone),
    dataDone: pick((s) => s.dataDone),
    blocking: pick((s) => s.blocking),
    cls: pick((s) => s.cls),
    heap: pick((s) => s.heap),
    contexts: pick((s) => s.contexts),
    engagedGlMap: pick((s) => s.engaged?.glMap),
    engagedContexts: pick((s) => s.engaged?.contexts),
    transferred: pick((s) => s.transferred),
    hover: pick((s) => s.hover),
    hoverPlanted: pick((s) => s.hoverPlanted),
    hoverPlantedExtra: pick((s) =>
      typeof s.hover === "number" && typeof s.hoverPlanted === "number" ? s.hoverPlanted - s.hover : null,
    ),
    switchFirstFrame: pick((s) => s.viewSwitch?.firstFrame),
    switchIdle: pick((s) => s.viewSwitch?.idle),
    playbackMedian: pick((s) => s.playback?.median),
    playbackP95: pick((s) => s.playback?.p95),
    playbackMax: pick((s) => s.playback?.max),
    playbackLongShare: pick((s) =>
      s.playback ? (100 * s.playback.longFrames) / Math.max(1, s.playback.frames) : null,
    ),
    playbackFps: pick((s) => (s.playback ? (1000 * s.playback.frames) / Math.max(1, s.playback.duration) : null)),
  };
}

async function main(): Promise<void> {
  for (const dir of [APP_DIR, ...Object.values(PAGE_DIRS)]) {
    if (!existsSync(join(dir, "index.html"))) {
      throw new Error(`No build in ${dir}: run \`npm run bench\` (it builds the app and the other pages first).`);
    }
  }
  mkdirSync(OUT, { recursive: true });
  const server = await serveSites(MOUNTS);
  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > 0.5 * availableParallelism()) {
    console.warn(
      `Warning: the machine is busy (1-minute load average ${loadBefore.toFixed(1)} on ${availableParallelism()} CPUs): figures will be slower and noisier than on a quiet machine.`,
    );
  }
  const started = Date.now();
  const roundLoads: number[] = [];
  const results = new Map<string, ScenarioResult>();
  for (const s of SCENARIOS) {
    results.set(s.id, {
      id: s.id,
      page: s.page,
      profile: s.profile,
      url: `${server.origin}${s.path}`,
      samples: [],
      summary: {},
      weight: null,
      shifts: [],
    });
  }
  let chromiumVersion = "";
  try {
    for (let run = 1; run <= RUNS; run++) {
      // Every page once per round (A, B, C, D, A, B…), so a busy spell slows all pages of a round.
      roundLoads.push(loadavg()[0] ?? 0);
      for (const scenario of SCENARIOS) {
        const result = results.get(scenario.id);
        if (!result) continue;
        const browser = await launchChromium();
        chromiumVersion = browser.version();
        const t0 = Date.now();
        let sample: Sample;
        try {
          const { page, sample: loaded } = await load(browser, result.url, scenario.profile);
          sample = loaded;
          // Hover on the map the reader meets first (the SVG map; WebGL starts by itself after 6 s
          // idle), then the WebGL map on demand, then what is measured on it.
          if (scenario.interactions) {
            // A failed hover (e.g. the WebGL map started by itself first) costs the hover, not the load.
            await hoverLatency(page).then(
              (hover) => {
                sample.hover = hover.plain;
                sample.hoverPlanted = hover.planted;
              },
              (error: unknown) => {
                sample.hoverError = error instanceof Error ? error.message.split("\n")[0] : String(error);
              },
            );
          }
          if (scenario.page === "app") sample.engaged = await engageWebgl(page);
          if (scenario.interactions) {
            sample.playback = await playback(page);
            sample.viewSwitch = await viewSwitch(page);
          }
          if (!result.weight && sample.requests) {
            result.weight =
              scenario.page === "app"
                ? weigh(sample.requests, server.origin, APP_DIR)
                : weigh(sample.requests, `${server.origin}${scenario.page}/`, PAGE_DIRS[scenario.page]);
            result.shifts = sample.shifts ?? [];
          }
        } catch (error) {
          sample = { error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
        } finally {
          await browser.close();
        }
        delete sample.shifts;
        result.samples.push(sample);
        const brief = sample.error
          ? `ERROR ${sample.error}`
          : `ready ${ms(sample.ready)}, map ${ms(sample.fmp)}${sample.hover !== undefined ? `, hover ${ms(sample.hover)}` : ""}`;
        console.log(
          `  run ${run}/${RUNS} ${scenario.id.padEnd(14)} ${brief} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await server.close();
  }
  for (const result of results.values()) result.summary = summarise(result.samples);
  const benchSeconds = (Date.now() - started) / 1000;

  const lighthouse = LIGHTHOUSE_RUNS.length ? await lighthouseRounds() : null;

  const meta = {
    date: new Date().toISOString(),
    command: COMMAND,
    runs: RUNS,
    benchSeconds: Math.round(benchSeconds),
    lighthouseSeconds: Math.round(lighthouse?.seconds ?? 0),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      os: `${type()} ${release()}`,
      /** 1-minute load average before and after the measurements: other work skews the figures. */
      loadAverage: [Math.round(loadBefore * 10) / 10, Math.round((loadavg()[0] ?? 0) * 10) / 10],
      /** 1-minute load average at the start of each round. */
      roundLoads: roundLoads.map((load) => Math.round(load * 10) / 10),
      /** The same at the start of each round of Lighthouse runs. */
      lighthouseLoads: lighthouse?.loads ?? [],
    },
    chromium: chromiumVersion,
    node: process.version,
    commit: gitCommit(),
    gzipLevel: GZIP_LEVEL,
  };
  const report = { meta, scenarios: Object.fromEntries(results), ratios: ratios(results), lighthouse };
  writeFileSync(join(OUT, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(meta, results, lighthouse);
  writeFileSync(join(OUT, "latest.md"), `# Benchmark results\n\n${markdown}`);
  console.log(`\n${markdown}`);
  console.log("Wrote bench-results/latest.json and bench-results/latest.md");
  const goals = issueGoals(results, lighthouse);
  const count = (met: boolean | null) => goals.filter((g) => g[3] === met).length;
  console.log(
    `Issue 13 goals: ${count(true)} ✅, ${count(false)} ❌, ${count(null)} not measured in this run (of ${goals.length})`,
  );
  if (RECORD) recordInBenchmarks(markdown);
  const failed = [...results.values()].some((r) => r.samples.every((s) => s.error));
  if (failed) process.exitCode = 1;
}

interface LighthouseRounds {
  /** Per page: the median of its runs (null when every run failed). */
  pages: Partial<Record<LighthousePage, LighthouseResult | null>>;
  /** Per page: the errors of runs that failed twice. */
  errors: Partial<Record<LighthousePage, string[]>>;
  /** 1-minute load average at the start of each round. */
  loads: number[];
  seconds: number;
}

/**
 * Lighthouse (mobile) on the chosen pages, interleaved like the page loads: each round runs every
 * page that still has runs to do once (app, embed, floor, MapLibre, d3, app, embed…), each in a
 * fresh Chromium. A run that fails (it can time out on a busy machine) is tried once more; then its
 * error goes in the report. The last run's reports: bench-results/lighthouse/<page>.{html,json}.
 */
async function lighthouseRounds(): Promise<LighthouseRounds> {
  const started = Date.now();
  const total = LIGHTHOUSE_RUNS.reduce((sum, [, runs]) => sum + runs, 0);
  console.log(
    `\nLighthouse (mobile): ${LIGHTHOUSE_RUNS.map(([id, runs]) => `${id} ×${runs}`).join(", ")} (${total} runs)…`,
  );
  const dir = join(OUT, "lighthouse");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await serveSites(MOUNTS);
  const runs = new Map<LighthousePage, LighthouseRun[]>();
  const errors: LighthouseRounds["errors"] = {};
  const loads: number[] = [];
  let version = "";
  try {
    const rounds = Math.max(...LIGHTHOUSE_RUNS.map(([, n]) => n));
    for (let round = 1; round <= rounds; round++) {
      loads.push(Math.round((loadavg()[0] ?? 0) * 10) / 10);
      for (const [id, n] of LIGHTHOUSE_RUNS) {
        if (round > n) continue;
        const url = `${server.origin}${LIGHTHOUSE_PAGES[id].path}`;
        const t0 = Date.now();
        for (let attempt = 1; attempt <= 2; attempt++) {
          try {
            const done = await lighthouseRun(url, join(dir, id));
            version = done.version;
            runs.set(id, [...(runs.get(id) ?? []), done.run]);
            const { performance, accessibility } = done.run.scores;
            console.log(
              `  round ${round}/${rounds} ${id.padEnd(13)} performance ${performance}, accessibility ${accessibility} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
            );
            break;
          } catch (error) {
            const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
            console.error(`  round ${round}/${rounds} ${id}: Lighthouse failed (attempt ${attempt} of 2): ${message}`);
            if (attempt === 2) errors[id] = [...(errors[id] ?? []), message ?? "failed"];
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  const pages: LighthouseRounds["pages"] = {};
  for (const [id] of LIGHTHOUSE_RUNS) {
    const done = runs.get(id);
    pages[id] = done?.length ? summariseLighthouse(version, LIGHTHOUSE_PAGES[id].path || "/", done) : null;
  }
  return { pages, errors, loads, seconds: (Date.now() - started) / 1000 };
}

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown";
  }
}

// ── Ratios and goals ─────────────────────────────────────────────────────────────────────────────

interface Ratios {
  ready: Partial<Record<Profile["id"], number>>;
  fmp: Partial<Record<Profile["id"], number>>;
  /** Gzip bytes the app loads beyond the floor, per view. */
  extraGzip: { default?: number; embed?: number };
}

function ratios(results: Map<string, ScenarioResult>): Ratios {
  const out: Ratios = { ready: {}, fmp: {}, extraGzip: {} };
  for (const profile of Object.keys(PROFILES) as Profile["id"][]) {
    const app = results.get(`app-${profile}`)?.summary;
    const floor = results.get(`floor-${profile}`)?.summary;
    if (app?.ready && floor?.ready) out.ready[profile] = app.ready.median / floor.ready.median;
    if (app?.fmp && floor?.fmp) out.fmp[profile] = app.fmp.median / floor.fmp.median;
  }
  const floorWeight = results.get("floor-desktop")?.weight ?? results.get("floor-embed")?.weight;
  const defaultWeight = results.get("app-desktop")?.weight;
  const embedWeight = results.get("app-embed")?.weight;
  if (floorWeight && defaultWeight) out.extraGzip.default = defaultWeight.total.gzip - floorWeight.total.gzip;
  if (floorWeight && embedWeight) out.extraGzip.embed = embedWeight.total.gzip - floorWeight.total.gzip;
  return out;
}

/**
 * The ratio a/b of one figure within each round (both pages loaded in the same round, so under
 * the same load), then the median and spread of those ratios: not a ratio of separate medians.
 */
/** The app's time from "+" on its SVG map to the WebGL map on screen. */
const ENGAGED_GL = (s: Sample) => s.engaged?.glMap;

function roundRatio(
  results: Map<string, ScenarioResult>,
  a: string,
  b: string,
  figure: (s: Sample) => number | null | undefined,
  /** The figure of `b` when it is not the same as `a`'s. */
  figureOfB: (s: Sample) => number | null | undefined = figure,
): Stat | null {
  const as = results.get(a)?.samples ?? [];
  const bs = results.get(b)?.samples ?? [];
  const ratios = as.map((sa, i) => {
    const sb = bs[i];
    if (!sb || sa.error || sb.error) return null;
    const x = figure(sa);
    const y = figureOfB(sb);
    return typeof x === "number" && typeof y === "number" && y > 0 ? x / y : null;
  });
  return stat(ratios);
}

function ratioStat(s: Stat | null): string {
  if (!s) return "–";
  return s.n === 1 ? ratioText(s.median) : `${ratioText(s.median)} (${ratioText(s.min)}–${ratioText(s.max)})`;
}

/** A machine whose 1-minute load average exceeds half its CPUs gives figures that mean little. */
function tooBusy(loads: readonly number[], cpus: number): boolean {
  return loads.some((load) => load > 0.5 * cpus);
}

// ── Markdown ─────────────────────────────────────────────────────────────────────────────────────

function minutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

function ms(value: number | null | undefined): string {
  return typeof value === "number" && Number.isFinite(value) ? `${Math.round(value)} ms` : "–";
}

type Format = (value: number) => string;
const fmtMs: Format = (v) => `${Math.round(v)} ms`;
const fmtMB: Format = (v) => `${(v / 1e6).toFixed(1)} MB`;
const fmtKB: Format = (v) => kB(v);
const fmtCls: Format = (v) => v.toFixed(3);
const fmtPct: Format = (v) => `${v.toFixed(0)} %`;
const fmtFps: Format = (v) => v.toFixed(0);

function cell(s: Stat | null | undefined, format: Format): string {
  if (!s) return "–";
  if (s.n === 1 || format(s.min) === format(s.max)) return format(s.median);
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

function ratioText(value: number | undefined): string {
  return value === undefined ? "–" : `${value.toFixed(2)}×`;
}

function renderMarkdown(
  meta: {
    date: string;
    command: string;
    runs: number;
    benchSeconds: number;
    lighthouseSeconds: number;
    machine: {
      cpus: number;
      cpuModel: string;
      memoryGiB: number;
      os: string;
      loadAverage: number[];
      roundLoads: number[];
      lighthouseLoads: number[];
    };
    chromium: string;
    node: string;
    commit: string;
  },
  results: Map<string, ScenarioResult>,
  lighthouse: LighthouseRounds | null,
): string {
  const lines: string[] = [];
  const r = ratios(results);
  lines.push(
    `Measured ${meta.date.slice(0, 10)} with \`${meta.command}\` on commit ${meta.commit}: ${meta.runs} runs per ` +
      `scenario, each in a fresh headless Chromium (cold cache); median, with min–max in brackets.`,
    "",
    `Machine: ${meta.machine.cpus} CPUs (${meta.machine.cpuModel}), ${meta.machine.memoryGiB} GiB memory, ` +
      `${meta.machine.os}; no GPU (WebGL through SwiftShader); Chromium ${meta.chromium}; Node ${meta.node}. ` +
      `1-minute load average ${meta.machine.loadAverage.join(" before, ")} after (other work on the machine ` +
      `slows and spreads the figures). Page loads took ${minutes(meta.benchSeconds)}, Lighthouse ` +
      `${lighthouse ? `${minutes(meta.lighthouseSeconds)} (${LIGHTHOUSE_RUNS.map(([id, n]) => `${id} ×${n}`).join(", ")})` : "not run"}, plus the builds.`,
    "",
  );

  const { roundLoads, lighthouseLoads } = meta.machine;
  if (tooBusy([...meta.machine.loadAverage, ...roundLoads, ...lighthouseLoads], meta.machine.cpus)) {
    lines.push(
      `**The machine was too busy for these figures to mean much**: 1-minute load average per round ` +
        `${roundLoads.join(", ")}${lighthouseLoads.length ? ` (Lighthouse rounds: ${lighthouseLoads.join(", ")})` : ""} ` +
        `on ${meta.machine.cpus} CPUs (quiet is below ${meta.machine.cpus / 2}). ` +
        "The per-round ratios below are less skewed than the times, but still noisy.",
      "",
    );
  }
  const profiles = (Object.keys(PROFILES) as Profile["id"][]).filter(
    (p) => results.has(`app-${p}`) || results.has(`floor-${p}`),
  );
  lines.push("### Load, against the floor", "");
  lines.push(
    `| | ${profiles.map((p) => `app, ${PROFILES[p].label} | floor | ratio`).join(" | ")} |`,
    `|---|${profiles.map(() => "---|---|---").join("|")}|`,
  );
  const loadRows: [string, string, Format][] = [
    ["first contentful paint", "fcp", fmtMs],
    ["SVG map on screen (poster)", "svgMap", fmtMs],
    ["WebGL map on screen", "glMap", fmtMs],
    ["**map on screen** (first meaningful paint)", "fmp", fmtMs],
    ["JS loaded", "jsDone", fmtMs],
    ["data loaded", "dataDone", fmtMs],
    ['**ready** (`data-ready="true"`)', "ready", fmtMs],
    ["main-thread blocking until ready", "blocking", fmtMs],
    ["layout shift (CLS) until ready", "cls", fmtCls],
    ["JS heap after load (after GC)", "heap", fmtMB],
    ["transferred (with headers)", "transferred", fmtKB],
  ];
  for (const [label, key, format] of loadRows) {
    const cells = profiles.map((p) => {
      const app = results.get(`app-${p}`)?.summary[key];
      const floor = results.get(`floor-${p}`)?.summary[key];
      const ratio = app && floor && floor.median > 0 && format !== fmtCls ? ratioText(app.median / floor.median) : "";
      return `${cell(app, format)} | ${cell(floor, format)} | ${ratio}`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  lines.push("");

  // Every page of a round under the same load: the ratios within rounds, their median and spread.
  const anchors = profiles.filter((p) => results.has(`d3-${p}`) || results.has(`maplibre-${p}`));
  if (anchors.length) {
    lines.push("### Against the d3 anchor and MapLibre alone (median of per-round ratios, min–max)", "");
    lines.push(
      `| | ${anchors.map((p) => PROFILES[p].label).join(" | ")} |`,
      `|---|${anchors.map(() => "---|").join("")}`,
    );
    const rows: [string, string, string, (s: Sample) => number | null | undefined][] = [
      ["app ready ÷ d3 ready", "app", "d3", (s) => s.ready],
      ["app map on screen ÷ d3", "app", "d3", (s) => s.fmp],
      ["app ready frame presented ÷ d3's (Element Timing)", "app", "d3", (s) => s.presented],
      ["floor (MapLibre + deck.gl) ready ÷ d3", "floor", "d3", (s) => s.ready],
      ["MapLibre alone ready ÷ d3", "maplibre", "d3", (s) => s.ready],
      ["floor ready ÷ MapLibre alone (what deck.gl adds)", "floor", "maplibre", (s) => s.ready],
      ["app main-thread blocking ÷ floor's", "app", "floor", (s) => s.blocking],
    ];
    for (const [label, a, b, figure] of rows) {
      lines.push(
        `| ${label} | ${anchors.map((p) => ratioStat(roundRatio(results, `${a}-${p}`, `${b}-${p}`, figure))).join(" | ")} |`,
      );
    }
    lines.push(
      `| app "+" → WebGL map on screen ÷ floor's load → WebGL map | ${anchors
        .map((p) => ratioStat(roundRatio(results, `app-${p}`, `floor-${p}`, ENGAGED_GL, (s) => s.glMap)))
        .join(" | ")} |`,
    );
    lines.push("");
    lines.push(`| page | ${anchors.map((p) => `ready, ${PROFILES[p].label}`).join(" | ")} | WebGL contexts | heap |`);
    lines.push(`|---|${anchors.map(() => "---|").join("")}---|---|`);
    for (const page of ["d3", "maplibre", "floor", "app"] as const) {
      const first = results.get(`${page}-${anchors[0]}`)?.summary;
      lines.push(
        `| ${page} | ${anchors.map((p) => cell(results.get(`${page}-${p}`)?.summary.ready, fmtMs)).join(" | ")} | ${cell(first?.contexts, (v) => v.toFixed(0))} | ${cell(first?.heap, fmtMB)} |`,
      );
    }
    lines.push("");
  }

  lines.push("### Bytes by kind (raw / gzip level 6)", "");
  lines.push(`| page | ${KINDS.map((k) => (k === "js" ? "JS" : k === "css" ? "CSS" : k)).join(" | ")} | total |`);
  lines.push(`|---|${KINDS.map(() => "---|").join("")}---|`);
  const weights: [string, Weight | null | undefined][] = [
    ["app, default view", results.get("app-desktop")?.weight],
    ["app, embed view (`?embed=1`)", results.get("app-embed")?.weight],
    ["floor (MapLibre + deck.gl)", results.get("floor-desktop")?.weight ?? results.get("floor-embed")?.weight],
    ["MapLibre alone", results.get("maplibre-desktop")?.weight ?? results.get("maplibre-embed")?.weight],
    ["d3 anchor", results.get("d3-desktop")?.weight ?? results.get("d3-embed")?.weight],
  ];
  for (const [label, w] of weights) {
    if (!w) continue;
    const sizes = [...KINDS.map((k) => w.byKind[k]), w.total];
    lines.push(`| ${label} | ${sizes.map((s) => `${kB(s.raw)} / **${kB(s.gzip)}**`).join(" | ")} |`);
  }
  lines.push("");

  const desktop = results.get("app-desktop");
  if (desktop) {
    const s = desktop.summary;
    const view = desktop.samples.find((x) => x.viewSwitch)?.viewSwitch?.view ?? "forums";
    lines.push("### Interaction (app, desktop, default view)", "");
    lines.push("| | median (min–max) |", "|---|---|");
    const hoverErrors = desktop.samples.flatMap((x) => (x.hoverError ? [x.hoverError] : []));
    const failed = hoverErrors.length ? ` (${hoverErrors.length} run(s) failed: ${hoverErrors[0]})` : "";
    lines.push(`| hover Australia → tooltip on screen (SVG map) | ${cell(s.hover, fmtMs)}${failed} |`);
    lines.push(
      `| the same with a planted ${PLANTED_DELAY} ms \`pointermove\` handler (the probe's check) | ${cell(s.hoverPlanted, fmtMs)} |`,
    );
    lines.push(`| view switch pacts → ${view}: first map frame | ${cell(s.switchFirstFrame, fmtMs)} |`);
    lines.push(`| view switch pacts → ${view}: to idle (last frame) | ${cell(s.switchIdle, fmtMs)} |`);
    lines.push(`| timeline playback: median frame | ${cell(s.playbackMedian, fmtMs)} |`);
    lines.push(`| timeline playback: 95th percentile frame | ${cell(s.playbackP95, fmtMs)} |`);
    lines.push(`| timeline playback: longest frame | ${cell(s.playbackMax, fmtMs)} |`);
    lines.push(`| timeline playback: frames over 50 ms | ${cell(s.playbackLongShare, fmtPct)} |`);
    lines.push(`| timeline playback: frames per second | ${cell(s.playbackFps, fmtFps)} |`);
    lines.push("");
  }

  lines.push("### Goals of issue 13 (each from this run)", "");
  lines.push("| goal | target | measured | |", "|---|---|---|---|");
  for (const row of issueGoals(results, lighthouse)) lines.push(goalLine(row));
  lines.push("");

  lines.push("### Earlier goals, budgets and the bench's own check", "");
  lines.push("| | target | measured | |", "|---|---|---|---|");
  for (const p of profiles) {
    const value = r.ready[p];
    if (value === undefined) continue;
    lines.push(goalLine([`time to ready vs floor, ${PROFILES[p].label}`, "≤ 1.15×", ratioText(value), value <= 1.15]));
  }
  for (const [view, extra] of Object.entries(r.extraGzip)) {
    if (extra === undefined) continue;
    lines.push(goalLine([`gzip bytes beyond the floor, ${view} view`, "≤ 150 kB", kB(extra), extra <= 150_000]));
  }
  const embed = results.get("app-embed")?.weight;
  if (embed) {
    for (const [kind, limit] of Object.entries(EMBED_BUDGETS) as [BudgetKind, number][]) {
      const value = embed.byKind[kind].gzip;
      const name = kind === "data" ? "data" : kind.toUpperCase();
      lines.push(
        goalLine([`budget: embed view ${name} gzip (\`npm test\`)`, `≤ ${kB(limit)}`, kB(value), value <= limit]),
      );
    }
  }
  const extra = results.get("app-desktop")?.summary.hoverPlantedExtra;
  if (extra) {
    const [low, high] = PLANTED_SEEN;
    lines.push(
      goalLine([
        `hover probe: a planted ${PLANTED_DELAY} ms \`pointermove\` handler delays the tooltip by`,
        `${low}–${high} ms`,
        cell(extra, fmtMs),
        extra.median >= low && extra.median <= high,
      ]),
    );
  }
  lines.push("");

  const shiftsOf = (id: string) => results.get(id)?.shifts ?? [];
  const shiftLines = ["app-desktop", "app-embed", "app-phone"].flatMap((id) =>
    shiftsOf(id)
      .filter(([, value]) => value >= 0.005)
      .map(
        ([time, value, nodes]) => `- ${id}: ${value.toFixed(3)} at ${Math.round(time)} ms: ${nodes || "(no source)"}`,
      ),
  );
  if (shiftLines.length) lines.push("Layout shifts before ready (first run; ≥ 0.005):", "", ...shiftLines, "");
  const lateLines = [...results.values()].flatMap((result) => {
    const late = result.samples.find((x) => x.late?.length)?.late ?? [];
    return late.length ? [`- ${result.id}: ${late.map((path) => `\`${path}\``).join(", ")}`] : [];
  });
  if (lateLines.length) {
    lines.push(
      "Requested after ready (not counted in the bytes before ready; first run that had any):",
      "",
      ...lateLines,
      "",
    );
  }

  if (lighthouse) lines.push(...lighthouseSection(lighthouse));
  return lines.join("\n");
}

/** A goal: what, its target, what was measured, and whether it is met (null: not measured). */
type Goal = [label: string, target: string, measured: string, met: boolean | null];

function goalLine([label, target, measured, met]: Goal): string {
  return `| ${label} | ${target} | ${measured} | ${met === null ? "– not measured" : met ? "✅" : "❌"} |`;
}

/** Why a goal has no figure in this run. */
const NOT_RUN = "not in this run";

/**
 * Every goal of issue 13, each a row whether or not this run measured it (`--only`,
 * `--lighthouse-pages` and `--no-lighthouse` leave some out), so a full run answers all of them.
 */
function issueGoals(results: Map<string, ScenarioResult>, lighthouse: LighthouseRounds | null): Goal[] {
  const goals: Goal[] = [];
  for (const p of ["embed", "phone"] as const) {
    const value = roundRatio(results, `app-${p}`, `d3-${p}`, (s) => s.ready);
    const label = `interactive map (ready) ÷ d3's map on screen, ${PROFILES[p].label}`;
    goals.push([label, "≤ 1.2×", value ? ratioStat(value) : NOT_RUN, value ? value.median <= 1.2 : null]);
  }
  const d3Weight =
    results.get("d3-embed")?.weight ?? results.get("d3-desktop")?.weight ?? results.get("d3-phone")?.weight;
  for (const [view, id] of [
    ["default", "app-desktop"],
    ["embed", "app-embed"],
  ] as const) {
    const weight = results.get(id)?.weight;
    const label = `gzip bytes before ready ÷ d3's, ${view} view`;
    if (!weight || !d3Weight) {
      goals.push([label, "≤ 2×", NOT_RUN, null]);
      continue;
    }
    const value = weight.total.gzip / d3Weight.total.gzip;
    goals.push([
      label,
      "≤ 2×",
      `${kB(weight.total.gzip)} / ${kB(d3Weight.total.gzip)} = ${ratioText(value)}`,
      value <= 2,
    ]);
  }
  for (const id of ["app", "app-embed"] as const) {
    const view = LIGHTHOUSE_PAGES[id].goal;
    const result = lighthouse?.pages[id] ?? null;
    const runs = result
      ? ` (median of ${result.runs.length}${result.runs.length < 3 ? "; the goal is of 3" : ""})`
      : "";
    const failed = lighthouse?.pages[id] === null ? "Lighthouse failed (see below)" : NOT_RUN;
    for (const [category, name, target, met] of [
      ["performance", "performance", "≥ 90", (v: number) => v >= 90],
      ["accessibility", "accessibility", "100", (v: number) => v >= 100],
    ] as const) {
      const score = result?.scores[category];
      const measured = !result ? failed : score === null ? "no score (see the Lighthouse report)" : `${score}${runs}`;
      goals.push([
        `Lighthouse mobile ${name}, ${view}`,
        target,
        measured,
        typeof score === "number" ? met(score) : result ? false : null,
      ]);
    }
  }
  for (const p of Object.values(PROFILES)) {
    const value = roundRatio(results, `app-${p.id}`, `floor-${p.id}`, ENGAGED_GL, (s) => s.glMap);
    const label = `"+" on the SVG map → WebGL map on screen ÷ the floor's load → WebGL map, ${p.label}`;
    goals.push([label, "≤ 1.1×", value ? ratioStat(value) : NOT_RUN, value ? value.median <= 1.1 : null]);
  }
  for (const p of Object.values(PROFILES)) {
    const contexts = results.get(`app-${p.id}`)?.summary.engagedContexts;
    const label = `WebGL contexts per map once the WebGL map is drawn, ${p.label}`;
    goals.push([
      label,
      "1",
      contexts ? cell(contexts, (v) => v.toFixed(0)) : NOT_RUN,
      contexts ? contexts.min === 1 && contexts.max === 1 : null,
    ]);
  }
  return goals;
}

/** Lighthouse's table: every page, median of its runs with min–max; the goal pages' audits below 90. */
function lighthouseSection(lighthouse: LighthouseRounds): string[] {
  const lines: string[] = [];
  const done = Object.values(lighthouse.pages).find((page) => page);
  lines.push(
    `### Lighthouse ${done?.version ?? ""} (mobile: simulated Slow 4G, 4× CPU), median of each page's runs (min–max)`,
    "",
  );
  const seconds: Format = (v) => `${(v / 1000).toFixed(1)} s`;
  const columns: [string, (run: LighthouseRun) => number | null | undefined, Format][] = [
    ["performance", (run) => run.scores.performance, (v) => v.toFixed(0)],
    ["accessibility", (run) => run.scores.accessibility, (v) => v.toFixed(0)],
    ["best practices", (run) => run.scores["best-practices"], (v) => v.toFixed(0)],
    ["SEO", (run) => run.scores.seo, (v) => v.toFixed(0)],
    ["FCP", (run) => run.metrics["first-contentful-paint"], seconds],
    ["LCP", (run) => run.metrics["largest-contentful-paint"], seconds],
    ["TBT", (run) => run.metrics["total-blocking-time"], fmtMs],
    ["CLS", (run) => run.metrics["cumulative-layout-shift"], fmtCls],
    ["Speed Index", (run) => run.metrics["speed-index"], seconds],
  ];
  lines.push(`| page | runs | ${columns.map(([name]) => name).join(" | ")} |`);
  lines.push(`|---|---|${columns.map(() => "---|").join("")}`);
  for (const [id] of LIGHTHOUSE_RUNS) {
    const result = lighthouse.pages[id];
    const failed = lighthouse.errors[id]?.length ?? 0;
    const runs = `${result?.runs.length ?? 0}${failed ? ` (${failed} failed)` : ""}`;
    const cells = columns.map(([, of, format]) => cell(stat(result?.runs.map(of) ?? []), format));
    lines.push(`| ${LIGHTHOUSE_PAGES[id].label} | ${runs} | ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    'A score or metric Lighthouse could not give is "–" (a page without a largest contentful paint has no ' +
      "LCP, TBT or performance score); each page's last report: `bench-results/lighthouse/<page>.html`.",
    "",
  );
  for (const [id, errors] of Object.entries(lighthouse.errors)) {
    lines.push(`- ${id}: Lighthouse failed twice in a round: ${errors.join("; ")}`);
  }
  if (Object.keys(lighthouse.errors).length) lines.push("");
  for (const [id] of LIGHTHOUSE_RUNS) {
    const result = lighthouse.pages[id];
    if (!LIGHTHOUSE_PAGES[id].goal || !result?.findings.length) continue;
    lines.push(`Audits below 90, ${LIGHTHOUSE_PAGES[id].label} (last run):`, "");
    for (const f of result.findings) {
      const items = f.items.length ? `: ${f.items.map((i) => `\`${i.replaceAll("`", "'")}\``).join(", ")}` : "";
      lines.push(`- ${f.category} · ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}${items}`);
    }
    lines.push("");
  }
  return lines;
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the generated figures in BENCHMARKS.md (between its markers) with this run's. */
function recordInBenchmarks(markdown: string): void {
  const file = join(ROOT, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
  console.log("Recorded the figures in BENCHMARKS.md");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
