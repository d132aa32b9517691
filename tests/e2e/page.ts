/** Opens the built app in a fresh page and records what a broken map would leave behind. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
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
}

export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedApp> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
  });
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
  return { page, errors, warnings, requests };
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
