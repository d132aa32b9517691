/**
 * When to start the WebGL map over the SVG map (issue 13, "light first"): when the reader reaches
 * for what only WebGL gives (zoom or pan by wheel, pinch, drag or keys; the zoom buttons), or when
 * the page is idle and the map has been in view a while on a device and connection that can
 * afford it. The decisions are pure functions; `watchEngagement` is the one place that listens.
 * It reports the gesture that engaged, so the WebGL map can carry it out once drawn.
 */

/** What the reader asked of the map, in CSS pixels of the map's box. */
export type Engagement =
  | { kind: "zoom"; at: { x: number; y: number }; by: number }
  | { kind: "pan"; by: { x: number; y: number } }
  /** Go to a place (the country search): a zoom only the WebGL map makes. */
  | { kind: "fly"; to: [lon: number, lat: number] }
  | { kind: "idle" };

/** Zoom levels one notch of the wheel (deltaY 100 in pixels) or one key press asks for. */
export const ZOOM_STEP = 1;
/** CSS pixels one arrow key pans. */
export const PAN_STEP = 100;

export interface Modifiers {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * What a key pressed on the focused map asks for: arrows pan, + and = zoom in, - and _ zoom out
 * (MapLibre's keyboard handler keys), with no modifier but Shift. Anything else: null.
 */
export function keyEngagement(key: string, modifiers: Modifiers, centre: { x: number; y: number }): Engagement | null {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  switch (key) {
    case "ArrowLeft":
      return { kind: "pan", by: { x: -PAN_STEP, y: 0 } };
    case "ArrowRight":
      return { kind: "pan", by: { x: PAN_STEP, y: 0 } };
    case "ArrowUp":
      return { kind: "pan", by: { x: 0, y: -PAN_STEP } };
    case "ArrowDown":
      return { kind: "pan", by: { x: 0, y: PAN_STEP } };
    case "+":
    case "=":
      return { kind: "zoom", at: centre, by: ZOOM_STEP };
    case "-":
    case "_":
      return { kind: "zoom", at: centre, by: -ZOOM_STEP };
    default:
      return null;
  }
}

/**
 * What a wheel turn over the map asks for. With cooperative gestures (an embed: the wheel scrolls
 * the article) only a wheel with Ctrl or ⌘ zooms (a trackpad pinch arrives as a wheel with Ctrl);
 * otherwise any vertical wheel zooms. `deltaY` in pixels (deltaMode 0); down zooms out.
 */
export function wheelEngagement(
  wheel: { deltaY: number; ctrl: boolean; meta: boolean },
  at: { x: number; y: number },
  cooperative: boolean,
): Engagement | null {
  if (wheel.deltaY === 0) return null;
  if (cooperative && !wheel.ctrl && !wheel.meta) return null;
  const by = Math.max(-2, Math.min(2, (-wheel.deltaY / 100) * ZOOM_STEP));
  return { kind: "zoom", at, by };
}

type Point = { x: number; y: number };

/**
 * A two-finger pinch: the zoom it asks for, from the fingers' distance at the start and now, about
 * their midpoint. Null while the fingers barely moved apart or together (under 10%).
 */
export function pinchEngagement(start: readonly [Point, Point], now: readonly [Point, Point]): Engagement | null {
  const distance = ([a, b]: readonly [Point, Point]) => Math.hypot(a.x - b.x, a.y - b.y);
  const d0 = distance(start);
  const d1 = distance(now);
  if (d0 <= 0 || d1 <= 0) return null;
  const scale = d1 / d0;
  if (Math.abs(scale - 1) < 0.1) return null;
  const [a, b] = now;
  return { kind: "zoom", at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, by: Math.log2(scale) };
}

/** What the browser says about the device and connection (navigator.connection, deviceMemory). */
export interface DeviceHints {
  saveData?: boolean;
  /** "slow-2g" | "2g" | "3g" | "4g" (Network Information API). */
  effectiveType?: string;
  /** GiB, rounded down by the browser (Device Memory API). */
  deviceMemory?: number;
  hardwareConcurrency?: number;
}

/**
 * May the WebGL map start on its own once the page is idle? Not when the reader asked to save data,
 * on a 2G or 3G connection, or on a device with under 2 GiB of memory or a single core: there it
 * waits until the reader reaches for it. Unknown hints count as capable (most desktop browsers
 * expose none).
 */
export function affordsIdleStart(hints: DeviceHints): boolean {
  if (hints.saveData) return false;
  if (hints.effectiveType && /^(slow-2g|2g|3g)$/.test(hints.effectiveType)) return false;
  if (hints.deviceMemory !== undefined && hints.deviceMemory < 2) return false;
  if (hints.hardwareConcurrency !== undefined && hints.hardwareConcurrency < 2) return false;
  return true;
}

/** The browser's hints, where it gives them. */
export function deviceHints(nav: Navigator): DeviceHints {
  const extra = nav as Navigator & {
    connection?: { saveData?: boolean; effectiveType?: string };
    deviceMemory?: number;
  };
  return {
    saveData: extra.connection?.saveData,
    effectiveType: extra.connection?.effectiveType,
    deviceMemory: extra.deviceMemory,
    hardwareConcurrency: nav.hardwareConcurrency,
  };
}

export interface EngageOptions {
  /** An embed's map lets the wheel scroll the page unless Ctrl or ⌘ is held. */
  cooperative: boolean;
  /** Start on idle after the map has been this long in view (ms), if the device affords it; null: never. */
  idleAfter: number | null;
  /** Zoom buttons inside `target` (e.g. the SVG map's own + and −): their data-zoom is "in" or "out". */
  zoomButtons?: string;
  /**
   * A pinch that engaged goes on until the fingers lift: called with the whole pinch so far, from
   * the fingers' first positions, at each move (so the zoom carried out is the one the reader made).
   */
  onRefine?: (engagement: Engagement) => void;
}

/**
 * Listens on `target` (the SVG map's box) for the first gesture only WebGL can honour, and calls
 * `onEngage` once with it (default actions of that gesture are prevented: the page does not scroll
 * or zoom instead). Also calls it with `{kind: "idle"}` once the map has been in view `idleAfter` ms
 * and the browser is idle. Returns a function that stops listening.
 */
export function watchEngagement(
  target: HTMLElement,
  options: EngageOptions,
  onEngage: (engagement: Engagement) => void,
): () => void {
  let done = false;
  const cleanups: (() => void)[] = [];
  const stop = () => {
    done = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const engage = (engagement: Engagement, event?: Event) => {
    if (done) return;
    if (event?.cancelable !== false) event?.preventDefault();
    stop();
    onEngage(engagement);
  };
  const listen = <K extends keyof HTMLElementEventMap>(
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    passive = false,
  ) => {
    target.addEventListener(type, handler, { passive });
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  const local = (event: { clientX: number; clientY: number }): Point => {
    const box = target.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const centre = (): Point => {
    const box = target.getBoundingClientRect();
    return { x: box.width / 2, y: box.height / 2 };
  };

  listen("wheel", (event) => {
    const deltaY = event.deltaMode === 1 ? event.deltaY * 40 : event.deltaY;
    const found = wheelEngagement(
      { deltaY, ctrl: event.ctrlKey, meta: event.metaKey },
      local(event),
      options.cooperative,
    );
    if (found) engage(found, event);
  });
  listen("keydown", (event) => {
    const found = keyEngagement(
      event.key,
      { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey },
      centre(),
    );
    if (found) engage(found, event);
  });
  // A drag: the pointer pressed and moved more than a few pixels (a click stays a click).
  let pressed: Point | null = null;
  listen("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button === 0) pressed = local(event);
  });
  listen("pointermove", (event) => {
    if (!pressed || event.pointerType !== "mouse") return;
    const now = local(event);
    const by = { x: pressed.x - now.x, y: pressed.y - now.y };
    if (Math.hypot(by.x, by.y) > 4) engage({ kind: "pan", by }, event);
  });
  listen("pointerup", () => {
    pressed = null;
  });
  // A pinch: two touches moving apart or together (one finger scrolls the page, as it should).
  let fingers: [Point, Point] | null = null;
  const twoTouches = (event: TouchEvent): [Point, Point] | null => {
    const [a, b] = [event.touches[0], event.touches[1]];
    return a && b && event.touches.length === 2 ? [local(a), local(b)] : null;
  };
  listen("touchstart", (event) => {
    fingers = twoTouches(event);
  });
  const onTouchMove = (event: TouchEvent) => {
    const now = twoTouches(event);
    if (!fingers || !now) return;
    const found = pinchEngagement(fingers, now);
    if (!found) return;
    if (!done) engage(found, event);
    else {
      if (event.cancelable) event.preventDefault();
      options.onRefine?.(found);
    }
  };
  // Heard past the engagement, until the fingers lift (see onRefine).
  const onTouchEnd = () => {
    fingers = null;
    if (done) stopPinch();
  };
  target.addEventListener("touchmove", onTouchMove, { passive: false });
  target.addEventListener("touchend", onTouchEnd);
  target.addEventListener("touchcancel", onTouchEnd);
  const stopPinch = () => {
    target.removeEventListener("touchmove", onTouchMove);
    target.removeEventListener("touchend", onTouchEnd);
    target.removeEventListener("touchcancel", onTouchEnd);
  };
  cleanups.push(() => {
    if (!fingers) stopPinch();
  });
  if (options.zoomButtons) {
    listen("click", (event) => {
      const button = (event.target as Element | null)?.closest?.(options.zoomButtons ?? "");
      const direction = button?.getAttribute("data-zoom");
      if (direction === "in" || direction === "out") {
        engage({ kind: "zoom", at: centre(), by: direction === "in" ? ZOOM_STEP : -ZOOM_STEP }, event);
      }
    });
  }

  const idleAfter = options.idleAfter;
  if (idleAfter !== null && typeof IntersectionObserver === "function") {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const idle = () => {
      const request = (globalThis as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback;
      if (request) request(() => engage({ kind: "idle" }));
      else engage({ kind: "idle" });
    };
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && timer === null) timer = setTimeout(idle, idleAfter);
      if (!visible && timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    });
    observer.observe(target);
    cleanups.push(() => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    });
  }
  return () => {
    stop();
    fingers = null;
    stopPinch();
  };
}
