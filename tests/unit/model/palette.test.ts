/**
 * Themes and colour: the palettes stay distinguishable with the common colour-vision deficiencies,
 * and text and UI meet WCAG 2.2 AA in both themes.
 *
 * Thresholds (stated here and in src/model/palette.ts):
 * - CATEGORY_MIN_DE00 = 10: every two colours shown together on the map (a view's legend categories
 *   plus the land colour of countries without one) differ by ΔE00 ≥ 10, with normal vision and with
 *   protanopia, deuteranopia and tritanopia simulated at full severity (Machado et al. 2009). ΔE00 ≈ 1
 *   is a just-noticeable difference side by side; ~5 is clear side by side; 10 is our margin for small,
 *   separated map areas matched against a legend swatch, through anti-aliasing and display variation.
 * - RAMP_MIN_DL = 10: adjacent steps of a sequential ramp (the overlap count, the share classes) also
 *   differ by ΔL* ≥ 10 in the ramp's direction (light theme: darker = more; dark theme: brighter =
 *   more), under every simulation. Lightness is what the deficiencies leave intact, so the order reads
 *   without hue.
 * - WCAG 2.2 AA: text ≥ 4.5:1 (1.4.3); focus ring, control boundaries and the selected-tab fill
 *   ≥ 3:1 against what they sit on (1.4.11). Country fills are graphics: each must be told from the
 *   ocean at ≥ 3:1, by its own fill or by the border line drawn around it.
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { forumsChoropleth, pactsChoropleth } from "../../../src/model/choropleth.ts";
import {
  composite,
  contrastRatio,
  type Deficiency,
  deltaE2000,
  type Lab,
  parseHex,
  perceivedDifference,
  type Rgb,
  relativeLuminance,
  simulate,
  toHex,
  toLab,
} from "../../../src/model/colour.ts";
import { VIEW_FORUMS } from "../../../src/model/forums.ts";
import { mineralChoropleth } from "../../../src/model/minerals.ts";
import { BASE_PALETTE, EMPHASIS, type Theme } from "../../../src/model/palette.ts";
import { publishedDataset } from "../published.ts";

const CATEGORY_MIN_DE00 = 10;
const RAMP_MIN_DL = 10;
const TEXT_MIN = 4.5;
const NON_TEXT_MIN = 3;

const THEMES: Theme[] = ["light", "dark"];
const VISIONS: (Deficiency | null)[] = [null, "protanopia", "deuteranopia", "tritanopia"];
const visionName = (v: Deficiency | null) => v ?? "normal vision";

describe("colour maths", () => {
  // Sharma, Wu & Dalal (2005), Table 1: L*a*b* pairs and their ΔE00, all 34 pairs.
  const SHARMA_2005: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, -1.1848, -84.8006], [50, 0, -82.7485], 1.0],
    [[50, -0.9009, -85.5211], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, -1, 2], [50, 0, 0], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.001], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, 2.49, -0.001], [50, -2.49, 0.0012], 7.2195],
    [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
    [[50, -0.001, 2.49], [50, 0.001, -2.49], 4.8045],
    [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[50, 2.5, 0], [50, 3.2972, 0], 1.0],
    [[50, 2.5, 0], [50, 1.8634, 0.5757], 1.0],
    [[50, 2.5, 0], [50, 3.2592, 0.335], 1.0],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
    [[61.2901, 3.7196, -5.3901], [61.4292, 2.248, -4.962], 1.8731],
    [[35.0831, -44.1164, 3.7933], [35.0232, -40.0716, 1.5901], 1.8645],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[36.4612, 47.858, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
    [[6.7747, -0.2908, -2.4247], [5.8714, -0.0985, -2.2286], 0.6377],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];

  it.each(
    SHARMA_2005.map((row, i) => [i + 1, ...row] as const),
  )("ΔE00 matches Sharma, Wu & Dalal (2005) pair %i to 4 decimals, both ways", (_, lab1, lab2, expected) => {
    expect(deltaE2000(lab1, lab2).toFixed(4)).toBe(expected.toFixed(4));
    expect(deltaE2000(lab2, lab1).toFixed(4)).toBe(expected.toFixed(4));
  });

  it("computes WCAG relative luminance and contrast", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 10);
    // The usual reference points: #767676 is the lightest grey with 4.5:1 on white, #777777 just fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("converts sRGB to CIELAB (D65)", () => {
    const near = (lab: Lab, expected: Lab) => {
      for (const [i, v] of lab.entries()) expect(v).toBeCloseTo(expected[i] ?? 0, 1);
    };
    near(toLab("#ffffff"), [100, 0, 0]);
    near(toLab("#000000"), [0, 0, 0]);
    near(toLab("#ff0000"), [53.24, 80.09, 67.2]);
    near(toLab("#00ff00"), [87.73, -86.18, 83.18]);
    near(toLab("#0000ff"), [32.3, 79.19, -107.86]);
    near(toLab("#808080"), [53.59, 0, 0]);
  });

  it("round-trips hex", () => {
    for (const hex of ["#000000", "#ffffff", "#0072b2", "#e69f00", "#5c0f63"]) expect(toHex(parseHex(hex))).toBe(hex);
    expect(() => parseHex("blue")).toThrow();
  });

  it("simulates deficiencies: greys unchanged, the classic confusions collapse, the others do not", () => {
    for (const v of VISIONS) {
      for (const grey of ["#000000", "#808080", "#ffffff"]) {
        expect(deltaE2000(toLab(simulate(grey, v)), toLab(grey))).toBeLessThan(0.5);
      }
    }
    // Red against green is the red–green confusion: large for normal vision and tritanopes only.
    const red = "#d55e00";
    const green = "#5e8c00";
    expect(perceivedDifference(red, green)).toBeGreaterThan(25);
    expect(perceivedDifference(red, green, "tritanopia")).toBeGreaterThan(20);
    expect(perceivedDifference(red, green, "protanopia")).toBeLessThan(10);
    expect(perceivedDifference(red, green, "deuteranopia")).toBeLessThan(10);
    // Blue against green is the tritan confusion.
    const blue = "#3c78d8";
    const teal = "#2a9a9a";
    expect(perceivedDifference(blue, teal)).toBeGreaterThan(20);
    expect(perceivedDifference(blue, teal, "tritanopia")).toBeLessThan(perceivedDifference(blue, teal) / 2);
  });
});

// ── The colours shown together, read from the code that builds the map and the legend ─────────

const dataset = publishedDataset();
const nowhere = new Set<string>();
const DATE = "2026-03-01";

/**
 * The categories each forum view can show (its legend lists them, present on the date or not).
 * Some categories share a colour on purpose: "member-inferred" (FORGE, no official roster),
 * "participant" (Pax Silica) and "forum-member" (MSP Forum) are one light blue, and "member" and
 * "signatory" one mid blue, because no view shows two of them. The ΔE00 check below would fail
 * (ΔE00 = 0) if the data ever put two of them in one view; this list says which views there are.
 */
