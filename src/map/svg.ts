/**
 * The SVG map, drawn with d3-geo: the poster shown at once while the WebGL map loads (Mercator,
 * placed exactly where MapLibre will draw), and the whole interactive map when WebGL is missing or
 * lost (Equal Earth). Same MapView, so the same colours, outlines, arcs and markers.
 */
import { type GeoProjection, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { s } from "../dom.ts";
import { MARKS } from "./marks.ts";
import { cssColour, type MapRenderer, type MapTarget, type MapView, type RendererOptions } from "./view.ts";

export type SvgProjection = (width: number, height: number) => GeoProjection;

type Country = Feature<Polygon | MultiPolygon, { iso3: string }>;

export interface SvgMap extends MapRenderer {
  /** The <svg> element (for export). */
  element(): SVGSVGElement;
}

export function mountSvgMap(
  container: HTMLElement,
  /** Each country's outline (iso3 → SVG path) at a size: countryPaths, or something quicker that draws the same (posterPaths). */
  outlines: (projection: GeoProjection, width: number, height: number) => Map<string, string>,
  initial: MapView,
  projectionOf: SvgProjection,
  options: Partial<RendererOptions> & {
    label: string;
    /** "bitmap": show the picture through a CPU-drawn canvas (see paintUnder), e.g. for the poster. */
    picture?: "svg" | "bitmap";
  },
): SvgMap {
  const svg = s("svg", { class: "svg-map", role: "img", "aria-label": options.label });
  container.append(svg);
  const bitmap = options.picture === "bitmap" ? paintUnder(svg) : null;
  let view = initial;
  let projection = projectionOf(1, 1);
  let paths = new Map<string, string>();
  let size = { width: 0, height: 0 };

  const measure = () => {
    const box = container.getBoundingClientRect();
    return { width: Math.max(1, box.width), height: Math.max(1, box.height) };
  };
  /** Country outlines depend only on the size: project them once per size, not per state change. */
  const reproject = () => {
    size = measure();
    projection = projectionOf(size.width, size.height);
    paths = outlines(projection, size.width, size.height);
  };

  const draw = () => {
    svg.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
    svg.setAttribute("width", String(size.width));
    svg.setAttribute("height", String(size.height));
    svg.replaceChildren(...mapElements(view, paths, projection, size));
    bitmap?.paint(size);
  };
  /**
   * A hover changes only the highlighted outlines and arcs: replace those groups, not the ~250
   * country paths, which the browser would rasterise again in full (hundreds of ms in software).
   */
  const redrawHover = () => {
    svg.querySelector("g.highlight")?.replaceChildren(...highlightElements(view, paths));
    svg.querySelector("g.arcs")?.replaceChildren(...arcElements(view, projection));
    bitmap?.paint(size);
  };

  const targetOf = (event: Event): MapTarget => {
    const el = event.target as Element | null;
    const iso3 = el?.getAttribute?.("data-iso3");
    const arc = el?.getAttribute?.("data-arc");
    if (iso3 && arc) return { kind: "arc", id: arc, iso3 };
    return iso3 ? { kind: "country", iso3 } : null;
  };
  const pointOf = (event: MouseEvent) => {
    const box = container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  svg.addEventListener("pointermove", (event) => options.onHover?.(targetOf(event), pointOf(event)));
  svg.addEventListener("pointerleave", () => options.onHover?.(null, { x: 0, y: 0 }));
  svg.addEventListener("click", (event) => options.onClick?.(targetOf(event)));

  // Redraw only when the size really changed: the observer also reports the size it starts with,
  // and every redraw makes the browser rasterise the whole map again.
  const observer = new ResizeObserver(() => {
    const next = measure();
    if (next.width === size.width && next.height === size.height) return;
    reproject();
    draw();
  });
  observer.observe(container);
  reproject();
  draw();
  requestAnimationFrame(() => options.onReady?.());

  return {
    update(next) {
      if (next === view) return;
      const hoverOnly = sameDrawing(view, next);
      view = next;
      if (hoverOnly) redrawHover();
      else draw();
    },
    flyTo() {
      // The SVG map does not zoom; the selected country is outlined instead.
    },
    project(lon, lat) {
      const [x, y] = projection([lon, lat]) ?? [Number.NaN, Number.NaN];
      return [x, y];
    },
    element: () => svg,
    destroy() {
      observer.disconnect();
      bitmap?.remove();
      svg.remove();
    },
  };
}

/**
 * Shows an SVG through a canvas painted on the CPU, placed under the SVG, which turns transparent
 * and still takes the pointer (hover, click) and the screen reader's label. Why: a browser that
 * rasterises on the GPU draws every path of a full-size SVG map in the GPU process, which is where
 * the WebGL map is being set up at the same moment; on a software GPU that delayed the WebGL map
 * by about 2 s. A 2D canvas created with `willReadFrequently` stays in CPU memory: it is
 * rasterised once, here, and handed to the compositor as a plain image.
 */
function paintUnder(svg: SVGSVGElement): { paint(size: { width: number; height: number }): void; remove(): void } {
  const canvas = document.createElement("canvas");
  canvas.className = "svg-map-bitmap";
  canvas.setAttribute("aria-hidden", "true");
  svg.before(canvas);
  return {
    paint(size) {
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(size.width * ratio);
      canvas.height = Math.round(size.height * ratio);
      canvas.style.width = `${size.width}px`;
      canvas.style.height = `${size.height}px`;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) return; // the SVG stays visible
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      paintShapes(context, svg);
      // Transparent at once: painted even for one frame, the SVG costs its whole rasterisation.
      svg.classList.add("is-transparent");
    },
    remove() {
      canvas.remove();
    },
  };
}

/**
 * Paints the shapes mapElements makes (rect, path, circle; fill, stroke, width, dashes, caps) in
 * document order, straight from their attributes: no serialising and decoding the SVG as an image.
 */
export function paintShapes(context: CanvasRenderingContext2D, root: Element): void {
  for (const shape of root.querySelectorAll("rect, path, circle")) {
    const attr = (name: string) => shape.getAttribute(name);
    const num = (name: string) => Number(attr(name) ?? 0);
    let outline: Path2D;
    if (shape.tagName === "path") outline = new Path2D(attr("d") ?? "");
    else {
      outline = new Path2D();
      if (shape.tagName === "rect") outline.rect(num("x"), num("y"), num("width"), num("height"));
      else outline.arc(num("cx"), num("cy"), num("r"), 0, 2 * Math.PI);
    }
    const fill = attr("fill");
    if (fill && fill !== "none") {
      context.fillStyle = fill;
      context.fill(outline);
    }
    const stroke = attr("stroke");
    if (stroke && stroke !== "none") {
      context.strokeStyle = stroke;
      context.lineWidth = num("stroke-width") || 1;
      context.lineCap = (attr("stroke-linecap") as CanvasLineCap | null) ?? "butt";
      context.miterLimit = 4; // SVG's default (the canvas's is 10)
      context.setLineDash(
        (attr("stroke-dasharray") ?? "")
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number),
      );
      context.stroke(outline);
    }
  }
}

