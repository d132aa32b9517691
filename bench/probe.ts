/**
 * What the benchmark installs in the page before any of its scripts run (page.addInitScript), and
 * the in-page halves of the measurements. Every time is the page's performance.now() (ms since
 * navigation start), so page and node clocks never mix. These functions are serialised into the
 * page: they must not refer to anything outside their own bodies.
 */

export interface Probe {
  /** When <html data-ready> was first set, and to what. */
  ready: number | null;
  readyState: string | null;
  /**
   * When the frame that `data-ready` announces reached the screen: the Element Timing render time of
   * a mark put on the page with it (see markPresented). Later than `ready` by the frame's
   * rasterisation: a software GPU rasterises an SVG's paths slowly, a bitmap it only uploads.
   */
  presented: number | null;
  /** After each task that drew with WebGL: its end time. */
  drawEnds: number[];
  /** MapLibre canvas frames until ready: [end time, vertices drawn]. */
  mapFrames: [number, number][];
  /** End of the first frame showing a visible SVG map (≥ 50 paths, e.g. a poster drawn before WebGL). */
  svgMap: number | null;
  longTasks: [number, number][];
  /** Layout shifts without recent input: [time, value, the shifted elements]. */
  layoutShifts: [number, number, string][];
  /**
   * The timeStamp of the latest pointer move, noted on `pointermove`: Chromium dispatches a mouse's
   * `pointermove` before its `mousemove` (both carry the same timeStamp), and the app shows its
   * tooltip from `pointermove`, so a change it makes there is observed before `mousemove` arrives.
   */
  lastMove: number;
  /** Pointer moves since the hover probe was armed. */
  movesSinceArmed: number;
  lastClick: number;
  /** Hover probe result: ms from the move that showed the tooltip to the end of the frame showing it. */
  hover: number | null;
  recording: boolean;
  frames: number[];
  /** Every canvas given a WebGL context. */
  webglCanvases: Set<HTMLCanvasElement>;
}

/** Installs window.__bench (see Probe). Runs before the page's own scripts. */
export function installProbe(): void {
  const probe: Probe = {
    ready: null,
    readyState: null,
    presented: null,
    drawEnds: [],
    mapFrames: [],
    svgMap: null,
    longTasks: [],
    layoutShifts: [],
    lastMove: 0,
    movesSinceArmed: 0,
    lastClick: 0,
    hover: null,
    recording: false,
    frames: [],
    webglCanvases: new Set(),
  };
  Object.defineProperty(window, "__bench", { value: probe });

  // Serialised with installProbe (an init script): its helpers live inside it.
  /**
   * Puts a one-letter mark on the page at once, in the frame every page sets `data-ready` for (the
   * frame that shows its map), and notes when the browser says that frame was presented (Element
   * Timing). Out of the way of the pointer and of the layout (fixed), and gone once timed.
   */
  function markPresented(): void {
    const mark = document.createElement("div");
    mark.setAttribute("elementtiming", "bench-presented");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = "r";
    mark.style.cssText =
      "position:fixed;left:0;bottom:0;z-index:2147483647;pointer-events:none;font:9px/1 sans-serif;color:#000;background:#fff";
    try {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
          if (entry.identifier !== "bench-presented") continue;
          probe.presented = entry.renderTime || entry.startTime;
          observer.disconnect();
          mark.remove();
        }
      });
      observer.observe({ type: "element", buffered: true });
    } catch {
      return; // no Element Timing: no presentation time
    }
    document.body.append(mark);
  }

  new MutationObserver(() => {
    const state = document.documentElement?.dataset.ready;
    if (probe.ready === null && state) {
      probe.ready = performance.now();
      probe.readyState = state;
      if (state === "true") markPresented();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no Long Tasks API: blocking time stays 0
  }
  // An SVG map (a poster or fallback drawn before or instead of WebGL) counts as the map on screen
  // from the end of the first frame in which it is visible: either the <svg> itself, or a picture
  // of it painted into a 2D canvas (shape by shape, as the app's poster does).
  let svgSeen = false;
  const seen = () => {
    svgSeen = true;
    svgWatcher.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.svgMap = performance.now();
      };
      channel.port2.postMessage(0);
    });
  };
  const svgWatcher = new MutationObserver(() => {
    if (svgSeen || !document.querySelector("svg path")) return;
    for (const svg of document.querySelectorAll("svg")) {
      if (svg.querySelectorAll("path").length < 50) continue;
      const box = svg.getBoundingClientRect();
      if (box.width < 100 || box.height < 60) continue;
      if (svg.checkVisibility && !svg.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      seen();
      return;
    }
  });
  // A picture of a map in a 2D canvas: at least 50 shapes filled (Path2D), as the app's poster.
  const fills = new WeakMap<HTMLCanvasElement, number>();
  const fill = CanvasRenderingContext2D.prototype.fill;
  CanvasRenderingContext2D.prototype.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    (fill as (...a: unknown[]) => void).apply(this, args);
    if (svgSeen || !(args[0] instanceof Path2D)) return;
    const count = (fills.get(this.canvas) ?? 0) + 1;
    fills.set(this.canvas, count);
    if (count < 50 || !this.canvas.isConnected) return;
    const box = this.canvas.getBoundingClientRect();
    if (box.width >= 100 && box.height >= 60) seen();
  } as typeof fill;
  svgWatcher.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["hidden", "class", "style"],
  });

  const describe = (node: Node | null): string => {
    if (!(node instanceof Element)) return node?.nodeName ?? "?";
    const id = node.id ? `#${node.id}` : "";
    const classes = [...node.classList].map((c) => `.${c}`).join("");
    return `${node.tagName.toLowerCase()}${id}${classes}`;
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const nodes = (entry.sources ?? []).map((s) => describe(s.node)).join(", ");
        probe.layoutShifts.push([entry.startTime, entry.value, nodes]);
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch {
    // no Layout Instability API
  }
  const onMove = (event: Event) => {
    if (event.timeStamp === probe.lastMove) return; // the mousemove of the same move
    probe.lastMove = event.timeStamp;
    probe.movesSinceArmed += 1;
  };
  const onClick = (event: Event) => {
    probe.lastClick = event.timeStamp;
  };
  // Registered before the page's own scripts run, so these capturing listeners hear a move first.
  window.addEventListener("pointermove", onMove, { capture: true });
  window.addEventListener("mousemove", onMove, { capture: true });
  window.addEventListener("click", onClick, { capture: true });

  const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, ...a: unknown[]) => unknown;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const context = getContext.apply(this, args);
    if (context && /webgl/.test(String(args[0]))) probe.webglCanvases.add(this);
    return context;
  } as typeof HTMLCanvasElement.prototype.getContext;

  type GL = WebGLRenderingContext | WebGL2RenderingContext;
  // Every WebGL draw call goes through here: the end of each task that drew is noted, and for the
  // MapLibre canvas the number of vertices drawn in it (the geometry on screen), until ready. No
  // pixels are read back, so the probe never stalls the page on the GPU.
  const ARG_OF_COUNT: Record<string, number> = {
    drawElements: 1,
    drawArrays: 2,
    drawElementsInstanced: 1,
    drawArraysInstanced: 2,
    drawRangeElements: 3,
  };
  let mapVertices = 0;
  let queued = false;
  const afterDraw = () => {
    queued = false;
    const now = performance.now();
    probe.drawEnds.push(now);
    if (mapVertices > 0 && probe.ready === null) probe.mapFrames.push([now, mapVertices]);
    mapVertices = 0;
  };
  for (const type of [globalThis.WebGLRenderingContext, globalThis.WebGL2RenderingContext]) {
    if (!type) continue;
    const proto = type.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const [name, countArg] of Object.entries(ARG_OF_COUNT)) {
      const original = proto[name];
      if (typeof original !== "function") continue;
      proto[name] = function (this: GL, ...args: unknown[]) {
        if ((this.canvas as HTMLCanvasElement).classList?.contains("maplibregl-canvas")) {
          mapVertices += Number(args[countArg]) || 0;
        }
        if (!queued) {
          queued = true;
          // Runs once the code that is drawing (one frame's render) has returned.
          queueMicrotask(afterDraw);
        }
        return original.apply(this, args);
      };
    }
  }
}

