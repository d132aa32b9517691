/**
 * deck.gl layer descriptors built from a MapView. Pure: constructing a Layer only records props.
 * The arcs are MapLibre lines (style.ts). Nothing here is pickable: markers are found on the CPU
 * (markerAt in view.ts), so a hover never reads back from the GPU.
 */
import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer } from "@deck.gl/layers";
import { MARKER_RADIUS, type MapView, type Marker } from "./view.ts";

export const MARKER_LAYER = "small-state-markers";
export const HUB_LAYER = "hub";

/** Markers keep a fixed on-screen size so Singapore stays visible at world zoom. */
export function markerLayer(markers: readonly Marker[]): ScatterplotLayer<Marker> {
  return new ScatterplotLayer<Marker>({
    id: MARKER_LAYER,
    data: markers,
    stroked: true,
    radiusUnits: "pixels",
    getRadius: MARKER_RADIUS,
    lineWidthUnits: "pixels",
    getLineWidth: 1.2,
    getPosition: (m) => m.position,
    getFillColor: (m) => [...m.fill],
    getLineColor: (m) => [...m.outline],
  });
}

/** Washington: the hub every arc starts from. */
export function hubLayer(hub: NonNullable<MapView["hub"]>): ScatterplotLayer<[number, number]> {
  return new ScatterplotLayer<[number, number]>({
    id: HUB_LAYER,
    data: [hub.position],
    radiusUnits: "pixels",
    getRadius: 6,
    stroked: true,
    lineWidthUnits: "pixels",
    getLineWidth: 2,
    getPosition: (p) => p,
    getFillColor: [...hub.fill],
    getLineColor: [...hub.outline],
  });
}

/** Every deck.gl layer of a view, in drawing order. */
export function deckLayers(view: MapView): Layer[] {
  return [markerLayer(view.markers), ...(view.hub ? [hubLayer(view.hub)] : [])];
}
