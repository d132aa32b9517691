/** Signals render state to readers, tests and host pages (DESIGN §3 readiness). */
import { setChildren } from "../dom.ts";

export function markReady(): void {
  document.documentElement.dataset.ready = "true";
}

/** Shows a readable message in place of the map and marks the page as failed. */
export function renderFatal(el: HTMLElement, message: string): void {
  document.documentElement.dataset.ready = "error";
  el.hidden = false;
  setChildren(el, message);
}
