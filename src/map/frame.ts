/**
 * Where the world sits in a map of a given size: the same camera MapLibre chooses for
 * fitBounds(WORLD_BOUNDS) (then constrained so nothing beyond the world shows), computed without
 * MapLibre, and the SVG map drawn in it (posterDrawing), so the WebGL map takes over with no shift.
 * Plain arithmetic in Web Mercator, as MapLibre draws: no d3-geo. Pure.
 */
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Job } from "../slices.ts";
import type { Drawing, DrawingAt } from "./svg.ts";
import { WORLD_BOUNDS } from "./view.ts";

/** MapLibre's Mercator world: 512 px wide at zoom 0, latitudes clipped at ±85.0511°. */
export const TILE_SIZE = 512;
export const MAX_LAT = 85.051129;
const FIT_PADDING = 8;
const MAX_ZOOM = 7;
/** MapLibre's default minZoom (v5): a narrow map may show the world under 512 px wide. */
const MIN_ZOOM = -2;

export const mercX = (lon: number) => (lon + 180) / 360;
export const mercY = (lat: number) => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
};

export interface Frame {
  /** World size in CSS pixels (512 · 2^zoom). */
  worldSize: number;
  /** The view's centre in world pixels. */
  centerX: number;
  centerY: number;
}

/** The camera of fitBounds(WORLD_BOUNDS, {padding: 8}) on a map without world copies. */
export function worldFrame(width: number, height: number): Frame {
  const [[west, south], [east, north]] = WORLD_BOUNDS;
  const dx = mercX(east) - mercX(west);
  const dy = mercY(south) - mercY(north);
  const fitWorld = Math.min((width - 2 * FIT_PADDING) / dx, (height - 2 * FIT_PADDING) / dy);
  let worldSize = Math.max(TILE_SIZE * 2 ** MIN_ZOOM, Math.min(TILE_SIZE * 2 ** MAX_ZOOM, fitWorld));
  let cx = ((mercX(west) + mercX(east)) / 2) * worldSize;
  let cy = ((mercY(north) + mercY(south)) / 2) * worldSize;
  // MapLibre zooms in until the world covers the view on both axes (no world copies) ...
  const scale = Math.max(width / worldSize, height / worldSize, 1);
  if (scale > 1) {
    cx = width / worldSize > 1 ? worldSize / 2 : cx;
    cy = height / worldSize > 1 ? worldSize / 2 : cy;
    worldSize *= scale;
    cx *= scale;
    cy *= scale;
  }
  // ... and pans so no edge of the world comes into view.
  cx = Math.min(Math.max(cx, width / 2), worldSize - width / 2);
  cy = Math.min(Math.max(cy, height / 2), worldSize - height / 2);
  return { worldSize, centerX: cx, centerY: cy };
}

/**
 * The countries' outlines on the poster, as MapLibre draws them: each vertex in Web Mercator
 * (latitudes clamped at ±85.0511°) joined by straight lines, to a tenth of a CSS pixel; the same
 * path d3-geo's geoMercator draws in the same frame at precision 0, on the countries wound for d3
 * (countryFeatures, then withD3Winding), without its spherical clipping (our world is split at the
 * antimeridian, and the SVG's box clips the rest), which is most of d3-geo's work. Read straight
 * from the topology: no GeoJSON is built, each arc is decoded and put in Mercator once (a shared
 * border once for both countries, and once for every size), simplified to `tolerance` at each size
 * (keptPoints: the ends stay, so a shared border stays one line), and each point kept written once.
 * A job (src/slices.ts) that may pause after every few arcs and every country.
 */
export function posterPaths(
  topology: Topology,
  /** How far (CSS px) a point may lie from the outline drawn without it (see keptPoints). */
  tolerance: number = simplifyTolerance(1),
): (width: number, height: number) => Job<Map<string, string>> {
  const countries = topology.objects.countries as GeometryCollection;
  let mercator: Float64Array[] | null = null;
  /** Each arc as [x0, y0, x1, y1, …] in Mercator units (0–1), decoded as topojson-client does. */
  function* decode(): Job<Float64Array[]> {
    const quantized = topology.transform;
    const [kx, ky] = quantized?.scale ?? [1, 1];
    const [dx, dy] = quantized?.translate ?? [0, 0];
    const arcs: Float64Array[] = [];
    for (const arc of topology.arcs) {
      const out = new Float64Array(arc.length * 2);
      let x = 0;
      let y = 0;
      // A plain loop: the first map waits on this, ~18,000 points (a callback per point: ~1.7× slower, cold).
      for (let k = 0; k < arc.length; k++) {
        const position = arc[k] as number[];
        const px = position[0] ?? 0;
        const py = position[1] ?? 0;
        // Quantized arcs are delta-encoded: each position adds to the one before.
        x = quantized ? x + px : px;
        y = quantized ? y + py : py;
        out[2 * k] = mercX(quantized ? x * kx + dx : x);
        out[2 * k + 1] = mercY(quantized ? y * ky + dy : y);
      }
      if (arcs.push(out) % ARCS_PER_STEP === 0) yield;
    }
    return arcs;
  }
  return function* (width, height) {
    mercator ??= yield* decode();
    const { worldSize, left, top } = placement(width, height);
    /** Each arc's points, written once. */
    const written: string[][] = [];
    for (const arc of mercator) {
      const kept = keptPoints(arc, tolerance / worldSize);
      const points: string[] = [];
      for (let k = 0; k < kept.length; k++) {
        if (kept[k])
          points.push(
            pixelPair((arc[2 * k] as number) * worldSize + left, (arc[2 * k + 1] as number) * worldSize + top),
          );
      }
      if (written.push(points) % ARCS_PER_STEP === 0) yield;
    }
    /**
     * A ring as topojson-client joins it (each arc's first point dropped after the first arc),
     * reversed as withD3Winding does.
     */
    const ring = (indexes: number[]): string => {
      const points: string[] = [];
      for (const i of indexes) {
        const arc = written[i < 0 ? ~i : i] as string[];
        if (points.length) points.pop();
        if (i < 0) for (let k = arc.length - 1; k >= 0; k--) points.push(arc[k] as string);
        else for (const point of arc) points.push(point);
      }
      while (points.length < 4) points.push(points[0] as string);
      // Reversed and closed by Z: the first point, then the rest backwards, without the repeated end.
      let d = `M${points[points.length - 1]}`;
      for (let k = points.length - 2; k > 0; k--) d += `L${points[k]}`;
      return `${d}Z`;
    };
    const polygon = (rings: number[][]) => rings.map(ring).join("");
    const paths = new Map<string, string>();
    for (const g of countries.geometries) {
      if (g.type === "Polygon") paths.set(String(g.id), polygon(g.arcs));
      else if (g.type === "MultiPolygon") paths.set(String(g.id), g.arcs.map(polygon).join(""));
      yield;
    }
    return paths;
  };
}

