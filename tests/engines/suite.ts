/**
 * The checks every engine passes, written once (each *.engine.ts file runs them in one engine):
 * every view reaches ready with no page error, the map is drawn (a known land and ocean pixel in
 * the light and the dark palette, by the renderer the engine should get), a real click on a country
 * opens its panel with its title on screen at a phone and a desktop size, and the layout checks of
 * tests/e2e/layout-checks.ts at a phone and a desktop size find no element in trouble that is fine
 * in Chromium, the engine whose layout test (tests/e2e) holds the app to zero problems.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BASE_PALETTE } from "../../src/model/palette.ts";
import { colourDistance, hex, label, launchChromium, pixel, rgb } from "../e2e/harness.ts";
import { EMBED_VIEWS, layoutCheckExpression, PHONE_MAX_WIDTH } from "../e2e/layout-checks.ts";
import { type EngineName, type EnginePage, openEngine } from "./engines.ts";

/** One query string per kind of view: each view, a forum, the overlap, a selection, the table, the embeds. */
export const ENGINE_VIEWS: readonly string[] = [
  "",
  "?country=AUS",
  "?view=forums",
  "?view=forums&forum=overlap",
  "?view=minerals",
  "?view=minerals&mineral=cobalt&stage=refining",
  "?table=1",
  ...EMBED_VIEWS,
];

/** The sizes the layout is checked at in each engine: a phone and the most common desktop. */
export const ENGINE_SIZES: readonly [number, number][] = [
  [390, 844],
  [1280, 800],
];

/** The sizes the engines' layout is compared with Chromium's at: a phone and the most common desktop. */
const LAYOUT_SIZES = ENGINE_SIZES;

/** The views whose layout is compared with Chromium's (each check costs a page load per size). */
const LAYOUT_VIEWS: readonly string[] = ["", "?view=minerals", "?country=AUS", ...EMBED_VIEWS];

export type Renderer = "webgl" | "svg" | "none";

/**
 * Which map the page shows: `<html data-renderer>` when the app sets it, otherwise the map that is
 * in the page (MapLibre's canvas or the SVG map).
 */
export function rendererOf(page: EnginePage): Promise<Renderer> {
  return page.evaluate(() => {
    const declared = document.documentElement.dataset.renderer;
    if (declared === "webgl" || declared === "svg") return declared;
    if (document.querySelector("#map canvas.maplibregl-canvas")) return "webgl";
    if (document.querySelector("#map svg")) return "svg";
    return "none";
  });
}

/** Where a longitude/latitude lands in the viewport, in CSS pixels (as tests/e2e/page.ts's projectToPage). */
export function projectInPage(page: EnginePage, lon: number, lat: number): Promise<[number, number]> {
  return page.evaluate(
    (x: number, y: number) => {
      const api = (window as unknown as { criticalMineralsMap: { project(lon: number, lat: number): number[] } })
        .criticalMineralsMap;
      const [px = 0, py = 0] = api.project(x, y);
      const box = document.getElementById("map")?.getBoundingClientRect();
      return [px + (box?.left ?? 0), py + (box?.top ?? 0)] as [number, number];
    },
    lon,
    lat,
  );
}

/**
 * What a problem is about: the element it names (or "the page"), numbers aside. The same defect can
 * read differently in two engines (a panel cut off by its column in one, covered by the footer in
 * another); what must not differ is which elements a reader can use.
 */
export function problemSubject(problem: string): string {
  const element = /^<[^>]*>(?: "[^"]*")?/.exec(problem)?.[0] ?? problem.split(" ").slice(0, 2).join(" ");
  return element.replace(/\d+(\.\d+)?/g, "#");
}

async function chromiumLayout(browser: Browser, url: string, width: number, height: number): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
  try {
    const page: Page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    return await page.evaluate(layoutCheckExpression({ touch: width <= PHONE_MAX_WIDTH }));
  } finally {
    await context.close();
  }
}

