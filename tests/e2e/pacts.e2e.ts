/** The pacts and forums views in Chromium: colours by date, hover, panel, timeline, URL state. */
import type { Page } from "playwright-core";
import type { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { greatCircle, WASHINGTON } from "../../src/model/arcs.ts";
import { formatDate } from "../../src/model/format.ts";
import { BASE_PALETTE, FORUM_COLOURS, PACT_COLOURS } from "../../src/model/palette.ts";
import {
  colourAt,
  colourDistance,
  hex,
  label,
  openApp,
  pixel,
  placeOnPage,
  projectToPage,
  rgb,
  screenshot,
  viewTestFile,
} from "./harness.ts";

const { appUrl, dataset, chromium } = viewTestFile();

async function colourOf(page: Page, iso3: string, shot: string): Promise<number[]> {
  return colourAt(await screenshot(page, shot), page, iso3);
}

async function legendCount(page: Page, key: string): Promise<number> {
  const text = await page.locator(`.legend-item[data-key="${key}"] .legend-count`).textContent();
  return Number(text);
}

describe("pacts view", () => {
  it("colours Argentina by its status: nothing on 3 Feb 2026, signed at the ministerial on 4 Feb", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?date=2026-02-03&arcs=0`);
    const before = await colourOf(page, "ARG", "pacts-2026-02-03");
    expect(colourDistance(before, rgb("#f4f1ea")), hex(before)).toBeLessThanOrEqual(3);
    const ministerialBefore = await legendCount(page, "ministerial");

    await page.goto(`${appUrl}?date=2026-02-04&arcs=0`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    const after = await colourOf(page, "ARG", "pacts-2026-02-04");
    expect(colourDistance(after, rgb(PACT_COLOURS.light.ministerial ?? "")), hex(after)).toBeLessThanOrEqual(3);
    const ministerialAfter = await legendCount(page, "ministerial");
    const announced = dataset.tallies.find((t) => t.id === "ministerial-signed")?.value;
    expect(ministerialBefore).toBe(0);
    expect(ministerialAfter - ministerialBefore).toBe(announced);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("colours Australia from 20 Oct 2025, China apart, and the US as the hub", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?date=2025-10-20&arcs=0`);
    const png = await screenshot(page, "pacts-2025-10-20");
    const at = (iso3: string) => colourAt(png, page, iso3);
    expect(colourDistance(await at("AUS"), rgb(PACT_COLOURS.light.before ?? ""))).toBeLessThanOrEqual(3);
    expect(colourDistance(await at("CHN"), rgb(PACT_COLOURS.light.china ?? ""))).toBeLessThanOrEqual(3);
    await page.context().close();
  });

  it("shows a partner's instrument on hover and lists its sources in the panel on click", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?arcs=0`);
    const [x, y] = await placeOnPage(page, "AUS");
    await page.mouse.move(x, y);
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const australia = dataset.agreements.find((a) => a.iso3 === "AUS" && a.kind === "pact");
    expect(await tooltip.textContent()).toContain(australia?.instrument);
    await screenshot(page, "pacts-hover-australia");

    await page.mouse.click(x, y);
    await page.locator("#panel").waitFor({ state: "visible" });
    expect(new URL(page.url()).searchParams.get("country")).toBe("AUS");
    const links = await page.locator("#panel a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const expected = dataset.sources.filter((s) => australia?.sources.includes(s.id)).map((s) => s.url);
    expect(expected.length).toBeGreaterThan(0);
    expect(links).toEqual(expect.arrayContaining(expected));
    await screenshot(page, "pacts-panel-australia");

    await page.keyboard.press("Escape");
    await page.locator("#panel").waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.has("country")).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws an arc to each partner, highlights it on hover and names its instrument and date", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?date=2025-10-20`);
    // 40% along the great circle from Washington to Australia: over the Pacific, off any land, well
    // inside the map's west edge.
    const arc = greatCircle(WASHINGTON, label("AUS"));
    const middle = arc[Math.floor(arc.length * 0.4)];
    if (!middle) throw new Error("no arc");
    const [x, y] = await projectToPage(page, ...middle);
    // Pixels near the point in the arc's colour: the cohort's, as in the legend, at alpha 200 over the ocean.
    const ocean = rgb(BASE_PALETTE.light.ocean);
    const colour = rgb(PACT_COLOURS.light.before ?? "").map((c, i) => (c * 200 + (ocean[i] ?? 0) * 55) / 255);
    const arcPixels = (png: PNG) => {
      let count = 0;
      for (let dx = -8; dx <= 8; dx++)
        for (let dy = -8; dy <= 8; dy++) if (colourDistance(pixel(png, x + dx, y + dy), colour) <= 30) count++;
      return count;
    };
    await page.mouse.move(20, 20);
    const drawn = arcPixels(await screenshot(page, "pacts-arc"));
    expect(drawn, "the arc to Australia is drawn").toBeGreaterThan(5);

    await page.mouse.move(x, y);
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const australia = dataset.agreements.find((a) => a.iso3 === "AUS" && a.kind === "pact");
    expect(await tooltip.textContent()).toContain(australia?.instrument);
    expect(await tooltip.textContent()).toContain("20 Oct 2025");
    await page.waitForTimeout(300);
    const highlighted = arcPixels(await screenshot(page, "pacts-arc-hover"));
    expect(highlighted, `arc pixels ${drawn} → ${highlighted} on hover`).toBeGreaterThan(drawn * 1.8);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves the timeline with the keyboard and steps by event, keeping the date in the URL", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?date=2026-02-03`);
    await page.getByRole("button", { name: "Next event" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") === "2026-02-04");
    expect(await legendCount(page, "ministerial")).toBe(11);
    const slider = page.locator(".timeline-slider");
    await slider.focus();
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") === "2026-02-03");
    expect(await legendCount(page, "ministerial")).toBe(0);
    expect(await slider.getAttribute("aria-valuetext")).toBe("3 Feb 2026");
    await page.context().close();
  });

  it("restores the same view on reload, and Back returns to the previous view", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?date=2025-12-12`);
    await page.getByRole("button", { name: "Forums", exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "forums");
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    expect(await page.locator('.view-tab[data-view="forums"]').getAttribute("aria-pressed")).toBe("true");
    expect(new URL(page.url()).searchParams.get("date")).toBe("2025-12-12");
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("view"));
    expect(await page.locator('.view-tab[data-view="pacts"]').getAttribute("aria-pressed")).toBe("true");
    await page.context().close();
  });

  it("falls back to defaults with a warning for invalid URL values, and shows none of them", async () => {
    const { page, warnings, errors } = await openApp(
      chromium.browser,
      `${appUrl}?view=<b>x</b>&date=2026-02-31&country=ZZZ`,
    );
    expect(warnings.filter((w) => w.startsWith("Ignoring"))).toHaveLength(3);
    expect(errors).toEqual([]);
    expect(await page.locator("body").innerHTML()).not.toContain("<b>x</b>");
    expect(await page.locator('.view-tab[data-view="pacts"]').getAttribute("aria-pressed")).toBe("true");
    await page.context().close();
  });

  it("finds a country by an alternative name and opens it", async () => {
    const { page } = await openApp(chromium.browser, appUrl);
    await page.locator("#country-search").fill("DRC");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("country") === "COD");
    expect(await page.locator("#panel-title").textContent()).toBe("Democratic Republic of the Congo");
    await page.context().close();
  });
});

describe("forums view", () => {
  it("colours Pax Silica signatories and participants apart", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=forums&forum=pax-silica`);
    const japan = await colourOf(page, "JPN", "forums-pax-silica");
    expect(colourDistance(japan, rgb(FORUM_COLOURS.light.signatory ?? ""))).toBeLessThanOrEqual(3);
    const canada = await colourOf(page, "CAN", "forums-pax-silica-2");
    expect(colourDistance(canada, rgb(FORUM_COLOURS.light.participant ?? ""))).toBeLessThanOrEqual(3);
    await page.context().close();
  });

  it("leads a signatory's tooltip with its Pax Silica date, its pact's date marked as a signing", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=forums&forum=pax-silica`);
    await page.mouse.move(...(await projectToPage(page, ...label("AUS"))));
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const pax = dataset.memberships.find((m) => m.iso3 === "AUS" && m.forum === "pax-silica");
    const pact = dataset.agreements.find((a) => a.iso3 === "AUS" && a.kind === "pact");
    const rows = await tooltip
      .locator("dt")
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]));
    expect(rows[0]).toEqual(["Pax Silica", `Signatory, since ${formatDate(pax?.since ?? null)}`]);
    expect(rows.find(([term]) => term === "US pact")?.[1]).toContain(`signed ${formatDate(pact?.date ?? null)}`);
    expect(rows.filter(([term]) => /\d{4}/.test(term ?? ""))).toEqual([]);
    await screenshot(page, "forums-pax-silica-hover-australia");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("counts forums per country in the overlap view", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=forums&forum=overlap&theme=dark`);
    await screenshot(page, "forums-overlap-dark");
    const counts = await page.locator(".legend-count").allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
    await page.context().close();
  });
});
