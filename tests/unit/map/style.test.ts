import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import {
  baseStyle,
  FILL_LAYER,
  fillColour,
  HIGHLIGHT_LAYER,
  isoFilter,
  UNCERTAIN_LAYER,
} from "../../../src/map/style.ts";

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

describe("baseStyle with the first view", () => {
  it("puts the first view's fill and outlined countries in the style, so nothing is laid out twice", () => {
    const fill = fillColour(new Map([["AUS", "#445566"]]), "#ffffff");
    const style = baseStyle("light", undefined, { fill, uncertain: ["IDN", "CHL"], highlight: ["AUS"] });
    expect(validateStyleMin(style)).toEqual([]);
    const layer = (id: string) => style.layers.find((l) => l.id === id) as { filter?: unknown; paint?: unknown };
    expect((layer(FILL_LAYER).paint as Record<string, unknown>)["fill-color"]).toEqual(fill);
    expect(layer(UNCERTAIN_LAYER).filter).toEqual(isoFilter(["CHL", "IDN"]));
    expect(layer(HIGHLIGHT_LAYER).filter).toEqual(isoFilter(["AUS"]));
  });
});
