/**
 * What every browser test file needs, in one place: Chromium, the page helpers, the built dataset
 * and the colour and place look-ups its assertions are written in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import type { Dataset } from "../../src/types.ts";
import { launchChromium } from "./chromium.ts";

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

let cached: Dataset | undefined;

/** The dataset of the production build under test (dist/data/dataset.json). */
export function builtDataset(): Dataset {
  cached ??= JSON.parse(readFileSync(join(inject("distDir"), "data", "dataset.json"), "utf8")) as Dataset;
  return cached;
}

/** A place's label point [lon, lat]: inside its largest polygon, where a test looks at its colour. */
export function label(iso3: string, dataset: Dataset = builtDataset()): [number, number] {
  const place = dataset.places.find((p) => p.iso3 === iso3);
  if (!place) throw new Error(`no place ${iso3} in the dataset`);
  return place.label as [number, number];
}

/** "#rrggbb" → [r, g, b]. */
export function rgb(hexColour: string): [number, number, number] {
  if (!/^#[0-9a-f]{6}$/i.test(hexColour)) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hexColour)}`);
  const n = Number.parseInt(hexColour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** One Chromium for a test file, launched before its tests and closed after them: call it at the top. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running (call chromiumForFile at the top of the file)");
    return browser;
  };
}
