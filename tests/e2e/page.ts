/** Opens the built app in a fresh page and records what a broken map would leave behind. */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { PNG } from "pngjs";

export interface OpenedApp {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Console warnings (e.g. ignored URL parameters). */
  warnings: string[];
  /** Every request URL the page made. */
  requests: string[];
}

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** Wait for this value of <html data-ready> (default "true"). */
  expectReady?: "true" | "error";
  /** Hold the data files back this long (ms), as a slow network would: the page shows its skeleton first. */
  delayData?: number;
  /** Also wait for the WebGL map (see waitForWebgl); otherwise the page is ready on the SVG map. */
  webgl?: boolean;
  /** The reader asked to save data (`navigator.connection.saveData`, as Chrome's Lite mode sets it). */
  saveData?: boolean;
  /** A browser without any WebGL: no WebGLRenderingContext or WebGL2RenderingContext at all. */
  noWebglApi?: boolean;
}

export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedApp> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
  });
  await context.addInitScript(countWebglContexts);
  if (options.saveData) {
    await context.addInitScript(() =>
      Object.defineProperty(navigator, "connection", { value: { saveData: true, effectiveType: "4g" } }),
    );
  }
  if (options.noWebglApi) {
    await context.addInitScript(() => {
      for (const name of ["WebGLRenderingContext", "WebGL2RenderingContext"]) Reflect.deleteProperty(window, name);
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
    if (message.type() === "warning") warnings.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  const delay = options.delayData;
  if (delay) {
    await page.route(/\/data\/[^/]+\.json$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
  }
  await page.goto(url);
  await page.waitForFunction(
    (expected) => document.documentElement.dataset.ready === expected,
    options.expectReady ?? "true",
    { timeout: 45_000 },
  );
  if (options.webgl) await waitForWebgl(page);
  return { page, errors, warnings, requests };
}

/**
 * Waits until the WebGL map has drawn its first frame and taken over from the SVG map
 * (`data-renderer="webgl"`): started by a gesture the test made, or on its own once the page has
 * been idle with the map in view (src/map/renderers.ts, IDLE_AFTER). With `paused`, a map whose
 * context the browser has taken counts as started too: after its first frame (a static copy stands
 * in) or before it (several maps starting at once on a page with fewer contexts than maps).
 */
export async function waitForWebgl(
  target: Page | Frame,
  options: { paused?: boolean; timeout?: number } = {},
): Promise<void> {
  await target.waitForFunction(
    (paused) => {
      const api = (window as unknown as { criticalMineralsMap?: { phase(): string } }).criticalMineralsMap;
      const phase = api?.phase();
      // Paused after its first frame (a static copy stands in), or before it: the browser took the
      // context while the map was starting, so the SVG map stays up under the paused note.
      const note = document.getElementById("fallback-note");
      const lostEarly = phase === "starting-webgl" && note?.hidden === false;
      if (paused && (phase === "paused" || lostEarly)) return true;
      return document.documentElement.dataset.renderer === "webgl" && phase === "webgl";
    },
    options.paused ?? false,
    { timeout: options.timeout ?? 60_000 },
  );
}

/**
 * Runs in the page before its scripts: records every canvas that is given a WebGL context, so a
 * test can ask how many contexts the page holds (`webglContexts`).
 */
export function countWebglContexts(): void {
  const canvases = new Set<HTMLCanvasElement | OffscreenCanvas>();
  (window as unknown as { webglCanvases: typeof canvases }).webglCanvases = canvases;
  for (const type of [HTMLCanvasElement, OffscreenCanvas]) {
    const getContext = type.prototype.getContext as (this: unknown, id: string, options?: unknown) => unknown;
    type.prototype.getContext = function (this: HTMLCanvasElement, id: string, options?: unknown) {
      const context = getContext.call(this, id, options);
      if (context && /webgl/.test(id)) canvases.add(this);
      return context;
    } as typeof type.prototype.getContext;
  }
}

/** WebGL contexts the page holds now: canvases given one that are still in the document. */
export async function webglContexts(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvases = (window as unknown as { webglCanvases: Set<HTMLCanvasElement | OffscreenCanvas> }).webglCanvases;
    return [...canvases].filter((canvas) => !(canvas instanceof HTMLCanvasElement) || canvas.isConnected).length;
  });
}

/** Requests that left the app's own origin (there must be none). */
export function foreignRequests(requests: readonly string[], appUrl: string): string[] {
  const origin = new URL(appUrl).origin;
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
}

/** Saves a screenshot under test-results/screenshots (git-ignored) and returns the PNG. */
export async function screenshot(page: Page, name: string): Promise<PNG> {
  const dir = join(process.cwd(), "test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const buffer = await page.screenshot({ path: join(dir, `${name}.png`) });
  return PNG.sync.read(buffer);
}

/** The [r, g, b] of one pixel of a screenshot. */
export function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

/** Where a longitude/latitude lands on the page, in CSS pixels. */
export async function projectToPage(page: Page, lon: number, lat: number): Promise<[number, number]> {
  return page.evaluate(
    ([x, y]: [number, number]) => {
      const api = (
        window as unknown as { criticalMineralsMap: { project(lon: number, lat: number): [number, number] } }
      ).criticalMineralsMap;
      const [px, py] = api.project(x, y);
      const box = document.getElementById("map")?.getBoundingClientRect();
      return [px + (box?.left ?? 0), py + (box?.top ?? 0)] as [number, number];
    },
    [lon, lat] as [number, number],
  );
}

export function hex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** Largest per-channel difference between two colours. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((c, i) => Math.abs(c - (b[i] ?? 0))));
}

/** How much of a map's picture is sea and land, as fractions of its pixels (sampled). */
export interface MapCoverage {
  ocean: number;
  /** Plain land or a country in one of the palette's category colours. */
  land: number;
}

/**
 * Judges a screenshot of a map as a reader would: how much of it shows the theme's ocean, and how
 * much its land or category colours (within `tolerance` per channel, for anti-aliasing). A white
 * box, a broken-image glyph or a note on an empty frame scores near 0 on both.
 */
export function mapCoverage(png: PNG, ocean: string, landColours: readonly string[], tolerance = 6): MapCoverage {
  const rgbOf = (hexColour: string) => {
    const n = Number.parseInt(hexColour.slice(1, 7), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  };
  const sea = rgbOf(ocean);
  const lands = landColours.map(rgbOf);
  let oceanCount = 0;
  let landCount = 0;
  let total = 0;
  for (let i = 0; i < png.data.length; i += 4 * 5) {
    const colour = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    total += 1;
    if (colourDistance(colour, sea) <= tolerance) oceanCount += 1;
    else if (lands.some((land) => colourDistance(colour, land) <= tolerance)) landCount += 1;
  }
  return { ocean: oceanCount / total, land: landCount / total };
}

let axeCode: string | undefined;
const axeSource = () => {
  axeCode ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeCode;
};

interface AxeResult {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in a page or frame (through the DevTools protocol, so the page's CSP does not block it). */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  await page.evaluate(`${axeSource()};0`);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  })) as AxeResult[];
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 4)
        .join(", ")}`,
  );
}
