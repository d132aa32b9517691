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
    expect(weight.byKind.js.files).toBeGreaterThan(0);
    expect(weight.byKind.css.files).toBeGreaterThan(0);

    for (const [kind, limit] of Object.entries(EMBED_BUDGETS) as [BudgetKind, number][]) {
      const files = weight.files.filter((f) => f.kind === kind).map((f) => `${f.path} ${kB(f.gzip)}`);
      expect(
        weight.byKind[kind].gzip,
        `${kind}: ${kB(weight.byKind[kind].gzip)} gzip is over its budget of ${kB(limit)} (${files.join(", ")})`,
      ).toBeLessThanOrEqual(limit);
    }
  });
});
