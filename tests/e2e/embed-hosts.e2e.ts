/**
 * Embeds under the protocols newsrooms already run, in Chromium, on a host page of another origin:
 * a parent page using the real Pym.js (npm `pym.js`), a host speaking AMP's `embed-size`, and the
 * plain iframe of fixed height that the share dialog measures (no script at all).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { type HostServer, serveHost } from "./host.ts";
import { screenshot } from "./page.ts";

const appUrl = inject("appUrl");
const pymSource = readFileSync(createRequire(import.meta.url).resolve("pym.js/dist/pym.v1.js"), "utf8");

let browser: Browser;
let host: HostServer;
beforeAll(async () => {
  [browser, host] = await Promise.all([launchChromium(), serveHost()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), host?.close()]);
});

interface Opened {
  page: Page;
  frames: Frame[];
  /** Warnings and errors from the page and every frame in it. */
  messages: string[];
}

/** Opens a host page; wide enough that every frame is in view (Chromium draws no frame out of view). */
async function openHost(html: string, path: string, count: number, width = 1400): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") messages.push(message.text());
  });
  page.on("pageerror", (error) => messages.push(error.message));
  await page.goto(host.page(path, html));
  await page.waitForFunction((n) => document.querySelectorAll("iframe").length === n, count);
  const frames: Frame[] = [];
  for (const handle of await page.locator("iframe").elementHandles()) {
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("iframe without a frame");
    await frame.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    frames.push(frame);
  }
  return { page, frames, messages };
}

const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.getElementById("app")?.getBoundingClientRect().height ?? 0));

const iframeHeights = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("iframe")].map((f) => Math.round(f.getBoundingClientRect().height)),
  );

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0;padding:0 20px">
<h1>Host article</h1><p>Text before the graphic.</p>${body}<p>Text after the graphic.</p>${"<p>More text.</p>".repeat(40)}</body></html>`;

describe("a Pym.js parent page (pym.js 1.3.2 from npm)", () => {
  it("gets its height message for the childId it gave, and the map warns about none of Pym's parameters", async () => {
    const body = `<div id="graphic" style="width:600px"></div>
<script>${pymSource}</script>
<script>new pym.Parent("graphic", ${JSON.stringify(`${appUrl}?view=forums&forum=pax-silica&embed=1`)}, {});</script>`;
    const { page: host, frames, messages } = await openHost(page(body), "/pym.html", 1);
    const frame = frames[0];
    if (!frame) throw new Error("no frame");
    const url = new URL((await host.locator("iframe").getAttribute("src")) ?? "");
    expect(url.searchParams.get("childId")).toBe("graphic");
    expect(url.searchParams.has("initialWidth")).toBe(true);
    const content = await contentHeight(frame);
    expect(content).toBeGreaterThan(300);
    // Pym sets the iframe's height attribute from our message (it starts at 150 px, scrolling="no").
    await host.waitForFunction((h) => document.querySelector("iframe")?.getAttribute("height") === `${h}px`, content);
    expect(await iframeHeights(host)).toEqual([content]);
    await host.locator("iframe").screenshot({ path: "test-results/screenshots/embed-pym-600.png" });
    expect(messages).toEqual([]);
    await host.context().close();
  }, 120_000);
});

describe("a host speaking AMP's protocol (amp-iframe resizable)", () => {
  it("is asked for the content height with {sentinel: 'amp', type: 'embed-size', height}", async () => {
    // What the AMP runtime does with the request, for an iframe not in view: resize it.
    const body = `<div style="width:500px"><iframe src="${appUrl}?view=minerals&amp;embed=1#amp=1" title="Map" width="500" height="300" style="border:0;width:100%;height:300px"></iframe></div>
<script>
  addEventListener("message", (event) => {
    const iframe = document.querySelector("iframe");
    const data = event.data;
    if (event.source !== iframe.contentWindow || !data || data.sentinel !== "amp" || data.type !== "embed-size") return;
    iframe.style.height = data.height + "px";
  });
