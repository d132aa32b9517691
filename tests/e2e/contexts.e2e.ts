/**
 * Lost WebGL contexts, for real: more embeds on a page than the browser has contexts (Chromium's
 * `--max-active-webgl-contexts`, and 20 embeds under its default), and contexts taken away and given
 * back with WEBGL_lose_context. No frame may look blank to a reader, and whatever was drawn before a
 * loss is drawn again after the restore, without WebGL warnings.
 */
import type { Browser, Frame, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { embedSnippet } from "../../src/embed/snippet.ts";
import { PAUSED_STARTING_NOTE } from "../../src/map/lifecycle.ts";
import { BASE_PALETTE, FORUM_COLOURS, PACT_COLOURS } from "../../src/model/palette.ts";
import { launchChromium } from "./chromium.ts";
import { placeOnPage } from "./harness.ts";
import { articlePage, type HostServer, serveHost } from "./host.ts";
import {
  colourDistance,
  type MapCoverage,
  mapCoverage,
  openApp,
  pixel,
  projectToPage,
  screenshot,
  waitForWebgl,
} from "./page.ts";

const appUrl = inject("appUrl");
const LIGHT = BASE_PALETTE.light;
const LAND_COLOURS = [LIGHT.land, ...Object.values(PACT_COLOURS.light), ...Object.values(FORUM_COLOURS.light)];

let host: HostServer;
beforeAll(async () => {
  host = await serveHost();
});
afterAll(async () => {
  await host?.close();
});

function snippet(href: string): string {
  return embedSnippet({ href, title: "Critical Minerals Map", autoHeight: true }).replace(
    "<iframe ",
    '<iframe class="map" ',
  );
}

/** What a reader sees of one embed's map: sea and land, as fractions of the map's box. */
async function coverage(frame: Frame, name: string): Promise<MapCoverage> {
  const buffer = await frame.locator("#map").screenshot({ path: `test-results/screenshots/${name}.png` });
  return mapCoverage(PNG.sync.read(buffer), LIGHT.ocean, LAND_COLOURS);
}

/**
 * A map a reader would call drawn: sea over a good part of it, land over another, together most of
 * the box (at 320 px borders, arcs and the pause note take about 40%; a blank box scores near 0).
 */
function expectDrawn(seen: MapCoverage, what: string): void {
  expect(seen.ocean, `${what}: sea (${JSON.stringify(seen)})`).toBeGreaterThan(0.25);
  expect(seen.land, `${what}: land (${JSON.stringify(seen)})`).toBeGreaterThan(0.15);
  expect(seen.ocean + seen.land, `${what}: sea and land (${JSON.stringify(seen)})`).toBeGreaterThan(0.5);
}

async function framesOf(page: Page): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const handle of await page.locator("iframe.map").elementHandles()) {
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("iframe without a frame");
    frames.push(frame);
  }
  return frames;
}

/**
 * The page's embeds, each scrolled into view until its map is ready (frames out of view do not draw)
 * and its WebGL map has started on its own (the page idle, the map in view; see waitForWebgl).
 */
async function openEmbeds(browser: Browser, path: string, urls: readonly string[]): Promise<Page> {
  const url = host.page(path, articlePage(urls.map((href) => ({ width: 320, snippet: snippet(href) }))));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(url);
  for (const [i, frame] of (await framesOf(page)).entries()) {
    await page.locator(`#embed-${i}`).scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    await waitForWebgl(frame, { paused: true, timeout: 90_000 }).catch(async (error: unknown) => {
      // Where every map stood when this one did not start (this wait has timed out under load).
      const states = await Promise.all((await framesOf(page)).map(stateOf));
      throw new Error(`map ${i} did not start WebGL: ${states.map((s, k) => `map ${k} ${s}`).join("; ")}`, {
        cause: error,
      });
    });
  }
  return page;
}

/** A frame's readiness, renderer, map phase and note, for a message. */
function stateOf(frame: Frame): Promise<string> {
  return frame
    .evaluate(() => {
      const api = (window as unknown as { criticalMineralsMap?: { phase(): string } }).criticalMineralsMap;
      const { ready, renderer } = document.documentElement.dataset;
      const note = document.getElementById("fallback-note");
      const noted = note?.hidden === false ? JSON.stringify(note.textContent) : "none";
      return `ready=${ready} renderer=${renderer} phase=${api?.phase()} note=${noted} visible=${document.visibilityState}`;
    })
    .catch((error: unknown) => `unreadable (${String(error)})`);
}

