// Minimal types for build-time packages that ship none.
declare module "d3-geo-projection" {
  import type { GeoProjection } from "d3-geo";
  export function geoProject<T>(object: T, projection: GeoProjection): T;
}
declare module "topojson-server" {
  import type { Topology } from "topojson-specification";
  export function topology(objects: Record<string, unknown>, quantization?: number): Topology;
}
declare module "topojson-simplify" {
  import type { Topology } from "topojson-specification";
  export function presimplify(topology: Topology): Topology;
  export function simplify(topology: Topology, minWeight: number): Topology;
  export function quantile(topology: Topology, p: number): number;
}
