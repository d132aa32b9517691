/**
 * The one place that constructs deck.gl's overlay. Interleaved: deck.gl draws its layers inside
 * MapLibre's own WebGL context, as MapLibre custom layers on top of the style, so a map holds one
 * context, not two (a page can hold twice as many live maps before the browser drops contexts).
 * This works with the pinned maplibre-gl 5.24 (see DESIGN §5). The mode is fixed at construction;
 * change it here only.
 */
import type { Layer } from "@deck.gl/core";
import { MapboxOverlay } from "@deck.gl/mapbox";

export interface Overlay {
  control: MapboxOverlay;
  setLayers(layers: Layer[]): void;
}

/** `layers` are drawn from the first frame on: the first `onAfterRender` comes after they are drawn. */
export function createOverlay(layers: Layer[], onAfterRender: () => void): Overlay {
  const control = new MapboxOverlay({ interleaved: true, layers, onAfterRender });
  return { control, setLayers: (layers) => control.setProps({ layers }) };
}
