/**
 * Light first, rich on demand (src/map/renderers.ts): the page is interactive on the SVG map before
 * any WebGL code is fetched; a wheel with Ctrl, a pinch and a key press each start the WebGL map,
 * which carries the gesture out; the page idle with the map in view starts it too, unless the
 * reader asked to save data; and a started map holds one WebGL context.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { embedSnippet } from "../../src/embed/snippet.ts";
import {
  builtDataset,
  chromiumForFile,
  colourAt,
  colourDistance,
  countWebglContexts,
  hex,
  label,
  openApp,
  projectToPage,
  rgb,
  screenshot,
  waitForWebgl,
  webglContexts,
} from "./harness.ts";
import { articlePage, serveHost } from "./host.ts";

const appUrl = inject("appUrl");
const chromium = chromiumForFile();

/** The WebGL map's code (its chunk and styles): the one dynamic import of the app. */
const mapCode = (requests: readonly string[]) => requests.filter((url) => /\/assets\/mount-[^/]*\.(js|css)$/.test(url));

const phase = (page: Page) =>
  page.evaluate(() => (window as unknown as { criticalMineralsMap: { phase(): string } }).criticalMineralsMap.phase());

/** Where three places are drawn, on the page (CSS px), on whichever map is drawn. */
async function places(page: Page): Promise<[number, number][]> {
  return Promise.all(["BRA", "AUS", "NOR"].map((iso3) => projectToPage(page, ...label(iso3))));
}

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The map was zoomed in about `at` by `scale` (within 2%; a pinch's own scale is measured, within
 * `range`): every distance grew by it, and the point under `at` stayed there.
 */
function expectZoomedAbout(
  before: [number, number][],
  after: [number, number][],
  at: [number, number],
  range: [number, number] = [2, 2],
): void {
  const [b0, b1, b2] = before as [[number, number], [number, number], [number, number]];
  const [a0, a1, a2] = after as [[number, number], [number, number], [number, number]];
  const scale = distance(a0, a1) / distance(b0, b1);
  expect(scale, "Brazil–Australia distance ratio").toBeGreaterThanOrEqual(range[0] * 0.98);
  expect(scale, "Brazil–Australia distance ratio").toBeLessThanOrEqual(range[1] * 1.02);
  expect(distance(a1, a2) / distance(b1, b2) / scale, "Australia–Norway distance ratio").toBeCloseTo(1, 1);
  for (const [i, b] of before.entries()) {
    const a = after[i] as [number, number];
    expect(Math.abs(a[0] - at[0] - scale * (b[0] - at[0])), `place ${i} x`).toBeLessThan(3);
    expect(Math.abs(a[1] - at[1] - scale * (b[1] - at[1])), `place ${i} y`).toBeLessThan(3);
  }
}

async function mapBox(page: Page) {
  const box = await page.locator("#map").boundingBox();
  if (!box) throw new Error("no map");
  return box;
}