/**
 * The SVG elements of a map: ocean, countries, dashed and highlighted outlines, arcs, markers and
 * the hub. Shared by the live SVG map and the downloadable image.
 */
export function mapElements(
  view: MapView,
  paths: ReadonlyMap<string, string>,
  projection: GeoProjection,
  size: { width: number; height: number },
  /** Paint the whole frame as ocean (live map) or only the globe's outline (downloads). */
  ocean: "frame" | "globe" = "frame",
): SVGElement[] {
  const theme = view.theme;
  const border = { stroke: MARKS.border.colour[theme], "stroke-width": MARKS.border.width };
  const path = geoPath(projection).digits(1);
  const countryPaths = [...paths].map(([iso3, d]) =>
    s("path", {
      d,
      fill: view.colours.get(iso3) ?? view.land,
      ...border,
      "data-iso3": iso3,
    }),
  );
  const point = (lonLat: [number, number]) => projection(lonLat) ?? [-99, -99];
  const markers = view.markers.map((m) => {
    const [x, y] = point(m.position);
    return s("circle", {
      cx: x,
      cy: y,
      r: MARKS.marker.radius,
      fill: cssColour(m.fill),
      stroke: cssColour(m.outline),
      "stroke-width": MARKS.marker.outlineWidth,
      "data-iso3": m.iso3,
    });
  });
  const hub = view.hub;
  const hubMark = hub
    ? [
        s("circle", {
          cx: point(hub.position)[0],
          cy: point(hub.position)[1],
          r: MARKS.hub.radius,
          fill: cssColour(hub.fill),
          stroke: cssColour(hub.outline),
          "stroke-width": MARKS.hub.outlineWidth,
        }),
      ]
    : [];
  return [
    ...(ocean === "frame"
      ? [s("rect", { width: size.width, height: size.height, fill: MARKS.ocean.colour[theme] })]
      : []),
    s("path", { d: path({ type: "Sphere" }) ?? "", fill: MARKS.ocean.colour[theme], ...border }),
    s("g", { class: "countries" }, ...countryPaths),
    s(
      "g",
      { class: "uncertain" },
      ...outlines(view.uncertain, paths, {
        stroke: MARKS.uncertain.colour[theme],
        "stroke-width": MARKS.uncertain.width,
        "stroke-dasharray": MARKS.uncertain.dash.join(" "),
      }),
    ),
    s("g", { class: "highlight" }, ...highlightElements(view, paths)),
    s("g", { class: "arcs" }, ...arcElements(view, projection)),
    s("g", { class: "markers" }, ...markers),
    ...hubMark,
  ];
}

