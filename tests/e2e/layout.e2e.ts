/**
 * The page as a person sees it, at the screen sizes readers use: every view of the app and of the
 * embed, light and dark, checked by tests/e2e/layout-checks.ts (controls reachable, nothing
 * sticking out or clipped, tab stops visible and named, touch targets, no missing-glyph symbols).
 *
 * One browser; one page per screen size, moved between views the way the app's own back button
 * does (history + popstate), so the whole matrix runs in a few minutes.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { TOOLTIP_MAX_COVER } from "../../src/ui/tooltip.ts";
import { chromiumForFile, openApp, projectToPage, screenshot } from "./harness.ts";
import { APP_VIEWS, EMBED_VIEWS, layoutCheckExpression, PHONE_MAX_WIDTH, SIZES } from "./layout-checks.ts";

const appUrl = inject("appUrl");
const chromium = chromiumForFile();

const phone = (width: number) => width <= PHONE_MAX_WIDTH;

/** Moves the app to another URL as its back button would, and waits for the new view to settle. */
async function navigate(page: Page, query: string): Promise<void> {
  await page.evaluate((search) => {
    history.pushState(null, "", `${location.pathname}${search}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, query);
  await settle(page);
}

/** Two animation frames: the render after a state change has been laid out. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

async function check(page: Page, width: number): Promise<string[]> {
  return page.evaluate(layoutCheckExpression({ touch: phone(width) })) as Promise<string[]>;
}

/** Every view in `queries`, light then dark, in one page opened at the first. */
async function checkViews(url: string, queries: readonly string[], width: number, height: number) {
  const problems: string[] = [];
  const { page, errors } = await openApp(chromium.browser, `${url}${queries[0] ?? ""}`, { width, height });
  for (const theme of ["light", "dark"] as const) {
    for (const query of queries) {
      const full = `${query}${query ? "&" : "?"}theme=${theme}`;
      await navigate(page, full);
      for (const problem of await check(page, width)) problems.push(`${full}: ${problem}`);
    }
  }
  await page.context().close();
  return { problems, errors };
}

describe("the layout, as a person sees it", () => {
  it.each(SIZES)(
    "at %i×%i, every view of the app and the embed, light and dark",
    async (width, height) => {
      const app = await checkViews(appUrl, APP_VIEWS, width, height);
      const embed = await checkViews(appUrl, EMBED_VIEWS, width, height);
      expect([...app.problems, ...embed.problems]).toEqual([]);
      expect([...app.errors, ...embed.errors]).toEqual([]);
    },
    300_000,
  );
});

describe("a phone (390×844)", () => {
  // A portrait tablet too: beside the side column its map was a tall strip that cut off the US and China.
  it.each([
    [390, 844],
    [768, 1024],
  ])("at %i×%i frames the inhabited world across the map's width: Alaska and New Zealand in, no band of Antarctica", async (width, height) => {
    const { page } = await openApp(chromium.browser, appUrl, { width, height });
    const box = await page.locator("#map").boundingBox();
    if (!box) throw new Error("no map");
    const inside = async (lon: number, lat: number) => {
      const [x, y] = await projectToPage(page, lon, lat);
      return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
    };
    expect(await inside(-165, 64), "western Alaska").toBe(true);
    expect(await inside(-150, 70), "Alaska's north coast").toBe(true);
    expect(await inside(174.8, -41.3), "Wellington").toBe(true);
    expect(await inside(168.5, -46.4), "New Zealand's south").toBe(true);
    // Below Cape Horn (56°S) lies at most a sliver of the map, not a third of it.
    const [, capeHorn] = await projectToPage(page, -67.3, -55.9);
    expect((box.y + box.height - capeHorn) / box.height).toBeLessThan(0.08);
    expect(box.width).toBeGreaterThan(1.7 * box.height);
    await page.context().close();
  });

  it("answers a tap on a country where the reader looks: its facts on screen, no tooltip over the map", async () => {
    const context = await chromium.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
    const [x, y] = await projectToPage(page, 134, -25);
    await page.touchscreen.tap(x, y);
    const panel = page.locator("#panel");
    await panel.waitFor({ state: "visible" });
    expect(await page.locator("#panel-title").textContent()).toBe("Australia");
    const title = await page.locator("#panel-title").boundingBox();
    expect(title && title.y + title.height <= 844 && title.y >= 0, `panel title at y=${title?.y}`).toBe(true);
    expect(await page.locator("#tooltip").isVisible()).toBe(false);
    await context.close();
  });

  it("keeps a mouse's tooltip on a phone-sized map to its lead fact, off most of the map", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?arcs=0`, { width: 390, height: 844 });
    await page.mouse.move(...(await projectToPage(page, 134, -25)));
    const tooltip = page.locator("#tooltip");
    await tooltip.waitFor({ state: "visible" });
    const tip = await tooltip.boundingBox();
    const map = await page.locator("#map").boundingBox();
    if (!tip || !map) throw new Error("no tooltip or map box");
    const cover = (tip.width * tip.height) / (map.width * map.height);
    expect(cover, `the tooltip covers ${Math.round(cover * 100)}% of the map`).toBeLessThanOrEqual(TOOLTIP_MAX_COVER);
    expect(await tooltip.locator(".tooltip-title").textContent()).toBe("Australia");
    expect(await tooltip.locator("dt").allTextContents()).toEqual(["Status"]);
    await screenshot(page, "phone-mouse-tooltip-australia");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the table on a phone", () => {
  it("keeps its caption readable in the box a wide table scrolls in", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?table=1`, { width: 390, height: 844 });
    const [caption, scroller] = await page.evaluate(() =>
      [".data-table caption", ".data-table-scroll"].map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? [box.left, box.right] : null;
      }),
    );
    if (!caption || !scroller) throw new Error("no table caption or scroll box");
    // The table is wider than the phone and scrolls sideways; its caption must not run off with it.
    expect(
      await page.evaluate(() => document.querySelector(".data-table")?.getBoundingClientRect().width),
    ).toBeGreaterThan((scroller[1] ?? 0) - (scroller[0] ?? 0));
    expect(caption[1]).toBeLessThanOrEqual((scroller[1] ?? 0) + 0.5);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the Share dialog", () => {
  it.each([
    [390, 844, "light", 44],
    [390, 844, "dark", 44],
    [1280, 800, "light", 24],
    [1280, 800, "dark", 24],
  ] as const)("at %i×%i (%s) lays out with every button a target of %i px or more", async (width, height, theme, size) => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?theme=${theme}`, { width, height });
    await page.getByRole("button", { name: "Share / embed" }).click();
    await page.getByRole("dialog").waitFor({ state: "visible" });
    const targets = [{ selector: ".share-dialog button", size }];
    expect(await page.evaluate(layoutCheckExpression({ touch: phone(width), targets }))).toEqual([]);
    // The close button stays in the heading's row, at its right.
    const [title, close] = await Promise.all(
      ["#share-title", ".share-close"].map((s) => page.locator(s).boundingBox()),
    );
    if (!title || !close) throw new Error("no dialog heading");
    expect(close.x).toBeGreaterThan(title.x + title.width);
    expect(Math.abs(close.y + close.height / 2 - (title.y + title.height / 2))).toBeLessThan(4);
    await screenshot(page, `share-dialog-${width}-${theme}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the Share dialog on a phone", () => {
  it("has no control under a finger's size or off the screen, and its 320 px preview fits its frame", async () => {
    const { page, errors } = await openApp(chromium.browser, `${appUrl}?view=minerals`, { width: 390, height: 844 });
    await page.getByRole("button", { name: "Share / embed" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible" });
    await page.locator("#share-preview-width").selectOption("320");
    await dialog.getByRole("button", { name: "Show preview" }).click();
    await page.frameLocator(".share-preview-frame").locator("html[data-ready='true']").waitFor({ timeout: 45_000 });
    // Every button of the dialog a fingertip's target: 44×44 px.
    expect(
      await page.evaluate(
        layoutCheckExpression({ touch: true, targets: [{ selector: ".share-dialog button", size: 44 }] }),
      ),
    ).toEqual([]);
    const frame = page.frames().find((f) => f.url().includes("embed=1"));
    if (!frame) throw new Error("no preview frame");
    expect(await frame.evaluate(layoutCheckExpression({ touch: true }))).toEqual([]);
    // 320 px or what the phone's dialog leaves of it, with nothing scrolling sideways.
    const [scrollWidth, frameWidth] = await frame.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(frameWidth).toBeLessThanOrEqual(320);
    expect(scrollWidth).toBe(frameWidth);
    await screenshot(page, "share-dialog-phone-preview-320");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
