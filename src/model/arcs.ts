/**
 * Great-circle arcs from Washington to each partner's label point, as flat polylines cut at the
 * antimeridian so no arc is drawn the long way across the map. Pure.
 */
import { geoDistance, geoInterpolate } from "d3-geo";
import type { Agreement, Iso3, Place } from "../types.ts";
import type { Status } from "./status.ts";

/** Washington, DC: where the pacts were signed or announced, the hub of every arc. */
export const WASHINGTON: [number, number] = [-77.04, 38.9];

export interface Arc {
  /** The agreement the arc stands for. */
  id: string;
  iso3: Iso3;
  status: Status;
  date: string;
  /** One or two polylines of [lon, lat] (two when the arc crosses ±180°). */
  paths: [number, number][][];
}

/** Points along the great circle from `from` to `to`, roughly one per `stepDegrees` of arc. */
export function greatCircle(from: [number, number], to: [number, number], stepDegrees = 2): [number, number][] {
  const degrees = (geoDistance(from, to) * 180) / Math.PI;
  const steps = Math.max(2, Math.ceil(degrees / stepDegrees));
  const at = geoInterpolate(from, to);
  return Array.from({ length: steps + 1 }, (_, i) => at(i / steps) as [number, number]);
}

/**
 * Splits a polyline where it crosses the antimeridian (a jump of more than 180° in longitude),
 * adding the crossing point on both sides so each part reaches the map's edge.
 */
export function splitAtAntimeridian(line: readonly [number, number][]): [number, number][][] {
  const parts: [number, number][][] = [];
  let current: [number, number][] = [];
  for (const point of line) {
    const previous = current[current.length - 1];
    if (previous && Math.abs(point[0] - previous[0]) > 180) {
      const east = previous[0] > 0 ? 180 : -180;
      const shifted = point[0] + (east > 0 ? 360 : -360);
      const t = (east - previous[0]) / (shifted - previous[0]);
      const lat = previous[1] + t * (point[1] - previous[1]);
      current.push([east, lat]);
      parts.push(current);
      current = [[-east, lat]];
    }
    current.push(point);
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

/**
 * One arc per dated pact (kind `pact`) with a partner on the map, signed on or before `date`. A
 * country's several pacts give several arcs (each hoverable), drawn over one another. Other
 * minerals-related deals colour the country but get no arc.
 */
export function arcsFor(
  agreements: readonly Agreement[],
  places: ReadonlyMap<Iso3, Place>,
  statusOf: (agreement: Agreement) => Status,
  date: string,
): Arc[] {
  const arcs: Arc[] = [];
  for (const agreement of agreements) {
    const place = places.get(agreement.iso3);
    if (agreement.kind !== "pact" || agreement.date === null || agreement.date > date) continue;
    if (!place || agreement.iso3 === "USA") continue;
    arcs.push({
      id: agreement.id,
      iso3: agreement.iso3,
      status: statusOf(agreement),
      date: agreement.date,
      paths: splitAtAntimeridian(greatCircle(WASHINGTON, place.label)),
    });
  }
  return arcs;
}