/**
 * Two views that differ at most in what a hover changes: highlighted outlines and arcs. The
 * colours and dashed outlines are memoised (src/present/map.ts), so the same ones are the same
 * objects; markers take their country's colour and the hub its theme, so with the same colours
 * and theme they differ only if they come or go.
 */
export function sameDrawing(a: MapView, b: MapView): boolean {
  return (
    a.theme === b.theme &&
    a.land === b.land &&
    a.colours === b.colours &&
    a.uncertain === b.uncertain &&
    a.markers.length === b.markers.length &&
    (a.hub === null) === (b.hub === null) &&
    a.arcs.length === b.arcs.length
  );
}

function outlines(
  codes: readonly string[],
  paths: ReadonlyMap<string, string>,
  attrs: Record<string, string | number>,
): SVGElement[] {
  return codes.map((iso3) => s("path", { d: paths.get(iso3) ?? "", fill: "none", ...attrs }));
}

function highlightElements(view: MapView, paths: ReadonlyMap<string, string>): SVGElement[] {
  return outlines(view.highlight, paths, {
    stroke: MARKS.highlight.colour[view.theme],
    "stroke-width": MARKS.highlight.width,
  });
}

function arcElements(view: MapView, projection: GeoProjection): SVGElement[] {
  // To a tenth of a pixel, as the outlines (countryPaths): drawn again on every hover.
  const path = geoPath(projection).digits(1);
  return view.arcs.map((a) =>
    s("path", {
      d: path({ type: "LineString", coordinates: a.path }) ?? "",
      fill: "none",
      stroke: cssColour(a.colour),
      "stroke-width": a.highlighted ? MARKS.arc.highlightedWidth : MARKS.arc.width,
      "stroke-linecap": "round",
      "data-arc": a.arc.id,
      "data-iso3": a.arc.iso3,
    }),
  );
}

/** Each country's outline as an SVG path for a projection. */
export function countryPaths(
  countries: FeatureCollection<Polygon | MultiPolygon, { iso3: string }>,
  projection: GeoProjection,
): Map<string, string> {
  // A tenth of a CSS pixel is finer than any screen draws: shorter strings to build and parse.
  const path = geoPath(projection).digits(1);
  return new Map(countries.features.map((f: Country) => [f.properties.iso3, path(f) ?? ""]));
}