/**
 * How far (CSS px) a point may lie from the outline drawn without it and still be left out: half a
 * pixel of the screen, which antialiasing blurs anyway. A phone-sized map at one device pixel per
 * CSS pixel then loses about half of its points, each of which would be written, parsed and
 * rasterised twice (the SVG and the picture of it) before the map is ready.
 */
export function simplifyTolerance(pixelRatio: number): number {
  return 0.5 / Math.max(1, pixelRatio);
}

/**
 * Which points of an arc ([x0, y0, x1, y1, …]) the outline keeps: Douglas–Peucker, every point
 * that lies farther than `tolerance` from the line between the points kept around it. The ends
 * are always kept, so an arc shared by two countries stays one border for both.
 */
export function keptPoints(arc: Float64Array, tolerance: number): Uint8Array {
  const n = arc.length / 2;
  const kept = new Uint8Array(n);
  kept[0] = 1;
  kept[n - 1] = 1;
  const limit = tolerance * tolerance;
  const spans: number[] = [0, n - 1];
  while (spans.length > 0) {
    const b = spans.pop() as number;
    const a = spans.pop() as number;
    const ax = arc[2 * a] as number;
    const ay = arc[2 * a + 1] as number;
    const vx = (arc[2 * b] as number) - ax;
    const vy = (arc[2 * b + 1] as number) - ay;
    const length2 = vx * vx + vy * vy;
    let farthest = limit;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const px = (arc[2 * i] as number) - ax;
      const py = (arc[2 * i + 1] as number) - ay;
      // The distance to the segment a–b (to a itself where a and b are one point: a closed ring).
      const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, (px * vx + py * vy) / length2));
      const dx = t * vx - px;
      const dy = t * vy - py;
      const distance2 = dx * dx + dy * dy;
      if (distance2 > farthest) {
        farthest = distance2;
        at = i;
      }
    }
    if (at >= 0) {
      kept[at] = 1;
      spans.push(a, at, at, b);
    }
  }
  return kept;
}

/** How many arcs posterPaths decodes or writes between two chances to pause (a few µs of work each). */
const ARCS_PER_STEP = 16;

/**
 * A count of tenths written as a decimal, as String(n / 10) writes it ("-12.3", "4", "-0.5"), from
 * integers: V8 writes small integers from a cache, fractions through its slower general algorithm.
 */
export function tenths(n: number): string {
  const whole = Math.trunc(n / 10);
  const rest = Math.abs(n % 10);
  if (rest === 0) return String(whole);
  return whole === 0 && n < 0 ? `-0.${rest}` : `${whole}.${rest}`;
}

/** A point "x,y" to a tenth of a CSS pixel, as every SVG map path writes it. */
function pixelPair(x: number, y: number): string {
  return `${tenths(Math.round(x * 10))},${tenths(Math.round(y * 10))}`;
}

/** The world's size and its top-left corner in a map of this size (CSS pixels). */
function placement(width: number, height: number): { worldSize: number; left: number; top: number } {
  const { worldSize, centerX, centerY } = worldFrame(width, height);
  return { worldSize, left: width / 2 - centerX, top: height / 2 - centerY };
}

/** A point in the frame of a map of this size, in CSS pixels (unrounded). */
function pointIn(width: number, height: number): (lonLat: readonly [number, number]) => [number, number] {
  const { worldSize, left, top } = placement(width, height);
  return ([lon, lat]) => [mercX(lon) * worldSize + left, mercY(lat) * worldSize + top];
}

/** Where a place is on an SVG map of this size (what `posterProject` tells tests and host pages). */
export const posterPoint = (width: number, height: number, lonLat: [number, number]): [number, number] =>
  pointIn(width, height)(lonLat);

/**
 * The SVG map's drawing at a size: the outlines (posterPaths, to half a pixel of a screen with
 * `pixelRatio` device pixels per CSS pixel), and points and lines as MapLibre
 * places them, straight in Mercator (each arc comes split at the antimeridian, model/arcs.ts), to
 * a tenth of a pixel; the ocean is the whole box, which the world always covers (worldFrame).
 */
export function posterDrawing(topology: Topology, pixelRatio = 1): DrawingAt {
  const outlinesAt = posterPaths(topology, simplifyTolerance(pixelRatio));
  return function* (width, height): Job<Drawing> {
    const point = pointIn(width, height);
    return {
      outlines: yield* outlinesAt(width, height),
      point,
      line: (points) => points.map((p, i) => `${i === 0 ? "M" : "L"}${pixelPair(...point(p))}`).join(""),
      sphere: `M0,0H${width}V${height}H0Z`,
    };
  };
}