const FORUM_VIEW_CATEGORIES: Record<keyof typeof VIEW_FORUMS, string[]> = {
  forge: ["chair", "member", "member-inferred"],
  msp: ["chair", "member", "forum-member"],
  "pax-silica": ["signatory", "participant"],
  ministerial: ["delegation"],
};

interface ColourSet {
  name: string;
  /** Legend key → colour, plus "land" for countries without a category ("none", "no data"). */
  colours: Record<string, string>;
  /** Keys of a sequential ramp, in increasing order of the quantity. */
  ramp?: string[];
}

function shownTogether(theme: Theme): ColourSet[] {
  const land = BASE_PALETTE[theme].land;
  const withLand = (categories: { key: string; colour: string }[]) => ({
    ...Object.fromEntries(categories.map((c) => [c.key, c.colour])),
    land,
  });
  const sets: ColourSet[] = [
    { name: "pacts", colours: withLand(pactsChoropleth(dataset, DATE, theme, nowhere).categories) },
  ];
  for (const view of Object.keys(VIEW_FORUMS) as (keyof typeof VIEW_FORUMS)[]) {
    sets.push({
      name: `forums: ${view}`,
      colours: withLand(forumsChoropleth(dataset, view, DATE, theme, nowhere).categories),
    });
  }
  const overlap = forumsChoropleth(dataset, "overlap", DATE, theme, nowhere).categories;
  sets.push({ name: "forums: overlap", colours: withLand(overlap), ramp: overlap.map((c) => c.key) });
  const table = dataset.mineralTables[0];
  if (!table) throw new Error("no mineral table");
  const minerals = mineralChoropleth(table, theme, nowhere).categories;
  sets.push({
    name: "minerals",
    colours: withLand(minerals),
    ramp: minerals
      .filter((c) => c.key.startsWith("class-"))
      .map((c) => c.key)
      .sort(),
  });
  return sets;
}

