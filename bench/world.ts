/**
 * What the three benchmark pages share: our world geometry (data/world.json through
 * topojson-client), the colours they draw it in and the readiness signal on failure. No app code.
 */
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

// The app's light ocean and land, so the pages draw the same picture as the app.
export const OCEAN = "#dfe8ef";
export const LAND = "#f4f1ea";
export const BORDER = "#a8a59c";

export async function loadCountries(): Promise<FeatureCollection> {
  const response = await fetch("./data/world.json");
  const topology = (await response.json()) as Topology;
  return feature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection;
}

export function mapContainer(): HTMLElement {
  const container = document.getElementById("map");
  if (!container) throw new Error("#map is missing");
  return container;
}

/** Runs a page; a failure sets `data-ready="error"` as the app does (DESIGN §3). */
export function runPage(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    console.error(error);
    document.documentElement.dataset.ready = "error";
  });
}
