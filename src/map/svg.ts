/**
 * The SVG map: the interactive map every page starts with, and the map for good when WebGL is
 * missing or lost, drawn in the frame the WebGL map uses (Mercator, placed exactly where MapLibre
 * draws: src/map/frame.ts), and the downloadable pictures (Equal Earth, with d3-geo:
 * src/map/projected.ts). Same MapView, so the same colours, outlines, arcs and markers. No d3-geo
 * here: the first draw needs none of it.
 */
import { s } from "../dom.ts";
import { finish, inSlices, type Job } from "../slices.ts";
import { MARKS } from "./marks.ts";
import { cssColour, type MapRenderer, type MapTarget, type MapView, type RendererOptions } from "./view.ts";

/** Where things go on one picture of the map, in CSS pixels. */
export interface Drawing {
  /** Each country's outline as an SVG path, by ISO3 code. */
  outlines: ReadonlyMap<string, string>;
  /** [longitude, latitude] → [x, y]. */
  point(lonLat: [number, number]): [number, number];
  /** A line through [longitude, latitude] points (one part of an arc), as an SVG path. */
  line(points: readonly [number, number][]): string;
  /** The globe's outline, painted as ocean. */
  sphere: string;
}

/** The drawing at a size (a new one when the map's box changes), made by a job (src/slices.ts). */
export type DrawingAt = (width: number, height: number) => Job<Drawing>;

export interface SvgMap extends MapRenderer {
  /** The <svg> element (for export). */
  element(): SVGSVGElement;
}

export function mountSvgMap(
  container: HTMLElement,
  initial: MapView,
  drawingAt: DrawingAt,
  options: Partial<RendererOptions> & {
    label: string;
    /** "bitmap": show the picture through a CPU-drawn canvas (see paintUnder), e.g. for the poster. */
    picture?: "svg" | "bitmap";
    /**
     * Make the first picture in short slices between which the browser takes input and renders
     * (src/slices.ts), and show it whole once made: for a map drawn while the page starts.
     */
    sliced?: boolean;
  },
): SvgMap {
  const svg = s("svg", { class: "svg-map", role: "img", "aria-label": options.label });
  container.append(svg);
  const bitmap = options.picture === "bitmap" ? paintUnder(svg) : null;
  let view = initial;
  const measure = () => {
    const box = container.getBoundingClientRect();
    return { width: Math.max(1, box.width), height: Math.max(1, box.height) };
  };
  let size = measure();
  /** Country outlines depend only on the size: drawn once per size, not per state change. */
  let drawing: Drawing | null = null;
  const drawingNow = (): Drawing => {
    drawing ??= finish(drawingAt(size.width, size.height));
    return drawing;
  };
  /** What is on screen, for a redraw after the sliced first picture (which saw neither change). */
  let shown: { view: MapView; size: typeof size } | null = null;
  let slicing = false;
  let destroyed = false;

  /** Makes the whole picture off screen; what it returns puts it on screen in one go. */
  function* picture(): Job<() => void> {
    const at = size;
    const of = view;
    const made = drawing ?? (yield* drawingAt(at.width, at.height));
    const elements = yield* mapElementParts(of, made, at);
    const paint = bitmap ? yield* bitmap.painting(shapesIn(elements), at) : null;
    return () => {
      if (at === size) drawing = made; // not if the box was resized meanwhile
      svg.setAttribute("viewBox", `0 0 ${at.width} ${at.height}`);
      svg.setAttribute("width", String(at.width));
      svg.setAttribute("height", String(at.height));
      svg.replaceChildren(...elements);
      paint?.();
      shown = { view: of, size: at };
    };
  }
  const draw = () => {
    if (!slicing) finish(picture())();
  };
  /**
   * A hover changes only the highlighted outlines and arcs: replace those groups, not the ~250
   * country paths, which the browser would rasterise again in full (hundreds of ms in software).
   */
  const redrawHover = () => {
    if (slicing) return;
    const made = drawingNow();
    svg.querySelector("g.highlight")?.replaceChildren(...highlightElements(view, made));
    svg.querySelector("g.arcs")?.replaceChildren(...arcElements(view, made));
    if (bitmap) finish(bitmap.painting(svg.querySelectorAll(SHAPES), size))();
    shown = { view, size };
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
    size = next;
    drawing = null;
    draw();
  });
  observer.observe(container);
  // Ready in the task that puts the whole picture in: the next frame shows both (a frame's
  // animation callbacks run before it paints, so waiting for one showed nothing sooner).
  const ready = () => options.onReady?.();
  if (options.sliced) {
    slicing = true;
    void inSlices(picture()).then((show) => {
      if (destroyed) return;
      show();
      slicing = false;
      // What changed while the picture was being made (a hover, a new state, a resize).
      if (shown?.size !== size) draw();
      else if (shown.view !== view) update(view);
      ready();
    });
  } else {
    draw();
    ready();
  }

  function update(next: MapView): void {
    if (next === view && shown?.view === view) return;
    const hoverOnly = shown !== null && sameDrawing(shown.view, next);
    view = next;
    if (hoverOnly) redrawHover();
    else draw();
  }
  return {
    update,
    flyTo() {
      // The SVG map does not zoom; the selected country is outlined instead.
    },
    project(lon, lat) {
      return drawingNow().point([lon, lat]);
    },
    element: () => svg,
    destroy() {
      destroyed = true;
      observer.disconnect();
      bitmap?.remove();
      svg.remove();
    },
  };
}

