/**
 * Headless Firefox has no WebGL: readers with WebGL switched off or unavailable get the SVG map,
 * which must be drawn right, lay out as well, and answer a click on a country.
 */
import { describe, expect, inject, it } from "vitest";
import { label } from "../e2e/harness.ts";
import { openFirefox } from "./engines.ts";
import { describeEngine, projectInPage } from "./suite.ts";

describeEngine("firefox-headless", { renderer: "svg" });

describe("the SVG map in headless Firefox", () => {
  it("says it is a simplified map and selects a country on click", async () => {
    const page = await openFirefox({ headless: true });
    try {
      await page.resize(1280, 800);
      await page.goto(`${inject("appUrl")}?arcs=0`);
      const hasWebgl = await page.evaluate(() => Boolean(document.createElement("canvas").getContext("webgl2")));
      expect(hasWebgl).toBe(false);
      const note = await page.evaluate(() => {
        const el = document.getElementById("fallback-note");
        return el && !el.hidden && el.getBoundingClientRect().height > 0 ? el.textContent : null;
      });
      expect(note).toMatch(/simplified map/);
      const [x, y] = await projectInPage(page, ...label("AUS"));
      const clicked = await page.evaluate(
        (px: number, py: number) => {
          const target = document.elementFromPoint(px, py);
          target?.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: px, clientY: py }));
          return target?.closest("svg") ? "svg" : (target?.tagName ?? "nothing");
        },
        x,
        y,
      );
      expect(clicked).toBe("svg");
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      const selected = await page.evaluate(() => new URLSearchParams(location.search).get("country"));
      expect(selected).toBe("AUS");
      expect(await page.pageErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
