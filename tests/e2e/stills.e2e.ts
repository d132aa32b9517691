/**
 * The stills in Chromium against the production build: where scripts cannot run (JavaScript off;
 * WordPress's `sandbox="allow-scripts"` frame on another origin, whose stylesheet and module the
 * map's host, sending no CORS headers, does not give to an opaque origin) the frame shows the
 * picture of the view with its headline, source and a working link; where they run, the app shows
 * and the still is never drawn; the preview pictures and the tags and oEmbed response that use them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeStills } from "../../scripts/stills.ts";
import { STILL_VIEWS, type Still, stillOf } from "../../src/embed/still.ts";
import { indexOf } from "../../src/model/derive.ts";
import { axeViolations, builtDataset, launchChromium, openApp } from "./harness.ts";
import { type HostServer, serveHost } from "./host.ts";
import { serveStatic } from "./server.ts";

const appUrl = inject("appUrl");
const distDir = inject("distDir");
const WIDTHS = [320, 375, 700] as const;

let browser: Browser;
let host: HostServer;
let stills: Map<string, Still>;
beforeAll(async () => {
  [browser, host] = await Promise.all([launchChromium(), serveHost()]);
  const dataset = builtDataset();
  const index = indexOf(dataset);
  stills = new Map(STILL_VIEWS.map((view) => [view, stillOf(dataset, index, view)]));
});
afterAll(async () => {
  await Promise.all([browser?.close(), host?.close()]);
});

const stillOfView = (view: string): Still => {
  const still = stills.get(view);
  if (!still) throw new Error(`no still for ${view}`);
  return still;
};

/** A host article with one column per width, each holding `iframe(width)`. */
const article = (iframe: (width: number) => string, script = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head>
<body style="margin:0;padding:0 16px;font:16px/1.5 serif"><h1>Host article</h1><p>Text before the graphic.</p>
<div style="display:flex;gap:16px;align-items:flex-start">${WIDTHS.map((w) => `<div style="width:${w}px;flex:none">${iframe(w)}</div>`).join("")}</div>
<p>Text after the graphic.</p>${script}</body></html>`;

interface Seen {
  stillShown: boolean;
  appShown: boolean;
  view: string | null;
  headline: string;
  credit: string;
  legend: string[];
  picture: { complete: boolean; naturalWidth: number; naturalHeight: number; width: number; src: string };
  link: { href: string; target: string; text: string; width: number };
  stillHeight: number;
  scrollWidth: number;
  innerWidth: number;
}

/** What a reader sees of the still in a frame (read by the test driver, not by the page). */
async function seen(frame: Frame): Promise<Seen> {
  await frame.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>(".still .still-picture");
    return Boolean(img?.complete && img.naturalWidth > 0);
  });
  return frame.evaluate(() => {
    const still = document.querySelector<HTMLElement>(".still");
    const app = document.getElementById("app");
    const img = still?.querySelector<HTMLImageElement>(".still-picture");
    const link = still?.querySelector<HTMLAnchorElement>(".still-link");
    const shown = (el: Element | null | undefined) =>
      Boolean(el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0);
    return {
      stillShown: shown(still),
      appShown: shown(app),
      view: still?.dataset.still ?? null,
      headline: still?.querySelector("h1")?.textContent ?? "",
      credit: still?.querySelector(".still-credit")?.textContent ?? "",
      legend: [...(still?.querySelectorAll(".still-legend li") ?? [])].map((li) => li.textContent ?? ""),
      picture: {
        complete: img?.complete ?? false,
        naturalWidth: img?.naturalWidth ?? 0,
        naturalHeight: img?.naturalHeight ?? 0,
        width: img?.getBoundingClientRect().width ?? 0,
        src: img?.currentSrc ?? "",
      },
      link: {
        href: link?.href ?? "",
        target: link?.target ?? "",
        text: link?.textContent ?? "",
        width: link?.getBoundingClientRect().width ?? 0,
      },
      stillHeight: still?.getBoundingClientRect().height ?? 0,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });
}

function expectStill(s: Seen, still: Still, width: number): void {
  const what = `${still.view} at ${width} px`;
  expect(s.stillShown, what).toBe(true);
  expect(s.appShown, what).toBe(false);
  expect(s.view, what).toBe(still.view);
  expect(s.headline, what).toBe(still.headline);
  expect(s.credit, what).toBe(still.credit);
  expect(s.legend, what).toEqual(still.categories.map((c) => `${c.label} (${c.count})`));
  expect(s.picture, what).toMatchObject({ complete: true, naturalWidth: 1200, naturalHeight: 630 });
  expect(new URL(s.picture.src).pathname, what).toBe(`${new URL(appUrl).pathname}previews/${still.view}.png`);
  // The picture fills the column, nothing pushes the frame sideways.
  expect(s.picture.width, what).toBeGreaterThan(width - 40);
  expect(s.scrollWidth, what).toBeLessThanOrEqual(s.innerWidth);
  expect(s.link.text, what).toMatch(/^Open the interactive map/);
  expect(s.link.width, what).toBeGreaterThan(0);
}

async function frames(page: Page, count: number): Promise<Frame[]> {
  await page.waitForFunction((n) => document.querySelectorAll("iframe").length === n, count);
  const found: Frame[] = [];
  for (const handle of await page.locator("iframe").elementHandles()) {
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("iframe without a frame");
    found.push(frame);
  }
  return found;
}

/** A host page holding one frame (`html`), in a fresh context; `watch` sees the page before it loads. */
async function openOneFrame(
  path: string,
  html: string,
  watch: (page: Page) => void = () => undefined,
): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  watch(page);
  await page.goto(
    host.page(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0;padding:0 20px">${html}</body></html>`,
    ),
  );
  const [frame] = await frames(page, 1);
  if (!frame) throw new Error("no frame");
  return { page, frame };
}

