/**
 * The drawing of the downloadable pictures (the PNG and SVG downloads, the stills of link previews
 * and script-less frames): the world in Equal Earth, equal-area, fitted to the picture, drawn by
 * d3-geo. Loaded with the downloads' code and at build time, never for the live map.
 */
import { type GeoProjection, geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Drawing } from "./svg.ts";

type Countries = FeatureCollection<Polygon | MultiPolygon, { iso3: string }>;

const FIT_PADDING = 8;

/** Equal Earth, fitted to a picture of this size with a small margin. */
export function equalEarth(width: number, height: number): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [FIT_PADDING, FIT_PADDING],
      [width - FIT_PADDING, height - FIT_PADDING],
    ],
    { type: "Sphere" },
  );
}

/** The countries (wound for d3: withD3Winding) and the rest of a picture in a projection. */
export function projectedDrawing(countries: Countries, projection: GeoProjection): Drawing {
  // A tenth of a CSS pixel is finer than any screen draws: shorter strings to build and parse.
  const path = geoPath(projection).digits(1);
  return {
    outlines: new Map(countries.features.map((f) => [f.properties.iso3, path(f) ?? ""])),
    point: (lonLat) => {
      const [x, y] = projection(lonLat) ?? [-99, -99];
      return [x, y];
    },
    line: (points) => path({ type: "LineString", coordinates: [...points] }) ?? "",
    sphere: path({ type: "Sphere" }) ?? "",
  };
}