describe("light first: the interactive SVG map before any WebGL code", () => {
  it("hovers, opens a country and filters by the legend, and fetches no map code (Save-Data: not even when idle)", async () => {
    const { page, requests, errors } = await openApp(chromium.browser, `${appUrl}?date=2026-02-04`, { saveData: true });
    expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("svg");
    expect(await phase(page)).toBe("svg-interactive");

    // Hover: the tooltip names the country, and Australia is outlined without the ~250 country
    // paths being drawn anew (a full redraw per hover made the tooltip wait about 0.5 s).
    const australia = builtDataset().places.find((p) => p.iso3 === "AUS");
    const brazilPath = await page.locator('#poster svg path[data-iso3="BRA"]').elementHandle();
    await page.mouse.move(...(await projectToPage(page, ...label("AUS"))));
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toContain(australia?.name);
    expect(await page.locator("#poster svg g.highlight path").count()).toBe(1);
    expect(await brazilPath?.evaluate((path) => path.isConnected)).toBe(true);
    // Click: the country's panel opens, and the URL says so.
    await page.mouse.click(...(await projectToPage(page, ...label("AUS"))));
    await page.waitForFunction(() => new URL(location.href).searchParams.get("country") === "AUS");
    expect(await page.locator("#panel").textContent()).toContain(australia?.name);
    // Legend: a toggle filters the map to its category.
    const toggle = page.locator("#legend button[aria-pressed]").first();
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    // Timeline: a step back in time changes the date.
    await page.getByRole("button", { name: "Previous event" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("date") !== "2026-02-04");
    await screenshot(page, "lazy-svg-interactive");

    // Idle and in view well past the idle start: with Save-Data the WebGL map waits for the reader.
    await page.waitForTimeout(9000);
    expect(await phase(page)).toBe("svg-interactive");
    expect(mapCode(requests)).toEqual([]);
    expect(await webglContexts(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("shows the SVG map through a picture painted off screen (no 2D canvas on the page, whose first fill waits for the GPU process); a hover paints it again", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?date=2026-02-04`, { saveData: true });
    const copy = page.locator("#poster canvas.svg-map-bitmap");
    expect(await copy.count()).toBe(1);
    // A canvas that shows an image bitmap has no 2D context to give.
    expect(await copy.evaluate((canvas: HTMLCanvasElement) => canvas.getContext("2d") === null)).toBe(true);
    expect(await page.locator("#poster svg.svg-map").getAttribute("class")).toContain("is-transparent");
    // What the reader sees is the picture: the SVG's own colours, where the SVG draws them.
    const fill = await page.locator('#poster svg g.countries path[data-iso3="ARG"]').getAttribute("fill");
    const argentina = await colourAt(await screenshot(page, "lazy-image-copy"), page, "ARG");
    expect(colourDistance(argentina, rgb(fill ?? "")), hex(argentina)).toBeLessThanOrEqual(3);
    // How many pixels of the picture differ from those it showed when this was first called.
    const changedPixels = () =>
      copy.evaluate((canvas: HTMLCanvasElement) => {
        const probe = document.createElement("canvas");
        probe.width = canvas.width;
        probe.height = canvas.height;
        const context = probe.getContext("2d", { willReadFrequently: true });
        if (!context) throw new Error("no 2D context to read the picture with");
        context.drawImage(canvas, 0, 0);
        const now = context.getImageData(0, 0, probe.width, probe.height).data;
        const store = window as unknown as { firstPicture?: Uint8ClampedArray };
        store.firstPicture ??= now;
        let changed = 0;
        for (let i = 0; i < now.length; i += 4) if (now[i] !== store.firstPicture[i]) changed++;
        return changed;
      });
    expect(await changedPixels()).toBe(0);
    // A hover outlines the country in the same picture, painted again.
    await page.mouse.move(...(await projectToPage(page, ...label("AUS"))));
    await page.locator("#tooltip").waitFor({ state: "visible" });
    expect(await copy.count()).toBe(1);
    expect(await copy.evaluate((canvas: HTMLCanvasElement) => canvas.getContext("2d") === null)).toBe(true);
    expect(await changedPixels()).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("starts the WebGL map on its own once the page is idle with the map in view, in the same place", async () => {
    const { page, requests, errors } = await openApp(chromium.browser, appUrl);
    expect(mapCode(requests)).toEqual([]);
    const before = await places(page);
    await waitForWebgl(page);
    expect(mapCode(requests).length).toBeGreaterThan(0);
    const after = await places(page);
    for (const [i, b] of before.entries()) expect(distance(b, after[i] as [number, number])).toBeLessThan(1.5);
    expect(await page.locator("#poster").isHidden()).toBe(true);
    expect(await webglContexts(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe("the gesture that starts the WebGL map is carried out", () => {
  it("Ctrl + wheel in an embed (cooperative gestures; a trackpad pinch arrives so) zooms about the pointer", async () => {
    const host = await serveHost();
    const context = await chromium.browser.newContext({
      viewport: { width: 900, height: 900 },
      reducedMotion: "reduce",
    });
    await context.addInitScript(countWebglContexts);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    try {
      const snippet = embedSnippet({ href: appUrl, title: "Critical Minerals Map", autoHeight: true });
      await page.goto(host.page("/wheel.html", articlePage([{ width: 700, snippet }])));
      const frame = await (await page.locator("iframe").elementHandle())?.contentFrame();
      if (!frame) throw new Error("no frame");
      await page.locator("iframe").scrollIntoViewIfNeeded();
      await frame.waitForFunction(() => document.documentElement.dataset.ready === "true");
      const frameBox = await page.locator("iframe").boundingBox();
      const box = await frame.locator("#map").boundingBox();
      if (!box || !frameBox) throw new Error("no map");
      // Places on the host page: the frame's offset plus the map's own pixels.
      const placesNow = () =>
        Promise.all(
          ["BRA", "AUS", "NOR"].map(async (iso3) => {
            const [x, y] = await frame.evaluate(
              ([lon, lat]) =>
                (
                  window as unknown as { criticalMineralsMap: { project(a: number, b: number): [number, number] } }
                ).criticalMineralsMap.project(lon, lat),
              label(iso3),
            );
            return [x + box.x, y + box.y] as [number, number];
          }),
        );
      const at: [number, number] = [box.x + box.width * 0.55, box.y + box.height * 0.5];
      const before = await placesNow();
      // A plain wheel scrolls the article: it starts nothing.
      const scrollY = await page.evaluate(() => window.scrollY);
      await page.mouse.move(...at);
      await page.mouse.wheel(0, 40);
      await page.waitForTimeout(300);
      expect(await frame.evaluate(() => document.documentElement.dataset.renderer)).toBe("svg");
      expect(mapCode(requests)).toEqual([]);
      await page.evaluate((y) => window.scrollTo(0, y), scrollY);
      await page.waitForTimeout(100);
      await page.mouse.move(...at);
      await page.keyboard.down("Control");
      await page.mouse.wheel(0, -100);
      await page.keyboard.up("Control");
      await waitForWebgl(frame);
      expectZoomedAbout(before, await placesNow(), at);
      expect(
        await frame.evaluate(() => (window as unknown as { webglCanvases: Set<unknown> }).webglCanvases.size),
      ).toBe(1);
      expect(await frame.locator("#map canvas").count()).toBe(1);
      await screenshot(page, "lazy-ctrl-wheel");
    } finally {
      await context.close();
      await host.close();
    }
  }, 90_000);

  it("a two-finger pinch on a phone zooms about the fingers' midpoint", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { width: 390, height: 844 });
    const box = await mapBox(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 2 });
    const mid: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    const before = await places(page);
    // Two fingers moving apart to twice their distance, as the browser's own input pipeline sends them.
    await cdp.send("Input.synthesizePinchGesture", {
      x: mid[0],
      y: mid[1],
      scaleFactor: 2,
      gestureSourceType: "touch",
    });
    await waitForWebgl(page);
    // Chromium adds its touch slop to the fingers' travel, so they end more than twice as far apart.
    expectZoomedAbout(before, await places(page), mid, [1.8, 2.6]);
    expect(await webglContexts(page)).toBe(1);
    await screenshot(page, "lazy-pinch");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("+ on the focused map zooms about its centre, and the focus moves to the WebGL map", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl);
    const box = await mapBox(page);
    const before = await places(page);
    await page.locator("#poster").focus();
    await page.keyboard.press("+");
    await waitForWebgl(page);
    expectZoomedAbout(before, await places(page), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(true);
    // The next key goes to the WebGL map itself: an arrow pans it.
    const [x0] = await projectToPage(page, ...label("BRA"));
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(600);
    const [x1] = await projectToPage(page, ...label("BRA"));
    expect(x1).toBeLessThan(x0 - 20);
    expect(await webglContexts(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("the country search flies the map to the country: it starts the WebGL map, which goes there once drawn", async () => {
    const { page, errors, requests } = await openApp(chromium.browser, appUrl);
    const box = await mapBox(page);
    const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    const [before0, before1] = await places(page);
    expect(mapCode(requests)).toEqual([]);
    await page.locator("#country-search").fill("Chile");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("country") === "CHL");
    await waitForWebgl(page);
    // Chile comes to the middle of the map (the flight takes 0.9 s), zoomed in.
    await expect
      .poll(async () => distance(await projectToPage(page, ...label("CHL")), centre), { timeout: 10_000 })
      .toBeLessThan(4);
    const [after0, after1] = await places(page);
    expect(
      distance(after0 as [number, number], after1 as [number, number]) /
        distance(before0 as [number, number], before1 as [number, number]),
    ).toBeGreaterThan(2);
    expect(await page.locator("#panel-title").textContent()).toBe("Chile");
    expect(await webglContexts(page)).toBe(1);
    await screenshot(page, "lazy-search-fly");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
