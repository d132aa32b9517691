/**
 * Could this browser draw WebGL at all? A cheap check, made before loading MapLibre. It does not
 * create a test context: on a software renderer that costs as much as the map's own context
 * (≈ 0.5 s of main thread before the map code is even requested). A browser that has the API but
 * refuses the context (WebGL disabled or blocked) is caught when MapLibre asks for one: see
 * `isWebglUnavailable`.
 */
export function mayHaveWebgl(): boolean {
  // `in`, not `typeof`: reading the constructor makes the browser build the whole WebGL interface
  // (about 1 ms, 4 ms with the phone profile's CPU), asking whether it is there does not.
  return "WebGLRenderingContext" in globalThis || "WebGL2RenderingContext" in globalThis;
}

/** Is this error MapLibre's way of saying the browser gave it no WebGL context? */
export function isWebglUnavailable(error: unknown): boolean {
  return error instanceof Error && /Failed to initialize WebGL/.test(error.message);
}

export interface ContextWatchers {
  onLost(): void;
  onRestored(): void;
}

/**
 * Watches every canvas inside `container` (MapLibre's and deck.gl's) for a lost and a restored
 * WebGL context. Context events do not bubble, so they are heard in the capture phase. A canvas
 * removed on purpose (the map destroyed) is not a loss.
 */
export function watchWebglContext(container: HTMLElement, watchers: ContextWatchers): () => void {
  const lost = new Set<EventTarget>();
  const onLost = (event: Event) => {
    const canvas = event.target;
    if (!(canvas instanceof HTMLCanvasElement) || !canvas.isConnected) return;
    // Ask the browser to give the context back when it can (the default is to keep it lost).
    event.preventDefault();
    if (lost.size === 0) watchers.onLost();
    lost.add(canvas);
  };
  const onRestored = (event: Event) => {
    if (!event.target) return;
    lost.delete(event.target);
    if (lost.size === 0) watchers.onRestored();
  };
  container.addEventListener("webglcontextlost", onLost, true);
  container.addEventListener("webglcontextrestored", onRestored, true);
  return () => {
    container.removeEventListener("webglcontextlost", onLost, true);
    container.removeEventListener("webglcontextrestored", onRestored, true);
  };
}
