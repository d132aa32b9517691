/** The minerals view in Chromium: shares on the map, concentration, and the bloc against China. */
import { describe, expect, it } from "vitest";
import { deriveScene, indexOf } from "../../src/model/derive.ts";
import { formatShare } from "../../src/model/format.ts";
import { chooseTable, mineralChoropleth } from "../../src/model/minerals.ts";
import { MINERAL_COLOURS } from "../../src/model/palette.ts";
import { DEFAULT_STATE } from "../../src/state/state.ts";
import { colourAt, colourDistance, hex, openApp, placeOnPage, rgb, screenshot, viewTestFile } from "./harness.ts";

const { appUrl, dataset, chromium } = viewTestFile();
const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe("minerals view", () => {
  it("opens on the map's headline, China's share of refining, with mining one choice away", async () => {
    const first = deriveScene(dataset, indexOf(dataset), { ...DEFAULT_STATE, view: "minerals" }, "light").minerals;
    const bloc = first?.concentration?.bloc;
    expect(bloc && bloc.china > bloc.bloc).toBe(true);
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=minerals`);
    expect(await page.locator("#mineral-select").inputValue()).toBe(DEFAULT_STATE.mineral);
    expect(await page.locator("#stage-select").inputValue()).toBe(DEFAULT_STATE.stage);
    const figures = page.locator("section.bloc .bloc-figures");
    expect(await figures.textContent()).toContain(`China ${formatShare(bloc?.china ?? null)}`);
    await screenshot(page, "minerals-default");
    await page.locator("#stage-select").selectOption("mine");
    // Mine production is what a URL naming the mineral alone means (links from when it was the default).
    const mining = `?view=minerals&mineral=${DEFAULT_STATE.mineral}`;
    await page.waitForFunction((search) => location.search === search, mining);
    const mine = deriveScene(dataset, indexOf(dataset), { ...DEFAULT_STATE, view: "minerals", stage: "mine" }, "light")
      .minerals?.concentration?.bloc;
    expect(await figures.textContent()).toContain(`China ${formatShare(mine?.china ?? null)}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives the top cobalt producer (DR Congo) the darkest colour on the map", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=cobalt&stage=mine`);
    const png = await screenshot(page, "minerals-cobalt");
    const drc = await colourAt(png, page, "COD");
    const darkest = rgb(MINERAL_COLOURS.light["class-5"] ?? "");
    expect(colourDistance(drc, darkest), hex(drc)).toBeLessThanOrEqual(3);
    for (const iso3 of ["IDN", "RUS", "AUS", "CAN", "CHN"]) {
      const other = await colourAt(png, page, iso3);
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
    const { page } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=${mineral}&stage=${stage}`);
    const stats = await page.locator(".insight-stats").textContent();
    expect(stats).toContain(expected);
    expect(await page.locator("section.bloc").textContent()).toMatch(/China \d/);
    await page.context().close();
  });

  it("compares every mineral with data, one bar each, and opens a mineral on click", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=lithium&stage=mine`, {
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

  it.each([
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ] as const)("picking a mineral in Every mineral with the keyboard keeps the focus on its row, where it was (%s)", async (name, width, height) => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=lithium&stage=mine`, {
      width,
      height,
    });
    // Vanadium's card is 160 px shorter than lithium's above the list: the list moves up under the card.
    const row = page.locator('.all-row[data-mineral="vanadium"]');
    await row.focus();
    const before = await row.boundingBox();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mineral") === "vanadium");
    expect(await page.locator(".insight-title").textContent()).toContain("Vanadium");
    // The focus is on the chosen mineral's row (redrawn, now the current one), not on <body>.
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return `${active?.tagName.toLowerCase()} ${active?.dataset.mineral ?? ""} ${active?.className ?? ""}`;
    });
    expect(focused).toBe("button vanadium all-row is-current");
    // And it is where the reader left it on screen.
    const after = await row.boundingBox();
    expect(after?.y).toBeCloseTo(before?.y ?? -1, 0);
    await screenshot(page, `minerals-all-focus-${name}`);
    // The keyboard goes on from there: Tab moves to the next row.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(
        () => document.activeElement?.closest("li")?.previousElementSibling?.querySelector("button")?.dataset.mineral,
      ),
    ).toBe("vanadium");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows amount, share and rank on hover", async () => {
    const { page } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=lithium&stage=mine`);
    await page.mouse.move(...(await placeOnPage(page, "AUS")));
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const text = await tooltip.textContent();
    expect(text).toContain("metric tons, lithium content");
    expect(text).toContain("32%");
    expect(text).toContain("Rank1 of");
    await page.context().close();
  });

  it("says so for a mineral without country data instead of drawing an empty map", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=germanium&theme=dark`);
    expect(await page.locator(".insight-empty").textContent()).toMatch(/no country production data/i);
    await screenshot(page, "minerals-germanium-dark");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves the bloc's share with the timeline: DR Congo joins on 4 Dec 2025", async () => {
    const { page } = await openApp(
      chromium.browser,
      `${appUrl}?view=minerals&mineral=cobalt&stage=mine&date=2025-12-03`,
    );
    const figure = async () => page.locator(".bloc-figures .key.bloc").textContent();
    expect(await figure()).toBe("Bloc 1%");
    await page.getByRole("button", { name: "Next event" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") === "2025-12-04");
    expect(await figure()).toBe("Bloc 75%");
    await page.context().close();
  });

  it("ends a URL asking for a year without data with the URL, the Year select and the map on the year drawn", async () => {
    const { page, warnings, errors } = await openApp(
      chromium.browser,
      `${appUrl}?view=minerals&mineral=graphite&stage=refining&year=2025`,
    );
    const drawn = chooseTable(dataset, "graphite", "refining", 2025).choice;
    expect(drawn?.year).toBe(2024);
    expect(new URL(page.url()).search).toBe("?view=minerals&mineral=graphite&stage=refining&year=2024");
    expect(await page.locator("#year-select").inputValue()).toBe("2024");
    expect(await page.locator("#legend").textContent()).toContain("Refining, share of world, 2024");
    expect(await page.locator("#summary").textContent()).toContain("2024");
    const drawable = new Set(dataset.places.map((p) => p.iso3));
    const china = drawn && mineralChoropleth(drawn.table, "light", drawable)?.countries.get("CHN");
    const png = await screenshot(page, "minerals-graphite-refining-year-resolved");
    const seen = await colourAt(png, page, "CHN");
    expect(colourDistance(seen, rgb(china?.colour ?? "")), hex(seen)).toBeLessThanOrEqual(3);
    expect(warnings.filter((w) => w.startsWith("Ignoring"))).toEqual([
      'Ignoring URL parameter year="2025": no graphite table for refining in 2025; showing 2024.',
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("resolves Back and Forward too: an unknown mineral comes back as the default, named in the select and the URL", async () => {
    const { page, warnings } = await openApp(chromium.browser, `${appUrl}?view=minerals&mineral=cobalt`);
    await page.evaluate(() => history.pushState(null, "", "?view=minerals&mineral=unobtainium&year=1900"));
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => location.search === "?view=minerals&mineral=cobalt");
    await page.evaluate(() => history.forward());
    // The URL named a mineral and no stage: mine production, as it meant when mine was the default.
    const shown = `?view=minerals&mineral=${DEFAULT_STATE.mineral}&year=2025`;
    await page.waitForFunction((search) => location.search === search, shown, { timeout: 5000 });
    expect(await page.locator("#mineral-select").inputValue()).toBe(DEFAULT_STATE.mineral);
    expect(await page.locator("#stage-select").inputValue()).toBe("mine");
    expect(await page.locator("#year-select").inputValue()).toBe("2025");
    expect(warnings.filter((w) => w.startsWith("Ignoring"))).toHaveLength(2);
    await page.context().close();
  });
});
