/**
 * The SVG map's frame as a d3 Mercator projection: the oracle the tests hold posterDrawing
 * (src/map/frame.ts, plain arithmetic) to. precision(0): each edge a straight line in Mercator, as
 * MapLibre draws it (d3's adaptive resampling would bend it along the great circle).
 */
import { type GeoProjection, geoMercator } from "d3-geo";
import { worldFrame } from "../../../src/map/frame.ts";

export function posterProjection(width: number, height: number): GeoProjection {
  const { worldSize, centerX, centerY } = worldFrame(width, height);
  return geoMercator()
    .precision(0)
    .scale(worldSize / (2 * Math.PI))
    .translate([worldSize / 2 - centerX + width / 2, worldSize / 2 - centerY + height / 2])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}
