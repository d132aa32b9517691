/**
 * deck.gl layer descriptors built from a MapView. Pure: constructing a Layer only records props.
 * The arcs are MapLibre lines (style.ts). Nothing here is pickable: markers are found on the CPU
 * (markerAt in view.ts), so a hover never reads back from the GPU.
 */
import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer } from "@deck.gl/layers";
import { MARKS } from "./marks.ts";
import type { MapView, Marker } from "./view.ts";

/** Markers keep a fixed on-screen size (MARKS.marker). */
export function markerLayer(markers: readonly Marker[]): ScatterplotLayer<Marker> {
  return new ScatterplotLayer<Marker>({
    id: MARKS.marker.layer,
    data: markers,
    stroked: true,
    radiusUnits: "pixels",
    getRadius: MARKS.marker.radius,
    lineWidthUnits: "pixels",
    getLineWidth: MARKS.marker.outlineWidth,
    getPosition: (m) => m.position,
    getFillColor: (m) => [...m.fill],
    getLineColor: (m) => [...m.outline],
  });
}

/** Washington: the hub every arc starts from. */
export function hubLayer(hub: NonNullable<MapView["hub"]>): ScatterplotLayer<[number, number]> {
  return new ScatterplotLayer<[number, number]>({
    id: MARKS.hub.layer,
    data: [hub.position],
    radiusUnits: "pixels",
    getRadius: MARKS.hub.radius,
    stroked: true,
    lineWidthUnits: "pixels",
    getLineWidth: MARKS.hub.outlineWidth,
    getPosition: (p) => p,
    getFillColor: [...hub.fill],
    getLineColor: [...hub.outline],
  });
}

/** Every deck.gl layer of a view, in drawing order. */
export function deckLayers(view: MapView): Layer[] {
  return [markerLayer(view.markers), ...(view.hub ? [hubLayer(view.hub)] : [])];
}
