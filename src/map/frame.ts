/**
 * Where the world sits in a map of a given size: the same camera MapLibre chooses for
 * fitBounds(WORLD_BOUNDS) (then constrained so nothing beyond the world shows), computed without
 * MapLibre. The SVG poster uses it so the WebGL map takes over with no shift. Pure.
 */
import { type GeoProjection, geoEqualEarth, geoMercator } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
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

/** A d3 Mercator projection that places the world exactly where the WebGL map will. */
export function posterProjection(width: number, height: number): GeoProjection {
  const { worldSize, centerX, centerY } = worldFrame(width, height);
  // precision(0): each edge a straight line in Mercator, as MapLibre draws it (d3's adaptive
  // resampling would bend it along the great circle), and a third less work per path.
  return geoMercator()
    .precision(0)
    .scale(worldSize / (2 * Math.PI))
    .translate([worldSize / 2 - centerX + width / 2, worldSize / 2 - centerY + height / 2])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

type Outline = Polygon | MultiPolygon;

/**
 * The countries' outlines on the poster, as MapLibre draws them: each vertex in Web Mercator
 * (latitudes clamped at ±85.0511°) joined by straight lines, to a tenth of a CSS pixel; the same
 * path d3-geo draws with posterProjection, without its spherical clipping (our world is split at
 * the antimeridian, and the SVG's box clips the rest), which is most of d3-geo's work. Pure.
 */
export function posterPaths(
  countries: FeatureCollection<Outline, { iso3: string }>,
  width: number,
  height: number,
): Map<string, string> {
  const { worldSize, centerX, centerY } = worldFrame(width, height);
  const left = width / 2 - centerX;
  const top = height / 2 - centerY;
  const x = (lon: number) => Math.round((mercX(lon) * worldSize + left) * 10) / 10;
  const y = (lat: number) => Math.round((mercY(lat) * worldSize + top) * 10) / 10;
  const ring = (points: Position[]): string => {
    // GeoJSON closes a ring by repeating its first point; a path closes it with Z.
    const end = points.length > 1 ? points.length - 1 : points.length;
    let d = "";
    for (let i = 0; i < end; i++) {
      const [lon = 0, lat = 0] = points[i] as Position;
      d += `${i === 0 ? "M" : "L"}${x(lon)},${y(lat)}`;
    }
    return `${d}Z`;
  };
  const polygon = (rings: Position[][]) => rings.map(ring).join("");
  return new Map(
    countries.features.map((f) => [
      f.properties.iso3,
      f.geometry.type === "Polygon" ? polygon(f.geometry.coordinates) : f.geometry.coordinates.map(polygon).join(""),
    ]),
  );
}

/** The fallback map's projection: Equal Earth, equal-area, fitted to the container. */
export function fallbackProjection(width: number, height: number): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [FIT_PADDING, FIT_PADDING],
      [width - FIT_PADDING, height - FIT_PADDING],
    ],
    { type: "Sphere" },
  );
}
