/**
 * Code loaded on first use (issue 13, "light first"): the table, the sources panel, the share dialog
 * and the downloads are their own chunks (a dynamic `import()`), fetched when the reader reaches
 * for them (pointer over or focus on their button), when the page is idle after it is ready, or on
 * the click itself. Their buttons are in the page from the start; a click before the chunk arrives
 * is carried out when it does, and a chunk that fails to load says so and offers to try again.
 */
import { focusRegion, h } from "../dom.ts";
import { affordsIdleStart, deviceHints } from "../map/engage.ts";

export interface Chunk<M> {
  /** The module once it has arrived; null before. */
  readonly module: M | null;
  /** Loads it (once: later calls share the first load); a failed load is tried afresh next time. */
  load(): Promise<M>;
  /** Loads it without waiting or reporting: a failure is left for the click to report. */
  prefetch(): void;
}

export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  /** Where to ask for the chunk after a failure (retryAddress); null: the import as built. */
  let retry: string | null = null;
  let failures = 0;
  const load = () => {
    loading ??= (retry ? (import(/* @vite-ignore */ retry) as Promise<M>) : importer()).then(
      (loaded) => {
        module = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = null;
        failures += 1;
        retry = retryAddress(error, failures) ?? retry;
        throw error;
      },
    );
    return loading;
  };
  return {
    get module() {
      return module;
    },
    load,
    prefetch: () => {
      load().catch(() => undefined);
    },
  };
}

/**
 * Where to ask again for a module whose import failed: its address (which the browser's error
 * names: Chromium's and Firefox's do) with `retry=N` added, or null where the error names none.
 * Why: a browser keeps a failed module in its module map for the page's life, as the HTML
 * standard says (Chromium 150 does), so importing the same address again fails at once, without
 * a request; a new address is a new request. Pure.
 */
export function retryAddress(error: unknown, attempt: number): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const named = /\bhttps?:\/\/[^\s'"]+\.m?js(?:\?[^\s'"]*)?/.exec(message)?.[0];
  if (!named) return null;
  const address = new URL(named);
  address.searchParams.set("retry", String(attempt));
  return address.href;
}

/** Prefetches on intent: the pointer over the element or the focus on it. */
export function prefetchOnIntent(el: Element, code: Chunk<unknown>): void {
  el.addEventListener("pointerenter", code.prefetch, { once: true });
  el.addEventListener("focusin", code.prefetch, { once: true });
}

/**
 * How long after ready the idle prefetch waits: what a page costs until ready is measured by
 * watching for `data-ready` (the bench polls it every 100 ms), and a prefetch in that window would
 * be counted as the first view's.
 */
export const PREFETCH_AFTER = 2000;

/**
 * Prefetches, once the page is idle a while after ready, the chunks whose trigger is shown (an
 * embed hides some; `null`: no trigger, always), where the device and connection afford it (as the
 * WebGL map's idle start: not with Save-Data, on 2G/3G or a small device). Call it once the page is
 * ready: nothing before.
 */
export function prefetchWhenIdle(
  chunks: readonly (readonly [Element | null, Pick<Chunk<unknown>, "prefetch">])[],
): void {
  if (!affordsIdleStart(deviceHints(navigator))) return;
  const request = (globalThis as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback;
  const prefetch = () => {
    for (const [el, code] of chunks) if (!el || el.getClientRects().length > 0) code.prefetch();
  };
  setTimeout(() => (request ? request(prefetch) : prefetch()), PREFETCH_AFTER);
}

/**
 * A button whose action needs a chunk: prefetched on intent; a click runs `use` at once if the
 * chunk is in, else marks the button busy and runs it when the chunk arrives. A failure shows
 * `Could not load {what}.` beside the button with a "Try again" that loads and runs it (and puts
 * the focus back on the button).
 */
export function onClickWith<M>(button: HTMLElement, code: Chunk<M>, what: string, use: (module: M) => void): void {
  prefetchOnIntent(button, code);
  let notice: HTMLElement | null = null;
  let waiting = false;
  const run = () => {
    const loaded = code.module;
    if (loaded) {
      use(loaded);
      return;
    }
    if (waiting) return; // already on its way: one click, one action
    waiting = true;
    button.setAttribute("aria-busy", "true");
    code.load().then(
      (module) => {
        waiting = false;
        button.removeAttribute("aria-busy");
        notice?.remove();
        notice = null;
        use(module);
      },
      (error: unknown) => {
        console.error(error);
        waiting = false;
        button.removeAttribute("aria-busy");
        notice?.remove();
        notice = failure(what, () => {
          // The notice goes as the load starts again: the focus goes back to the button it is about.
          button.focus();
          run();
        });
        button.after(notice);
      },
    );
  };
  button.addEventListener("click", run);
}

/** `Could not load {what}. Check the connection.` and a "Try again" button, as an alert. */
export function failure(what: string, retry: () => void): HTMLElement {
  const again = h("button", { type: "button", class: "link-button lazy-retry" }, "Try again");
  again.addEventListener("click", retry);
  return h("span", { class: "lazy-failure", role: "alert" }, `Could not load ${what}. Check the connection. `, again);
}

/**
 * For a surface the one render draws (src/ui/render.ts) whose code is not in yet: shows that it
 * is loading, and loads it; `redraw` (the render) runs once it arrives, or the failure is shown
 * in the surface with a "Try again" (which keeps the focus on the surface). Rendering again while
 * it loads changes nothing. A surface named by its heading (aria-labelledby, the heading drawn by
 * its code) keeps its name meanwhile: `title` is drawn as that heading, under that id.
 */
export function drawWhenLoaded(
  el: HTMLElement,
  code: Chunk<unknown>,
  what: string,
  redraw: () => void,
  title?: string,
): void {
  if (el.dataset.loading === "true") return;
  el.dataset.loading = "true";
  el.setAttribute("aria-busy", "true");
  const labelledBy = el.getAttribute("aria-labelledby");
  // Without a title the status line itself names it: aria-labelledby never points at nothing.
  const heading = () => (labelledBy && title ? h("h2", { id: labelledBy, class: "lazy-title" }, title) : null);
  const nameless = labelledBy && !title ? labelledBy : undefined;
  el.replaceChildren(
    ...[heading(), h("p", { class: "lazy-loading", role: "status", id: nameless }, `Loading ${what}…`)].filter(
      (child) => child !== null,
    ),
  );
  code.load().then(
    () => {
      delete el.dataset.loading;
      el.removeAttribute("aria-busy");
      redraw();
    },
    (error: unknown) => {
      console.error(error);
      delete el.dataset.loading;
      el.removeAttribute("aria-busy");
      el.replaceChildren(
        ...[
          heading(),
          h(
            "p",
            { id: nameless },
            failure(what, () => {
              // "Try again" gives way to "Loading…": the focus stays in the surface, not on <body>.
              focusRegion(el);
              drawWhenLoaded(el, code, what, redraw, title);
            }),
          ),
        ].filter((child) => child !== null),
      );
    },
  );
}
