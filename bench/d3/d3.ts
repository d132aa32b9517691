/**
 * The benchmark's anchor: what a newsroom graphic of this map costs. d3-geo draws our world
 * geometry (data/world.json through topojson-client) as an SVG choropleth in Mercator with the
 * app's palette, each country coloured by one of five classes (from its code: the anchor carries
 * no dataset, as a graphic built on a small table would) and answering hover with its name in a
 * title. `data-ready="true"` on <html> once the SVG is on screen (the frame after it is appended).
 * No WebGL, no app code. Built by bench/d3/vite.config.ts.
 */
import { geoMercator, geoPath } from "d3-geo";
import type { Feature } from "geojson";
import { BORDER, BORDER_WIDTH, LAND, loadCountries, mapContainer, OCEAN, runPage } from "../world.ts";

const CLASSES = [LAND, "#0b6fa4", "#56b4e9", "#009e73", "#e69f00"];
const SVG = "http://www.w3.org/2000/svg";

async function start(): Promise<void> {
  const countries = await loadCountries();
  const container = mapContainer();
  const { width, height } = container.getBoundingClientRect();
  // Our geometry winds exterior rings as RFC 7946 (counter-clockwise): d3 wants them clockwise.
  // Without Antarctica, as most Mercator graphics: its ring along the pole goes to infinity in
  // Mercator, and once in view (a tall phone) its fill covered the whole map.
  const features = countries.features.filter((f) => String(f.id) !== "ATA").map((f) => reverseRings(f));
  // Clipped to the map, as the app's SVG map is.
  const projection = geoMercator()
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      { type: "FeatureCollection", features },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "World map");
  svg.style.background = OCEAN;
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const id = String(f.id ?? "");
    const shape = document.createElementNS(SVG, "path");
    shape.setAttribute("d", d);
    shape.setAttribute("fill", CLASSES[(id.charCodeAt(0) + id.charCodeAt(1)) % CLASSES.length] ?? OCEAN);
    shape.setAttribute("stroke", BORDER);
    shape.setAttribute("stroke-width", String(BORDER_WIDTH));
    const title = document.createElementNS(SVG, "title");
    title.textContent = id;
    shape.append(title);
    svg.append(shape);
  }
  container.append(svg);
  requestAnimationFrame(() => {
    document.documentElement.dataset.ready = "true";
  });
}

function reverseRings(f: Feature): Feature {
  const g = f.geometry;
  if (g.type === "Polygon")
    return { ...f, geometry: { ...g, coordinates: g.coordinates.map((r) => [...r].reverse()) } };
  if (g.type === "MultiPolygon") {
    return { ...f, geometry: { ...g, coordinates: g.coordinates.map((p) => p.map((r) => [...r].reverse())) } };
  }
  return f;
}

runPage(start);
