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

/**
 * Answers each request for minerals.json as `answer` says when it comes: fail (HTTP 500), serve,
 * or hold until `release()` and then serve.
 */
async function answerTables(page: Page): Promise<{ answer: "fail" | "serve" | "hold"; release(): void }> {
  let release = () => {};
  const control = {
    answer: "fail" as "fail" | "serve" | "hold",
    release: () => release(),
  };
  await page.route(TABLES, async (route: Route) => {
    if (control.answer === "fail") return route.fulfill({ status: 500, body: "" });
    if (control.answer === "hold")
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    return route.continue();
  });
  return control;
}

/** Where the keyboard focus is: the id of the nearest ancestor of `regions` that holds it, or its tag. */
const focusIn = (page: Page, regions: string) =>
  page.evaluate((selector) => {
    const active = document.activeElement;
    return active?.closest(selector)?.id ?? active?.tagName.toLowerCase() ?? "none";
  }, regions);

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

  it("Try again with the keyboard keeps the focus in the card, while it loads and once it fills in", async () => {
    const { page } = await openApp(chromium.browser, appUrl, { saveData: true });
    const tables = await answerTables(page);
    await tab(page, "minerals").click();
    const retry = page.locator("#insight .insight-failed button", { hasText: "Try again" });
    await retry.waitFor();
    tables.answer = "hold";
    await retry.focus();
    await page.keyboard.press("Enter");
    // The button gives way to the loading line: the focus is on the card that says so, not on <body>.
    await page.locator("#insight .insight-pending", { hasText: "Loading the mineral data…" }).waitFor();
    expect(await focusIn(page, "#insight")).toBe("insight");
    await screenshot(page, "later-minerals-retry-loading");
    tables.release();
    await page.locator("#insight .insight-stats").waitFor({ timeout: 15_000 });
    expect(await focusIn(page, "#insight")).toBe("insight");
    // The card is no tab stop of its own: Tab goes on to the card's first control.
    expect(await page.locator("#insight").getAttribute("tabindex")).toBe("-1");
    await page.context().close();
  });

  it.each([
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ] as const)("the sources panel open while the tables arrive keeps what is below its loading line in place (%s)", async (name, width, height) => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { saveData: true, width, height });
    const held = await holdTables(page);
    await page.locator("#sources-button").click();
    await held.asked;
    const panel = page.locator("#methodology");
    await panel.locator(".tables-loading[role=status]", { hasText: "Loading the mineral data…" }).waitFor();
    const heading = panel.locator(".methodology-section h3").first();
    expect(await heading.textContent()).toBe("About the data");
    const before = await heading.boundingBox();
    await screenshot(page, `later-sources-loading-${name}`);
    held.release();
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toMatch(/\d+ published mineral tables covering/);
    await screenshot(page, `later-sources-arrived-${name}`);
    const after = await heading.boundingBox();
    expect(after?.y).toBeCloseTo(before?.y ?? -1, 0);
    expect(await panel.locator(".methodology-tables[role=status]").textContent()).toBe("Mineral data loaded.");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["desktop", 1280, 800, "light"],
    ["desktop-dark", 1280, 800, "dark"],
    ["phone", 390, 844, "light"],
    ["phone-dark", 390, 844, "dark"],
  ] as const)("the card focused by Try again shows its whole focus ring's sides and top, none cut off (%s)", async (name, width, height, theme) => {
    const { page } = await openApp(chromium.browser, appUrl, { saveData: true, width, height, colorScheme: theme });
    const tables = await answerTables(page);
    await tab(page, "minerals").click();
    const retry = page.locator("#insight .insight-failed button", { hasText: "Try again" });
    await retry.waitFor();
    tables.answer = "hold";
    await retry.focus();
    await page.keyboard.press("Enter");
    await page.locator("#insight .insight-pending", { hasText: "Loading the mineral data…" }).waitFor();
    await page.locator("#insight").scrollIntoViewIfNeeded();
    // The ring's box (the card's, grown by the outline's offset and width) against what clips it:
    // the screen and every box between that does not let its content overflow.
    const cut = await page.evaluate(() => {
      const card = document.activeElement as HTMLElement;
      if (card.id !== "insight" || !card.matches(":focus-visible")) return [`focus on ${card.id || card.tagName}`];
      const style = getComputedStyle(card);
      if (style.outlineStyle === "none") return ["no outline"];
      const grow = Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
      const box = card.getBoundingClientRect();
      const ring = { left: box.left - grow, right: box.right + grow, top: box.top - grow };
      let clip = { left: 0, right: document.documentElement.clientWidth, top: 0 };
      for (let node = card.parentElement; node; node = node.parentElement) {
        if (getComputedStyle(node).overflowX === "visible") continue;
        const r = node.getBoundingClientRect();
        const left = r.left + node.clientLeft;
        clip = {
          left: Math.max(clip.left, left),
          right: Math.min(clip.right, left + node.clientWidth),
          top: Math.max(clip.top, r.top + node.clientTop),
        };
      }
      const problems: string[] = [];
      if (ring.left < clip.left - 0.5) problems.push(`left ${ring.left} < ${clip.left}`);
      if (ring.right > clip.right + 0.5) problems.push(`right ${ring.right} > ${clip.right}`);
      if (ring.top < clip.top - 0.5) problems.push(`top ${ring.top} < ${clip.top}`);
      return problems;
    });
    await screenshot(page, `later-minerals-focus-ring-${name}`);
    expect(cut).toEqual([]);
    tables.release();
    await page.context().close();
  });

  it("the sources panel says the tables failed, why, and Try again loads them, the focus kept in the panel", async () => {
    const { page } = await openApp(chromium.browser, appUrl, { saveData: true });
    const tables = await answerTables(page);
    await page.locator("#sources-button").click();
    const panel = page.locator("#methodology");
    const failed = panel.locator(".tables-failed[role=alert]");
    await failed.waitFor({ timeout: 15_000 });
    // The minerals card's words: what could not be shown, and why.
    expect(await failed.textContent()).toBe(
      "The mineral data could not be shown. The map's data could not be loaded (minerals.json: HTTP 500). The counts below leave them out. Try again",
    );
    const text = await panel.textContent();
    expect(text).not.toMatch(/still loading/);
    expect(text).toMatch(
      /published mineral tables covering \d+ of \d+ minerals \(not loaded: the counts here leave them out\)/,
    );
    await screenshot(page, "later-sources-failed");
    tables.answer = "hold";
    await failed.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    await panel.locator(".tables-loading[role=status]", { hasText: "Loading the mineral data…" }).waitFor();
    // On the panel itself, which now says they are loading: not on whatever link took the button's place.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("methodology");
    expect(await panel.textContent()).toMatch(/still loading/);
    tables.release();
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toMatch(/\d+ published mineral tables covering/);
    expect(await panel.locator(".methodology-tables").textContent()).toBe("Mineral data loaded.");
    expect(await focusIn(page, "#methodology")).toBe("methodology");
    // Escape still closes it, the focus back on its button.
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sources-button");
    await page.context().close();
  });
});
