/**
 * Byte budgets for the embed view (`?embed=1`), the page a news site puts in its article: the gzip
 * bytes of the JS, CSS and data it loads until it is ready (`data-ready="true"`: the interactive SVG
 * map, without the WebGL map's chunk), as Chromium requested them, each weighed from the production build at gzip level 6 (tests/e2e/bytes.ts).
 * A kind over its limit (tests/e2e/budgets.ts) fails the suite.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { type BudgetKind, EMBED_BUDGETS } from "./budgets.ts";
import { kB, weigh } from "./bytes.ts";
import { chromiumForFile, foreignRequests, openApp } from "./harness.ts";

const appUrl = inject("appUrl");
const distDir = inject("distDir");
const chromium = chromiumForFile();

describe("byte budgets of the embed view", () => {
  it("loads no more JS, CSS and data (gzip) than its budget, all from its own origin", async () => {
    const { page, requests } = await openApp(chromium.browser, `${appUrl}?embed=1`, { width: 640, height: 480 });
    const loaded = [...requests];
    await page.context().close();

    expect(foreignRequests(loaded, appUrl)).toEqual([]);
    const weight = weigh(loaded, appUrl, distDir);
    console.log(
      `embed view, loaded until ready (gzip level 6):\n${weight.files
        .map((f) => `  ${f.kind.padEnd(5)} ${kB(f.gzip).padStart(9)}  ${f.path}`)
        .join("\n")}`,
    );
    // The view did load its code, styles and both data files: a budget can't pass by measuring nothing.
    expect(weight.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["index.html", "data/world.json", "data/dataset.json"]),
    );
    // The mineral tables are not part of the first load (src/data/later.ts).
    expect(weight.files.map((f) => f.path)).not.toContain("data/minerals.json");
    expect(weight.byKind.js.files).toBeGreaterThan(0);
    expect(weight.byKind.css.files).toBeGreaterThan(0);
    // Light first: nothing of MapLibre or deck.gl (the map chunk, src/map/mount.ts) before the map is interactive.
    expect(readdirSync(join(distDir, "assets")).filter((f) => /^mount-.*\.js$/.test(f))).toHaveLength(1);
    expect(weight.files.filter((f) => /^assets\/mount-/.test(f.path)).map((f) => f.path)).toEqual([]);

    for (const [kind, limit] of Object.entries(EMBED_BUDGETS) as [BudgetKind, number][]) {
      const files = weight.files.filter((f) => f.kind === kind).map((f) => `${f.path} ${kB(f.gzip)}`);
      expect(
        weight.byKind[kind].gzip,
        `${kind}: ${kB(weight.byKind[kind].gzip)} gzip is over its budget of ${kB(limit)} (${files.join(", ")})`,
      ).toBeLessThanOrEqual(limit);
    }
  });

  it("starts the data downloads with the page (preloaded), not after its script has run, and fetches each once", async () => {
    const requested = async (query: string) => {
      const { page } = await openApp(chromium.browser, `${appUrl}${query}`, { width: 640, height: 480 });
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => ({ name: new URL(e.name).pathname, initiator: (e as PerformanceResourceTiming).initiatorType })),
      );
      await page.context().close();
      return (file: string) => entries.filter((e) => e.name.endsWith(`/data/${file}`));
    };
    // A <link rel="preload"> the app's fetch() reused: one request, started by the link.
    const once = (file: string) => [{ name: expect.stringMatching(new RegExp(`/data/${file}$`)), initiator: "link" }];
    const embed = await requested("?embed=1");
    for (const file of ["world.json", "dataset.json"]) expect(embed(file), file).toEqual(once(file));
    // The mineral tables: preloaded only by a minerals address (the head's script adds the link).
    expect(embed("minerals.json").filter((e) => e.initiator === "link")).toEqual([]);
    const minerals = await requested("?embed=1&view=minerals");
    for (const file of ["world.json", "dataset.json", "minerals.json"])
      expect(minerals(file), file).toEqual(once(file));
  });

  it("asks for the script and stylesheet ahead of the data: the data preloads are low priority", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 640, height: 480 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const priorities = new Map<string, string>();
    cdp.on("Network.requestWillBeSent", (event) => {
      const path = new URL(event.request.url).pathname;
      if (!priorities.has(path)) priorities.set(path, event.request.initialPriority);
    });
    await cdp.send("Network.enable");
    await page.goto(`${appUrl}?embed=1`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    await context.close();
    const of = (pattern: RegExp) => [...priorities].filter(([path]) => pattern.test(path)).map(([, p]) => p);
    expect(of(/\/data\/(world|dataset)\.json$/)).toEqual(["Low", "Low"]);
    // Chromium's names: VeryLow, Low, Medium, High, VeryHigh.
    for (const code of [/\/assets\/index-[^/]*\.js$/, /\/assets\/index-[^/]*\.css$/])
      expect(of(code), String(code)).toEqual([expect.stringMatching(/^(High|VeryHigh)$/)]);
  });
});
