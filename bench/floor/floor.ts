/**
 * The floor of the benchmark: the least any map on this stack can cost. MapLibre draws our world
 * geometry (data/world.json through topojson-client) as a fill and an outline, deck.gl's
 * MapboxOverlay (interleaved: true, as the app: one WebGL context) draws one point on top, and the page signals
 * ready as the app does (DESIGN §3): `data-ready="true"` on <html> once the map is idle and the
 * overlay has rendered. No app code, no dataset, no UI. Built by bench/floor/vite.config.ts.
 */
import { ScatterplotLayer } from "@deck.gl/layers";
import { MapboxOverlay } from "@deck.gl/mapbox";
import { mountWorldMap } from "../maplibre-map.ts";
import { loadCountries, mapContainer, runPage } from "../world.ts";

const WASHINGTON: [number, number] = [-77.04, 38.9];

runPage(async () => {
  const map = mountWorldMap(mapContainer(), await loadCountries());
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
});
