/**
 * When the browser runs out of WebGL contexts (several embeds on one article page; Chromium keeps
 * 16 and drops the oldest), a map's canvas goes blank. This shows a readable notice over the map
 * instead, with a button to draw it again; legend, timeline and links stay usable.
 */
import { h } from "../ui/dom.ts";

export interface ContextLossOptions {
  /** Called once when the first canvas loses its context (e.g. to draw a static fallback). */
  onLost?: () => void;
}

export const LOST_MESSAGE =
  "This map is paused: the page shows more interactive maps than the browser can draw at once.";

/**
 * Watches every canvas inside `container` (MapLibre's and deck.gl's) for a lost WebGL context.
 * Returns a function that stops watching.
 */
export function watchContextLoss(container: HTMLElement, options: ContextLossOptions = {}): () => void {
  const lost = new Set<EventTarget>();
  let notice: HTMLElement | null = null;
  const root = document.documentElement;

  const onLost = (event: Event) => {
    if (event.target) lost.add(event.target);
    if (notice) return;
    // Not yet drawn: the map cannot render now, so readiness ends in an error (DESIGN §3).
    if (!root.dataset.ready) root.dataset.ready = "error";
    const again = h("button", { type: "button", class: "webgl-lost-button" }, "Draw the map again");
    again.addEventListener("click", () => window.location.reload());
    notice = h("div", { class: "webgl-lost", role: "status" }, h("p", {}, LOST_MESSAGE), again);
    container.append(notice);
    root.classList.add("is-webgl-lost");
    options.onLost?.();
  };
  const onRestored = (event: Event) => {
    if (event.target) lost.delete(event.target);
    if (lost.size === 0 && notice) {
      notice.remove();
      notice = null;
      root.classList.remove("is-webgl-lost");
    }
  };
  // Context events do not bubble: listen in the capture phase to hear them from any canvas below.
  container.addEventListener("webglcontextlost", onLost, true);
  container.addEventListener("webglcontextrestored", onRestored, true);
  return () => {
    container.removeEventListener("webglcontextlost", onLost, true);
    container.removeEventListener("webglcontextrestored", onRestored, true);
  };
}
