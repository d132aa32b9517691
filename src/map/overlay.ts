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

/**
 * A layer drawn into a context the browser has just taken fails to build its shaders. That is not
 * an error worth a reader's console: the map is mounted again once the context is back (see
 * mountMap). The browser can take a context before MapLibre hears of it (the event comes a task
 * later), so deck.gl may draw into it once.
 */
export function reportDrawError(error: Error, layer?: Layer): void {
  if (layer?.context?.device?.isLost) return;
  console.error(`deck: ${error.message}`, error.cause ?? "");
}

/** `layers` are drawn from the first frame on: the first `onAfterRender` comes after they are drawn. */
export function createOverlay(layers: Layer[], onAfterRender: () => void): Overlay {
  const control = new MapboxOverlay({ interleaved: true, layers, onAfterRender, onError: reportDrawError });
  return { control, setLayers: (layers) => control.setProps({ layers }) };
}
