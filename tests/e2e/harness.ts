/**
 * What every browser test file needs, in one place: Chromium, the page helpers, the built dataset
 * and the colour and place look-ups its assertions are written in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { PNG } from "pngjs";
import { afterAll, beforeAll, inject } from "vitest";
import type { Dataset } from "../../src/types.ts";
import { launchChromium } from "./chromium.ts";
import { pixel, projectToPage } from "./page.ts";

export { chromiumFlags, chromiumPath, INSTALL_HINT, launchChromium } from "./chromium.ts";
export * from "./page.ts";

/** One Chromium for a test file: launched before its first test, closed after its last. */
export function chromiumForFile(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("Chromium is not running: use the browser inside a test");
      return browser;
    },
  };
}

/** What a test file of the app's views sets up: the app's URL, the dataset it draws, one Chromium. */
export function viewTestFile(): { appUrl: string; dataset: Dataset; chromium: { readonly browser: Browser } } {
  return { appUrl: inject("appUrl"), dataset: builtDataset(), chromium: chromiumForFile() };
}

let cached: Dataset | undefined;

/** The dataset of the production build under test: dist/data/dataset.json with its mineral tables (minerals.json). */
export function builtDataset(): Dataset {
  const read = (name: string) => JSON.parse(readFileSync(join(inject("distDir"), "data", name), "utf8"));
  cached ??= { ...read("dataset.json"), mineralTables: read("minerals.json").mineralTables } as Dataset;
  return cached;
}

/** A place's label point [lon, lat]: inside its largest polygon, where a test looks at its colour. */
export function label(iso3: string, dataset: Dataset = builtDataset()): [number, number] {
  const place = dataset.places.find((p) => p.iso3 === iso3);
  if (!place) throw new Error(`no place ${iso3} in the dataset`);
  return place.label as [number, number];
}

/** Where a place's label point lands on the page, in CSS pixels. */
export async function placeOnPage(page: Page, iso3: string): Promise<[number, number]> {
  return projectToPage(page, ...label(iso3));
}

/** The colour a screenshot of the page shows at a place's label point. */
export async function colourAt(png: PNG, page: Page, iso3: string): Promise<[number, number, number]> {
  return pixel(png, ...(await placeOnPage(page, iso3)));
}

/** "#rrggbb" → [r, g, b]. */
export function rgb(hexColour: string): [number, number, number] {
  if (!/^#[0-9a-f]{6}$/i.test(hexColour)) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hexColour)}`);
  const n = Number.parseInt(hexColour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
