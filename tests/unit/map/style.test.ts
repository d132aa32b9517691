import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import type { Feature } from "geojson";
import { describe, expect, it } from "vitest";
import { MARKS } from "../../../src/map/marks.ts";
import { arcData, arcLayers, baseStyle, emphasisData, fillColour } from "../../../src/map/style.ts";
import { type ArcPath, arcPaths } from "../../../src/map/view.ts";
import type { Arc } from "../../../src/model/arcs.ts";

function withFill(fill: unknown) {
  const style = baseStyle("light");
  const layer = style.layers.find((l) => l.id === MARKS.fill.layer);
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

  it("holds the dashes of each uncertain country and the outline of each highlighted one, nothing else", () => {
    const data = emphasisData(byIso3, ["IDN", "CHL"], ["CHL", "AUS", "XXX"], 512);
    expect(data.features.map((f) => f.properties)).toEqual([
      { iso3: "CHL", uncertain: true, highlight: false },
      { iso3: "IDN", uncertain: true, highlight: false },
      { iso3: "AUS", uncertain: false, highlight: true },
      { iso3: "CHL", uncertain: false, highlight: true },
    ]);
    expect(data.features[0]?.geometry.type).toBe("MultiLineString");
    expect(data.features[2]?.geometry).toBe(byIso3.get("AUS")?.geometry);
  });

  it("puts the first view's fill and outlines in a valid style, so nothing is laid out twice", () => {
    const fill = fillColour(new Map([["AUS", "#445566"]]), "#ffffff");
    const emphasis = emphasisData(byIso3, ["IDN"], ["AUS"], 512);
    const style = baseStyle("light", undefined, { fill, emphasis, arcs: [] });
    expect(validateStyleMin(style)).toEqual([]);
    const layer = style.layers.find((l) => l.id === MARKS.fill.layer) as { paint?: Record<string, unknown> };
    expect(layer.paint?.["fill-color"]).toEqual(fill);
    expect((style.sources.emphasis as { data: unknown }).data).toBe(emphasis);
  });
});

describe("arcData", () => {
  const arc = (id: string, iso3: string, paths: [number, number][][]) => ({ id, iso3, paths }) as unknown as Arc;
  const australia = arc("aus-1", "AUS", [
    [
      [-77, 38.9],
      [-180, 10],
    ],
    [
      [180, 10],
      [134, -25],
    ],
  ]);
  const japan = arc("jpn-1", "JPN", [
    [
      [-77, 38.9],
      [138, 36],
    ],
  ]);

  const paths: ArcPath[] = arcPaths(
    [australia, japan],
    (a) => (a.iso3 === "AUS" ? [10, 20, 30, 255] : [1, 2, 3, 128]),
    "aus-1",
  );

  it("makes one line per segment with its arc, colour and highlight", () => {
    const data = arcData(paths);
    expect(data.features.map((f) => f.properties)).toEqual([
      { id: "aus-1", iso3: "AUS", colour: "rgba(10,20,30,1.000)", highlighted: true },
      { id: "aus-1", iso3: "AUS", colour: "rgba(10,20,30,1.000)", highlighted: true },
      { id: "jpn-1", iso3: "JPN", colour: "rgba(1,2,3,0.502)", highlighted: false },
    ]);
    // Each segment stays on its side of the antimeridian: nothing is drawn the long way round.
    expect(data.features.map((f) => f.geometry)).toEqual([
      { type: "LineString", coordinates: australia.paths[0] },
      { type: "LineString", coordinates: australia.paths[1] },
      { type: "LineString", coordinates: japan.paths[0] },
    ]);
  });

  it("draws them in one layer per colour plus the highlighted arc on top, each paint constant", () => {
    const layers = arcLayers(paths);
    expect(layers.map((l) => [l.id, l.filter, l.paint])).toEqual([
      [
        "pact-arcs-0",
        ["all", ["==", ["get", "colour"], "rgba(10,20,30,1.000)"], ["!=", ["get", "highlighted"], true]],
        { "line-color": "rgba(10,20,30,1.000)", "line-width": 1.4 },
      ],
      [
        "pact-arcs-1",
        ["all", ["==", ["get", "colour"], "rgba(1,2,3,0.502)"], ["!=", ["get", "highlighted"], true]],
        { "line-color": "rgba(1,2,3,0.502)", "line-width": 1.4 },
      ],
      [
        MARKS.arc.highlightLayer,
        ["==", ["get", "highlighted"], true],
        { "line-color": "rgba(10,20,30,1.000)", "line-width": 4 },
      ],
    ]);
    // Nothing highlighted: the highlight layer stays, drawing nothing visible.
    expect(arcLayers(arcPaths([japan], () => [1, 2, 3, 128], null)).at(-1)?.paint?.["line-color"]).toBe(
      "rgba(0,0,0,0)",
    );
  });

  it("puts the arcs above the countries in a valid style", () => {
    const style = baseStyle("dark", undefined, {
      fill: "#fff",
      emphasis: emphasisData(new Map(), [], [], 512),
      arcs: paths,
    });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.at(-1)?.id).toBe(MARKS.arc.highlightLayer);
    expect(style.layers.findIndex((l) => l.id === "pact-arcs-0")).toBeGreaterThan(
      style.layers.findIndex((l) => l.id === MARKS.fill.layer),
    );
    expect((style.sources.arcs as { data: unknown }).data).toEqual(arcData(paths));
  });
});
