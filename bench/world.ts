/**
 * What the three benchmark pages share: our world geometry (data/world.json through
 * topojson-client), the colours and widths they draw it in (the app's, see page-config.ts) and the
 * readiness signal on failure. No app code.
 */
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { BenchLook } from "./page-config.ts";

/** Put in at build time by bench/page-config.ts, from the app's marks table. */
declare const __BENCH_LOOK__: BenchLook;

// The app's ocean, land and country outlines in its light theme, so the pages draw what it draws.
export const OCEAN = __BENCH_LOOK__.ocean;
export const LAND = __BENCH_LOOK__.land;
export const BORDER = __BENCH_LOOK__.border;
/** The outline's width on the SVG map, and in MapLibre as [zoom, width, …] stops. */
export const BORDER_WIDTH = __BENCH_LOOK__.borderWidth;
export const BORDER_WIDTH_BY_ZOOM = __BENCH_LOOK__.borderWidthByZoom;

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
