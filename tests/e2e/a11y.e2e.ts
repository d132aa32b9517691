/**
 * Accessible to everyone and never blank: axe-core finds no violation in any view, the map works
 * from the keyboard, and without WebGL the SVG map draws the same story.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { PACT_COLOURS } from "../../src/model/palette.ts";
import {
  axeViolations,
  chromiumForFile,
  colourAt,
  colourDistance,
  hex,
  label,
  launchChromium,
  openApp,
  placeOnPage,
  rgb,
  screenshot,
} from "./harness.ts";

const appUrl = inject("appUrl");
const chromium = chromiumForFile();

/**
 * The SVG map without WebGL on the ministerial's day, as a reader meets it: Argentina in the
 * ministerial's colour (within 3), its name in the tooltip under the pointer, its panel on a click.
 */
async function expectArgentinaAnswers(page: Page, shot: string): Promise<void> {
  const png = await screenshot(page, shot);
  const argentina = await colourAt(png, page, "ARG");
  expect(colourDistance(argentina, rgb(PACT_COLOURS.light.ministerial ?? "")), hex(argentina)).toBeLessThanOrEqual(3);
  await page.mouse.move(...(await placeOnPage(page, "ARG")));
  await page.locator("#tooltip").waitFor({ state: "visible" });
  expect(await page.locator("#tooltip").textContent()).toContain("Argentina");
  await page.mouse.click(...(await placeOnPage(page, "ARG")));
  await page.locator("#panel-title").waitFor();
  expect(await page.locator("#panel-title").textContent()).toBe("Argentina");
}

