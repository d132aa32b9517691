/** deck.gl layer descriptors built from plain data. Pure: constructing a Layer only records props. */
import { PathLayer, ScatterplotLayer } from "@deck.gl/layers";
import type { Arc } from "../model/arcs.ts";
import type { Rgba } from "../model/palette.ts";

export const MARKER_LAYER = "small-state-markers";
export const ARC_LAYER = "pact-arcs";
export const HUB_LAYER = "hub";

/** A point marker for a state too small to see at world zoom. */
export interface Marker {
  iso3: string;
  position: [number, number];
  fill: Rgba;
  outline: Rgba;
}

/** Markers keep a fixed on-screen size so Singapore stays visible at world zoom. */
export function markerLayer(markers: readonly Marker[]): ScatterplotLayer<Marker> {
  return new ScatterplotLayer<Marker>({
    id: MARKER_LAYER,
    data: markers,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    getRadius: 4.5,
    lineWidthUnits: "pixels",
    getLineWidth: 1.2,
    getPosition: (m) => m.position,
    getFillColor: (m) => [...m.fill],
    getLineColor: (m) => [...m.outline],
  });
}

/** One drawable segment of an arc (an arc cut at ±180° has two). */
export interface ArcPath {
  arc: Arc;
  path: [number, number][];
  colour: Rgba;
  highlighted: boolean;
}

export function arcPaths(arcs: readonly Arc[], colourOf: (arc: Arc) => Rgba, highlight: string | null): ArcPath[] {
  return arcs.flatMap((arc) =>
    arc.paths.map((path) => ({ arc, path, colour: colourOf(arc), highlighted: arc.id === highlight })),
  );
}

export function arcLayer(paths: readonly ArcPath[]): PathLayer<ArcPath> {
  return new PathLayer<ArcPath>({
    id: ARC_LAYER,
    data: paths,
    pickable: true,
    widthUnits: "pixels",
    getWidth: (p) => (p.highlighted ? 4 : 1.4),
    capRounded: true,
    jointRounded: true,
    getPath: (p) => p.path,
    getColor: (p) => [...p.colour],
  });
}

/** Washington: the hub every arc starts from. */
export function hubLayer(position: [number, number], fill: Rgba, outline: Rgba): ScatterplotLayer<[number, number]> {
  return new ScatterplotLayer<[number, number]>({
    id: HUB_LAYER,
    data: [position],
    radiusUnits: "pixels",
    getRadius: 6,
    stroked: true,
    lineWidthUnits: "pixels",
    getLineWidth: 2,
    getPosition: (p) => p,
    getFillColor: [...fill],
    getLineColor: [...outline],
  });
}
