/**
 * The mineral tables come later (src/data/later.ts): the default view and the embed are ready
 * without minerals.json; a minerals address waits for it; a reader who switches on a cold page sees
 * a loading card and a neutral map, then the minerals map; a failure is a message with a retry, and
 * the other views keep working.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BASE_PALETTE, MINERAL_COLOURS, PACT_COLOURS } from "../../src/model/palette.ts";
import { colourAt, colourDistance, hex, openApp, rgb, screenshot, viewTestFile } from "./harness.ts";

const { appUrl, chromium } = viewTestFile();
const TABLES = /\/data\/minerals\.json$/;
const fetchedTables = (requests: readonly string[]) => requests.filter((url) => TABLES.test(url));

/** Holds minerals.json until `release()` (then serves it) or `fail()` (then answers HTTP 500). */
async function holdTables(page: Page): Promise<{ release(): void; fail(): void; asked: Promise<void> }> {
  let asked!: () => void;
  const askedPromise = new Promise<void>((resolve) => {
    asked = resolve;
  });
  let answer!: (how: "serve" | "fail") => void;
  const how = new Promise<"serve" | "fail">((resolve) => {
    answer = resolve;
  });
  await page.route(TABLES, async (route: Route) => {
    asked();
    if ((await how) === "serve") await route.continue();
    else await route.fulfill({ status: 500, body: "" });
  });
  return { release: () => answer("serve"), fail: () => answer("fail"), asked: askedPromise };
}

const tab = (page: Page, view: string) => page.locator(`.view-tab[data-view="${view}"]`);

