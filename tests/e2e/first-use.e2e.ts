/**
 * Code loaded on first use (src/ui/lazy.ts): the table, the sources panel, the share dialog and the
 * downloads are chunks of their own. The first view fetches none of them before it is ready; a
 * cold first click on each button (its chunk held back a while, as a slow network would) marks the
 * button busy and then does its thing; a table the URL asks for is in the first render; a chunk
 * that fails to load says so and loads on "Try again"; and at idle after ready they are
 * prefetched, unless the reader asked to save data.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { PREFETCH_AFTER } from "../../src/ui/lazy.ts";
import { chromiumForFile, openApp, screenshot } from "./harness.ts";

const appUrl = inject("appUrl");
const distDir = inject("distDir");
const chromium = chromiumForFile();

const CHUNKS = ["table", "sources", "share", "export"] as const;
type Name = (typeof CHUNKS)[number];
/** A chunk's address, as built or asked for again after a failure (`?retry=N`: src/ui/lazy.ts). */
const chunkUrl = (name: Name) => new RegExp(`/assets/${name}-[^/?]*\\.js(\\?retry=\\d+)?$`);
const requested = (requests: readonly string[], name: Name) => requests.some((url) => chunkUrl(name).test(url));

/** Holds a chunk back `ms` (a slow network), or fails it with a 500 while `fail()` says so. */
async function holdChunk(page: Page, name: Name, options: { ms?: number; fail?: () => boolean }): Promise<void> {
  await page.route(chunkUrl(name), async (route) => {
    if (options.fail?.()) {
      await route.fulfill({ status: 500, body: "server error" });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, options.ms ?? 0));
    await route.continue();
  });
}

const busy = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.getAttribute("aria-busy") ?? el.closest("[aria-busy]")?.id ?? null);

