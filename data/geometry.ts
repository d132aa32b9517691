/**
 * Turns Natural Earth countries (world-atlas 50m) into the app's own topology: every feature keyed
 * by ISO 3166-1 alpha-3, rings cut at the antimeridian (so planar renderers draw no bands across
 * the map), simplified and quantised; plus one label point and a size class per place.
 */
import { geoArea, geoEquirectangular } from "d3-geo";
import { geoProject } from "d3-geo-projection";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import polylabel from "polylabel";
import { merge, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MARKER_AREA_KM2 } from "../src/config.ts";
import { DataError, type DataIssue } from "../src/data/csv.ts";
import type { Place } from "../src/types.ts";

/** Share of arc points kept by simplification (by weight quantile). */
const SIMPLIFY_KEEP = 0.18;
const QUANTIZATION = 5e4;
const EARTH_RADIUS_KM = 6371.0088;

export interface CountryRow {
  line: number;
  iso3: string;
  isoNumeric: string;
  name: string;
  altNames: string[];
  label: [number, number] | null;
  kind: "country" | "organisation";
}

export interface OverrideRow {
  line: number;
  featureName: string;
  iso3: string;
}

const OVERRIDES_FILE = "data/topology-overrides.csv";

export interface World {
  topology: Topology;
  places: Place[];
}

type NamedGeometry = GeometryCollection["geometries"][number] & { properties?: { name?: string } };

/** Builds the app's topology and place list from world-atlas and our curated tables. */
export function buildWorld(source: Topology, countries: CountryRow[], overrides: OverrideRow[]): World {
  const byNumeric = new Map(countries.filter((c) => c.isoNumeric).map((c) => [c.isoNumeric, c.iso3]));
  const overrideOf = new Map(overrides.map((o) => [o.featureName, o]));
  // A feature with no row yet is reported where its row belongs: the line after the file's last.
  const endOfOverrides = Math.max(1, ...overrides.map((o) => o.line)) + 1;
  const known = new Set(countries.map((c) => c.iso3));
  const issues: DataIssue[] = [];
  const groups = new Map<string, NamedGeometry[]>();
  const collection = source.objects.countries as GeometryCollection;
  for (const geometry of collection.geometries as NamedGeometry[]) {
    const name = geometry.properties?.name ?? "(unnamed)";
    const override = overrideOf.get(name);
    const iso3 = override?.iso3 ?? (geometry.id === undefined ? undefined : byNumeric.get(String(geometry.id)));
    if (override && !known.has(override.iso3)) {
      issues.push({
        file: OVERRIDES_FILE,
        line: override.line,
        field: "iso3",
        reason: `"${override.iso3}" (for world-atlas feature "${name}") is not a code in data/countries.csv`,
      });
      continue;
    }
    if (!iso3 || !known.has(iso3)) {
      issues.push({
        file: OVERRIDES_FILE,
        line: endOfOverrides,
        field: "feature_name",
        reason: `world-atlas feature "${name}" (id ${geometry.id ?? "none"}) has no ISO3 code: add a row for it at the end of the file`,
      });
      continue;
    }
    groups.set(iso3, [...(groups.get(iso3) ?? []), geometry]);
  }
  if (issues.length > 0) throw new DataError(issues);

  const features: Feature<Polygon | MultiPolygon>[] = [];
  const areas = new Map<string, number>();
  const labels = new Map<string, [number, number]>();
  for (const [iso3, geometries] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const spherical = merge(source, geometries as never) as MultiPolygon;
    // d3 reads a ring wound the other way as the rest of the sphere: take the smaller side.
    const steradians = geoArea(spherical);
    areas.set(iso3, Math.min(steradians, 4 * Math.PI - steradians) * EARTH_RADIUS_KM ** 2);
    const planar = cutAtAntimeridian(spherical);
    if (planar.coordinates.length === 0) continue;
    labels.set(iso3, labelPoint(planar));
    features.push({ type: "Feature", id: iso3, properties: {}, geometry: planar });
  }

  const collectionOut: FeatureCollection = { type: "FeatureCollection", features };
  let topo = topology({ countries: collectionOut });
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, SIMPLIFY_KEEP));
  topo = quantize(topo as never, QUANTIZATION) as Topology; // delta-encoded integers: simplify leaves absolute floats
  stripToIds(topo);

  const places: Place[] = [];
  for (const c of countries) {
    if (c.kind === "organisation") continue;
    const hasShape = labels.has(c.iso3);
    const label = c.label ?? labels.get(c.iso3);
    if (!label) continue; // not drawable: the dataset check fails if a record needs it
    places.push({
      iso3: c.iso3,
      name: c.name,
      altNames: c.altNames,
      label,
      marker: !hasShape || (areas.get(c.iso3) ?? 0) < MARKER_AREA_KM2,
    });
  }
  return { topology: topo, places };
}

/** Cuts spherical rings at ±180° (d3-geo's antimeridian clipping) and returns planar lon/lat rings. */
export function cutAtAntimeridian(geometry: Polygon | MultiPolygon): MultiPolygon {
  const degrees = geoEquirectangular()
    .scale(180 / Math.PI)
    .translate([0, 0])
    .reflectY(true)
    .precision(0);
  const projected = geoProject(geometry, degrees) as Polygon | MultiPolygon | null;
  if (!projected) return { type: "MultiPolygon", coordinates: [] };
  const polygons = projected.type === "Polygon" ? [projected.coordinates] : projected.coordinates;
  return {
    type: "MultiPolygon",
    coordinates: polygons.map((rings) => rings.map((ring, i) => orient(ring.map(round), i === 0))),
  };
}

/** Pole of inaccessibility of the largest polygon: on the mainland, inside the shape. */
export function labelPoint(geometry: MultiPolygon): [number, number] {
  let best = geometry.coordinates[0] ?? [];
  for (const polygon of geometry.coordinates) {
    if (Math.abs(ringArea(polygon[0] ?? [])) > Math.abs(ringArea(best[0] ?? []))) best = polygon;
  }
  const [lon = 0, lat = 0] = polylabel(best as [number, number][][], 0.01);
  return [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
}

function round(p: Position): Position {
  return [Math.round((p[0] ?? 0) * 1e5) / 1e5, Math.round((p[1] ?? 0) * 1e5) / 1e5];
}

/** Planar signed area (shoelace) scaled by cos(mean latitude), so high-latitude islands do not win. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  let latitudes = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
    latitudes += y2;
  }
  const meanLatitude = ring.length > 0 ? latitudes / ring.length : 0;
  return (sum / 2) * Math.cos((meanLatitude * Math.PI) / 180);
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function orient(ring: Position[], exterior: boolean): Position[] {
  const ccw = ringArea(ring) > 0;
  return ccw === exterior ? ring : [...ring].reverse();
}

/** Keeps only what the app reads: the ISO3 id of each geometry. */
function stripToIds(topo: Topology): void {
  const collection = topo.objects.countries as GeometryCollection;
  for (const g of collection.geometries) delete (g as { properties?: unknown }).properties;
  delete (topo as { bbox?: unknown }).bbox;
}
