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
  /** After each task that drew with WebGL: its end time. */
  drawEnds: number[];
  /** MapLibre canvas frames until ready: [end time, share of pixels that are not the background]. */
  mapFrames: [number, number][];
  longTasks: [number, number][];
  /** Layout shifts without recent input: [time, value, the shifted elements]. */
  layoutShifts: [number, number, string][];
  lastMove: number;
  lastClick: number;
  /** Hover probe result: ms from the mousemove to the frame after the tooltip appeared. */
  hover: number | null;
  recording: boolean;
  frames: number[];
}

/** Installs window.__bench (see Probe). Runs before the page's own scripts. */
export function installProbe(): void {
  const probe: Probe = {
    ready: null,
    readyState: null,
    drawEnds: [],
    mapFrames: [],
    longTasks: [],
    layoutShifts: [],
    lastMove: 0,
    lastClick: 0,
    hover: null,
    recording: false,
    frames: [],
  };
  Object.defineProperty(window, "__bench", { value: probe });

  new MutationObserver(() => {
    const state = document.documentElement?.dataset.ready;
    if (probe.ready === null && state) {
      probe.ready = performance.now();
      probe.readyState = state;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no Long Tasks API: blocking time stays 0
  }
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
  window.addEventListener("mousemove", (event) => (probe.lastMove = event.timeStamp), { capture: true });
  window.addEventListener("click", (event) => (probe.lastClick = event.timeStamp), { capture: true });

  type GL = WebGLRenderingContext | WebGL2RenderingContext;
  /**
   * Share of the canvas (sampled every 4th pixel both ways) whose colour differs from the most
   * common one (the ocean): 0 for a blank or background-only frame, about 0.3 for the world map.
   * Read right after the frame was drawn, before it is presented, so no preserveDrawingBuffer.
   */
  const nonBackgroundShare = (gl: GL): number => {
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    if (width === 0 || height === 0) return 0;
    const pixels = new Uint8Array(width * height * 4);
    const gl2 = typeof WebGL2RenderingContext !== "undefined" && gl instanceof WebGL2RenderingContext ? gl : null;
    const read = gl2 ? gl2.getParameter(gl2.READ_FRAMEBUFFER_BINDING) : null;
    const draw = gl.getParameter(gl.FRAMEBUFFER_BINDING);
    const pack = gl2 ? gl2.getParameter(gl2.PIXEL_PACK_BUFFER_BINDING) : null;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    if (gl2 && pack) gl2.bindBuffer(gl2.PIXEL_PACK_BUFFER, null);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    if (gl2) {
      gl2.bindFramebuffer(gl2.READ_FRAMEBUFFER, read);
      gl2.bindFramebuffer(gl2.DRAW_FRAMEBUFFER, draw);
      if (pack) gl2.bindBuffer(gl2.PIXEL_PACK_BUFFER, pack);
    } else {
      gl.bindFramebuffer(gl.FRAMEBUFFER, draw);
    }
    const counts = new Map<number, number>();
    const samples: number[] = [];
    for (let y = 0; y < height; y += 4) {
      for (let x = 0; x < width; x += 4) {
        const i = (y * width + x) * 4;
        const colour = ((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0);
        samples.push(colour);
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
    }
    let background = 0;
    let most = -1;
    for (const [colour, count] of counts) {
      if (count > most) {
        most = count;
        background = colour;
      }
    }
    const channel = (c: number, shift: number) => (c >> shift) & 255;
    let other = 0;
    for (const c of samples) {
      const distance = Math.max(
        Math.abs(channel(c, 16) - channel(background, 16)),
        Math.abs(channel(c, 8) - channel(background, 8)),
        Math.abs(channel(c, 0) - channel(background, 0)),
      );
      if (distance > 8) other++;
    }
    return samples.length ? other / samples.length : 0;
  };

  const touched = new Set<GL>();
  let queued = false;
  const afterDraw = () => {
    queued = false;
    const now = performance.now();
    probe.drawEnds.push(now);
    if (probe.ready === null) {
      for (const gl of touched) {
        const canvas = gl.canvas as HTMLCanvasElement;
        if (canvas.classList?.contains("maplibregl-canvas")) probe.mapFrames.push([now, nonBackgroundShare(gl)]);
      }
    }
    touched.clear();
  };
  const DRAWS = ["drawElements", "drawArrays", "drawElementsInstanced", "drawArraysInstanced", "drawRangeElements"];
  for (const type of [globalThis.WebGLRenderingContext, globalThis.WebGL2RenderingContext]) {
    if (!type) continue;
    const proto = type.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of DRAWS) {
      const original = proto[name];
      if (typeof original !== "function") continue;
      proto[name] = function (this: GL, ...args: unknown[]) {
        touched.add(this);
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

/** Arms the hover probe: when #tooltip next becomes visible, time from the mousemove to the frame after. */
export function armHover(): void {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const tooltip = document.getElementById("tooltip");
  probe.hover = null;
  if (!tooltip) return;
  const observer = new MutationObserver(() => {
    if (tooltip.hidden) return;
    observer.disconnect();
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
  readyState: string | null;
  fcp: number | null;
  mapFrames: [number, number][];
  longTasks: [number, number][];
  layoutShifts: [number, number, string][];
  jsDone: number;
  dataDone: number;
} {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
  const doneOf = (test: (name: string) => boolean) =>
    Math.max(0, ...resources.filter((r) => test(new URL(r.name).pathname)).map((r) => r.responseEnd));
  return {
    ready: probe.ready,
    readyState: probe.readyState,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    mapFrames: probe.mapFrames,
    longTasks: probe.longTasks,
    layoutShifts: probe.layoutShifts,
    jsDone: doneOf((path) => /\.m?js$/.test(path)),
    dataDone: doneOf((path) => /\/data\/[^/]+\.json$/.test(path)),
  };
}
