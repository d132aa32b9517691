/**
 * The still of a view as DOM (text only): its picture, an SVG of the map drawn by the same code as
 * the downloads (Equal Earth: src/map/svg.ts, src/map/projected.ts), sized for link previews; and the block a frame shows
 * where scripts cannot run (headline, picture, legend, credit, link to the full map). Built once at
 * build time (scripts/stills.ts, in a DOM of happy-dom) and written into index.html; the page's
 * critical CSS (index.html) styles it, so it reads without the app's stylesheet.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { h, s } from "../dom.ts";
import { pictureAlt, STILL_HEIGHT, STILL_WIDTH, type Still } from "../embed/still.ts";
import { equalEarth, projectedDrawing } from "../map/projected.ts";
import { mapElements } from "../map/svg.ts";

/** The picture's background beyond the globe: white, as the downloaded images. */
const BACKGROUND = "#ffffff";

/** The map of a still, filling a 1200×630 picture (no text: a raster needs no fonts, and stays the same on every machine). */
export function stillSvg(
  still: Still,
  countries: FeatureCollection<Polygon | MultiPolygon, { iso3: string }>,
): SVGSVGElement {
  const size = { width: STILL_WIDTH, height: STILL_HEIGHT };
  const drawing = projectedDrawing(countries, equalEarth(size.width, size.height));
  return s(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: size.width,
      height: size.height,
      viewBox: `0 0 ${size.width} ${size.height}`,
    },
    s("rect", { width: size.width, height: size.height, fill: BACKGROUND }),
    ...mapElements(still.map, drawing, size, "globe"),
  );
}

/**
 * The no-script block of a still. `picture` is the picture's address relative to the page.
 * Loaded lazily: where the app runs the block is hidden and its picture never fetched.
 */
export function stillBlock(still: Still, picture: string): HTMLElement {
  const legend = h(
    "ul",
    { class: "still-legend", "aria-label": still.legendTitle },
    ...still.categories.map((category) =>
      h(
        "li",
        {},
        h("span", { class: "still-swatch", style: `background:${category.colour}`, "aria-hidden": "true" }),
        `${category.label} (${category.count})`,
      ),
    ),
  );
  // The page's main landmark where it shows (the app, with its own, is hidden then).
  return h(
    "main",
    { class: "still", "data-still": still.view, "aria-labelledby": `still-title-${still.view}` },
    h("h1", { class: "still-headline", id: `still-title-${still.view}` }, still.headline),
    h(
      "figure",
      { class: "still-figure" },
      h("img", {
        class: "still-picture",
        src: picture,
        alt: pictureAlt(still),
        width: String(STILL_WIDTH),
        height: String(STILL_HEIGHT),
        loading: "lazy",
        decoding: "async",
      }),
      h("figcaption", {}, h("span", { class: "still-legend-title" }, still.legendTitle), legend),
    ),
    h("p", { class: "still-credit" }, still.credit),
    h(
      "p",
      { class: "still-actions" },
      h(
        "a",
        { class: "still-link", href: still.href, target: "_blank", rel: "noopener" },
        "Open the interactive map",
        h("span", { "aria-hidden": "true" }, " ↗"),
        h("span", { class: "still-hidden" }, " (opens in a new tab)"),
      ),
      h("span", { class: "still-note" }, " A picture of the view: this frame cannot run the interactive map."),
    ),
  );
}

/** The other views' blocks, inert until chosen (their pictures load only then). */
export function stillTemplate(block: HTMLElement): HTMLTemplateElement {
  const template = h("template", { "data-still": block.dataset.still });
  template.content.append(block);
  return template;
}
