/**
 * The floor of the benchmark: the least any map on this stack can cost. MapLibre draws our world
 * geometry (data/world.json through topojson-client) as a fill and an outline, deck.gl's
 * MapboxOverlay (interleaved: true, as the app: one WebGL context) draws one point on top, and the page signals
 * ready as the app does (DESIGN §3): `data-ready="true"` on <html> once the map is idle and the
 * overlay has rendered. No app code, no dataset, no UI. Built by bench/floor/vite.config.ts.
 */
import { ScatterplotLayer } from "@deck.gl/layers";
import { MapboxOverlay } from "@deck.gl/mapbox";
import type { FeatureCollection } from "geojson";
import { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

// The app's light palette and world view, so both pages draw the same picture.
const OCEAN = "#dfe8ef";
const LAND = "#f4f1ea";
const BORDER = "#a8a59c";
const WASHINGTON: [number, number] = [-77.04, 38.9];

async function start(): Promise<void> {
  const response = await fetch("./data/world.json");
  const topology = (await response.json()) as Topology;
  const countries = feature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection;

  const container = document.getElementById("map");
  if (!container) throw new Error("#map is missing");
  const map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources: { countries: { type: "geojson", data: countries } },
      layers: [
        { id: "ocean", type: "background", paint: { "background-color": OCEAN } },
        { id: "fill", type: "fill", source: "countries", paint: { "fill-color": LAND } },
        { id: "outline", type: "line", source: "countries", paint: { "line-color": BORDER, "line-width": 0.3 } },
      ],
    },
    bounds: [
      [-168, -56],
      [190, 75],
    ],
    fitBoundsOptions: { padding: 8 },
    renderWorldCopies: false,
    attributionControl: false,
  });

  let overlayDrawn = false;
  let idle = false;
  const check = () => {
    if (overlayDrawn && idle) document.documentElement.dataset.ready = "true";
  };
  const overlay = new MapboxOverlay({
    interleaved: true,
    layers: [
      new ScatterplotLayer<[number, number]>({
        id: "hub",
        data: [WASHINGTON],
        radiusUnits: "pixels",
        getRadius: 6,
        getPosition: (p) => p,
        getFillColor: [200, 60, 40, 255],
      }),
    ],
    onAfterRender: () => {
      overlayDrawn = true;
      check();
    },
  });
  map.addControl(overlay);
  map.once("idle", () => {
    idle = true;
    check();
  });
  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = {
    project: (lon: number, lat: number) => {
      const point = map.project([lon, lat]);
      return [point.x, point.y];
    },
  };
}

start().catch((error: unknown) => {
  console.error(error);
  document.documentElement.dataset.ready = "error";
});
