/** Our topology → GeoJSON countries with an `iso3` property (MapLibre drops string feature ids). Pure. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
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