describe("axe-core finds no violations", () => {
  it.each([
    ["the pacts view", ""],
    ["the forums view, dark", "?view=forums&forum=pax-silica&theme=dark"],
    ["the minerals view", "?view=minerals&mineral=cobalt"],
    ["the table view", "?view=minerals&mineral=lithium&table=1"],
    ["the country panel", "?country=AUS"],
    ["the embed on a phone", "?embed=1&view=minerals&mineral=gallium"],
    ["the pacts view on the WebGL map", "#webgl"],
  ])("in %s", async (_name, query) => {
    const phone = query.includes("embed");
    const webgl = query === "#webgl";
    const { page } = await openApp(chromium.browser, `${appUrl}${webgl ? "" : query}`, {
      ...(phone ? { width: 390, height: 740 } : {}),
      webgl,
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("in the sources and methodology panel", async () => {
    const { page } = await openApp(chromium.browser, appUrl);
    await page.locator("#sources-button").click();
    await page.locator("#methodology").waitFor({ state: "visible" });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "a11y-methodology");
    await page.context().close();
  });
});

describe("keyboard", () => {
  it("reaches a country and opens its panel without a mouse, and Escape closes it", async () => {
    const { page } = await openApp(chromium.browser, appUrl);
    // Tab from the top of the page to the country search.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "country-search")) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("country-search");
    await page.keyboard.type("Japan");
    await page.keyboard.press("Enter");
    await page.locator("#panel-title").waitFor();
    expect(await page.locator("#panel-title").textContent()).toBe("Japan");
    await page.keyboard.press("Escape");
    await page.locator("#panel").waitFor({ state: "hidden" });
    await page.context().close();
  });

  it("switches views, steps the timeline and shows the shortcuts from the keyboard", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?date=2026-02-03`);
    await page.locator("body").focus();
    await page.keyboard.press("3");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "minerals");
    await page.keyboard.press("]");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") === "2026-02-04");
    await page.keyboard.press("?");
    await page.locator("#help").waitFor({ state: "visible" });
    expect(await page.locator("#help").textContent()).toContain("Timeline: next event");
    await screenshot(page, "a11y-help");
    await page.keyboard.press("Escape");
    await page.locator("#help").waitFor({ state: "hidden" });
    await page.context().close();
  });

  it("opens a country from the table view with Enter", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?table=1`);
    const first = page.locator(".data-table-country").first();
    const name = await first.textContent();
    await first.focus();
    await page.keyboard.press("Enter");
    await page.locator("#panel-title").waitFor();
    expect(await page.locator("#panel-title").textContent()).toBe(name);
    await page.context().close();
  });
});

describe("the map appears at once and never blank", () => {
  it.each([
    ["", 1280, 800],
    ["", 390, 844],
    ["", 768, 1024],
    ["?embed=1", 640, 480],
    ["?embed=1", 320, 600],
  ])("keeps its layout from the first paint to ready (%s %i×%i: no layout shift)", async (query, width, height) => {
    // The data arrive late, so the page is painted before the controls, legend and timeline exist.
    const { page } = await openApp(chromium.browser, `${appUrl}${query}`, { width, height, delayData: 1200 });
    const shifts = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources: { node?: Node }[];
            })[];
            resolve(
              entries
                .filter((e) => !e.hadRecentInput)
                .map(
                  (e) => `${e.value.toFixed(3)}: ${e.sources.map((s) => (s.node as Element)?.className).join(", ")}`,
                ),
            );
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve([]), 1000);
        }),
    );
    // Below 0.01 in all: a tab bar growing a few pixels to the side is not a shift a reader sees.
    const total = shifts.reduce((sum, entry) => sum + Number.parseFloat(entry), 0);
    expect(total, shifts.join("; ")).toBeLessThan(0.01);
    await page.context().close();
  });

  it.each([
    [1280, 800],
    [390, 844],
    [700, 400],
  ])("draws the SVG map exactly where the WebGL map draws at %i×%i (no shift when it takes over)", async (width, height) => {
    const { page } = await openApp(chromium.browser, appUrl, { width, height, webgl: true });
    for (const iso3 of ["AUS", "ARG", "NOR", "JPN", "ZAF"]) {
      const [lon, lat] = label(iso3);
      const [gx, gy] = await page.evaluate(
        ([x, y]: [number, number]) =>
          (
            window as unknown as { criticalMineralsMap: { project(a: number, b: number): number[] } }
          ).criticalMineralsMap.project(x, y),
        [lon, lat] as [number, number],
      );
      const [sx, sy] = await page.evaluate(
        ([x, y]: [number, number]) =>
          (
            window as unknown as { criticalMineralsMap: { posterProject(a: number, b: number): number[] } }
          ).criticalMineralsMap.posterProject(x, y),
        [lon, lat] as [number, number],
      );
      expect(Math.hypot((gx ?? 0) - (sx ?? 0), (gy ?? 0) - (sy ?? 0)), iso3).toBeLessThan(1.5);
    }
    await page.context().close();
  });

  it("shows a static SVG copy when the WebGL context is lost, and the WebGL map again when it is restored", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?date=2026-02-04&arcs=0`, { webgl: true });
    const lose = (how: "loseContext" | "restoreContext") =>
      page.evaluate((method) => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
        const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
        const extension = gl?.getExtension("WEBGL_lose_context");
        (window as unknown as { lostContext?: WEBGL_lose_context }).lostContext ??= extension ?? undefined;
        (window as unknown as { lostContext?: WEBGL_lose_context }).lostContext?.[method]();
      }, how);
    await lose("loseContext");
    await page.locator("#poster svg").waitFor({ state: "visible" });
    expect(await page.locator("#fallback-note").textContent()).toMatch(/paused/);
    const png = await screenshot(page, "context-lost");
    const argentina = await colourAt(png, page, "ARG");
    const n = Number.parseInt((PACT_COLOURS.light.ministerial ?? "").slice(1), 16);
    expect(colourDistance(argentina, [(n >> 16) & 255, (n >> 8) & 255, n & 255]), hex(argentina)).toBeLessThanOrEqual(
      3,
    );

    await lose("restoreContext");
    await page.locator("#poster").waitFor({ state: "hidden" });
    // MapLibre reloads its saved style after a restore: wait for the countries to be drawn again.
    let restored: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      restored = await colourAt(await screenshot(page, "context-restored"), page, "ARG");
      if (colourDistance(restored, [(n >> 16) & 255, (n >> 8) & 255, n & 255]) <= 3) break;
      await page.waitForTimeout(500);
    }
    expect(colourDistance(restored, [(n >> 16) & 255, (n >> 8) & 255, n & 255]), hex(restored)).toBeLessThanOrEqual(3);
    expect(await page.locator("#fallback-note").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps the SVG map with the same colours, tooltip and panel when WebGL is disabled", async () => {
    const noWebgl = await launchChromium({ disableWebgl: true });
    try {
      const { page, errors } = await openApp(noWebgl, `${appUrl}?date=2026-02-04&arcs=0`);
      // The reader reaches for the WebGL map (+ on the focused map): it cannot start, the SVG map stays.
      await page.locator("#poster").focus();
      await page.keyboard.press("+");
      await page.waitForFunction(() => document.getElementById("fallback-note")?.hidden === false);
      expect(await page.locator(".map-area svg.svg-map").count()).toBe(1);
      expect(await page.locator("#map canvas").count()).toBe(0);
      expect(await page.locator("#fallback-note").textContent()).toMatch(/simplified map/);
      expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("svg");
      await expectArgentinaAnswers(page, "fallback-svg");
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await noWebgl.close();
    }
  });

  it("draws the SVG map for good in a browser without any WebGL, in the WebGL map's frame, with colours, tooltip and panel", async () => {
    const { page, errors, requests } = await openApp(chromium.browser, `${appUrl}?date=2026-02-04&arcs=0`, {
      width: 390,
      height: 844,
      noWebglApi: true,
    });
    expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("svg");
    expect(await page.locator("#fallback-note").textContent()).toMatch(/simplified map/);
    expect(await page.locator(".map-area svg.svg-map").count()).toBe(1);
    // Nothing of MapLibre or deck.gl is fetched for a browser that cannot draw them.
    expect(requests.filter((url) => /\/assets\/mount-/.test(url))).toEqual([]);
    // Drawn where the WebGL map would draw: a place is where the SVG map's frame puts it.
    const [drawn, framed] = await page.evaluate(() => {
      const api = (
        window as unknown as {
          criticalMineralsMap: {
            project(lon: number, lat: number): number[];
            posterProject(lon: number, lat: number): number[];
          };
        }
      ).criticalMineralsMap;
      return [api.project(134, -25), api.posterProject(134, -25)];
    });
    expect(drawn).toEqual(framed);
    await expectArgentinaAnswers(page, "no-webgl-api-390");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("downloads", () => {
  it("saves a 2× PNG of the current view with title, legend and credit, not blank", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=cobalt`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    // Named after the view: the mineral, the stage and the year drawn (cobalt's default stage).
    expect(download.suggestedFilename()).toMatch(/^critical-minerals-cobalt-mine-production-\d{4}\.png$/);
    const path = await download.path();
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBe(2 * 1200);
    expect(png.height).toBeGreaterThan(2 * 700);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) {
      colours.add(((png.data[i] ?? 0) << 16) | ((png.data[i + 1] ?? 0) << 8) | (png.data[i + 2] ?? 0));
    }
    expect(colours.size).toBeGreaterThan(20);
    writeFileSync(join("test-results", "screenshots", "download.png"), readFileSync(path));
    await page.context().close();
  });

  it("saves an SVG drawn by the d3 renderer with the legend and credit", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?date=2026-02-04`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-svg").click()]);
    const svg = readFileSync(await download.path(), "utf8");
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain("Pact signed at the 4 Feb 2026 ministerial (11)");
    expect(svg).toContain("Natural Earth");
    expect((svg.match(/data-iso3="/g) ?? []).length).toBeGreaterThan(200);
    await page.context().close();
  });
});