function pairs(colours: Record<string, string>): [string, string, string, string][] {
  const entries = Object.entries(colours);
  return entries.flatMap(([a, ca], i) =>
    entries.slice(i + 1).map(([b, cb]) => [a, b, ca, cb] as [string, string, string, string]),
  );
}

describe("the sets of colours shown together", () => {
  it("are the categories the views can show (and every colour is a hex colour)", () => {
    for (const theme of THEMES) {
      const sets = shownTogether(theme);
      for (const [view, keys] of Object.entries(FORUM_VIEW_CATEGORIES)) {
        const set = sets.find((s) => s.name === `forums: ${view}`);
        expect(Object.keys(set?.colours ?? {}).sort(), view).toEqual([...keys, "land"].sort());
      }
      expect(Object.keys(sets[0]?.colours ?? {}).sort()).toEqual(
        ["after", "before", "china", "delegation", "hub", "land", "ministerial", "related"].sort(),
      );
      expect(sets.find((s) => s.name === "minerals")?.ramp).toEqual([0, 1, 2, 3, 4, 5].map((i) => `class-${i}`));
      expect(sets.find((s) => s.name === "forums: overlap")?.ramp).toEqual(["1", "2", "3", "4"]);
      for (const set of sets)
        for (const colour of Object.values(set.colours)) expect(() => parseHex(colour)).not.toThrow();
    }
  });
});

describe.each(THEMES)("%s theme: categories shown together stay distinguishable", (theme) => {
  const cases = shownTogether(theme).flatMap((set) =>
    VISIONS.map((vision) => [set.name, visionName(vision), set, vision] as const),
  );

  it.each(cases)(`%s, %s: every pair differs by ΔE00 ≥ ${CATEGORY_MIN_DE00}`, (_name, _vision, set, vision) => {
    const tooClose = pairs(set.colours)
      .map(([a, b, ca, cb]) => ({ pair: `${a} ${ca} / ${b} ${cb}`, de: perceivedDifference(ca, cb, vision) }))
      .filter((p) => p.de < CATEGORY_MIN_DE00)
      .map((p) => `${p.pair}: ΔE00 ${p.de.toFixed(2)}`);
    expect(tooClose).toEqual([]);
  });

  const ramps = cases.filter(([, , set]) => set.ramp);
  it.each(
    ramps,
  )(`%s, %s: ramp steps go ${theme === "light" ? "darker" : "brighter"} by ΔL* ≥ ${RAMP_MIN_DL}`, (_name, _vision, set, vision) => {
    const lightness = (set.ramp ?? []).map((key) => toLab(simulate(set.colours[key] ?? "", vision))[0]);
    const direction = theme === "light" ? -1 : 1;
    const steps = lightness.slice(1).map((l, i) => direction * (l - (lightness[i] ?? 0)));
    expect(steps.length).toBeGreaterThan(0);
    for (const [i, step] of steps.entries()) {
      expect(step, `${set.ramp?.[i]} → ${set.ramp?.[i + 1]}`).toBeGreaterThanOrEqual(RAMP_MIN_DL);
    }
  });
});

// ── Contrast, from the CSS custom properties the page really uses ────────────────────────────

function cssVariables(): Record<Theme, Record<string, string>> {
  const css = readFileSync("src/styles/app.css", "utf8");
  const block = (selector: RegExp) => {
    const body = selector.exec(css)?.[1];
    if (body === undefined) throw new Error(`no ${selector} block in app.css`);
    return Object.fromEntries(
      [...body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? "", (m[2] ?? "").trim()]),
    );
  };
  return { light: block(/^:root\s*\{([^}]*)\}/m), dark: block(/^:root\[data-theme="dark"\]\s*\{([^}]*)\}/m) };
}