export function describeEngine(engine: EngineName, expected: { renderer: Renderer }): void {
  const appUrl = inject("appUrl");
  let page: EnginePage;

  describe(`the app in ${engine}`, () => {
    beforeAll(async () => {
      page = await openEngine(engine);
      console.log(`${engine}: ${page.version}`);
    });
    afterAll(async () => {
      await page?.close();
    });

    it("reaches ready in every view with no page error", async () => {
      await page.resize(1280, 800);
      const failures: string[] = [];
      for (const view of ENGINE_VIEWS) {
        await page.goto(`${appUrl}${view}`);
        for (const error of await page.pageErrors()) failures.push(`${view || "(default)"}: ${error}`);
      }
      expect(failures).toEqual([]);
    });

    for (const theme of ["light", "dark"] as const) {
      it(`draws the map (${expected.renderer}): land and ocean in the ${theme} palette`, async () => {
        await page.resize(1280, 800);
        // Before the first record (30 Apr 2025) Brazil has no status: plain land.
        await page.goto(`${appUrl}?theme=${theme}&date=2025-04-30&arcs=0`);
        // A renderer may start after ready (the SVG map first, WebGL when it has drawn).
        let renderer = await rendererOf(page);
        for (let wait = 0; renderer !== expected.renderer && wait < 60; wait += 1) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          renderer = await rendererOf(page);
        }
        expect(renderer).toBe(expected.renderer);
        const png = await page.screenshot(`${engine}-map-${theme}`);
        expect(png.width).toBe(1280);
        // Centre of Brazil (a large flat fill) and the middle of the South Atlantic.
        const land = pixel(png, ...(await projectInPage(page, -52, -10)));
        const ocean = pixel(png, ...(await projectInPage(page, -20, -30)));
        const palette = BASE_PALETTE[theme];
        expect(colourDistance(land, rgb(palette.land)), `land ${hex(land)}`).toBeLessThanOrEqual(3);
        expect(colourDistance(ocean, rgb(palette.ocean)), `ocean ${hex(ocean)}`).toBeLessThanOrEqual(3);
        expect(await page.pageErrors()).toEqual([]);
      });
    }

    for (const [width, height] of ENGINE_SIZES) {
      it(`opens a country's panel on a click on the map, in view, at ${width}×${height}`, async () => {
        await page.resize(width, height);
        await page.goto(`${appUrl}?arcs=0`);
        // The map a click meets must be the map drawn, not the SVG poster under a WebGL map still loading.
        for (let wait = 0; (await rendererOf(page)) !== expected.renderer && wait < 60; wait += 1)
          await new Promise((resolve) => setTimeout(resolve, 500));
        const [x, y] = await projectInPage(page, ...label("AUS"));
        await page.click(x, y);
        const opened = await page.evaluate(
          () =>
            new Promise<{ country: string | null; title: string | null; inView: boolean }>((resolve) => {
              const started = Date.now();
              const look = () => {
                const panel = document.getElementById("panel");
                const box = panel?.getBoundingClientRect();
                const shown = Boolean(panel && !panel.hidden && box && box.height > 0);
                if (!shown && Date.now() - started < 5000) {
                  setTimeout(look, 100);
                  return;
                }
                // Its title on screen: the reader sees at once that the click did something.
                const title = document.getElementById("panel-title")?.getBoundingClientRect();
                resolve({
                  country: new URLSearchParams(location.search).get("country"),
                  title: shown ? (document.getElementById("panel-title")?.textContent ?? null) : null,
                  inView: Boolean(title && title.top >= 0 && title.bottom <= window.innerHeight),
                });
              };
              look();
            }),
        );
        await page.screenshot(`${engine}-click-australia-${width}x${height}`);
        expect(opened).toEqual({ country: "AUS", title: "Australia", inView: true });
        expect(await page.pageErrors()).toEqual([]);
      });
    }

    describe("layout", () => {
      let chromium: Browser;
      beforeAll(async () => {
        chromium = await launchChromium();
      });
      afterAll(async () => {
        await chromium?.close();
      });

      for (const [width, height] of LAYOUT_SIZES) {
        it(`at ${width}×${height} has no element in layout trouble that is fine in Chromium`, async () => {
          await page.resize(width, height);
          const extra: string[] = [];
          for (const view of LAYOUT_VIEWS) {
            const url = `${appUrl}${view}`;
            await page.goto(url);
            const problems = await page.evaluateExpression<string[]>(
              layoutCheckExpression({ touch: width <= PHONE_MAX_WIDTH }),
            );
            expect(Array.isArray(problems), `layout check result in ${engine}`).toBe(true);
            if (problems.length === 0) continue;
            const known = new Set((await chromiumLayout(chromium, url, width, height)).map(problemSubject));
            for (const problem of problems) {
              if (!known.has(problemSubject(problem))) extra.push(`${view || "(default)"}: ${problem}`);
            }
          }
          expect(extra, `layout problems only ${engine} shows at ${width}×${height}`).toEqual([]);
        });
      }
    });
  });
}
