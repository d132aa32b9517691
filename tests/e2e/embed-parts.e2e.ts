/**
 * Compact embeds in Chromium: by default the map, its legend, a one-line headline and the credit;
 * the parts an editor switches on with `parts=`; a country's facts open over the map instead of
 * lengthening the article; and the heights an article column can take at 700 and 375 px.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { screenshot } from "./page.ts";

const appUrl = inject("appUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = [
  "view=pacts",
  "view=forums",
  "view=forums&forum=msp",
  "view=forums&forum=pax-silica",
  "view=forums&forum=ministerial",
  "view=forums&forum=overlap",
  "view=minerals",
  "view=minerals&mineral=lithium",
  "view=minerals&mineral=cobalt&stage=reserves",
];
/** The tallest a default embed may be, without a country selected, per frame width. */
const LIMITS: [width: number, max: number][] = [
  [700, 760],
  [375, 1000],
];

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${appUrl}?${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
}

const appHeight = (page: Page) =>
  page.evaluate(() => Math.ceil(document.getElementById("app")?.getBoundingClientRect().height ?? 0));

const visible = (page: Page, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].some((el) => el.checkVisibility()), selector);

describe.each(LIMITS)("default embeds at %i px wide", (width, max) => {
  let page: Page;
  const warnings: string[] = [];
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
    });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it(`are at most ${max} px tall in every view, and show the map, legend, headline and credit only`, async () => {
    const heights: Record<string, number> = {};
    for (const view of VIEWS) {
      await open(page, `${view}&embed=1`);
      heights[view] = await appHeight(page);
      for (const part of ["#map", ".legend-items", ".embed-headline", ".full-map-link", ".credit-text"]) {
        expect(await visible(page, part), `${view}: ${part}`).toBe(true);
      }
      for (const part of [".timeline", ".insight", ".legend-note", ".footer-actions", "#panel"]) {
        expect(await visible(page, part), `${view}: ${part}`).toBe(false);
      }
      // The headline is one line at 700 px (two at most on a phone).
      const lines = await page.locator(".embed-headline").evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines, view).toBeLessThanOrEqual(width >= 700 ? 1 : 2);
    }
    await screenshot(page, `embed-default-${width}-minerals`);
    const tooTall = Object.entries(heights).filter(([, height]) => height > max);
    expect(tooTall, JSON.stringify(heights)).toEqual([]);
    expect(warnings).toEqual([]);
  }, 180_000);

  it("open a selected country's facts over the map: the frame keeps its height", async () => {
    for (const view of ["view=pacts", "view=minerals"]) {
      await open(page, `${view}&embed=1`);
      const before = await appHeight(page);
      await open(page, `${view}&embed=1&country=JPN`);
      expect(await visible(page, "#panel"), view).toBe(true);
      expect(await appHeight(page), view).toBe(before);
      const [panel, map] = await Promise.all([
        page.locator("#panel").boundingBox(),
        page.locator("#map").boundingBox(),
      ]);
      if (!panel || !map) throw new Error("no panel or map");
      // Within the map's box, and Japan's long record scrolls inside the panel.
      expect(panel.y).toBeGreaterThanOrEqual(map.y - 1);
      expect(panel.y + panel.height).toBeLessThanOrEqual(map.y + map.height + 1);
      expect(await page.locator("#panel").evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    }
    await screenshot(page, `embed-country-${width}`);
  }, 90_000);
});

describe("parts an editor switches on", () => {
  it("shows the timeline, concentration card, every-mineral chart and notes when asked", async () => {
    const context = await browser.newContext({ viewport: { width: 700, height: 900 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    const shown = {
      timeline: ".timeline",
      concentration: ".insight-stats",
      chart: ".all-minerals",
      notes: ".legend-note",
    };
    for (const [part, selector] of Object.entries(shown)) {
      await open(page, `view=minerals&embed=1&parts=${part}`);
      for (const [other, otherSelector] of Object.entries(shown)) {
        expect(await visible(page, otherSelector), `parts=${part}: ${other}`).toBe(other === part);
      }
      expect(await visible(page, selector)).toBe(true);
    }
    await open(page, "view=minerals&embed=1&parts=timeline~concentration~chart~notes");
    for (const selector of Object.values(shown)) expect(await visible(page, selector), selector).toBe(true);
    await screenshot(page, "embed-all-parts-700");
    expect(warnings).toEqual([]);

    // An unknown part is ignored with one warning; the others still apply.
    await open(page, "view=minerals&embed=1&parts=chart~sparkles");
    expect(await visible(page, ".all-minerals")).toBe(true);
    expect(warnings).toEqual([
      'Ignoring embed part "sparkles" in parts=: expected timeline, concentration, chart, notes.',
    ]);
    await context.close();
  }, 90_000);
});
