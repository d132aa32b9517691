import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import type { Feature } from "geojson";
import { describe, expect, it } from "vitest";
import { baseStyle, emphasisData, FILL_LAYER, fillColour } from "../../../src/map/style.ts";

function withFill(fill: unknown) {
  const style = baseStyle("light");
  const layer = style.layers.find((l) => l.id === FILL_LAYER);
  if (!layer || layer.type !== "fill") throw new Error("no fill layer");
  layer.paint = { ...layer.paint, "fill-color": fill as string };
  return style;
}

describe("baseStyle", () => {
  it.each(["light", "dark"] as const)("is a valid, self-contained style (%s)", (theme) => {
    const style = baseStyle(theme);
    expect(validateStyleMin(style)).toEqual([]);
    const json = JSON.stringify(style);
    expect(json).not.toMatch(/https?:/);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });
});

describe("fillColour", () => {
  it("gives a valid match expression for a colour table", () => {
    const fill = fillColour(
      new Map([
        ["FRA", "#112233"],
        ["AUS", "#445566"],
      ]),
      "#ffffff",
    );
    expect(fill).toEqual(["match", ["get", "iso3"], "AUS", "#445566", "FRA", "#112233", "#ffffff"]);
    expect(validateStyleMin(withFill(fill))).toEqual([]);
  });

  it("falls back to a constant for an empty table (an empty match is invalid)", () => {
    const fill = fillColour(new Map(), "#ffffff");
    expect(fill).toBe("#ffffff");
    expect(validateStyleMin(withFill(fill))).toEqual([]);
  });
});

describe("emphasisData", () => {
  const square = (x: number): Feature => ({
    type: "Feature",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 0],
        ],
      ],
    },
    properties: { iso3: "" },
  });
  const byIso3 = new Map([
    ["AUS", square(0)],
    ["CHL", square(2)],
    ["IDN", square(4)],
  ]);

  it("holds each outlined country once, flagged dashed and/or highlighted, and nothing else", () => {
    const data = emphasisData(byIso3, ["IDN", "CHL"], ["CHL", "AUS", "XXX"]);
    expect(data.features.map((f) => f.properties)).toEqual([
      { iso3: "AUS", uncertain: false, highlight: true },
      { iso3: "CHL", uncertain: true, highlight: true },
      { iso3: "IDN", uncertain: true, highlight: false },
    ]);
    expect(data.features[0]?.geometry).toBe(byIso3.get("AUS")?.geometry);
  });

  it("puts the first view's fill and outlines in a valid style, so nothing is laid out twice", () => {
    const fill = fillColour(new Map([["AUS", "#445566"]]), "#ffffff");
    const emphasis = emphasisData(byIso3, ["IDN"], ["AUS"]);
    const style = baseStyle("light", undefined, { fill, emphasis });
    expect(validateStyleMin(style)).toEqual([]);
    const layer = style.layers.find((l) => l.id === FILL_LAYER) as { paint?: Record<string, unknown> };
    expect(layer.paint?.["fill-color"]).toEqual(fill);
    expect((style.sources.emphasis as { data: unknown }).data).toBe(emphasis);
  });
});
