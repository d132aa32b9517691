/**
 * Dashed outlines cut into the geometry: each ring becomes a list of short lines (the dashes), so
 * MapLibre draws them with the plain line program the other outlines use. MapLibre's own
 * `line-dasharray` needs a program of its own, which cost ≈ 250 ms before the first frame on a
 * software GPU. The dashes are cut for one world size (zoom): redo them when the zoom changes. Pure.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { mercX, mercY } from "./frame.ts";
import { MARKS } from "./marks.ts";

/** More dashes than this (a large country at a high zoom) and they get longer instead. */
const MAX_DASHES = 20_000;

const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** The outer and inner rings of a polygon or multipolygon. */
export function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * The dashes along `rings` for a Mercator world `worldSize` CSS pixels wide: lines of `dash`
 * pixels separated by `gap` pixels, the pattern running on from one segment to the next.
 */
export function dashes(
  rings: readonly Position[][],
  worldSize: number,
  [dash, gap]: readonly [number, number] = MARKS.uncertain.dash,
): Position[][] {
  if (!(dash > 0 && gap >= 0 && worldSize > 0 && Number.isFinite(worldSize))) return [];
  const projected = rings.map((ring) => ring.map(([lon = 0, lat = 0]) => [mercX(lon), mercY(lat)] as const));
  let length = 0;
  for (const ring of projected) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1] as readonly [number, number];
      const [bx, by] = ring[i] as readonly [number, number];
      length += Math.hypot(bx - ax, by - ay) * worldSize;
    }
  }
  const stretch = Math.max(1, length / (dash + gap) / MAX_DASHES);
  const on = (dash * stretch) / worldSize;
  const off = (gap * stretch) / worldSize;

  // A dash or gap ending within this of a vertex ends there: no zero-length dash from rounding.
  const epsilon = (on + off) * 1e-6;
  const point = (x: number, y: number): Position => [lonOf(x), latOf(y)];
  const out: Position[][] = [];
  for (const ring of projected) {
    let drawing = true;
    let left = on; // of the current dash or gap
    let current: Position[] = [];
    const first = ring[0];
    if (first) current.push(point(first[0], first[1]));
    for (let i = 1; i < ring.length; i++) {
      let [ax, ay] = ring[i - 1] as readonly [number, number];
      const [bx, by] = ring[i] as readonly [number, number];
      let segment = Math.hypot(bx - ax, by - ay);
      while (segment > left + epsilon) {
        // The dash or gap ends inside this segment.
        const t = Math.max(0, left) / segment;
        ax += (bx - ax) * t;
        ay += (by - ay) * t;
        segment -= Math.max(0, left);
        if (drawing) {
          current.push(point(ax, ay));
          out.push(current);
          current = [];
        } else current.push(point(ax, ay));
        drawing = !drawing;
        left = drawing ? on : off;
      }
      left -= segment;
      if (drawing) current.push(point(bx, by));
    }
    if (drawing && current.length > 1) out.push(current);
  }
  return out;
}
