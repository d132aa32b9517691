/**
 * Headless Firefox has no WebGL: readers with WebGL switched off or unavailable get the SVG map,
 * which must be drawn right, lay out as well, say what it is, and answer a click on a country.
 */
import { describe, expect, inject, it } from "vitest";
import { label } from "../e2e/harness.ts";
import { openFirefox } from "./engines.ts";
import { describeEngine, projectInPage } from "./suite.ts";

describeEngine("firefox-headless", { renderer: "svg" });

describe("the SVG map in headless Firefox", () => {
  // The suite's click test (suite.ts) clicks this map like the others; here, what only this map does.
  it("says it is a simplified map when the reader reaches for zoom, and the SVG map is what a pointer meets", async () => {
    const page = await openFirefox({ headless: true });
    try {
      await page.resize(1280, 800);
      await page.goto(`${inject("appUrl")}?arcs=0`);
      const hasWebgl = await page.evaluate(() => Boolean(document.createElement("canvas").getContext("webgl2")));
      expect(hasWebgl).toBe(false);
      const [x, y] = await projectInPage(page, ...label("AUS"));
      // Light first: the SVG map is every reader's first map, so nothing needs saying until the
      // reader asks for what only WebGL gives. A wheel over the map asks to zoom (EnginePage has
      // no wheel of its own, so the event is dispatched where the pointer is).
      await page.evaluate(
        (px: number, py: number) => {
          const target = document.elementFromPoint(px, py) ?? document.body;
          const init = { deltaY: -100, deltaMode: 0, clientX: px, clientY: py, bubbles: true, cancelable: true };
          target.dispatchEvent(new WheelEvent("wheel", init));
        },
        x,
        y,
      );
      let note: string | null = null;
      for (let i = 0; i < 100 && !note; i++) {
        note = await page.evaluate(() => {
          const el = document.getElementById("fallback-note");
          return el && !el.hidden && el.getBoundingClientRect().height > 0 ? el.textContent : null;
        });
        if (!note) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(note).toMatch(/simplified map/);
      const under = await page.evaluate(
        (px: number, py: number) => (document.elementFromPoint(px, py)?.closest("svg") ? "svg" : "other"),
        x,
        y,
      );
      expect(under, "the SVG map is what the pointer meets at Australia").toBe("svg");
      expect(await page.pageErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
