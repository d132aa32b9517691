/** The MapLibre style, written in code: our own geometry, no remote tiles, glyphs or sprites. */
import type { Feature, FeatureCollection, Position } from "geojson";
import type { ExpressionSpecification, LineLayerSpecification, StyleSpecification } from "maplibre-gl";
import { BASE_PALETTE, type Theme } from "../model/palette.ts";
import { dashes, ringsOf } from "./dash.ts";
import { MARKS } from "./marks.ts";
import { type ArcPath, cssColour } from "./view.ts";

export const COUNTRY_SOURCE = "countries";
/** Only the countries outlined at the moment: changing them re-lays out a handful of outlines. */
export const EMPHASIS_SOURCE = "emphasis";
/** The pact arcs: a few dozen lines, drawn by MapLibre's line program, which the outlines need anyway. */
export const ARC_SOURCE = "arcs";
const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** What the first frame shows beyond the base: fill colours and the outlined countries. */
export interface StyleContent {
  fill: ExpressionSpecification | string;
  /** The outlined countries: see emphasisData. */
  emphasis: FeatureCollection;
  /** The arcs: drawn from arcData, in arcLayers. */
  arcs: readonly ArcPath[];
}

/**
 * The base style: background (ocean), country fills and outlines from a GeoJSON source that
 * holds our countries. Colours come from the palette of the theme. The first view goes into the
 * style itself: a filter changed after load makes MapLibre lay out the whole source again.
 */
export function baseStyle(
  theme: Theme,
  countries: FeatureCollection = EMPTY,
  content: StyleContent = { fill: BASE_PALETTE[theme].land, emphasis: EMPTY, arcs: [] },
): StyleSpecification {
  return {
    version: 8,
    name: "critical-minerals-map",
    sources: {
      [COUNTRY_SOURCE]: { type: "geojson", data: countries },
      [EMPHASIS_SOURCE]: { type: "geojson", data: content.emphasis },
      [ARC_SOURCE]: { type: "geojson", data: arcData(content.arcs) },
    },
    layers: [
      { id: MARKS.ocean.layer, type: "background", paint: { "background-color": MARKS.ocean.colour[theme] } },
      {
        id: MARKS.fill.layer,
        type: "fill",
        source: COUNTRY_SOURCE,
        paint: { "fill-color": content.fill, "fill-antialias": true },
      },
      {
        id: MARKS.border.layer,
        type: "line",
        source: COUNTRY_SOURCE,
        paint: {
          "line-color": MARKS.border.colour[theme],
          "line-width": ["interpolate", ["linear"], ["zoom"], ...MARKS.border.widthByZoom],
        },
      },
      {
        id: MARKS.uncertain.layer,
        type: "line",
        source: EMPHASIS_SOURCE,
        filter: ["==", ["get", "uncertain"], true],
        paint: { "line-color": MARKS.uncertain.colour[theme], "line-width": MARKS.uncertain.width },
      },
      {
        id: MARKS.highlight.layer,
        type: "line",
        source: EMPHASIS_SOURCE,
        filter: ["==", ["get", "highlight"], true],
        paint: { "line-color": MARKS.highlight.colour[theme], "line-width": MARKS.highlight.width },
      },
      ...arcLayers(content.arcs),
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

/**
 * The emphasis source's data: the dashes around each country of lower confidence (`uncertain`,
 * cut for a world `worldSize` pixels wide: see dash.ts) and the outline of each highlighted one
 * (selected, hovered). A separate source because a changed filter or data makes MapLibre lay out
 * its whole source again: for all countries that meant cutting every polygon into triangles on
 * each hover; here it is a few outlines.
 */
export function emphasisData(
  byIso3: ReadonlyMap<string, Feature>,
  uncertain: readonly string[],
  highlight: readonly string[],
  worldSize: number,
  /** Dashes already cut for this world size, by ISO3 (filled as they are cut). */
  cache: Map<string, Position[][]> = new Map(),
): FeatureCollection {
  const features: Feature[] = [];
  for (const iso3 of [...new Set(uncertain)].sort()) {
    const geometry = byIso3.get(iso3)?.geometry;
    if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon") continue;
    features.push({
      type: "Feature",
      geometry: {
        type: "MultiLineString",
        coordinates: cutOnce(cache, iso3, () => dashes(ringsOf(geometry), worldSize)),
      },
      properties: { iso3, uncertain: true, highlight: false },
    });
  }
  for (const iso3 of [...new Set(highlight)].sort()) {
    const country = byIso3.get(iso3);
    if (!country) continue;
    features.push({
      type: "Feature",
      geometry: country.geometry,
      properties: { iso3, uncertain: false, highlight: true },
    });
  }
  return { type: "FeatureCollection", features };
}

function cutOnce(cache: Map<string, Position[][]>, iso3: string, cut: () => Position[][]): Position[][] {
  let lines = cache.get(iso3);
  if (!lines) {
    lines = cut();
    cache.set(iso3, lines);
  }
  return lines;
}

/**
 * The paint properties that change with the theme, as [layer, property, colour]: the style is
 * built with them, and a theme change sets them again (mount.ts).
 */
export function themePaint(
  theme: Theme,
): [layer: string, property: "background-color" | "line-color", colour: string][] {
  return [
    [MARKS.ocean.layer, "background-color", MARKS.ocean.colour[theme]],
    [MARKS.border.layer, "line-color", MARKS.border.colour[theme]],
    [MARKS.uncertain.layer, "line-color", MARKS.uncertain.colour[theme]],
    [MARKS.highlight.layer, "line-color", MARKS.highlight.colour[theme]],
  ];
}

/** The arc source's data: one line per drawable segment, with its arc, colour and highlight. */
export function arcData(paths: readonly ArcPath[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: paths.map((p) => ({
      type: "Feature",
      geometry: { type: "LineString", coordinates: p.path },
      properties: { id: p.arc.id, iso3: p.arc.iso3, colour: cssColour(p.colour), highlighted: p.highlighted },
    })),
  };
}

/**
 * The arc layers: one per colour, then one for the highlighted arc, on top. Each has a constant
 * colour and width, so MapLibre draws them all with the line program the country outlines use: a
 * colour or width read from each line would need a shader program of its own, and each program
 * costs a few hundred milliseconds before the first frame on a software GPU.
 */
export function arcLayers(paths: readonly ArcPath[]): LineLayerSpecification[] {
  const round = { "line-cap": "round", "line-join": "round" } as const;
  const colours = [...new Set(paths.map((p) => cssColour(p.colour)))];
  const highlighted = paths.find((p) => p.highlighted);
  return [
    ...colours.map(
      (colour, i): LineLayerSpecification => ({
        id: `${MARKS.arc.layer}-${i}`,
        type: "line",
        source: ARC_SOURCE,
        filter: ["all", ["==", ["get", "colour"], colour], ["!=", ["get", "highlighted"], true]],
        layout: round,
        paint: { "line-color": colour, "line-width": MARKS.arc.width },
      }),
    ),
    {
      id: MARKS.arc.highlightLayer,
      type: "line",
      source: ARC_SOURCE,
      filter: ["==", ["get", "highlighted"], true],
      layout: round,
      paint: {
        "line-color": highlighted ? cssColour(highlighted.colour) : "rgba(0,0,0,0)",
        "line-width": MARKS.arc.highlightedWidth,
      },
    },
  ];
}
