/**
 * Mounts the WebGL map: MapLibre draws the countries from our topology, deck.gl draws on top.
 * The only module that touches maplibre-gl's Map. renderers.ts loads it on demand (dynamic import):
 * the page shows the interactive SVG map until the reader reaches for what only this map gives.
 */
import type { FeatureCollection, Position } from "geojson";
import { type GeoJSONSource, type LineLayerSpecification, Map as MapLibreMap, type MapMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import type { Engagement } from "./engage.ts";
import { TILE_SIZE, worldFrame } from "./frame.ts";
import { deckLayers } from "./layers.ts";
import { MARKS } from "./marks.ts";
import { createOverlay } from "./overlay.ts";
import {
  ARC_SOURCE,
  arcData,
  arcLayers,
  baseStyle,
  EMPHASIS_SOURCE,
  emphasisData,
  fillColour,
  themePaint,
} from "./style.ts";
import {
  type MapRenderer,
  type MapTarget,
  type MapView,
  markerAt,
  type RendererOptions,
  WORLD_BOUNDS,
} from "./view.ts";

/** Where the reader left the camera, if they moved it. */
interface Camera {
  center: [number, number];
  zoom: number;
}

/** The WebGL map: also carries out the gesture that started it (src/map/engage.ts). */
export interface WebglMap extends MapRenderer {
  /** Zooms about the gesture's point or pans by its offset (CSS pixels in the map's box). */
  carryOut(engagement: Engagement): void;
}

interface MountedMap extends WebglMap {
  /** The camera to start a new map from: null while the world is fitted (the reader did not move). */
  camera(): Camera | null;
}

/**
 * A WebGL context that comes back after a loss has lost every buffer, texture and shader program
 * MapLibre and deck.gl made in it, and neither rebuilds all of its own (the hub and markers, even
 * the countries, stayed away, and every later frame logged WebGL warnings). So a restored context
 * is given up and the map mounted again from the current view and camera: the same frame as
 * before the loss. Until it is drawn, whatever stood in for the lost map stays on screen.
 */
export function mountMap(
  container: HTMLElement,
  countries: FeatureCollection,
  initial: MapView,
  options: RendererOptions,
): WebglMap {
  let view = initial;
  let announced = false;
  let current: MountedMap | null = null;
  let destroyed = false;
  const mount = (camera: Camera | null, afterRestore: boolean) => {
    if (destroyed) return;
    current = mountOnce(container, countries, view, camera, {
      ...options,
      onReady: () => {
        if (!announced) {
          announced = true;
          options.onReady();
        }
        if (afterRestore) options.onRestored?.();
      },
      onContextRestored: () => {
        const was = current;
        current = null;
        const at = was?.camera() ?? null;
        was?.destroy();
        // A frame later: the old context is released before the new one is asked for.
        requestAnimationFrame(() => mount(at, true));
      },
    });
  };
  mount(null, false);
  return {
    update(next) {
      view = next;
      current?.update(next);
    },
    flyTo: (lon, lat) => current?.flyTo(lon, lat),
    carryOut: (engagement) => current?.carryOut(engagement),
    project: (lon, lat) => current?.project(lon, lat) ?? [Number.NaN, Number.NaN],
    destroy() {
      destroyed = true;
      current?.destroy();
      current = null;
    },
  };
}

function mountOnce(
  container: HTMLElement,
  countries: FeatureCollection,
  initial: MapView,
  camera: Camera | null,
  options: RendererOptions & { onContextRestored: () => void },
): MountedMap {
  const byIso3 = new Map(countries.features.map((f) => [String(f.properties?.iso3), f]));
  // The dashes are cut for the world size of the first camera, and again after a zoom.
  let dashWorld = worldFrame(container.clientWidth, container.clientHeight).worldSize;
  const map = new MapLibreMap({
    container,
    style: baseStyle(initial.theme, countries, {
      fill: fillColour(initial.colours, initial.land),
      emphasis: emphasisData(byIso3, initial.uncertain, initial.highlight, dashWorld),
      arcs: initial.arcs,
    }),
    ...(camera
      ? { center: camera.center, zoom: camera.zoom }
      : { bounds: WORLD_BOUNDS, fitBoundsOptions: { padding: 8 } }),
    renderWorldCopies: false,
    attributionControl: false,
    cooperativeGestures: options.cooperativeGestures,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 7,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  // MapLibre labels its canvas just "Map"; say what it shows and how to use it from the keyboard.
  map.getCanvas().setAttribute("aria-label", options.description);

  let overlayDrawn = false;
  let mapIdle = false;
  let ready = false;
  const checkReady = () => {
    if (!ready && overlayDrawn && mapIdle) {
      ready = true;
      options.onReady();
    }
  };
  // The overlay starts with the first view's layers, so "drawn" means the markers are too.
  const overlay = createOverlay(deckLayers(initial), () => {
    overlayDrawn = true;
    checkReady();
  });
  map.addControl(overlay.control);

  // Re-fit the world when the container changes size (side column opens, window resizes), unless
  // the reader has panned or zoomed: then their view is theirs.
  let readerMoved = camera !== null;
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
    // The style was built from `initial`: apply only what changed since (and the deck.gl layers).
    apply(view, initial);
    recutDashes(); // if the camera changed while the style loaded
    map.once("idle", () => {
      mapIdle = true;
      checkReady();
    });
  });
  // While the browser holds the WebGL context, keep the latest view; once it is back, the map is
  // mounted again (see mountMap).
  let contextLost = false;
  map.on("webglcontextlost", () => {
    contextLost = true;
  });
  // deck.gl lets go of its layers while the context is lost, when freeing them is silent: freed
  // after the restore, every buffer and program of the old context logs a WebGL warning. Heard in
  // the capture phase, before MapLibre's own handler (which warns about custom layers it cannot keep).
  const releaseOverlay = (event: Event) => {
    if (event.target !== map.getCanvas() || !map.hasControl(overlay.control)) return;
    map.removeControl(overlay.control);
  };
  container.addEventListener("webglcontextlost", releaseOverlay, true);
  map.on("webglcontextrestored", () => options.onContextRestored());
  map.on("error", (event) => options.onError(event.error?.message ?? "The map failed to render."));

  // Everything under the pointer is found on the CPU (no read-back from the GPU): markers by
  // distance, then arcs and countries from MapLibre's index of what it drew.
  const ARC_SLACK = 4;
  const targetAt = (event: MapMouseEvent): MapTarget => {
    const { x, y } = event.point;
    const marker = markerAt(view.markers, event.point, (position) => {
      const point = map.project(position);
      return [point.x, point.y];
    });
    if (marker) return { kind: "country", iso3: marker.iso3 };
    const around: [[number, number], [number, number]] = [
      [x - ARC_SLACK, y - ARC_SLACK],
      [x + ARC_SLACK, y + ARC_SLACK],
    ];
    const arc = map.queryRenderedFeatures(around, { layers: arcLayerIds })[0]?.properties;
    if (typeof arc?.id === "string" && typeof arc.iso3 === "string") return { kind: "arc", id: arc.id, iso3: arc.iso3 };
    const iso3 = map.queryRenderedFeatures(event.point, { layers: [MARKS.fill.layer] })[0]?.properties?.iso3;
    return typeof iso3 === "string" ? { kind: "country", iso3 } : null;
  };
  // At most one lookup per frame, for the latest pointer position.
  let pendingMove: MapMouseEvent | null = null;
  map.on("mousemove", (event) => {
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const latest = pendingMove;
        pendingMove = null;
        if (!latest) return;
        const target = targetAt(latest);
        map.getCanvas().style.cursor = target ? "pointer" : "";
        options.onHover(target, latest.point);
      });
    }
    pendingMove = event;
  });
  map.on("mouseout", () => options.onHover(null, { x: 0, y: 0 }));
  map.on("click", (event) => options.onClick(targetAt(event)));

  // The arc layers (one per colour, see arcLayers) change with the theme, the legend filter and
  // the highlighted arc: change only the layers, filters and colours that differ.
  let arcLayerSpecs = arcLayers(initial.arcs);
  let arcLayerIds = arcLayerSpecs.map((layer) => layer.id);
  const syncArcLayers = (next: LineLayerSpecification[]) => {
    const nextIds = new Set(next.map((layer) => layer.id));
    for (const layer of arcLayerSpecs) if (!nextIds.has(layer.id)) map.removeLayer(layer.id);
    const before = new Map(arcLayerSpecs.map((layer) => [layer.id, layer]));
    for (const layer of next) {
      const was = before.get(layer.id);
      if (!was) {
        // New colour layers go under the highlight layer, which stays on top.
        map.addLayer(layer, map.getLayer(MARKS.arc.highlightLayer) ? MARKS.arc.highlightLayer : undefined);
        continue;
      }
      if (JSON.stringify(was.filter) !== JSON.stringify(layer.filter)) map.setFilter(layer.id, layer.filter);
      const colour = layer.paint?.["line-color"];
      if (was.paint?.["line-color"] !== colour) map.setPaintProperty(layer.id, "line-color", colour);
    }
    arcLayerSpecs = next;
    arcLayerIds = next.map((layer) => layer.id);
  };

  // Each country's dashes, cut for dashWorld: a hover changes the highlight, not the dashes.
  let dashCache = new Map<string, Position[][]>();
  const setEmphasis = (next: MapView) =>
    map
      .getSource<GeoJSONSource>(EMPHASIS_SOURCE)
      ?.setData(emphasisData(byIso3, next.uncertain, next.highlight, dashWorld, dashCache));
  const recutDashes = () => {
    if (!loaded || contextLost) return;
    const worldSize = TILE_SIZE * 2 ** map.getZoom();
    // Dashes within a quarter of a zoom level of their length are left as they are.
    if (Math.abs(Math.log2(worldSize / dashWorld)) < 0.25) return;
    dashWorld = worldSize;
    dashCache = new Map();
    setEmphasis(view);
  };
  map.on("zoomend", recutDashes);

  let fill = fillColour(initial.colours, initial.land);
  function apply(next: MapView, previous: MapView | null): void {
    if (!previous || previous.theme !== next.theme) {
      for (const [layer, property, colour] of themePaint(next.theme)) map.setPaintProperty(layer, property, colour);
    }
    // Colours change with the view, date or legend filter, not on hover: skip the repaint otherwise.
    if (!previous || previous.colours !== next.colours || previous.land !== next.land) {
      fill = fillColour(next.colours, next.land);
      map.setPaintProperty(MARKS.fill.layer, "fill-color", fill);
    }
    if (
      !previous ||
      previous.uncertain.join() !== next.uncertain.join() ||
      previous.highlight.join() !== next.highlight.join()
    ) {
      setEmphasis(next);
    }
    if (!previous || previous.arcs !== next.arcs) {
      map.getSource<GeoJSONSource>(ARC_SOURCE)?.setData(arcData(next.arcs));
      syncArcLayers(arcLayers(next.arcs));
    }
    if (!previous || previous.markers !== next.markers || previous.hub !== next.hub)
      overlay.setLayers(deckLayers(next));
  }

  function flyTo(lon: number, lat: number): void {
    readerMoved = true;
    const zoom = Math.max(map.getZoom(), 3);
    if (options.reducedMotion) map.jumpTo({ center: [lon, lat], zoom });
    else map.flyTo({ center: [lon, lat], zoom, duration: 900 });
  }

  return {
    update(next) {
      const previous = view;
      view = next;
      if (loaded && !contextLost) apply(next, previous);
    },
    flyTo,
    carryOut(engagement) {
      const duration = options.reducedMotion ? 0 : 300;
      if (engagement.kind === "idle") return;
      readerMoved = true;
      if (engagement.kind === "fly") flyTo(...engagement.to);
      else if (engagement.kind === "pan") map.panBy([engagement.by.x, engagement.by.y], { duration });
      else {
        const { at, by } = engagement;
        map.easeTo({ zoom: map.getZoom() + by, around: map.unproject([at.x, at.y]), duration });
      }
    },
    project(lon, lat) {
      const point = map.project([lon, lat]);
      return [point.x, point.y];
    },
    camera() {
      if (!readerMoved) return null;
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat], zoom: map.getZoom() };
    },
    destroy() {
      resizeObserver.disconnect();
      container.removeEventListener("webglcontextlost", releaseOverlay, true);
      map.remove();
    },
  };
}
