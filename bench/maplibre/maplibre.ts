/**
 * MapLibre alone: the floor page (bench/floor/) without deck.gl. MapLibre draws our world geometry
 * as a fill and an outline and the page sets `data-ready="true"` once the map is idle. Beside the
 * floor it shows what deck.gl costs; beside the d3 anchor (bench/d3/), what MapLibre costs.
 * Built by bench/maplibre/vite.config.ts.
 */
import type { FeatureCollection } from "geojson";
import { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

// The app's light palette and world view, so both pages draw the same picture.
const OCEAN = "#dfe8ef";
const LAND = "#f4f1ea";
const BORDER = "#a8a59c";

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

  map.once("idle", () => {
    document.documentElement.dataset.ready = "true";
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