describe("the mineral tables load after the first view", () => {
  it("are not fetched by the default view before it is ready, and are fetched once it is idle", async () => {
    const { page, requests, errors } = await openApp(chromium.browser, appUrl);
    expect(requests.some((url) => url.endsWith("/data/dataset.json"))).toBe(true);
    expect(fetchedTables(requests)).toEqual([]);
    // After ready, at idle: a later switch to the minerals view is then instant.
    const country = await page.evaluateHandle(() => document.querySelector("#poster svg path[data-iso3]"));
    expect(await country.evaluate((path) => path?.isConnected)).toBe(true);
    await page.waitForResponse(TABLES, { timeout: 15_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 500))));
    // They change nothing the pacts map draws: it is not drawn (and rasterised) again.
    expect(await country.evaluate((path) => path?.isConnected)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("are not fetched by the embed before it is ready", async () => {
    const { page, requests } = await openApp(chromium.browser, `${appUrl}?embed=1`, { width: 640, height: 480 });
    expect(requests.some((url) => url.endsWith("/data/dataset.json"))).toBe(true);
    expect(fetchedTables(requests)).toEqual([]);
    await page.context().close();
  });

  it("are not fetched at idle when the reader asked to save data, only when needed", async () => {
    const { page, requests } = await openApp(chromium.browser, appUrl, { saveData: true });
    await page.waitForTimeout(4000); // past the idle prefetch (PREFETCH_AFTER after ready)
    expect(fetchedTables(requests)).toEqual([]);
    // The sources panel counts the tables' citations: opening it asks for them.
    const held = await holdTables(page);
    await page.locator("#sources-button").click();
    await held.asked;
    // The reader is on a source link, far down, when the tables arrive.
    const link = page.locator("#methodology .methodology-sources a").nth(40);
    await link.focus();
    const href = await link.getAttribute("href");
    held.release();
    await expect
      .poll(() => page.locator("#methodology").textContent(), { timeout: 15_000 })
      .toMatch(/\d+ published mineral tables covering/);
    // Redrawn with the tables in place, the panel keeps the reader's place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(href);
    await page.context().close();
  });

  it("are fetched once ready for a country panel the address opens (Save-Data too)", async () => {
    const { page, requests } = await openApp(chromium.browser, `${appUrl}?country=AUS`, { saveData: true });
    // Australia's panel lists the minerals where it holds 1% or more of world supply, once they arrive.
    await page.locator("#panel .panel-minerals li").first().waitFor({ timeout: 15_000 });
    expect(fetchedTables(requests)).toHaveLength(1);
    await page.context().close();
  });

  it("are part of a minerals address's first load: ready with them, the right colours at once", async () => {
    const { page, requests, errors } = await openApp(
      chromium.browser,
      `${appUrl}?view=minerals&mineral=cobalt&stage=mine`,
    );
    expect(fetchedTables(requests)).toHaveLength(1);
    const png = await screenshot(page, "later-minerals-first");
    const drc = await colourAt(png, page, "COD");
    expect(colourDistance(drc, rgb(MINERAL_COLOURS.light["class-5"] ?? "")), hex(drc)).toBeLessThanOrEqual(3);
    expect(await page.locator(".insight-stats").textContent()).toContain("Democratic Republic of the Congo, 74%");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["desktop", 1280, 800, "light"],
    ["phone", 390, 844, "light"],
    ["phone-dark", 390, 844, "dark"],
  ] as const)("switching on a cold page (%s) shows a loading card and a neutral map, then the minerals map", async (name, width, height, theme) => {
    // Save-Data: no idle prefetch, so the switch is what asks for the tables.
    const land = rgb(BASE_PALETTE[theme].land);
    const darkest = rgb(MINERAL_COLOURS[theme]["class-5"] ?? "");
    const { page, errors } = await openApp(chromium.browser, appUrl, {
      saveData: true,
      width,
      height,
      colorScheme: theme,
    });
    const held = await holdTables(page);
    const pacts = await colourAt(await screenshot(page, `later-pacts-${name}`), page, "AUS");
    expect(colourDistance(pacts, land)).toBeGreaterThan(10);
    await tab(page, "minerals").click();
    await held.asked;
    const card = page.locator("#insight");
    await card.locator(".insight-pending", { hasText: "Loading the mineral data…" }).waitFor();
    expect(await card.isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("view")).toBe("minerals");
    const waiting = await screenshot(page, `later-minerals-loading-${name}`);
    // No pacts colours passing for minerals: every country is plain land while the tables load.
    for (const iso3 of ["AUS", "CHN", "COD"]) {
      const colour = await colourAt(waiting, page, iso3);
      expect(colourDistance(colour, land), `${iso3} ${hex(colour)}`).toBeLessThanOrEqual(3);
    }
    const before = await card.boundingBox();
    held.release();
    await card.locator(".insight-stats").waitFor({ timeout: 15_000 });
    const drawn = await screenshot(page, `later-minerals-arrived-${name}`);
    // Rare-earth refining, the minerals view's default: China refines most of the world's.
    const china = await colourAt(drawn, page, "CHN");
    expect(colourDistance(china, darkest), hex(china)).toBeLessThanOrEqual(3);
    // The card keeps its place: it fills in below its title, nothing above it moves.
    const after = await card.boundingBox();
    expect(after?.y).toBeCloseTo(before?.y ?? -1, 0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a failure shows the reason and a retry, and the other views keep working", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { saveData: true });
    const held = await holdTables(page);
    await tab(page, "minerals").click();
    await held.asked;
    held.fail();
    const failed = page.locator("#insight .insight-failed");
    await failed.waitFor();
    expect(await failed.textContent()).toContain("The map's data could not be loaded (minerals.json: HTTP 500).");
    expect(await page.locator("#summary").textContent()).toBe("Rare earths: the country data are not loaded yet.");
    await screenshot(page, "later-minerals-failed");
    // Back to the pacts view: it draws as before.
    await tab(page, "pacts").click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("view") === null);
    expect(await page.locator("#summary").textContent()).toMatch(/critical-minerals pact with the US/);
    const png = await screenshot(page, "later-pacts-after-failure");
    const aus = await colourAt(png, page, "AUS");
    expect(
      Object.values(PACT_COLOURS.light).some((c) => colourDistance(aus, rgb(c)) <= 3),
      hex(aus),
    ).toBe(true);
    // Back to the minerals view, a new need of the reader's: it tries again by itself (the server
    // still failing, the card says so again).
    const again = page.waitForRequest(TABLES);
    await tab(page, "minerals").click();
    await again;
    await failed.waitFor();
    // Try again, with the server back: the minerals view draws.
    await page.unrouteAll();
    await failed.locator("button", { hasText: "Try again" }).click();
    await page.locator("#insight .insight-stats").waitFor({ timeout: 15_000 });
    expect(errors.filter((e) => !/minerals\.json|500/.test(e))).toEqual([]);
    await page.context().close();
  });
});