/** The shapes a picture is painted from. */
const SHAPES = "rect, path, circle";

/** The shapes among and inside these elements, in document order. */
function* shapesIn(elements: readonly Element[]): Generator<Element> {
  for (const el of elements) {
    if (el.matches(SHAPES)) yield el;
    yield* el.querySelectorAll(SHAPES);
  }
}

/**
 * Shows an SVG through a canvas painted on the CPU, placed under the SVG, which turns transparent
 * and still takes the pointer (hover, click) and the screen reader's label. Why: a browser that
 * rasterises on the GPU draws every path of a full-size SVG map in the GPU process, which is where
 * the WebGL map is being set up at the same moment; on a software GPU that delayed the WebGL map
 * by about 2 s, and the commit of the first frame with the SVG visible blocked the page (Lighthouse
 * counted it as one long task). The picture is painted off screen, on an OffscreenCanvas with
 * `willReadFrequently` (so it stays in CPU memory), and shown as an image bitmap: the first 2D
 * canvas put on a page waits for the GPU process (100–600 ms in a browser just started, on a
 * software GPU), an offscreen one does not, and serialising the SVG and decoding it as an image
 * cost about five times its painting. Where there is no OffscreenCanvas, a 2D canvas on the page.
 * The picture is painted whole before it is shown, so one painted in slices never shows half done.
 */
function paintUnder(svg: SVGSVGElement): {
  /** Paints the shapes; what it returns shows the canvas (and makes the SVG transparent). */
  painting(shapes: Iterable<Element>, size: { width: number; height: number }): Job<() => void>;
  remove(): void;
} {
  /** What shows the picture, once something is painted. */
  let shown: HTMLCanvasElement | null = null;
  const sized = (target: HTMLCanvasElement | OffscreenCanvas, size: { width: number; height: number }) => {
    const ratio = window.devicePixelRatio || 1;
    target.width = Math.round(size.width * ratio);
    target.height = Math.round(size.height * ratio);
    if (target instanceof HTMLCanvasElement) {
      target.className = "svg-map-bitmap";
      target.setAttribute("aria-hidden", "true");
      target.style.width = `${size.width}px`;
      target.style.height = `${size.height}px`;
    }
    return ratio;
  };
  const show = (target: HTMLCanvasElement) => {
    if (shown !== target) {
      if (shown) shown.replaceWith(target);
      else svg.before(target);
      shown = target;
    }
    // Transparent at once: painted even for one frame, the SVG costs its whole rasterisation.
    svg.classList.add("is-transparent");
  };
  const offscreen = typeof OffscreenCanvas === "function" && typeof ImageBitmapRenderingContext === "function";
  return {
    *painting(shapes, size) {
      const surface = offscreen ? new OffscreenCanvas(1, 1) : (shown ?? document.createElement("canvas"));
      const ratio = sized(surface, size);
      const context = surface.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D | null;
      if (!context) return () => undefined; // the SVG stays visible
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      yield* paintingShapes(context, shapes);
      return () => {
        if (surface instanceof HTMLCanvasElement) return show(surface);
        const target = shown ?? document.createElement("canvas");
        sized(target, size);
        const screen = target.getContext("bitmaprenderer");
        if (!screen) return; // the SVG stays visible
        screen.transferFromImageBitmap(surface.transferToImageBitmap());
        show(target);
      };
    },
    remove() {
      shown?.remove();
    },
  };
}

