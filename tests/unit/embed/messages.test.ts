/**
 * src/embed/messages.ts in a stand-in window: the content height goes to the parent in the same
 * callback where the ResizeObserver reports it (no timer, no debounce), once per distinct height,
 * and the ready message once per load. The real thing runs in Chromium in tests/e2e/embed.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

let posted: unknown[];
let observers: { callback: () => void; observed: unknown[]; disconnected: boolean }[];
let height: number;
let onMessage: ((event: unknown) => void) | null;

beforeEach(() => {
  posted = [];
  observers = [];
  height = 600;
  onMessage = null;
  vi.resetModules();
  vi.stubGlobal("window", {
    parent: { postMessage: (message: unknown) => posted.push(message) },
    innerHeight: 600,
    location: { search: "?embed=1&initialWidth=700&childId=graphic-1&parentTitle=News&parentUrl=x" },
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === "message") onMessage = listener;
    },
    removeEventListener: () => {},
  });
  vi.stubGlobal("document", { documentElement: { classList: { toggle: () => {} } } });
  vi.stubGlobal(
    "ResizeObserver",
    class {
      entry: (typeof observers)[number];
      constructor(callback: () => void) {
        this.entry = { callback, observed: [], disconnected: false };
        observers.push(this.entry);
      }
      observe(target: unknown) {
        this.entry.observed.push(target);
      }
      disconnect() {
        this.entry.disconnected = true;
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

const element = () => ({ getBoundingClientRect: () => ({ height }) }) as unknown as HTMLElement;

describe("watchHeight", () => {
  it("posts the rounded-up height within the observer's callback, once per distinct height", async () => {
    const { watchHeight } = await import("../../../src/embed/messages.ts");
    const app = element();
    const stop = watchHeight(app);
    const observer = observers[0];
    if (!observer) throw new Error("no ResizeObserver");
    expect(observer.observed).toEqual([app]);

    height = 857.2;
    observer.callback();
    // Synchronously: the message leaves in the same rendering step as the layout that caused it,
    // in our protocol, AMP's (amp-iframe resizable) and Pym.js's (to the childId it gave).
    expect(posted).toEqual([
      { type: "critical-minerals-map:resize", height: 858 },
      { sentinel: "amp", type: "embed-size", height: 858 },
      "pymxPYMxgraphic-1xPYMxheightxPYMx858",
    ]);
    observer.callback();
    expect(posted).toHaveLength(3);
    height = 2780;
    observer.callback();
    expect(posted.slice(3)).toEqual([
      { type: "critical-minerals-map:resize", height: 2780 },
      { sentinel: "amp", type: "embed-size", height: 2780 },
      "pymxPYMxgraphic-1xPYMxheightxPYMx2780",
    ]);
    // Pym's parent asks for the height by sending its width; only its own id counts.
    const parent = (window as unknown as { parent: unknown }).parent;
    onMessage?.({ source: parent, data: "pymxPYMxotherxPYMxwidthxPYMx700" });
    onMessage?.({ source: {}, data: "pymxPYMxgraphic-1xPYMxwidthxPYMx700" });
    expect(posted).toHaveLength(6);
    onMessage?.({ source: parent, data: "pymxPYMxgraphic-1xPYMxwidthxPYMx700" });
    expect(posted.slice(6)).toEqual(["pymxPYMxgraphic-1xPYMxheightxPYMx2780"]);

    stop();
    expect(observer.disconnected).toBe(true);
  });
});

describe("postReady", () => {
  it("posts the ready message once per load", async () => {
    const { postReady } = await import("../../../src/embed/messages.ts");
    postReady();
    postReady();
    expect(posted).toEqual([{ type: "critical-minerals-map:ready" }]);
  });

  it("posts the height the page has now before ready, when the observer has not yet reported it", async () => {
    const { postReady, watchHeight } = await import("../../../src/embed/messages.ts");
    watchHeight(element());
    observers[0]?.callback();
    expect(posted.slice(-3)[0]).toEqual({ type: "critical-minerals-map:resize", height: 600 });
    // The map went in: the page is shorter, and ready comes before the observer's next callback.
    height = 583;
    postReady();
    expect(posted.slice(3)).toEqual([
      { type: "critical-minerals-map:resize", height: 583 },
      { sentinel: "amp", type: "embed-size", height: 583 },
      "pymxPYMxgraphic-1xPYMxheightxPYMx583",
      { type: "critical-minerals-map:ready" },
    ]);
    // The observer, a frame later, has nothing new to post.
    observers[0]?.callback();
    expect(posted).toHaveLength(7);
  });
});
