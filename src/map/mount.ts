/**
 * Mounts the WebGL map: MapLibre draws the countries from our topology, deck.gl draws on top.
 * The only module that touches maplibre-gl's Map. Returns {update, flyTo, project, destroy}.
 */
import type { Layer, PickingInfo } from "@deck.gl/core";
import type { FeatureCollection } from "geojson";
import { type ExpressionSpecification, Map as MapLibreMap, type MapMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { BASE_PALETTE, type Theme } from "../model/palette.ts";
import type { ArcPath, Marker } from "./layers.ts";
import { createOverlay } from "./overlay.ts";
import {
  baseStyle,
  EMPHASIS_LAYERS,
  FILL_LAYER,
  HIGHLIGHT_LAYER,
  isoFilter,
  OUTLINE_LAYER,
  UNCERTAIN_LAYER,
} from "./style.ts";

/** Everything the map draws, derived from state. */
export interface MapView {
  theme: Theme;
  fill: ExpressionSpecification | string;
  /** Countries drawn with a dashed outline (records of lower confidence). */
  uncertain: readonly string[];
  /** Countries outlined strongly (hovered, selected, legend hover). */
  highlight: readonly string[];
  layers: Layer[];
}

/** What the pointer is over. */
export type MapTarget = { kind: "country"; iso3: string } | { kind: "arc"; id: string; iso3: string } | null;

export interface MountedMap {
  update(view: MapView): void;
  flyTo(lon: number, lat: number): void;
  /** Longitude/latitude → CSS pixels in the map container. */
  project(lon: number, lat: number): [number, number];
  resize(): void;
  destroy(): void;
}

export interface MountOptions {
  cooperativeGestures: boolean;
  reducedMotion: boolean;
  /** Called once, when the first complete frame (countries and overlay) is on screen. */
  onReady: () => void;
  onError: (message: string) => void;
  onHover: (target: MapTarget, point: { x: number; y: number }) => void;
  onClick: (target: MapTarget) => void;
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
  map.getCanvas().setAttribute("aria-hidden", "true");

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

  // Re-fit the world when the container changes size (side column opens, window resizes), unless
  // the reader has panned or zoomed: then their view is theirs.
  let readerMoved = false;
  map.on("movestart", (event) => {
    if ((event as { originalEvent?: unknown }).originalEvent) readerMoved = true;
  });
  const resizeObserver = new ResizeObserver(() => {
    map.resize();
    if (!readerMoved) map.fitBounds(WORLD_BOUNDS, { padding: 8, animate: false });
  });
  resizeObserver.observe(container);

  let view = initial;
  let loaded = false;
  map.on("load", () => {
    loaded = true;
    apply(view);
    map.once("idle", () => {
      mapIdle = true;
      checkReady();
    });
  });
  map.on("error", (event) => options.onError(event.error?.message ?? "The map failed to render."));

  const targetAt = (event: MapMouseEvent): MapTarget => {
    const picked = overlay.control.pickObject({ x: event.point.x, y: event.point.y, radius: 4 }) as PickingInfo | null;
    const object = picked?.object as Partial<ArcPath & Marker> | undefined;
    if (object?.arc) return { kind: "arc", id: object.arc.id, iso3: object.arc.iso3 };
    if (object?.iso3) return { kind: "country", iso3: object.iso3 };
    const feature = map.queryRenderedFeatures(event.point, { layers: [FILL_LAYER] })[0];
    const iso3 = feature?.properties?.iso3;
    return typeof iso3 === "string" ? { kind: "country", iso3 } : null;
  };
  map.on("mousemove", (event) => {
    const target = targetAt(event);
    map.getCanvas().style.cursor = target ? "pointer" : "";
    options.onHover(target, event.point);
  });
  map.on("mouseout", () => options.onHover(null, { x: 0, y: 0 }));
  map.on("click", (event) => options.onClick(targetAt(event)));

  function apply(next: MapView): void {
    const palette = BASE_PALETTE[next.theme];
    map.setPaintProperty("ocean", "background-color", palette.ocean);
    map.setPaintProperty(OUTLINE_LAYER, "line-color", palette.border);
    map.setPaintProperty(FILL_LAYER, "fill-color", next.fill);
    for (const [layer, colour] of EMPHASIS_LAYERS(next.theme)) map.setPaintProperty(layer, "line-color", colour);
    map.setFilter(UNCERTAIN_LAYER, isoFilter(next.uncertain));
    map.setFilter(HIGHLIGHT_LAYER, isoFilter(next.highlight));
    overlay.setLayers(next.layers);
  }

  return {
    update(next) {
      const previous = view;
      view = next;
      if (!loaded) return;
      if (previous.fill !== next.fill || previous.theme !== next.theme) {
        map.setPaintProperty(FILL_LAYER, "fill-color", next.fill);
      }
      apply(next);
    },
    flyTo(lon, lat) {
      readerMoved = true;
      const zoom = Math.max(map.getZoom(), 3);
      if (options.reducedMotion) map.jumpTo({ center: [lon, lat], zoom });
      else map.flyTo({ center: [lon, lat], zoom, duration: 900 });
    },
    project(lon, lat) {
      const point = map.project([lon, lat]);
      return [point.x, point.y];
    },
    resize: () => map.resize(),
    destroy() {
      resizeObserver.disconnect();
      map.remove();
    },
  };
}
