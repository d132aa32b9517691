/**
 * When the browser runs out of WebGL contexts (several embeds on one article page; Chromium keeps
 * 16 per page and drops the oldest), a map's canvas goes blank. Watch for it and fall back: to the
 * caller's fallback (the SVG map) when given, else to a readable notice over the map with a button
 * to draw it again. Legend, timeline and links stay usable either way.
 */
import { h } from "../ui/dom.ts";

export const LOST_MESSAGE =
  "This map is paused: the page shows more interactive maps than the browser can draw at once.";

/**
 * Watches every canvas inside `container` (MapLibre's and deck.gl's) for a lost WebGL context and
 * calls `onLost` once, at the first loss. Without `onLost`, shows the notice. Returns a function
 * that stops watching.
 */
export function watchContextLoss(container: HTMLElement, onLost?: () => void): () => void {
  const lost = new Set<EventTarget>();
  let fellBack = false;
  let notice: HTMLElement | null = null;
  const root = document.documentElement;

  const lose = (event: Event) => {
    const canvas = event.target;
    if (canvas) lost.add(canvas);
    // A map removed on purpose gives its context back (and may fire this event) as its canvas
    // leaves the page: only a canvas still on the page after the current task was lost by force.
    queueMicrotask(() => {
      if (canvas instanceof Node && !canvas.isConnected) {
        lost.delete(canvas);
        return;
      }
      fallBack();
    });
  };
  const fallBack = () => {
    if (fellBack || notice) return;
    if (onLost) {
      fellBack = true;
      onLost();
      return;
    }
    // Not yet drawn: the map cannot render now, so readiness ends in an error (DESIGN §3).
    if (!root.dataset.ready) root.dataset.ready = "error";
    const again = h("button", { type: "button", class: "webgl-lost-button" }, "Draw the map again");
    again.addEventListener("click", () => window.location.reload());
    notice = h("div", { class: "webgl-lost", role: "status" }, h("p", {}, LOST_MESSAGE), again);
    container.append(notice);
    root.classList.add("is-webgl-lost");
  };
  const restore = (event: Event) => {
    if (event.target) lost.delete(event.target);
    if (lost.size === 0 && notice) {
      notice.remove();
      notice = null;
      root.classList.remove("is-webgl-lost");
    }
  };
  // Context events do not bubble: listen in the capture phase to hear them from any canvas below.
  container.addEventListener("webglcontextlost", lose, true);
  container.addEventListener("webglcontextrestored", restore, true);
  return () => {
    container.removeEventListener("webglcontextlost", lose, true);
    container.removeEventListener("webglcontextrestored", restore, true);
  };
}
