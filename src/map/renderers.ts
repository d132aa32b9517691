/**
 * Which renderer draws the map, and when: the one place that runs the life cycle's effects
 * (src/map/lifecycle.ts). Light first: the page starts with the interactive SVG map (hover, click,
 * legend and timeline all work) drawn exactly where the WebGL map will draw (src/map/frame.ts).
 * MapLibre and deck.gl are fetched and started only when the reader reaches for what only they
 * give (src/map/engage.ts), or when the page has been idle with the map in view a while; the SVG
 * map stays on screen until the WebGL map's first frame, which then carries out the gesture.
 */
import type { FeatureCollection } from "geojson";
import { affordsIdleStart, deviceHints, type Engagement, watchEngagement } from "./engage.ts";
import { posterPoint } from "./frame.ts";
import { type Effect, type LifecycleInput, NO_WEBGL, type Phase, startLifecycle, step } from "./lifecycle.ts";
import type { WebglMap } from "./mount.ts";
import { type DrawingAt, mountSvgMap } from "./svg.ts";
import { type MapRenderer, type MapView, NO_MAP, type RendererOptions } from "./view.ts";
import { isWebglUnavailable, mayHaveWebgl, watchWebglContext } from "./webgl.ts";

/**
 * How long the map must be in view, the page idle, before WebGL starts without a gesture (ms). Long
 * enough that a page which has settled is measured as settled (Lighthouse waits about 5 s of quiet).
 */
export const IDLE_AFTER = 6000;

/** What the map shows and how to use it, for screen readers (the WebGL canvas's and the SVG map's label). */
export const MAP_DESCRIPTION =
  "Interactive world map of the data listed in the legend and the summary below. Arrow keys pan, plus and minus zoom. The Table button lists every country.";

export interface RenderersOptions {
  /** The WebGL map's box, and the box over it for the SVG map (the poster slot). */
  map: HTMLElement;
  poster: HTMLElement;
  /** The note over the map ("paused", "simplified map"). */
  note: HTMLElement;
  /** The countries as the WebGL map takes them: built when it first starts, never for the first draw. */
  countries: () => FeatureCollection;
  /** What the map should show now. */
  view: () => MapView;
  renderer: RendererOptions;
  /** Which renderer is on screen (for `<html data-renderer>`). */
  onRenderer: (renderer: "svg" | "webgl") => void;
  /** The interactive map is complete on screen (called once). */
  onReady: () => void;
}

export interface Renderers {
  update(view: MapView): void;
  flyTo(lon: number, lat: number): void;
  /** Longitude/latitude → CSS pixels in the map's box, on whichever map is drawn. */
  project(lon: number, lat: number): [number, number];
  phase(): Phase;
  /** `window.criticalMineralsMap`: where a place is drawn on the map and where the SVG map's frame puts it, the phase. */
  api(): MapApi;
  /**
   * Draws the first map, and every SVG map after it, with `drawing`: the world in the WebGL map's
   * frame, straight from the topology (posterDrawing). Called once the controls, legend and
   * timeline are laid out around it, so it is drawn once, at its final size.
   */
  start(drawing: DrawingAt): void;
}

export interface MapApi {
  project(lon: number, lat: number): [number, number];
  posterProject(lon: number, lat: number): [number, number] | null;
  phase(): Phase;
}

type WebglModule = typeof import("./mount.ts");

function drawnWith(drawing: DrawingAt | null): DrawingAt {
  if (!drawing) throw new Error("An SVG map is drawn only once the map has started.");
  return drawing;
}

