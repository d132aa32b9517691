/** Our topology → GeoJSON countries with an `iso3` property (MapLibre drops string feature ids). Pure. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export function countryFeatures(topology: Topology): FeatureCollection<Polygon | MultiPolygon, { iso3: string }> {
  const object = topology.objects.countries as GeometryCollection | undefined;
  if (!object) throw new Error("world.json has no countries object");
  const collection = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon>;
  return {
    type: "FeatureCollection",
    features: collection.features.map(
      (f): Feature<Polygon | MultiPolygon, { iso3: string }> => ({
        type: "Feature",
        properties: { iso3: String(f.id) },
        geometry: f.geometry,
      }),
    ),
  };
}

/**
 * The same countries with d3's winding (exterior rings clockwise). Our geometry follows RFC 7946
 * (counter-clockwise) for MapLibre; d3-geo reads a counter-clockwise ring as the rest of the globe.
 */
export function withD3Winding<T extends FeatureCollection<Polygon | MultiPolygon, { iso3: string }>>(collection: T): T {
  const reverse = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === "Polygon"
          ? { type: "Polygon", coordinates: reverse(f.geometry.coordinates) }
          : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map(reverse) },
    })),
  };
}
