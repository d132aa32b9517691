/**
 * What a map renderer draws, as plain data: the WebGL map (mount.ts) and the SVG map (svg.ts) both
 * take a MapView, so they show the same colours, outlines, arcs and markers. Pure.
 */
import type { Arc } from "../model/arcs.ts";
import type { Rgba, Theme } from "../model/palette.ts";
import { MARKS } from "./marks.ts";

/** A point marker for a state too small to see at world zoom. */
export interface Marker {
  iso3: string;
  position: [number, number];
  fill: Rgba;
  outline: Rgba;
}

/**
 * The marker under a point (CSS pixels in the map), within `slack` pixels of its edge; the
 * nearest if several. `project` turns a position into the same pixels.
 */
export function markerAt(
  markers: readonly Marker[],
  point: { x: number; y: number },
  project: (position: [number, number]) => [number, number],
  slack = 4,
): Marker | null {
  let best: Marker | null = null;
  let bestDistance = MARKS.marker.radius + slack;
  for (const marker of markers) {
    const [x, y] = project(marker.position);
    const distance = Math.hypot(x - point.x, y - point.y);
    if (distance <= bestDistance) {
      best = marker;
      bestDistance = distance;
    }
  }
  return best;
}

/** One drawable segment of an arc (an arc cut at ±180° has two). */
export interface ArcPath {
  arc: Arc;
  path: [number, number][];
  colour: Rgba;
  highlighted: boolean;
}

export interface MapView {
  theme: Theme;
  /** Fill per ISO3; every other country takes `land`. */
  colours: ReadonlyMap<string, string>;
  land: string;
  /** Countries drawn with a dashed outline (records of lower confidence). */
  uncertain: readonly string[];
  /** Countries outlined strongly (hovered, selected, legend hover). */
  highlight: readonly string[];
  arcs: readonly ArcPath[];
  markers: readonly Marker[];
  /** Washington, the hub, in the pacts view. */
  hub: { position: [number, number]; fill: Rgba; outline: Rgba } | null;
}

/** What the pointer is over. */
export type MapTarget = { kind: "country"; iso3: string } | { kind: "arc"; id: string; iso3: string } | null;

/** The operations every renderer offers to main.ts. */
export interface MapRenderer {
  update(view: MapView): void;
  flyTo(lon: number, lat: number): void;
  /** Longitude/latitude → CSS pixels in the map container. */
  project(lon: number, lat: number): [number, number];
  destroy(): void;
}

/** Stands in for a map while none is drawn yet: takes updates, draws nothing. */
export const NO_MAP: MapRenderer = {
  update() {},
  flyTo() {},
  project: () => [Number.NaN, Number.NaN],
  destroy() {},
};

export interface RendererOptions {
  /** What the map shows, for screen readers (the canvas's label). */
  description: string;
  cooperativeGestures: boolean;
  reducedMotion: boolean;
  /** Called once, when the first complete frame is on screen. */
  onReady: () => void;
  onError: (message: string) => void;
  /** Called when the map is drawn again after the browser gave its lost WebGL context back. */
  onRestored?: () => void;
  onHover: (target: MapTarget, point: { x: number; y: number }) => void;
  onClick: (target: MapTarget) => void;
}

export function arcPaths(arcs: readonly Arc[], colourOf: (arc: Arc) => Rgba, highlight: string | null): ArcPath[] {
  return arcs.flatMap((arc) =>
    arc.paths.map((path) => ({ arc, path, colour: colourOf(arc), highlighted: arc.id === highlight })),
  );
}

/**
 * Whether two views draw the same picture: equal as data (numbers, strings, arrays, Maps and plain
 * objects, compared all the way down), whatever their identity. A scene derived again from new
 * inputs that change nothing drawn (the mineral tables arriving under the pacts view) gives an
 * equal view, and a renderer need not rasterise the whole map again.
 */
export function samePicture(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !samePicture(value, b.get(key))) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b) || b instanceof Map) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(y, key) && samePicture(x[key], y[key]));
}

/** The whole world with a little margin, without the empty polar ocean ([west, south], [east, north]). */
export const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-168, -56],
  [190, 75],
];

/** "rgba(r,g,b,a)" for SVG and canvas. */
export function cssColour([r, g, b, a]: Rgba): string {
  return `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;
}
