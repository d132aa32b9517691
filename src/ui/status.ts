/** Signals render state to readers, tests and host pages (DESIGN §3 readiness). */
import type { Loaded } from "../data/load.ts";
import { h, setChildren } from "../dom.ts";

export function markReady(): void {
  document.documentElement.dataset.ready = "true";
  // The map stays aria-busy from the first paint until its first complete render (a button or panel
  // waiting for its code keeps its own flag: src/ui/lazy.ts).
  document.getElementById("map")?.removeAttribute("aria-busy");
}

/**
 * Which renderer draws the map now, on <html data-renderer>: "svg" (the poster, the SVG map without
 * WebGL, or the copy standing in while the browser holds the WebGL context), "webgl" (MapLibre).
 */
export function markRenderer(renderer: "svg" | "webgl"): void {
  document.documentElement.dataset.renderer = renderer;
}

/** Shows a readable message in place of the map and marks the page as failed. */
export function renderFatal(el: HTMLElement, message: string, ...actions: HTMLElement[]): void {
  document.documentElement.dataset.ready = "error";
  el.hidden = false;
  setChildren(el, message, ...actions.flatMap((action) => [" ", action]));
}

/** An error nobody planned for: readers get a sentence, the console gets the exception. */
export function renderUnexpected(el: HTMLElement, error: unknown): void {
  console.error(error);
  renderFatal(el, "Something went wrong while drawing the map. Reloading the page may help.");
}

export interface LoadingElements {
  /** The status line ("Loading…"), a polite live region. */
  loading: HTMLElement;
  /** Where a failure is shown (an alert). */
  fatal: HTMLElement;
  /** What is being filled in: aria-busy from the start until ready or failed. */
  busy: HTMLElement;
}

/**
 * Runs `load` until it succeeds: shows (and announces) the loading state at once, and on a failure
 * the reader-facing reason, `data-ready="error"` and a "Try again" button that loads afresh.
 */
export function loadWithStatus<T>(load: () => Promise<Loaded<T>>, els: LoadingElements): Promise<T> {
  return new Promise((resolve) => {
    const attempt = (again: boolean) => {
      delete document.documentElement.dataset.ready;
      els.fatal.hidden = true;
      els.busy.setAttribute("aria-busy", "true");
      els.loading.hidden = false;
      // A new text each time, so screen readers announce it (the page starts with a placeholder).
      els.loading.textContent = again ? "Trying again to load the map's data…" : "Loading the map's data…";
      const failed = (): Loaded<T> => ({ ok: false, error: "The map's data could not be loaded." });
      load().then(done, (error: unknown) => {
        console.error(error);
        done(failed());
      });
      function done(result: Loaded<T>): void {
        els.loading.hidden = true;
        els.loading.textContent = "";
        if (result.ok) {
          resolve(result.value); // still busy: markReady ends it when the map is drawn
          return;
        }
        els.busy.removeAttribute("aria-busy");
        const retry = h("button", { type: "button", class: "link-button" }, "Try again");
        retry.addEventListener("click", () => attempt(true));
        renderFatal(els.fatal, result.error, retry);
      }
    };
    attempt(false);
  });
}
