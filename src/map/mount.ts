/**
 * Mounts the WebGL map: MapLibre draws the countries from our topology, deck.gl draws on top.
 * The only module that touches maplibre-gl's Map. Returns {update, destroy}.
 */
import type { Layer } from "@deck.gl/core";
import type { FeatureCollection } from "geojson";
import { type ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { BASE_PALETTE, type Theme } from "../model/palette.ts";
import { createOverlay } from "./overlay.ts";
import { baseStyle, FILL_LAYER, OUTLINE_LAYER } from "./style.ts";

/** Everything the map draws, derived from state. */
export interface MapView {
  theme: Theme;
  fill: ExpressionSpecification | string;
  layers: Layer[];
}

export interface MountedMap {
  update(view: MapView): void;
  /** Longitude/latitude → CSS pixels in the map container. */
  project(lon: number, lat: number): [number, number];
  destroy(): void;
}

export interface MountOptions {
  cooperativeGestures: boolean;
  /** Called once, when the first complete frame (countries and overlay) is on screen. */
  onReady: () => void;
  onError: (message: string) => void;
}

/** The whole world with a little margin, without the empty polar ocean. */
const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-168, -56],
  [190, 75],
];

export function mountMap(
  container: HTMLElement,
  countries: FeatureCollection,
  initial: MapView,
  options: MountOptions,
): MountedMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(initial.theme, countries),
    bounds: WORLD_BOUNDS,
    fitBoundsOptions: { padding: 8 },
    renderWorldCopies: false,
    attributionControl: false,
    cooperativeGestures: options.cooperativeGestures,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 7,
    canvasContextAttributes: { antialias: true },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  let overlayDrawn = false;
  let mapIdle = false;
  let ready = false;
  const checkReady = () => {
    if (!ready && overlayDrawn && mapIdle) {
      ready = true;
      options.onReady();
    }
  };
  const overlay = createOverlay(() => {
    overlayDrawn = true;
    checkReady();
  });
  map.addControl(overlay.control);

  let view = initial;
  map.on("load", () => {
    apply(view);
    map.once("idle", () => {
      mapIdle = true;
      checkReady();
    });
  });
  map.on("error", (event) => options.onError(event.error?.message ?? "The map failed to render."));

  function apply(next: MapView): void {
    const palette = BASE_PALETTE[next.theme];
    map.setPaintProperty("ocean", "background-color", palette.ocean);
    map.setPaintProperty(OUTLINE_LAYER, "line-color", palette.border);
    map.setPaintProperty(FILL_LAYER, "fill-color", next.fill);
    overlay.setLayers(next.layers);
  }

  return {
    update(next) {
      view = next;
      if (map.loaded() || map.isStyleLoaded()) apply(next);
    },
    project(lon, lat) {
      const point = map.project([lon, lat]);
      return [point.x, point.y];
    },
    destroy() {
      map.remove();
    },
  };
}
