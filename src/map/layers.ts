/** deck.gl layer descriptors built from plain data. Pure: constructing a Layer only records props. */
import { ScatterplotLayer } from "@deck.gl/layers";
import type { Rgba } from "../model/palette.ts";

export const MARKER_LAYER = "small-state-markers";

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
    getRadius: 4,
    lineWidthUnits: "pixels",
    getLineWidth: 1,
    getPosition: (m) => m.position,
    getFillColor: (m) => [...m.fill],
    getLineColor: (m) => [...m.outline],
  });
}
