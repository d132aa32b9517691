/**
 * Hung, slow and damaged data: the page says it is loading from the start, gives up with a sentence
 * and `data-ready="error"` after the stated timeout, and its "Try again" loads the map.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Route } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DATA_TIMEOUT_MS } from "../../src/data/load.ts";
import { chromiumForFile } from "./harness.ts";

const appUrl = inject("appUrl");
const distDir = inject("distDir");
const chromium = chromiumForFile();

const DATASET = /\/data\/dataset\.json$/;
const WORLD = /\/data\/world\.json$/;

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await chromium.browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

const readyState = (page: Page) => page.evaluate(() => document.documentElement.dataset.ready ?? null);
const waitReady = (page: Page, value: string) =>
  page.waitForFunction((expected) => document.documentElement.dataset.ready === expected, value, { timeout: 45_000 });

/** Holds a data file until `release()` is called: a server that keeps the request open. */
async function hold(page: Page, file: RegExp): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(file, async (route: Route) => {
    await gate;
    await route.continue().catch(() => undefined); // the page may have given up meanwhile
  });
  return { release: () => release() };
}

/** Answers a data file's first request with HTTP 503, and lets the later ones through. */
async function failOnce(page: Page, file: RegExp): Promise<void> {
  let failures = 1;
  await page.route(file, (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: "busy" }) : route.continue()));
}

describe("slow and hung data", () => {
  it("shows and announces the loading state at once, busy until the map is ready", async () => {
    const { page, errors } = await newPage();
    const { release } = await hold(page, DATASET);
    await page.goto(appUrl);
    const loading = page.locator("#loading");
    await loading.getByText("Loading the map's data…").waitFor();
    expect(await loading.getAttribute("role")).toBe("status");
    expect(await page.locator("#map").getAttribute("aria-busy")).toBe("true");
    expect(await readyState(page)).toBe(null);
    release();
    await waitReady(page, "true");
    expect(await loading.isHidden()).toBe(true);
    expect(await page.locator("#map").getAttribute("aria-busy")).toBe(null);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(`gives up after ${DATA_TIMEOUT_MS / 1000} s with a sentence and data-ready="error", and "Try again" loads the map`, async () => {
    const { page, errors } = await newPage();
    // Page time stands still except when the test moves it: no dependence on how slow the machine is.
    const start = new Date("2026-02-04T12:00:00Z").getTime();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1000);
    const held = await hold(page, DATASET);
    await page.goto(appUrl);
    await page.locator("#loading").getByText("Loading the map's data…").waitFor();
    await page.clock.runFor(DATA_TIMEOUT_MS - 1000);
    expect(await readyState(page)).toBe(null);
    await page.clock.runFor(1000);
    await waitReady(page, "error");
    const fatal = page.locator("#fatal");
    expect(await fatal.getAttribute("role")).toBe("alert");
    expect(await fatal.textContent()).toContain(
      `The map's data did not arrive within ${DATA_TIMEOUT_MS / 1000} seconds.`,
    );
    expect(await page.locator("#map").getAttribute("aria-busy")).toBe(null);
    expect(await page.locator("#loading").isHidden()).toBe(true);

    // The server answers again: the retry fetches afresh and draws the map (page time flows again).
    await page.clock.resume();
    held.release();
    await page.unroute(DATASET);
    await fatal.getByRole("button", { name: "Try again" }).click();
    await waitReady(page, "true");
    expect(await fatal.isHidden()).toBe(true);
    expect(await page.locator(".map-area canvas, .map-area svg").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("makes the controls, legend and timeline while the geometry is still arriving, and the map once it has", async () => {
    const { page, errors } = await newPage();
    const { release } = await hold(page, WORLD);
    await page.goto(appUrl);
    await page.locator("#views button").first().waitFor();
    await page.locator("#legend button").first().waitFor();
    await page.getByRole("button", { name: "Previous event" }).waitFor();
    expect(await page.locator("#poster svg path").count()).toBe(0);
    expect(await page.locator("#loading").isVisible()).toBe(true);
    expect(await readyState(page)).toBe(null);
    release();
    await waitReady(page, "true");
    expect(await page.locator("#poster svg g.countries path").count()).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a geometry that fails after the controls are made: a sentence, and Try again draws the map under the same controls", async () => {
    const { page, errors } = await newPage();
    await failOnce(page, WORLD);
    await page.goto(appUrl);
    await waitReady(page, "error");
    expect(await page.locator("#fatal").textContent()).toContain(
      "The map's data could not be loaded (world.json: HTTP 503).",
    );
    const views = await page.locator("#views button").count();
    expect(views).toBeGreaterThan(0);
    await page.locator("#fatal").getByRole("button", { name: "Try again" }).click();
    await waitReady(page, "true");
    // The dataset of the second load is not given to the controls again: made once.
    expect(await page.locator("#views button").count()).toBe(views);
    expect(await page.locator("#timeline .timeline-play").count()).toBe(1);
    expect(await page.locator("#poster svg g.countries path").count()).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("offers a retry after a server error that works once the server recovers", async () => {
    const { page, errors } = await newPage();
    await failOnce(page, DATASET);
    await page.goto(appUrl);
    await waitReady(page, "error");
    expect(await page.locator("#fatal").textContent()).toContain(
      "The map's data could not be loaded (dataset.json: HTTP 503).",
    );
    await page.locator("#fatal").getByRole("button", { name: "Try again" }).click();
    await waitReady(page, "true");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("damaged data", () => {
  const world = JSON.parse(readFileSync(join(distDir, "data", "world.json"), "utf8"));

  it.each([
    [
      "a topology with no geometries",
      { ...world, objects: { countries: { type: "GeometryCollection", geometries: [] } } },
      "world.json:1: objects.countries.geometries: no countries to draw",
    ],
    ["a topology with broken arcs", { ...world, arcs: undefined }, "world.json:1: arcs: expected a list of arcs"],
  ])("%s: readers see a sentence, never an exception, and the map is not 'ready'", async (_name, body, detail) => {
    const { page, errors } = await newPage();
    await page.route(/\/data\/world\.json$/, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) }),
    );
    await page.goto(appUrl);
    await waitReady(page, "error");
    const text = (await page.locator("#fatal").textContent()) ?? "";
    expect(text).toContain("The map's data is damaged, so the map cannot be shown:");
    expect(text).toContain(detail);
    expect(text).not.toMatch(/Cannot read|undefined|TypeError/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