/** A CSS colour ("#rgb", "#rrggbb" or "rgba(r, g, b, a)") as opaque sRGB, over `backdrop` if translucent. */
function cssColour(value: string, backdrop: Rgb = [1, 1, 1]): Rgb {
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(value);
  if (!rgba) return parseHex(value);
  const [r, g, b, a] = rgba.slice(1).map((x) => (x === undefined ? 1 : Number(x)));
  return composite([(r ?? 0) / 255, (g ?? 0) / 255, (b ?? 0) / 255], a ?? 1, backdrop);
}

const CSS = cssVariables();
const WHITE: Rgb = [1, 1, 1];
const BLACK: Rgb = [0, 0, 0];

describe.each(THEMES)("%s theme: contrast (WCAG 2.2 AA)", (theme) => {
  const v = CSS[theme];
  const colour = (name: string, backdrop?: Rgb): Rgb => {
    const value = v[name];
    if (value === undefined) throw new Error(`--${name} is not set in the ${theme} :root block`);
    return cssColour(value, backdrop);
  };

  it.each([
    ["--fg", "--bg"],
    ["--fg", "--panel-solid"],
    ["--muted", "--bg"],
    ["--muted", "--panel-solid"],
    ["--link", "--panel-solid"],
    ["--link", "--bg"],
  ])(`text %s on %s ≥ ${TEXT_MIN}:1`, (fg, bg) => {
    expect(contrastRatio(colour(fg.slice(2)), colour(bg.slice(2)))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  it(`text --fg and --muted on the translucent --panel ≥ ${TEXT_MIN}:1, whatever the map shows through`, () => {
    for (const backdrop of [WHITE, BLACK]) {
      const panel = colour("panel", backdrop);
      expect(contrastRatio(colour("fg"), panel)).toBeGreaterThanOrEqual(TEXT_MIN);
      expect(contrastRatio(colour("muted"), panel)).toBeGreaterThanOrEqual(TEXT_MIN);
    }
  });

  it(`the selected view tab: white text on --accent ≥ ${TEXT_MIN}:1`, () => {
    expect(contrastRatio("#ffffff", colour("accent"))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  it(`chart text (BASE_PALETTE.text) on --panel-solid ≥ ${TEXT_MIN}:1`, () => {
    expect(contrastRatio(BASE_PALETTE[theme].text, colour("panel-solid"))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  it.each([
    ["--focus", "--bg", "focus outline"],
    ["--focus", "--panel-solid", "focus outline"],
    ["--accent", "--bg", "selected tab fill, slider"],
    ["--accent", "--panel-solid", "slider, record rule"],
    ["--border", "--bg", "boundary of inputs and selects"],
    ["--border", "--panel-solid", "boundary of inputs and selects"],
  ])(`non-text %s against %s (%s) ≥ ${NON_TEXT_MIN}:1`, (fg, bg) => {
    expect(contrastRatio(colour(fg.slice(2)), colour(bg.slice(2)))).toBeGreaterThanOrEqual(NON_TEXT_MIN);
  });

  it(`every country fill is told from the ocean at ≥ ${NON_TEXT_MIN}:1, by the fill or by the border`, () => {
    const { ocean, border } = BASE_PALETTE[theme];
    // The pale fills (the land colour itself, 1.1–1.3:1) cannot contrast with the ocean, so the
    // border line carries the coastline for them; it must therefore reach 3:1 on its own.
    expect(contrastRatio(border, ocean)).toBeGreaterThanOrEqual(NON_TEXT_MIN);
    for (const set of shownTogether(theme)) {
      for (const [key, fill] of Object.entries(set.colours)) {
        const ok = contrastRatio(fill, ocean) >= NON_TEXT_MIN || contrastRatio(border, ocean) >= NON_TEXT_MIN;
        expect(ok, `${set.name} ${key} ${fill}`).toBe(true);
      }
    }
  });

  it(`the highlight outline of the selected country ≥ ${NON_TEXT_MIN}:1 against the ocean and the land`, () => {
    const { ocean, land } = BASE_PALETTE[theme];
    expect(contrastRatio(EMPHASIS[theme].highlight, ocean)).toBeGreaterThanOrEqual(NON_TEXT_MIN);
    expect(contrastRatio(EMPHASIS[theme].highlight, land)).toBeGreaterThanOrEqual(NON_TEXT_MIN);
  });
});