describe("code loaded on first use", () => {
  it("is built as its own chunks and none is fetched before ready", async () => {
    const files = readdirSync(join(distDir, "assets"));
    for (const name of CHUNKS)
      expect(
        files.filter((f) => chunkUrl(name).test(`/assets/${f}`)),
        name,
      ).toHaveLength(1);
    for (const url of [appUrl, `${appUrl}?view=minerals`, `${appUrl}?embed=1`]) {
      const { page, requests, errors } = await openApp(chromium.browser, url);
      const atReady = [...requests];
      for (const name of CHUNKS) expect(requested(atReady, name), `${url}: ${name}`).toBe(false);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("a cold first click on Share, Table, Sources, Download SVG and PNG and Help each does its thing", async () => {
    // Save-Data: nothing is prefetched at idle, so each click below is the chunk's first request.
    const { page, requests, errors } = await openApp(chromium.browser, appUrl, { saveData: true });
    for (const name of CHUNKS) await holdChunk(page, name, { ms: 600 });

    // Share: the button waits busy, then the dialog opens with the link to the view.
    const share = page.getByRole("button", { name: "Share / embed" });
    await share.click();
    expect(await share.getAttribute("aria-busy")).toBe("true");
    const dialog = page.getByRole("dialog", { name: "Share this map" });
    await dialog.waitFor({ state: "visible" });
    expect(await share.getAttribute("aria-busy")).toBeNull();
    expect(await page.locator("#share-link").inputValue()).toContain(new URL(appUrl).host);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // The table: the view says it is loading, then shows the rows; the URL says table=1 at once.
    const toggle = page.locator(".table-toggle");
    await toggle.click();
    expect(new URL(page.url()).searchParams.get("table")).toBe("1");
    expect(await page.locator("#table-view").textContent()).toContain("Loading the table…");
    await page.locator("#table-view table.data-table tbody tr").first().waitFor();
    expect(await busy(page, "#table-view")).toBeNull();
    await toggle.click();
    await page.locator("#table-view").waitFor({ state: "hidden" });

    // Sources: the panel opens at once saying it is loading, then lists the sources, the focus in it.
    await page.locator("#sources-button").click();
    expect(await page.locator("#methodology").textContent()).toContain("Loading the sources and methodology…");
    // Named by its heading (aria-labelledby) while its code loads, as once it is drawn.
    expect(await page.getByRole("complementary", { name: "Sources and methodology", exact: true }).count()).toBe(1);
    await screenshot(page, "first-use-sources-loading");
    await page.locator("#methodology .methodology-sources li").first().waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains("methodology-close"));
    await page.keyboard.press("Escape");
    await page.locator("#methodology").waitFor({ state: "hidden" });

    // Downloads: the first click's file arrives once the chunk has.
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("#download-svg").click()]);
    expect(svg.suggestedFilename()).toMatch(/^critical-minerals-pacts-\d{4}-\d{2}-\d{2}\.svg$/);
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#download-png").click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    // Help is in the first chunk (it is small): it opens at once.
    await page.locator("#help-button").click();
    expect(await page.locator("#help").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    for (const name of CHUNKS) expect(requested(requests, name), name).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("Share works while the data load (it needs only the address)", async () => {
    const context = await chromium.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    await page.route(/\/data\/[^/]+\.json$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.goto(appUrl);
    await page.getByRole("button", { name: "Share / embed" }).click();
    await page.getByRole("dialog", { name: "Share this map" }).waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBeUndefined();
    expect(await page.locator("#share-link").inputValue()).toContain(new URL(appUrl).host);
    await context.close();
  });

  it("keyboard: T opens the table cold", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { saveData: true });
    await page.keyboard.press("t");
    await page.locator("#table-view table.data-table tbody tr").first().waitFor();
    expect(new URL(page.url()).searchParams.get("table")).toBe("1");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a table the URL asks for is in the first render: drawn when the page says it is ready", async () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const context = await chromium.browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // The table's code arrives well after the data: ready still waits for the table.
      await holdChunk(page, "table", { ms: 1500 });
      await page.goto(`${appUrl}?view=minerals&mineral=cobalt&table=1`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
      expect(await page.locator("#table-view table.data-table tbody tr").count()).toBeGreaterThan(0);
      expect(await page.locator("#table-view .lazy-loading").count()).toBe(0);
      await screenshot(page, `first-use-table-${width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("a chunk that fails to load says so, and Try again loads it", async () => {
    const { page, errors } = await openApp(chromium.browser, appUrl, { saveData: true });
    let failing = true;
    await holdChunk(page, "share", { fail: () => failing });
    await holdChunk(page, "table", { fail: () => failing });
    await holdChunk(page, "sources", { fail: () => failing });

    const share = page.getByRole("button", { name: "Share / embed" });
    await share.click();
    const alert = page.locator("#share .lazy-failure[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Could not load the share dialog.");
    expect(await share.getAttribute("aria-busy")).toBeNull();
    // Still failing: the button itself tries again, and says so again (one message, not two).
    await share.click();
    await page.waitForTimeout(300);
    expect(await page.locator("#share .lazy-failure").count()).toBe(1);

    await page.locator(".table-toggle").click();
    const tableFailure = page.locator("#table-view .lazy-failure");
    await tableFailure.waitFor();
    expect(await tableFailure.textContent()).toContain("Could not load the table.");
    await page.locator("#sources-button").click();
    const sourcesFailure = page.locator("#methodology .lazy-failure");
    await sourcesFailure.waitFor();
    expect(await sourcesFailure.textContent()).toContain("Could not load the sources and methodology.");
    // Still named by its heading, which is there though its code is not.
    expect(await page.getByRole("complementary", { name: "Sources and methodology", exact: true }).count()).toBe(1);
    await screenshot(page, "first-use-failure");

    failing = false;
    // Try again with the keyboard: the button gives way to "Loading…" and the focus stays in the
    // surface (not on <body>), there still once it fills in.
    const focusIn = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest("#methodology, #table-view, #share-button")?.id ?? active?.tagName.toLowerCase();
      });
    await sourcesFailure.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    expect(await focusIn()).toBe("methodology");
    await page.locator("#methodology .methodology-sources li").first().waitFor();
    expect(await focusIn()).toBe("methodology");
    await tableFailure.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    expect(await focusIn()).toBe("table-view");
    await page.locator("#table-view table.data-table tbody tr").first().waitFor();
    expect(await focusIn()).toBe("table-view");
    // Share: the focus goes back to the button the notice is about; the dialog opens, and closed,
    // hands the focus back to it.
    await alert.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    expect(await focusIn()).toBe("share-button");
    const dialog = page.getByRole("dialog", { name: "Share this map" });
    await dialog.waitFor({ state: "visible" });
    expect(await page.locator(".lazy-failure").count()).toBe(0);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await focusIn()).toBe("share-button");
    // The only errors are the failed loads' own.
    for (const error of errors) expect(error).toMatch(/module|500|Failed to fetch|dynamically imported/i);
    await page.context().close();
  }, 60_000);

  it("are prefetched at idle once ready, unless the reader asked to save data", async () => {
    const { page, requests, errors } = await openApp(chromium.browser, appUrl);
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/sources-/.test(e.name)));
    await page.waitForTimeout(500);
    for (const name of CHUNKS) expect(requested(requests, name), name).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();

    const saving = await openApp(chromium.browser, appUrl, { saveData: true });
    await saving.page.waitForTimeout(PREFETCH_AFTER + 2000);
    for (const name of CHUNKS) expect(requested(saving.requests, name), name).toBe(false);
    await saving.page.context().close();
  }, 60_000);
});
