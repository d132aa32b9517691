/**
 * MapLibre alone: the floor page (bench/floor/) without deck.gl. MapLibre draws our world geometry
 * as a fill and an outline and the page sets `data-ready="true"` once the map is idle. Beside the
 * floor it shows what deck.gl costs; beside the d3 anchor (bench/d3/), what MapLibre costs.
 * Built by bench/maplibre/vite.config.ts.
 */
import { mountWorldMap } from "../maplibre-map.ts";
import { loadCountries, mapContainer, runPage } from "../world.ts";

runPage(async () => {
  const map = mountWorldMap(mapContainer(), await loadCountries());
  map.once("idle", () => {
    document.documentElement.dataset.ready = "true";
  });
});
