/**
 * The one place that constructs deck.gl's overlay. Overlaid (not interleaved): our choropleth is
 * drawn by MapLibre and deck.gl layers go on top, which avoids the interleaved-mode bugs
 * (see DESIGN §5). The mode is fixed at construction; change it here only.
 */
import type { Layer } from "@deck.gl/core";
import { MapboxOverlay } from "@deck.gl/mapbox";

export interface Overlay {
  control: MapboxOverlay;
  setLayers(layers: Layer[]): void;
}

/** `layers` are drawn from the first frame on: the first `onAfterRender` comes after they are drawn. */
export function createOverlay(layers: Layer[], onAfterRender: () => void): Overlay {
  const control = new MapboxOverlay({ interleaved: false, layers, onAfterRender });
  return { control, setLayers: (layers) => control.setProps({ layers }) };
}
