/**
 * The MapLibre map of the floor page (bench/floor/) and the MapLibre-alone page (bench/maplibre/):
 * our world geometry as a fill and an outline in the app's world view, and `project` exposed to
 * the benchmark as the app exposes it.
 */
import type { FeatureCollection } from "geojson";
import { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { BORDER, BORDER_WIDTH_BY_ZOOM, LAND, OCEAN } from "./world.ts";

export function mountWorldMap(container: HTMLElement, countries: FeatureCollection): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources: { countries: { type: "geojson", data: countries } },
      layers: [
        { id: "ocean", type: "background", paint: { "background-color": OCEAN } },
        { id: "fill", type: "fill", source: "countries", paint: { "fill-color": LAND } },
        {
          id: "outline",
          type: "line",
          source: "countries",
          paint: { "line-color": BORDER, "line-width": ["interpolate", ["linear"], ["zoom"], ...BORDER_WIDTH_BY_ZOOM] },
        },
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
  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = {
    project: (lon: number, lat: number) => {
      const point = map.project([lon, lat]);
      return [point.x, point.y];
    },
  };
  return map;
}