/**
 * Paints the shapes mapElements makes (rect, path, circle; fill, stroke, width, dashes, caps) in
 * document order, straight from their attributes: no serialising and decoding the SVG as an image.
 */
export function paintShapes(context: CanvasRenderingContext2D, root: Element): void {
  finish(paintingShapes(context, root.querySelectorAll(SHAPES)));
}

/** paintShapes as a job: it may pause after every shape. */
function* paintingShapes(context: CanvasRenderingContext2D, shapes: Iterable<Element>): Job<void> {
  for (const shape of shapes) {
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
    yield;
  }
}

/**
 * The SVG elements of a map: ocean, countries, dashed and highlighted outlines, arcs, markers and
 * the hub. Shared by the live SVG map and the downloadable image.
 */
export function mapElements(
  view: MapView,
  drawing: Drawing,
  size: { width: number; height: number },
  /** Paint the whole frame as ocean (live map) or only the globe's outline (downloads). */
  ocean: "frame" | "globe" = "frame",
): SVGElement[] {
  return finish(mapElementParts(view, drawing, size, ocean));
}

/** mapElements as a job: it may pause after every country. */
function* mapElementParts(
  view: MapView,
  drawing: Drawing,
  size: { width: number; height: number },
  ocean: "frame" | "globe" = "frame",
): Job<SVGElement[]> {
  const theme = view.theme;
  const border = { stroke: MARKS.border.colour[theme], "stroke-width": MARKS.border.width };
  const countryPaths: SVGElement[] = [];
  for (const [iso3, d] of drawing.outlines) {
    countryPaths.push(s("path", { d, fill: view.colours.get(iso3) ?? view.land, ...border, "data-iso3": iso3 }));
    yield;
  }
  const point = drawing.point;
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
    s("path", { d: drawing.sphere, fill: MARKS.ocean.colour[theme], ...border }),
    s("g", { class: "countries" }, ...countryPaths),
    s(
      "g",
      { class: "uncertain" },
      ...outlines(view.uncertain, drawing.outlines, {
        stroke: MARKS.uncertain.colour[theme],
        "stroke-width": MARKS.uncertain.width,
        "stroke-dasharray": MARKS.uncertain.dash.join(" "),
      }),
    ),
    s("g", { class: "highlight" }, ...highlightElements(view, drawing)),
    s("g", { class: "arcs" }, ...arcElements(view, drawing)),
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

function highlightElements(view: MapView, drawing: Drawing): SVGElement[] {
  return outlines(view.highlight, drawing.outlines, {
    stroke: MARKS.highlight.colour[view.theme],
    "stroke-width": MARKS.highlight.width,
  });
}

function arcElements(view: MapView, drawing: Drawing): SVGElement[] {
  return view.arcs.map((a) =>
    s("path", {
      d: drawing.line(a.path),
      fill: "none",
      stroke: cssColour(a.colour),
      "stroke-width": a.highlighted ? MARKS.arc.highlightedWidth : MARKS.arc.width,
      "stroke-linecap": "round",
      "data-arc": a.arc.id,
      "data-iso3": a.arc.iso3,
    }),
  );
}