describe("a frame with JavaScript off", () => {
  it("shows the default view's picture, headline, source and a link that opens the full map in a new tab", async () => {
    const context = await browser.newContext({
      viewport: { width: 1480, height: 1000 },
      javaScriptEnabled: false,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    // The address names the forums view, which nothing can read without a script: the frame shows
    // the still of the view a bare address shows, and says what it is in its own headline.
    await page.goto(
      host.page(
        "/nojs.html",
        article(
          () =>
            `<iframe src="${appUrl}?view=forums&amp;embed=1" title="Map" style="display:block;width:100%;height:760px;border:0"></iframe>`,
        ),
      ),
    );
    const found = await frames(page, WIDTHS.length);
    const pacts = stillOfView("pacts");
    for (const [i, frame] of found.entries()) {
      const width = WIDTHS[i] ?? 0;
      const s = await seen(frame);
      expectStill(s, pacts, width);
      expect(s.link.href).toBe(appUrl);
      expect(s.link.target).toBe("_blank");
      await page
        .locator("iframe")
        .nth(i)
        .screenshot({ path: `test-results/screenshots/still-nojs-${width}.png` });
    }
    const [popup] = await Promise.all([context.waitForEvent("page"), found[2]?.locator(".still-link").click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(appUrl);
    await context.close();
  }, 120_000);
});

/**
 * What WordPress's host script (wp-includes/js/wp-embed.js) does with an embed from a site it
 * does not know: the frame is `sandbox="allow-scripts" security="restricted"`, its address carries
 * `#?secret=…`, and a message `{message, value, secret}` from it sizes it (200–1000 px) or, for a
 * link on its own host, sends the article's tab there.
 */
const WORDPRESS_HOST_SCRIPT = `<script>
  addEventListener("message", (e) => {
    const data = e.data;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    for (const source of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute("style");
      if (data.message === "height") source.height = Math.min(1000, Math.max(200, parseInt(data.value, 10) || 0));
      if (data.message === "link") {
        const from = document.createElement("a"), to = document.createElement("a");
        from.href = source.getAttribute("src");
        to.href = data.value;
        if (to.host === from.host && document.activeElement === source) window.top.location.href = data.value;
      }
    }
  });
</script>`;

describe('WordPress\'s sandbox: sandbox="allow-scripts" on another origin', () => {
  it("shows the picture of the view the address names, is sized to it, and its link takes the reader to the same view", async () => {
    const context = await browser.newContext({ viewport: { width: 1480, height: 1000 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(
      host.page(
        "/wordpress.html",
        article(
          (w) =>
            `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${appUrl}?view=minerals&amp;embed=1&amp;fit=1#?secret=Wp${w}x" data-secret="Wp${w}x" width="${w}" height="400" title="Map" frameborder="0" scrolling="no"></iframe>`,
          WORDPRESS_HOST_SCRIPT,
        ),
      ),
    );
    const found = await frames(page, WIDTHS.length);
    const minerals = stillOfView("minerals");
    const full = `${appUrl}?view=minerals`;
    for (const [i, frame] of found.entries()) {
      const width = WIDTHS[i] ?? 0;
      const s = await seen(frame);
      expect(await frame.evaluate(() => self.origin)).toBe("null");
      expectStill(s, minerals, width);
      expect(s.link.href).toBe(full);
      // WordPress's script sized the frame to the still.
      const iframe = page.locator("iframe").nth(i);
      await page.waitForFunction(
        ([n, h]) => document.querySelectorAll("iframe")[n]?.getAttribute("height") === String(h),
        [i, Math.ceil(s.stillHeight)] as const,
      );
      await iframe.screenshot({ path: `test-results/screenshots/still-sandbox-${width}.png` });
    }
    expect(errors).toEqual([]);
    // The same markup as without JavaScript (axe-core cannot run in a page with JavaScript off).
    expect(await axeViolations(found[0] as Frame)).toEqual([]);
    await found[1]?.locator(".still-link").click();
    await page.waitForURL(full);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 45_000 });
    await context.close();
  }, 120_000);

  it("with allow-popups as well and no WordPress, the link opens the same view in a new tab", async () => {
    const { page, frame } = await openOneFrame(
      "/sandbox-popups.html",
      `<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" src="${appUrl}?view=forums&amp;forum=msp&amp;embed=1" title="Map" style="width:600px;height:700px;border:0"></iframe>`,
    );
    const context = page.context();
    const s = await seen(frame);
    expectStill(s, stillOfView("forums"), 600);
    const full = `${appUrl}?view=forums&forum=msp`;
    expect(s.link.href).toBe(full);
    const [popup] = await Promise.all([context.waitForEvent("page"), frame.locator(".still-link").click()]);
    await popup.waitForURL(full);
    await context.close();
  }, 120_000);
});

describe("where scripts run", () => {
  it("the page reaches ready with the still never drawn (its picture never fetched), on its own and in a frame", async () => {
    const { page, requests, errors } = await openApp(browser, `${appUrl}?view=minerals`, { width: 390, height: 844 });
    // No still in the page at all, so nothing of it can be drawn or fetched.
    const state = () =>
      page.evaluate(() => ({
        stills: document.querySelectorAll(".still").length,
        app: getComputedStyle(document.getElementById("app") as Element).display,
      }));
    expect(await state()).toEqual({ stills: 0, app: "flex" });
    expect(requests.filter((url) => url.includes("/previews/"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();

    const fetched: string[] = [];
    const { page: plain, frame } = await openOneFrame(
      "/plain.html",
      `<iframe src="${appUrl}?embed=1" title="Map" style="width:700px;height:700px;border:0"></iframe>`,
      (page) => page.on("request", (request) => fetched.push(request.url())),
    );
    await frame?.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    expect(await frame?.evaluate(() => document.querySelectorAll(".still").length)).toBe(0);
    expect(fetched.filter((url) => url.includes("/previews/"))).toEqual([]);
    await plain.context().close();
  }, 180_000);
});

describe("WordPress's sandbox with a host that sends CORS headers", () => {
  it("runs the whole app in the opaque origin: ready, no still", async () => {
    const cors = await serveStatic(distDir, "/", { headers: { "access-control-allow-origin": "*" } });
    const { page, frame } = await openOneFrame(
      "/wordpress-cors.html",
      `<iframe sandbox="allow-scripts" src="${cors.url}?view=forums&amp;embed=1" title="Map" style="width:700px;height:760px;border:0"></iframe>`,
    );
    await frame.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    expect(
      await frame.evaluate(() => ({
        origin: self.origin,
        stills: document.querySelectorAll(".still").length,
        app: getComputedStyle(document.getElementById("app") as Element).display,
      })),
    ).toEqual({ origin: "null", stills: 0, app: "flex" });
    await page.context().close();
    await cors.close();
  }, 180_000);
});

describe("link previews and oEmbed", () => {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const meta = (key: string) =>
    new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, "\\$&")}" content="([^"]*)">`).exec(html)?.[1];

  it("a 1200×630 preview of each main view, the same the build makes from the data now, and the tags point to it", async () => {
    const site = meta("og:url") ?? "";
    expect(site).toMatch(/^https?:\/\/.+\/$/);
    expect(meta("og:image")).toBe(`${site}previews/pacts.png`);
    expect(meta("twitter:image")).toBe(`${site}previews/pacts.png`);
    expect(meta("og:image:width")).toBe("1200");
    expect(meta("og:image:height")).toBe("630");
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("og:title")).toBe(stillOfView("pacts").headline);
    expect(meta("og:description")).toBe(stillOfView("pacts").summary);
    const fresh = await makeStills(process.cwd(), site);
    for (const view of STILL_VIEWS) {
      const file = join(distDir, "previews", `${view}.png`);
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height], view).toEqual([1200, 630]);
      expect(bytes.equals(Buffer.from(fresh.pictures.get(`previews/${view}.png`) ?? [])), `${view} up to date`).toBe(
        true,
      );
      const served = await fetch(`${appUrl}previews/${view}.png`);
      expect(served.headers.get("content-type")).toBe("image/png");
    }
  }, 60_000);

  it("oEmbed discovery names a static rich response whose frame shows the whole view at 700 px", async () => {
    const site = meta("og:url") ?? "";
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(html);
    expect(link?.[1]).toBe(`${site}oembed.json`);
    const response = JSON.parse(readFileSync(join(distDir, "oembed.json"), "utf8")) as Record<string, unknown>;
    expect(response).toMatchObject({ version: "1.0", type: "rich", width: 700, thumbnail_url: meta("og:image") });
    const served = await fetch(`${appUrl}oembed.json`);
    expect(served.headers.get("content-type")).toMatch(/^application\/json/);

    // The html as a CMS would place it, pointed at the server under test instead of SITE_URL.
    const snippet = String(response.html).replaceAll(site, appUrl);
    const { page, frame } = await openOneFrame("/oembed.html", `<div style="width:700px">${snippet}</div>`);
    await frame.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 90_000 });
    const fit = await frame.evaluate(() => {
      const credit = document.querySelector(".full-map-link")?.getBoundingClientRect();
      return {
        scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
        creditInView: credit ? credit.bottom <= window.innerHeight + 0.5 && credit.height > 0 : false,
        map: document.getElementById("map")?.getBoundingClientRect().height ?? 0,
        frame: window.innerHeight,
      };
    });
    expect(fit.frame).toBe(response.height);
    expect(fit.scrolls).toBe(false);
    expect(fit.creditInView).toBe(true);
    // Tall enough for the map at its full 16:9: nothing was compacted away.
    expect(Math.abs(fit.map - (700 * 9) / 16)).toBeLessThan(3);
    await page.context().close();
  }, 120_000);
});
