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
  const control: MapboxOverlay = new MapboxOverlay({
    interleaved: false,
    layers,
    onAfterRender: () => {
      hideFromFocus(control.getCanvas());
      onAfterRender();
    },
  });
  return { control, setLayers: (layers) => control.setProps({ layers }) };
}

/**
 * deck.gl's event manager makes its canvas a tab stop (tabindex 0) with no name. The overlay only
 * draws over MapLibre's canvas, which is the map's one named, keyboard-driven tab stop; the
 * overlay's canvas ignores pointers too, so it leaves the tab order and the accessibility tree.
 */
function hideFromFocus(canvas: HTMLCanvasElement | null): void {
  if (!canvas || canvas.tabIndex === -1) return;
  canvas.tabIndex = -1;
  canvas.setAttribute("aria-hidden", "true");
}