/**
 * Arms the hover probe: when #tooltip next becomes visible, the time from the timeStamp of the
 * pointer move that showed it (the input event's own time, on the page's clock) to the end of the
 * first frame showing it. With `plantedDelay` > 0, a capturing `pointermove` listener busy-waits
 * that long on the next move, as a slow handler would: the probe must see it (the bench checks).
 */
export function armHover(plantedDelay = 0): string | null {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const tooltip = document.getElementById("tooltip");
  probe.hover = null;
  probe.movesSinceArmed = 0;
  if (!tooltip) return "no #tooltip";
  if (!tooltip.hidden) return "#tooltip is already shown";
  if (plantedDelay > 0) {
    const slow = () => {
      window.removeEventListener("pointermove", slow, { capture: true });
      const until = performance.now() + plantedDelay;
      while (performance.now() < until) {
        // a handler that takes plantedDelay ms
      }
    };
    window.addEventListener("pointermove", slow, { capture: true });
  }
  const observer = new MutationObserver(() => {
    if (tooltip.hidden || !tooltip.checkVisibility()) return;
    observer.disconnect();
    // The move that showed it: noted by the probe's own capturing listener, which runs first.
    if (probe.movesSinceArmed === 0) {
      probe.hover = Number.NaN;
      return;
    }
    const moved = probe.lastMove;
    // The frame that shows the tooltip: a message posted from its rAF runs once it was produced.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.hover = performance.now() - moved;
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(tooltip, { attributes: true, attributeFilter: ["hidden"] });
  return null;
}

/** Starts recording requestAnimationFrame timestamps. */
export function startFrames(): void {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  probe.frames = [];
  probe.recording = true;
  const loop = (time: number) => {
    if (!probe.recording) return;
    probe.frames.push(time);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** Stops recording and returns the frame timestamps. */
export function stopFrames(): number[] {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  probe.recording = false;
  return probe.frames;
}

/** What the load left in the probe and the Performance timeline. */
export function loadFigures(): {
  ready: number | null;
  presented: number | null;
  readyState: string | null;
  fcp: number | null;
  mapFrames: [number, number][];
  svgMap: number | null;
  longTasks: [number, number][];
  layoutShifts: [number, number, string][];
  jsDone: number;
  dataDone: number;
  /** WebGL contexts held now: canvases given one that are still in the document. */
  contexts: number;
  /** performance.timeOrigin: the wall-clock time (ms since the epoch) every other time counts from. */
  timeOrigin: number;
} {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
  const doneOf = (test: (name: string) => boolean) =>
    Math.max(0, ...resources.filter((r) => test(new URL(r.name).pathname)).map((r) => r.responseEnd));
  return {
    ready: probe.ready,
    presented: probe.presented,
    readyState: probe.readyState,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    mapFrames: probe.mapFrames,
    svgMap: probe.svgMap,
    longTasks: probe.longTasks,
    layoutShifts: probe.layoutShifts,
    jsDone: doneOf((path) => /\.m?js$/.test(path)),
    dataDone: doneOf((path) => /\/data\/[^/]+\.json$/.test(path)),
    contexts: [...probe.webglCanvases].filter((canvas) => canvas.isConnected).length,
    timeOrigin: performance.timeOrigin,
  };
}
