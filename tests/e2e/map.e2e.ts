/** The foundation: the production build renders a real WebGL map in real Chromium, offline. */

import { describe, expect, inject, it } from "vitest";
import { BASE_PALETTE, FORUM_COLOURS } from "../../src/model/palette.ts";
import {
  chromiumForFile,
  colourDistance,
  foreignRequests,
  hex,
  label,
  openApp,
  pixel,
  projectToPage,
  rgb,
  screenshot,
  webglContexts,
} from "./harness.ts";

const appUrl = inject("appUrl");
const singapore = label("SGP");
const chromium = chromiumForFile();

describe("the map in Chromium", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`renders land and ocean in the ${theme} palette, with WebGL, offline and without errors`, async () => {
      // Before the first record (30 Apr 2025) Brazil has no status: plain land.
      const { page, errors, requests } = await openApp(
        chromium.browser,
        `${appUrl}?theme=${theme}&date=2025-04-30&arcs=0`,
        {
          webgl: true,
        },
      );
      const hasWebgl = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
        return Boolean(canvas?.getContext("webgl2") ?? canvas?.getContext("webgl"));
      });
      expect(hasWebgl).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("webgl");

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

  it("spans the phone's width without overflow and pans with a drag", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { width: 390, height: 844, webgl: true });
    const box = await page.locator("#map").boundingBox();
    expect(box?.width).toBe(390);
    // As tall as the inhabited world is at its width (15∶8, no polar bands), not a strip.
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(390 / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "map-phone");
    const startX = (box?.x ?? 0) + 200;
    const startY = (box?.y ?? 0) + 150;
    // At world zoom the whole world fits the phone's width; zoom in first, then pan.
    await page.mouse.dblclick(startX, startY);
    await page.waitForTimeout(600);
    const before = await projectToPage(page, 0, 0);
    await page.mouse.move(startX, startY);
    await page.mouse.down();
    await page.mouse.move(startX + 60, startY + 20, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await projectToPage(page, 0, 0);
    expect(after[0] - before[0]).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("holds one WebGL context per map: deck.gl draws its markers and hub inside MapLibre's", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=forums&forum=pax-silica`, { webgl: true });
    expect(await webglContexts(page)).toBe(1);
    // deck.gl's own canvas would be a second drawing surface over the map.
    expect(await page.locator("#map canvas").count()).toBe(1);
    const png = await screenshot(page, "map-one-context");
    const [x, y] = await projectToPage(page, ...singapore);
    expect(colourDistance(pixel(png, x, y), rgb(FORUM_COLOURS.light.signatory ?? ""))).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("marks small states such as Singapore with a visible marker in their category's colour", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=forums&forum=pax-silica`, { webgl: true });
    const png = await screenshot(page, "map-markers");
    const [x, y] = await projectToPage(page, ...singapore);
    const marker = pixel(png, x, y);
    expect(colourDistance(marker, rgb(FORUM_COLOURS.light.signatory ?? "")), hex(marker)).toBeLessThanOrEqual(6);
    await page.context().close();
  });
});