/** Whether a frame's WebGL map is drawing now (its context held) or something stands in for it. */
function paused(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.getElementById("fallback-note")?.hidden === false);
}

describe("more embeds than the browser has WebGL contexts", () => {
  it("4 embeds with room for 3 contexts: every map is drawn, the one whose context was taken by an SVG copy", async () => {
    const scarce = await launchChromium({ args: ["--max-active-webgl-contexts=3"] });
    try {
      const page = await openEmbeds(scarce, "/scarce.html", [
        appUrl,
        `${appUrl}?view=forums`,
        appUrl,
        `${appUrl}?view=forums&forum=pax-silica`,
      ]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(1000);
      const frames = await framesOf(page);
      let pausedCount = 0;
      for (const [i, frame] of frames.entries()) {
        if (await paused(frame)) pausedCount += 1;
        expectDrawn(await coverage(frame, `contexts-scarce-${i}`), `map ${i}`);
        // A stand-in stays inside the map's box: one map, not two stacked over the legend.
        const spill = await frame.evaluate(() => {
          const area = document.querySelector(".map-area")?.getBoundingClientRect();
          return [...document.querySelectorAll(".map-area .svg-map")]
            .map((svg) => svg.getBoundingClientRect())
            .filter((box) => area && box.height > 0 && box.bottom > area.bottom + 1)
            .map((box) => Math.round(box.bottom - (area?.bottom ?? 0)));
        });
        expect(spill, `map ${i}: a stand-in spills out of the map area by`).toEqual([]);
      }
      // One context per map: exactly one of the four had to give its context up.
      expect(pausedCount).toBe(1);
      await page.context().close();
    } finally {
      await scarce.close();
    }
  }, 240_000);

  it("20 embeds on a page, each scrolled into view: none is blank", async () => {
    const browser = await launchChromium();
    try {
      const views = ["", "?view=forums", "?view=forums&forum=pax-silica", "?date=2026-02-04"];
      const urls = Array.from({ length: 20 }, (_, i) => `${appUrl}${views[i % views.length]}`);
      const page = await openEmbeds(browser, "/twenty.html", urls);
      const frames = await framesOf(page);
      let pausedCount = 0;
      for (const [i, frame] of frames.entries()) {
        await page.locator(`#embed-${i}`).scrollIntoViewIfNeeded();
        await page.waitForTimeout(200);
        if (await paused(frame)) pausedCount += 1;
        expectDrawn(await coverage(frame, `contexts-twenty-${i}`), `map ${i}`);
      }
      // Chromium keeps 16 contexts: the first maps gave theirs up to the last ones.
      expect(pausedCount).toBeGreaterThanOrEqual(4);
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 600_000);

  it("every map whose context is taken away is still drawn", async () => {
    const browser = await launchChromium();
    try {
      const page = await openEmbeds(browser, "/all-lost.html", [appUrl, `${appUrl}?view=forums`]);
      const frames = await framesOf(page);
      for (const frame of frames) {
        await frame.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
          const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
          gl?.getExtension("WEBGL_lose_context")?.loseContext();
        });
      }
      for (const [i, frame] of frames.entries()) {
        await frame.waitForFunction(() => document.getElementById("fallback-note")?.hidden === false);
        await page.waitForTimeout(300);
        expectDrawn(await coverage(frame, `contexts-lost-${i}`), `map ${i}`);
      }
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 240_000);
});

/** Console messages Chromium logs for a WebGL call that went wrong. */
const isWebglWarning = (text: string) =>
  /WebGL|GL_INVALID|no valid shader program|does not belong to this context/.test(text);

describe("a context lost and given back", () => {
  it("lost while the WebGL map starts: the SVG map stays, usable, under the paused note; given back, WebGL takes over", async () => {
    const browser = await launchChromium();
    try {
      const { page, errors, warnings } = await openApp(browser, appUrl);
      // The browser takes the map's context right after MapLibre made it, before its first frame (as
      // Chromium does to the oldest context when more maps start at once than it has contexts for).
      await page.evaluate(() => {
        const getContext = HTMLCanvasElement.prototype.getContext as (this: unknown, ...args: unknown[]) => unknown;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
          const context = getContext.apply(this, args) as WebGL2RenderingContext | null;
          const window_ = window as unknown as { loseContext?: WEBGL_lose_context | null };
          if (context && /webgl/.test(String(args[0])) && window_.loseContext === undefined) {
            window_.loseContext = context.getExtension("WEBGL_lose_context");
            setTimeout(() => window_.loseContext?.loseContext(), 0);
          }
          return context;
        } as typeof HTMLCanvasElement.prototype.getContext;
      });
      await page.locator("#poster").focus();
      await page.keyboard.press("+");
      await waitForWebgl(page, { paused: true });
      const state = await page.evaluate(() => ({
        phase: (window as unknown as { criticalMineralsMap: { phase(): string } }).criticalMineralsMap.phase(),
        renderer: document.documentElement.dataset.renderer,
        ready: document.documentElement.dataset.ready,
        note: document.getElementById("fallback-note")?.textContent,
        svgMaps: document.querySelectorAll(".map-area .svg-map").length,
      }));
      expect(state).toEqual({
        phase: "starting-webgl",
        renderer: "svg",
        ready: "true",
        note: PAUSED_STARTING_NOTE,
        svgMaps: 1,
      });
      expectDrawn(await coverage(page.mainFrame(), "contexts-lost-early"), "the SVG map");
      // It is the map readers were using, and still answers them.
      await page.mouse.move(...(await placeOnPage(page, "ARG")));
      await page.locator("#tooltip").waitFor({ state: "visible" });
      expect(await page.locator("#tooltip").textContent()).toContain("Argentina");

      await page.evaluate(() =>
        (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext(),
      );
      await waitForWebgl(page);
      expect(await page.evaluate(() => document.getElementById("fallback-note")?.hidden)).toBe(true);
      expectDrawn(await coverage(page.mainFrame(), "contexts-lost-early-restored"), "the WebGL map");
      expect(warnings.filter(isWebglWarning)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("draws everything it drew before (hub, markers, arcs, countries), and no WebGL warnings after", async () => {
    const browser = await launchChromium();
    try {
      const { page, errors, warnings } = await openApp(browser, appUrl, { webgl: true });
      await page.waitForTimeout(500);
      const before = await screenshot(page, "contexts-before-loss");
      await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
        const gl = canvas?.getContext("webgl2");
        const extension = gl?.getExtension("WEBGL_lose_context");
        (window as unknown as { loseContext: unknown }).loseContext = extension;
        extension?.loseContext();
      });
      await page.waitForFunction(() => document.getElementById("fallback-note")?.hidden === false);
      expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("svg");
      await page.evaluate(() =>
        (window as unknown as { loseContext: { restoreContext(): void } }).loseContext.restoreContext(),
      );
      await page.waitForFunction(() => document.getElementById("fallback-note")?.hidden === true, null, {
        timeout: 45_000,
      });
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => document.documentElement.dataset.renderer)).toBe("webgl");
      const after = await screenshot(page, "contexts-after-restore");
      // The hub (Washington) and a small state's marker (Singapore) in particular.
      for (const [lon, lat] of [
        [-77.04, 38.9],
        [103.82, 1.35],
      ] as const) {
        const [x, y] = await projectToPage(page, lon, lat);
        expect(colourDistance(pixel(after, x, y), pixel(before, x, y)), `at ${lon}, ${lat}`).toBeLessThanOrEqual(6);
      }
      const box = await page.locator("#map").boundingBox();
      if (!box) throw new Error("no map");
      let differing = 0;
      let total = 0;
      for (let y = Math.ceil(box.y); y < box.y + box.height; y += 3) {
        for (let x = Math.ceil(box.x); x < box.x + box.width; x += 3) {
          total += 1;
          if (colourDistance(pixel(after, x, y), pixel(before, x, y)) > 24) differing += 1;
        }
      }
      expect(differing / total, "share of the map's pixels that changed").toBeLessThan(0.005);

      // Hovers and view switches on the restored map leave no WebGL warning behind.
      for (let i = 0; i < 20; i += 1) {
        await page.mouse.move(box.x + 40 + ((i * 37) % (box.width - 80)), box.y + 60 + ((i * 53) % (box.height - 120)));
        await page.waitForTimeout(50);
      }
      await page.getByRole("button", { name: "Forums", exact: true }).click();
      await page.waitForTimeout(500);
      await page.getByRole("button", { name: "Pacts", exact: true }).click();
      await page.waitForTimeout(500);
      expect(warnings.filter(isWebglWarning)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
