/** The MapLibre style, written in code: our own geometry, no remote tiles, glyphs or sprites. */
import type { FeatureCollection } from "geojson";
import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from "maplibre-gl";
import { BASE_PALETTE, EMPHASIS, type Theme } from "../model/palette.ts";

export const COUNTRY_SOURCE = "countries";
export const FILL_LAYER = "countries-fill";
export const OUTLINE_LAYER = "countries-outline";
export const UNCERTAIN_LAYER = "countries-uncertain";
export const HIGHLIGHT_LAYER = "countries-highlight";
const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** What the first frame shows beyond the base: fill colours and the outlined countries. */
export interface StyleContent {
  fill: ExpressionSpecification | string;
  uncertain: readonly string[];
  highlight: readonly string[];
}

/**
 * The base style: background (ocean), country fills and outlines from a GeoJSON source that
 * holds our countries. Colours come from the palette of the theme. The first view goes into the
 * style itself: a filter changed after load makes MapLibre lay out the whole source again.
 */
export function baseStyle(
  theme: Theme,
  countries: FeatureCollection = EMPTY,
  content: StyleContent = { fill: BASE_PALETTE[theme].land, uncertain: [], highlight: [] },
): StyleSpecification {
  const palette = BASE_PALETTE[theme];
  const emphasis = EMPHASIS[theme];
  return {
    version: 8,
    name: "critical-minerals-map",
    sources: {
      [COUNTRY_SOURCE]: { type: "geojson", data: countries },
    },
    layers: [
      { id: "ocean", type: "background", paint: { "background-color": palette.ocean } },
      {
        id: FILL_LAYER,
        type: "fill",
        source: COUNTRY_SOURCE,
        paint: { "fill-color": content.fill, "fill-antialias": true },
      },
      {
        id: OUTLINE_LAYER,
        type: "line",
        source: COUNTRY_SOURCE,
        paint: { "line-color": palette.border, "line-width": ["interpolate", ["linear"], ["zoom"], 0, 0.3, 5, 1] },
      },
      {
        id: UNCERTAIN_LAYER,
        type: "line",
        source: COUNTRY_SOURCE,
        filter: isoFilter(content.uncertain),
        paint: { "line-color": emphasis.uncertain, "line-width": 1.4, "line-dasharray": [2, 1.5] },
      },
      {
        id: HIGHLIGHT_LAYER,
        type: "line",
        source: COUNTRY_SOURCE,
        filter: isoFilter(content.highlight),
        paint: { "line-color": emphasis.highlight, "line-width": 2.5 },
      },
    ],
  };
}

/**
 * A fill colour per ISO3 as a `match` expression, with `fallback` for every other country.
 * MapLibre rejects a `match` without pairs, so an empty map yields the constant fallback.
 */
export function fillColour(colours: ReadonlyMap<string, string>, fallback: string): ExpressionSpecification | string {
  if (colours.size === 0) return fallback;
  const pairs: string[] = [];
  for (const [iso3, colour] of [...colours].sort(([a], [b]) => a.localeCompare(b))) pairs.push(iso3, colour);
  return ["match", ["get", "iso3"], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** A filter matching the countries in `codes` (none when empty). */
export function isoFilter(codes: readonly string[]): FilterSpecification {
  return ["in", ["get", "iso3"], ["literal", [...codes].sort()]];
}

/** The emphasis line layers and their colour in a theme. */
export function EMPHASIS_LAYERS(theme: Theme): [string, string][] {
  return [
    [UNCERTAIN_LAYER, EMPHASIS[theme].uncertain],
    [HIGHLIGHT_LAYER, EMPHASIS[theme].highlight],
  ];
}
