/**
 * The stills as the build makes them (scripts/stills.ts): real PNGs from the committed data, drawn
 * by the app's SVG map code in happy-dom and rasterised with resvg.
 */
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeStills, type Stills } from "../../../scripts/stills.ts";
import { previewPath, STILL_VIEWS } from "../../../src/embed/still.ts";
import { BASE_PALETTE } from "../../../src/model/palette.ts";

let made: Stills;
beforeAll(async () => {
  made = await makeStills(process.cwd(), "https://example.org/graphics/minerals/");
}, 60_000);

/** How many pixels of a PNG are exactly `hex`. */
function count(png: PNG, hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let found = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) found += 1;
  }
  return found;
}

describe("the preview pictures", () => {
  it("are 1200×630 PNGs of the map: ocean, plain land and every category of the legend", () => {
    for (const still of made.stills) {
      const bytes = made.pictures.get(previewPath(still.view));
      if (!bytes) throw new Error(`no picture for ${still.view}`);
      const png = PNG.sync.read(Buffer.from(bytes));
      expect([png.width, png.height], still.view).toEqual([1200, 630]);
      const total = png.width * png.height;
      expect(count(png, BASE_PALETTE.light.ocean) / total, `${still.view}: ocean`).toBeGreaterThan(0.2);
      expect(count(png, BASE_PALETTE.light.land) / total, `${still.view}: land`).toBeGreaterThan(0.03);
      for (const category of still.categories) {
        // Tiny places (one marker) still show a few pixels of their colour.
        expect(count(png, category.colour), `${still.view}: ${category.label}`).toBeGreaterThan(10);
      }
    }
    expect([...made.pictures.keys()].sort()).toEqual(STILL_VIEWS.map(previewPath).sort());
  });

  it("are the same bytes each time they are made (no fonts, no clock)", async () => {
    const again = await makeStills(process.cwd(), "https://example.org/graphics/minerals/");
    for (const [path, bytes] of made.pictures)
      expect(Buffer.from(again.pictures.get(path) ?? []).equals(bytes)).toBe(true);
    expect(again.body).toBe(made.body);
    expect(again.head).toBe(made.head);
  }, 60_000);
});

describe("the no-script blocks and the head", () => {
  it("give the default view's block without scripts, and every view's as an inert template", () => {
    const [first, ...others] = made.body.split("\n");
    expect(first).toMatch(/^<noscript><main class="still" data-still="pacts"[\s\S]*<\/main><\/noscript>$/);
    expect(others.map((line) => /^<template data-still="(\w+)">/.exec(line)?.[1])).toEqual([
      "pacts",
      "forums",
      "minerals",
    ]);
    for (const still of made.stills) {
      expect(made.body).toContain(`src="./previews/${still.view}.png"`);
      expect(made.body).toContain(`>${still.headline.replace(/&/g, "&amp;")}</h1>`);
      expect(made.body).toContain(`href="${still.href.replace(/&/g, "&amp;")}" target="_blank" rel="noopener"`);
    }
    expect(made.body).toContain('loading="lazy"');
    expect(made.body).not.toMatch(/<script/);
  });

  it("carries the tags with the site's absolute addresses", () => {
    expect(made.head).toContain(
      '<meta property="og:image" content="https://example.org/graphics/minerals/previews/pacts.png">',
    );
    expect(made.head).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(made.head).toMatch(
      /<link rel="alternate" type="application\/json\+oembed" href="https:\/\/example.org\/graphics\/minerals\/oembed.json" title="[^"]+">/,
    );
    expect(JSON.parse(made.oembed)).toMatchObject({ type: "rich", version: "1.0" });
  });
});
