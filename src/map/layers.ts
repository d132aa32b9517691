/** deck.gl layer descriptors built from a MapView. Pure: constructing a Layer only records props. */
import type { Layer } from "@deck.gl/core";
import { PathLayer, ScatterplotLayer } from "@deck.gl/layers";
import type { ArcPath, MapView, Marker } from "./view.ts";

export const MARKER_LAYER = "small-state-markers";
export const ARC_LAYER = "pact-arcs";
export const HUB_LAYER = "hub";

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
  return [arcLayer(view.arcs), markerLayer(view.markers), ...(view.hub ? [hubLayer(view.hub)] : [])];
}
