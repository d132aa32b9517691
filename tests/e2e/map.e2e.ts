/** The foundation: the production build renders a real WebGL map in real Chromium, offline. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BASE_PALETTE } from "../../src/model/palette.ts";
import { launchChromium } from "./chromium.ts";
import { colourDistance, foreignRequests, hex, openApp, pixel, projectToPage, screenshot } from "./page.ts";

const appUrl = inject("appUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function rgb(hexColour: string): [number, number, number] {
  const n = Number.parseInt(hexColour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe("the map in Chromium", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`renders land and ocean in the ${theme} palette, with WebGL, offline and without errors`, async () => {
      const { page, errors, requests } = await openApp(browser, `${appUrl}?theme=${theme}`);
      const hasWebgl = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
        return Boolean(canvas?.getContext("webgl2") ?? canvas?.getContext("webgl"));
      });
      expect(hasWebgl).toBe(true);

      const png = await screenshot(page, `map-${theme}`);
      // Centre of Brazil (a large flat fill) and the middle of the South Atlantic.
      const land = pixel(png, ...(await projectToPage(page, -52, -10)));
      const ocean = pixel(png, ...(await projectToPage(page, -20, -30)));
      const palette = BASE_PALETTE[theme];
      expect(colourDistance(land, ocean), `land ${hex(land)} vs ocean ${hex(ocean)}`).toBeGreaterThan(20);
      expect(colourDistance(land, rgb(palette.land)), `land ${hex(land)}`).toBeLessThanOrEqual(3);
      expect(colourDistance(ocean, rgb(palette.ocean)), `ocean ${hex(ocean)}`).toBeLessThanOrEqual(3);

      expect(errors).toEqual([]);
      expect(foreignRequests(requests, appUrl)).toEqual([]);
      await page.context().close();
    });
  }

  it("fills the viewport on a phone and pans with a drag", async () => {
    const { page, errors } = await openApp(browser, appUrl, { width: 390, height: 844 });
    const box = await page.locator("#map").boundingBox();
    expect(box?.width).toBe(390);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(844, 0);
    await screenshot(page, "map-phone");
    const before = await projectToPage(page, 0, 0);
    await page.mouse.move(200, 500);
    await page.mouse.down();
    await page.mouse.move(260, 520, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await projectToPage(page, 0, 0);
    expect(after[0] - before[0]).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks small states such as Singapore with a visible marker", async () => {
    const { page } = await openApp(browser, appUrl);
    const png = await screenshot(page, "map-markers");
    const [x, y] = await projectToPage(page, 103.82, 1.35);
    const marker = pixel(png, x, y);
    expect(colourDistance(marker, BASE_PALETTE.light.marker)).toBeLessThanOrEqual(6);
    await page.context().close();
  });
});