export function startRenderers(options: RenderersOptions): Renderers {
  const { map: mapEl, poster: posterEl, note } = options;
  let announced = false;
  const announceReady = () => {
    if (announced) return;
    announced = true;
    options.onReady();
  };
  // What is drawn: the SVG map (in the poster slot) until WebGL draws; a stand-in while it is paused.
  let svg: MapRenderer | null = null;
  let webgl: WebglMap | null = null;
  let stand: MapRenderer | null = null;
  let fallback: MapRenderer | null = null;
  let code: WebglModule | null = null;
  let gesture: Engagement | null = null;
  let stopWatching = () => {};

  const svgMap = (
    el: HTMLElement,
    label: string,
    extra: Partial<RendererOptions> & { sliced?: boolean } = {},
    bitmap = false,
  ) =>
    mountSvgMap(el, options.view(), drawnWith(drawing), {
      ...options.renderer,
      ...extra,
      label,
      // On the CPU while WebGL may start beside it (see paintUnder in svg.ts).
      ...(bitmap ? { picture: "bitmap" as const } : {}),
    });
  /** The poster slot as the map readers use: focusable (keys), named, in the accessibility tree. */
  const interactive = (on: boolean) => {
    posterEl.classList.toggle("is-interactive", on);
    if (on) {
      posterEl.removeAttribute("aria-hidden");
      posterEl.setAttribute("tabindex", "0");
      posterEl.setAttribute("role", "region");
      posterEl.setAttribute("aria-label", options.renderer.description);
    } else {
      posterEl.setAttribute("aria-hidden", "true");
      for (const name of ["tabindex", "role", "aria-label"]) posterEl.removeAttribute(name);
    }
  };

  const run = (effect: Effect) => {
    switch (effect.type) {
      case "mount-webgl":
        if (!code) return;
        // Under the SVG map until its first frame: out of the tab order and the accessibility tree.
        mapEl.inert = true;
        try {
          webgl = code.mountMap(mapEl, options.countries(), options.view(), {
            ...options.renderer,
            onReady: () => send({ type: "first-frame" }),
            onRestored: () => send({ type: "context-restored" }),
          });
        } catch (error) {
          webglFailed(error);
        }
        return;
      case "remove-poster": {
        const focused = posterEl.contains(document.activeElement);
        svg?.destroy();
        svg = null;
        interactive(false);
        posterEl.hidden = true;
        mapEl.inert = false;
        options.onRenderer("webgl");
        // The reader's focus and gesture move over to the WebGL map.
        if (focused) mapEl.querySelector<HTMLElement>("canvas")?.focus();
        if (gesture) webgl?.carryOut(gesture);
        gesture = null;
        return;
      }
      case "mount-stand-in":
        posterEl.hidden = false;
        stand = svgMap(posterEl, "World map (static while the interactive map is paused)");
        options.onRenderer("svg");
        return;
      case "remove-stand-in":
        stand?.destroy();
        stand = null;
        posterEl.hidden = true;
        options.onRenderer("webgl");
        return;
      case "fall-back":
        // Without WebGL (disabled, blocked, or failed), the SVG map is the map.
        stopWatching();
        for (const renderer of [stand, webgl]) renderer?.destroy();
        stand = null;
        webgl = null;
        // A WebGL map that failed half-way may have left its canvas behind: start from an empty box.
        mapEl.replaceChildren();
        mapEl.className = "map";
        mapEl.inert = false;
        note.hidden = false;
        note.textContent = `Showing a simplified map: ${effect.reason}`;
        options.onRenderer("svg");
        // The interactive SVG map the reader was using stays as it is: nothing moves.
        if (svg) return announceReady();
        // Else (no WebGL at all, or lost after it had drawn): the SVG map, in the WebGL map's frame.
        interactive(false);
        posterEl.hidden = true;
        document.documentElement.classList.add("is-svg-fallback");
        fallback = svgMap(mapEl, "World map", { onReady: announceReady, sliced: true });
        return;
      case "announce-ready":
        announceReady();
        return;
      case "note":
        note.hidden = effect.text === null;
        note.textContent = effect.text ?? "";
        return;
    }
  };
  const first = startLifecycle({ webglPossible: mayHaveWebgl() });
  let life = first.state;
  const send = (input: LifecycleInput) => {
    const next = step(life, input);
    life = next.state;
    for (const effect of next.effects) run(effect);
  };
  function webglFailed(error: unknown): void {
    if (isWebglUnavailable(error)) console.warn("WebGL is unavailable: showing the SVG map.");
    else console.error(error);
    send({
      type: "webgl-refused",
      reason: isWebglUnavailable(error) ? NO_WEBGL : "the interactive map could not start.",
    });
  }
  // When the browser takes the WebGL context away (too many maps on the page, a GPU reset), draw
  // the same view in SVG over the canvas until the map says it is drawn again (onRestored).
  watchWebglContext(mapEl, { onLost: () => send({ type: "context-lost" }), onRestored: () => undefined });

  /** The world in the SVG map's frame: set by start, before any SVG map is drawn. */
  let drawing: DrawingAt | null = null;
  const begin = (world: DrawingAt) => {
    drawing = world;
    for (const effect of first.effects) run(effect);
    if (life.phase !== "svg-interactive") return;
    svg = svgMap(posterEl, "World map", { onReady: announceReady, sliced: true }, true);
    interactive(true);
    options.onRenderer("svg");
    const idle = affordsIdleStart(deviceHints(navigator)) ? IDLE_AFTER : null;
    stopWatching = watchEngagement(
      posterEl,
      {
        cooperative: options.renderer.cooperativeGestures,
        idleAfter: idle,
        // The pinch goes on while the WebGL map loads: carry out all of it.
        onRefine: (engagement) => {
          if (gesture) gesture = engagement;
        },
      },
      engage,
    );
  };
  /** The reader (or the idle page) asked for the WebGL map: fetch its code and start it. */
  function engage(engagement: Engagement): void {
    if (engagement.kind !== "idle") gesture = engagement;
    send({ type: engagement.kind === "idle" ? "idle" : "engaged" });
    import("./mount.ts").then(
      (module) => {
        code = module;
        send({ type: "code-arrived" });
      },
      (error: unknown) => webglFailed(error),
    );
  }
  /**
   * Going to a place (the country search) is a zoom only the WebGL map makes: on the SVG map it
   * starts the WebGL map, which flies there once drawn (the place is outlined meanwhile).
   */
  const flyTo = (lon: number, lat: number) => {
    const fly: Engagement = { kind: "fly", to: [lon, lat] };
    if (life.phase === "svg-interactive" && svg) {
      stopWatching();
      engage(fly);
    } else if (life.phase === "starting-webgl") gesture = fly;
    else drawn().flyTo(lon, lat);
  };

  const drawn = (): MapRenderer => fallback ?? webgl ?? svg ?? NO_MAP;
  // The map readers see: the SVG map until the WebGL map's first frame.
  const project = (lon: number, lat: number) =>
    (life.phase === "starting-webgl" && svg ? svg : drawn()).project(lon, lat);
  return {
    update(view) {
      for (const renderer of [svg, webgl, stand, fallback]) renderer?.update(view);
    },
    flyTo,
    project,
    phase: () => life.phase,
    api() {
      return {
        project,
        posterProject: (lon, lat) => {
          const box = mapEl.getBoundingClientRect();
          return posterPoint(box.width, box.height, [lon, lat]);
        },
        phase: () => life.phase,
      };
    },
    start: begin,
  };
}