</script>`;
    const { page: host, frames, messages } = await openHost(page(body), "/amp.html", 1);
    const frame = frames[0];
    if (!frame) throw new Error("no frame");
    const content = await contentHeight(frame);
    await host.waitForFunction((h) => document.querySelector("iframe")?.getBoundingClientRect().height === h, content);
    expect(content).toBeGreaterThan(300);
    expect(messages).toEqual([]);
    await host.context().close();
  }, 120_000);
});

describe("a plain iframe of fixed height, no script", () => {
  it("gets from the share dialog the height its view needs at 320, 375 and 700 px; no inner scroll, credit in view", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: "reduce" });
    const app = await context.newPage();
    await app.goto(`${appUrl}?view=pacts`);
    await app.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
    await app.getByRole("button", { name: "Share / embed" }).click();
    const dialog = app.getByRole("dialog");
    await dialog.getByLabel("Plain iframe, no script").check();
    await dialog.getByLabel("Timeline").check();
    const codes: [number, string][] = [];
    for (const width of [320, 375, 700]) {
      await app.locator("#share-preview-width").selectOption(String(width));
      if (width === 320) await dialog.getByRole("button", { name: "Show preview" }).click();
      await app.waitForFunction(
        (w) => document.querySelector<HTMLInputElement>("#share-height")?.dataset.measuredWidth === String(w),
        width,
        { timeout: 45_000 },
      );
      codes.push([width, await app.locator("#share-code").inputValue()]);
    }
    await screenshot(app, "share-dialog-plain");
    await context.close();
    const heights = codes.map(([, code]) => Number(/height="(\d+)"/.exec(code)?.[1]));
    // The height depends on the width (the map is 16:9, the legend stacks on a phone): one per width.
    expect(new Set(heights).size, JSON.stringify(heights)).toBe(3);
    for (const height of heights) expect(height).toBeGreaterThan(400);
    for (const [, code] of codes) {
      expect(code).not.toContain("<script");
      expect(code).toContain("parts=timeline&amp;fit=1");
    }

    // The same snippets in an article, plus one frame far shorter than its view.
    // (Without the snippet's breakpoints, which would give it the height its width needs.)
    const short = (codes[2]?.[1] ?? "").replace(/<style>.*<\/style>/s, "").replace(/height(="|:)\d+/g, "height$1420");
    const blocks: [number, string][] = [...codes, [700, short]];
    const body = blocks
      .map(
        ([width, code]) =>
          `<div style="display:inline-block;vertical-align:top;margin:8px;width:${width}px">${code}</div>`,
      )
      .join("");
    const { page: host, frames, messages } = await openHost(page(body), "/plain.html", 4, 2300);
    for (const [i, frame] of frames.entries()) {
      const fit = await frame.evaluate(() => {
        const credit = document.querySelector(".full-map-link")?.getBoundingClientRect();
        const map = document.getElementById("map")?.getBoundingClientRect();
        return {
          scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
          creditInView: credit ? credit.bottom <= window.innerHeight + 0.5 && credit.height > 0 : false,
          mapHeight: map?.height ?? 0,
        };
      });
      expect(fit.scrolls, `frame ${i}`).toBe(false);
      expect(fit.creditInView, `frame ${i}`).toBe(true);
      expect(fit.mapHeight, `frame ${i}`).toBeGreaterThan(60);
      await host
        .locator("iframe")
        .nth(i)
        .screenshot({ path: `test-results/screenshots/embed-plain-${i}.png` });
    }
    // The measured frames show the whole view: the map at its full 16:9.
    for (const [i, [width]] of codes.entries()) {
      const mapHeight = await frames[i]?.evaluate(() => document.getElementById("map")?.getBoundingClientRect().height);
      expect(Math.abs((mapHeight ?? 0) - Math.max(180, (width * 9) / 16)), `frame ${i}`).toBeLessThan(3);
    }
    // The wheel over a frame scrolls the article (there is nothing to scroll inside).
    const box = await host.locator("iframe").nth(3).boundingBox();
    if (!box) throw new Error("no frame box");
    await host.mouse.move(box.x + box.width / 2, box.y + box.height - 40);
    await host.mouse.wheel(0, 300);
    await host.waitForFunction(() => window.scrollY > 100);
    expect(messages).toEqual([]);
    await host.context().close();
  }, 240_000);
});

describe("one plain snippet with breakpoints, no script", () => {
  it.each([
    ["pacts", "?view=pacts"],
    ["minerals", "?view=minerals&mineral=cobalt"],
  ])(
    "%s: is the right height in an article at 320, 375, 700 and 1280 px: no inner scroll, credit in view, the map whole",
    async (name, query) => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: "reduce" });
      const app = await context.newPage();
      await app.goto(`${appUrl}${query}`);
      await app.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
      await app.getByRole("button", { name: "Share / embed" }).click();
      const dialog = app.getByRole("dialog");
      await dialog.getByLabel("Plain iframe, no script").check();
      await app.locator("#share-preview-width").selectOption("700");
      await dialog.getByRole("button", { name: "Show preview" }).click();
      await app.waitForFunction(() => document.querySelector<HTMLElement>("#share-code")?.dataset.breakpoints, null, {
        timeout: 45_000,
      });
      const code = await app.locator("#share-code").inputValue();
      await context.close();
      expect(code).not.toContain("<script");
      expect(code).toMatch(/<div class="cmm-embed-[0-9a-z]+" style="container-type:inline-size"><style>/);
      mkdirSync("test-results", { recursive: true });
      writeFileSync(`test-results/embed-breakpoints-${name}.html`, code);

      const heights: number[] = [];
      for (const viewport of [320, 375, 700, 1280]) {
        const {
          page: host,
          frames,
          messages,
        } = await openHost(page(code), `/breakpoints-${name}-${viewport}.html`, 1, viewport);
        const frame = frames[0];
        if (!frame) throw new Error("no frame");
        const fit = await frame.evaluate(() => {
          const credit = document.querySelector(".credit")?.getBoundingClientRect();
          const map = document.getElementById("map")?.getBoundingClientRect();
          const measures = {
            width: window.innerWidth,
            height: window.innerHeight,
            scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
            creditBottom: credit && credit.height > 0 ? credit.bottom : Number.POSITIVE_INFINITY,
            mapHeight: map?.height ?? 0,
            natural: 0,
          };
          // The height the view would take in a frame sized to it (the layout without fit=1).
          const root = document.documentElement;
          root.classList.remove("is-fit");
          measures.natural = Math.ceil(document.getElementById("app")?.getBoundingClientRect().height ?? 0);
          root.classList.add("is-fit");
          return measures;
        });
        const label = `${name} at ${viewport} px: ${JSON.stringify(fit)}`;
        expect(fit.scrolls, label).toBe(false);
        expect(fit.creditBottom, label).toBeLessThanOrEqual(fit.height + 0.5);
        // Not cut short (the map keeps its 16:9) and not much taller than the view (no empty band).
        expect(Math.abs(fit.mapHeight - Math.min(560, (fit.width * 9) / 16)), label).toBeLessThan(3);
        expect(fit.height - fit.natural, label).toBeLessThan(40);
        heights.push(fit.height);
        expect(messages).toEqual([]);
        await host
          .locator("iframe")
          .screenshot({ path: `test-results/screenshots/embed-breakpoints-${name}-${viewport}.png` });
        await host.context().close();
      }
      // One snippet, a height for each width.
      expect(new Set(heights).size, JSON.stringify(heights)).toBe(4);
    },
    240_000,
  );
});
