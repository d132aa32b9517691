/** Can this browser draw WebGL? Checked before loading MapLibre, so a locked-down browser gets the SVG map. */
export function supportsWebgl(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    // Give the test context back at once: browsers cap live contexts per page.
    gl?.getExtension("WEBGL_lose_context")?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
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
