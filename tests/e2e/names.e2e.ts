/**
 * What a view is called and how it leaves the screen, in Chromium: the page's title and the embed
 * snippet's iframe title follow the view, a download is named after it, the embed's address
 * carries only what its view uses, an embed says the view's name once, and a printed page shows
 * the map, legend, title, summary, credit and address without controls.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openApp, screenshot } from "./harness.ts";

const appUrl = inject("appUrl");
const SITE = "Critical Minerals Map";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The embed code the share dialog offers now, its dialog closed again. */
async function shareCode(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share / embed" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor({ state: "visible" });
  const code = await page.locator("#share-code").inputValue();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  return code;
}

const iframeTitle = (code: string) => /<iframe [^>]*title="([^"]*)"/.exec(code)?.[1];
const iframeSrc = (code: string) => new URL((/<iframe src="([^"]*)"/.exec(code)?.[1] ?? "").replace(/&amp;/g, "&"));

describe("names of the view", () => {
  it("title the page and the snippet's iframe after the view, and name a download after its mineral", async () => {
    const { page, errors } = await openApp(browser, `${appUrl}?view=minerals&mineral=lithium&stage=refining&year=2024`);
    const lithium = `Lithium refining, 2024 — ${SITE}`;
    expect(await page.title()).toBe(lithium);
    expect(iframeTitle(await shareCode(page))).toBe(lithium);

    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    expect(png.suggestedFilename()).toBe("critical-minerals-lithium-refining-2024.png");
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("#download-svg").click()]);
    expect(svg.suggestedFilename()).toBe("critical-minerals-lithium-refining-2024.svg");

    // Another mineral: the title and the download follow.
    await page.locator("#mineral-select").selectOption("cobalt");
    await page.waitForFunction(() => document.title.startsWith("Cobalt "));
    const cobalt = await page.title();
    expect(cobalt).toMatch(new RegExp(`^Cobalt (mine production|refining|reserves), \\d{4} — ${SITE}$`));
    const [cobaltPng] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    expect(cobaltPng.suggestedFilename()).toMatch(
      /^critical-minerals-cobalt-(mine-production|refining|reserves)-\d{4}\.png$/,
    );

    // Pax Silica: the forum and the date, and nothing of the minerals view in the embed's address.
    await page.locator('.view-tab[data-view="forums"]').click();
    await page.locator("#forum-select").selectOption("pax-silica");
    await page.waitForFunction(() => document.title.startsWith("Pax Silica members, "));
    const pax = await page.title();
    expect(pax).toMatch(new RegExp(`^Pax Silica members, \\d{1,2} [A-Z][a-z]{2} \\d{4} — ${SITE}$`));
    const code = await shareCode(page);
    // The address pins no date: the embed follows the latest data, so its title claims no date.
    expect(iframeTitle(code)).toBe(`Pax Silica members — ${SITE}`);
    const src = iframeSrc(code);
    expect(src.searchParams.has("date")).toBe(false);
    expect(src.searchParams.get("view")).toBe("forums");
    expect(src.searchParams.get("forum")).toBe("pax-silica");
    for (const key of ["mineral", "stage", "year", "bloc", "arcs"]) expect(src.searchParams.has(key), key).toBe(false);
    const [forumPng] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    expect(forumPng.suggestedFilename()).toMatch(/^critical-minerals-pax-silica-\d{4}-\d{2}-\d{2}\.png$/);
    // A date on the timeline is pinned in the address: the embed shows that date, and says so.
    await page.evaluate(() => {
      history.pushState(null, "", `${location.pathname}?view=forums&forum=pax-silica&date=2026-02-04`);
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.waitForFunction(() => document.title.startsWith("Pax Silica members, 4 Feb 2026"));
    const dated = await shareCode(page);
    expect(iframeSrc(dated).searchParams.get("date")).toBe("2026-02-04");
    expect(iframeTitle(dated)).toBe(`Pax Silica members, 4 Feb 2026 — ${SITE}`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe("an embed says the view's name once", () => {
  const titleShown = (page: Page) =>
    page.evaluate(() => {
      const title = document.querySelector(".legend-title");
      const box = title?.getBoundingClientRect();
      return {
        text: title?.textContent ?? "",
        shown: Boolean(box && box.width > 2 && box.height > 2),
        headline: document.getElementById("embed-headline")?.textContent ?? "",
      };
    });

  it.each([
    ["?view=pacts&embed=1", "pacts"],
    ["?view=forums&forum=pax-silica&embed=1", "forums-pax-silica"],
  ])("%s: the headline names the view, the legend does not repeat it", async (query, name) => {
    const { page } = await openApp(browser, `${appUrl}${query}`, { width: 700, height: 900 });
    const legend = await titleShown(page);
    expect(legend.headline.startsWith(legend.text), JSON.stringify(legend)).toBe(true);
    expect(legend.shown).toBe(false);
    // Still the legend's heading for a screen reader.
    expect(await page.getByRole("heading", { name: legend.text }).count()).toBe(1);
    await screenshot(page, `embed-legend-${name}`);
    await page.context().close();
  });

  it("keeps a minerals legend's title, which names the measure", async () => {
    const { page } = await openApp(browser, `${appUrl}?view=minerals&mineral=gallium&stage=refining&embed=1`, {
      width: 700,
      height: 900,
    });
    const legend = await titleShown(page);
    expect(legend.shown).toBe(true);
    expect(legend.headline).not.toContain(legend.text);
    await page.context().close();
  });
});

describe("print", () => {
  it.each([
    ["?view=minerals&mineral=lithium&stage=refining&year=2024", "light", "minerals"],
    ["?view=forums&forum=pax-silica", "dark", "forums-dark"],
  ] as const)(
    "%s (%s): the map, legend, title, summary, credit and address, no controls",
    async (query, colorScheme, name) => {
      const { page, errors } = await openApp(browser, `${appUrl}${query}`, { width: 1280, height: 800, colorScheme });
      await page.emulateMedia({ media: "print" });
      // The layout settles for paper (the map follows its new box).
      await page.waitForTimeout(500);
      const shown = await page.evaluate(() => {
        const visible = (selector: string) =>
          [...document.querySelectorAll<HTMLElement>(selector)].some((el) => {
            const box = el.getBoundingClientRect();
            return getComputedStyle(el).display !== "none" && box.width > 2 && box.height > 2;
          });
        const present = (selector: string) => document.querySelector(selector) !== null;
        const names = {
          map: ".map-area",
          canvas: ".map-area canvas, .map-area svg",
          legend: ".legend-items",
          title: ".masthead h1",
          summary: "#summary",
          credit: ".credit",
          address: ".print-link",
          controls: "#controls",
          views: "#views",
          timeline: "#timeline",
          buttons: ".footer-actions",
          share: ".share-button",
        };
        return Object.fromEntries(
          Object.entries(names).map(([key, selector]) => [key, present(selector) ? visible(selector) : "absent"]),
        );
      });
      expect(shown).toEqual({
        map: true,
        canvas: true,
        legend: true,
        title: true,
        summary: true,
        credit: true,
        address: true,
        controls: false,
        views: false,
        timeline: false,
        buttons: false,
        share: false,
      });
      // The printed address is the page's own, as it is now.
      const address = await page.locator(".print-link a").getAttribute("href");
      expect(address).toBe(page.url());
      expect(await page.locator(".print-link").textContent()).toContain(page.url());
      // The map keeps its shape on paper.
      const box = await page.locator(".map-area").boundingBox();
      if (!box) throw new Error("no map box");
      expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);

      await screenshot(page, `print-${name}`);
      const dir = join(process.cwd(), "test-results");
      mkdirSync(dir, { recursive: true });
      const pdf = await page.pdf({ path: join(dir, `print-${name}.pdf`), format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(errors).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});
