/** The minerals view in Chromium: shares on the map, concentration, and the bloc against China. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chooseTable } from "../../src/model/minerals.ts";
import { MINERAL_COLOURS } from "../../src/model/palette.ts";
import type { Dataset } from "../../src/types.ts";
import { launchChromium } from "./chromium.ts";
import { colourDistance, hex, openApp, pixel, projectToPage, screenshot } from "./page.ts";

const appUrl = inject("appUrl");
const dataset = JSON.parse(readFileSync(join(inject("distDir"), "data", "dataset.json"), "utf8")) as Dataset;
const label = (iso3: string) => dataset.places.find((p) => p.iso3 === iso3)?.label ?? [0, 0];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function rgb(hexColour: string): number[] {
  const n = Number.parseInt(hexColour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe("minerals view", () => {
  it("gives the top cobalt producer (DR Congo) the darkest colour on the map", async () => {
    const { page, errors } = await openApp(browser, `${appUrl}?view=minerals&mineral=cobalt&stage=mine`);
    const png = await screenshot(page, "minerals-cobalt");
    const drc = pixel(png, ...(await projectToPage(page, ...(label("COD") as [number, number]))));
    const darkest = rgb(MINERAL_COLOURS.light["class-5"] ?? "");
    expect(colourDistance(drc, darkest), hex(drc)).toBeLessThanOrEqual(3);
    for (const iso3 of ["IDN", "RUS", "AUS", "CAN", "CHN"]) {
      const other = pixel(png, ...(await projectToPage(page, ...(label(iso3) as [number, number]))));
      expect(luminance(other), `${iso3} ${hex(other)}`).toBeGreaterThan(luminance(drc));
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["gallium", "refining", "China, 100%"],
    ["cobalt", "mine", "Democratic Republic of the Congo, 74%"],
    ["lithium", "mine", "Australia, 32%"],
  ])("states the top %s producer and its share", async (mineral, stage, expected) => {
    const { page } = await openApp(browser, `${appUrl}?view=minerals&mineral=${mineral}&stage=${stage}`);
    const stats = await page.locator(".insight-stats").textContent();
    expect(stats).toContain(expected);
    expect(await page.locator("section.bloc").textContent()).toMatch(/China \d/);
    await page.context().close();
  });

  it("compares every mineral with data, one bar each, and opens a mineral on click", async () => {
    const { page } = await openApp(browser, `${appUrl}?view=minerals&mineral=lithium&stage=mine`, {
      width: 1280,
      height: 900,
    });
    const expected = dataset.minerals.filter((m) => {
      const table = chooseTable(dataset, m.slug, "mine", null).choice?.table;
      return table?.stage === "mine" && table.world.value !== null && table.world.flag !== "greater-than";
    }).length;
    expect(await page.locator(".all-row").count()).toBe(expected);
    await page.locator('.all-row[data-mineral="rare-earths"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mineral") === "rare-earths");
    expect(await page.locator(".insight-title").textContent()).toContain("Rare earths");
    await screenshot(page, "minerals-rare-earths");
    await page.context().close();
  });

  it("shows amount, share and rank on hover", async () => {
    const { page } = await openApp(browser, `${appUrl}?view=minerals&mineral=lithium&stage=mine`);
    await page.mouse.move(...(await projectToPage(page, ...(label("AUS") as [number, number]))));
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const text = await tooltip.textContent();
    expect(text).toContain("metric tons, lithium content");
    expect(text).toContain("32%");
    expect(text).toContain("Rank1 of");
    await page.context().close();
  });

  it("says so for a mineral without country data instead of drawing an empty map", async () => {
    const { page, errors } = await openApp(browser, `${appUrl}?view=minerals&mineral=germanium&theme=dark`);
    expect(await page.locator(".insight-empty").textContent()).toMatch(/no country production data/i);
    await screenshot(page, "minerals-germanium-dark");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves the bloc's share with the timeline: DR Congo joins on 4 Dec 2025", async () => {
    const { page } = await openApp(browser, `${appUrl}?view=minerals&mineral=cobalt&stage=mine&date=2025-12-03`);
    const figure = async () => page.locator(".bloc-figures .key.bloc").textContent();
    expect(await figure()).toBe("Bloc 1%");
    await page.getByRole("button", { name: "Next event" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") === "2025-12-04");
    expect(await figure()).toBe("Bloc 75%");
    await page.context().close();
  });
});
