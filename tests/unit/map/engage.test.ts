/**
 * When the WebGL map starts over the SVG map (src/map/engage.ts): which gestures ask for it and
 * what they ask, which devices may start it on idle, and the watcher that hears the first one.
 */
import { Window } from "happy-dom";
import { afterAll, describe, expect, it } from "vitest";
import {
  affordsIdleStart,
  type Engagement,
  keyEngagement,
  PAN_STEP,
  pinchEngagement,
  watchEngagement,
  wheelEngagement,
  ZOOM_STEP,
} from "../../../src/map/engage.ts";

const none = { ctrl: false, meta: false, alt: false, shift: false };
const centre = { x: 200, y: 100 };

describe("keyEngagement", () => {
  it("pans with the arrows and zooms with + = - _ about the centre, MapLibre's keys", () => {
    expect(keyEngagement("ArrowLeft", none, centre)).toEqual({ kind: "pan", by: { x: -PAN_STEP, y: 0 } });
    expect(keyEngagement("ArrowDown", none, centre)).toEqual({ kind: "pan", by: { x: 0, y: PAN_STEP } });
    expect(keyEngagement("+", { ...none, shift: true }, centre)).toEqual({ kind: "zoom", at: centre, by: ZOOM_STEP });
    expect(keyEngagement("-", none, centre)).toEqual({ kind: "zoom", at: centre, by: -ZOOM_STEP });
  });
  it("leaves other keys and browser shortcuts alone (Ctrl + is the page's zoom)", () => {
    expect(keyEngagement("a", none, centre)).toBeNull();
    expect(keyEngagement("Tab", none, centre)).toBeNull();
    expect(keyEngagement("+", { ...none, ctrl: true }, centre)).toBeNull();
    expect(keyEngagement("ArrowLeft", { ...none, alt: true }, centre)).toBeNull();
  });
});

describe("wheelEngagement", () => {
  const at = { x: 10, y: 20 };
  it("zooms about the pointer, down zooms out, at most two levels a turn", () => {
    expect(wheelEngagement({ deltaY: -100, ctrl: false, meta: false }, at, false)).toEqual({ kind: "zoom", at, by: 1 });
    expect(wheelEngagement({ deltaY: 50, ctrl: false, meta: false }, at, false)).toEqual({
      kind: "zoom",
      at,
      by: -0.5,
    });
    expect(wheelEngagement({ deltaY: -1000, ctrl: false, meta: false }, at, false)).toEqual({
      kind: "zoom",
      at,
      by: 2,
    });
    expect(wheelEngagement({ deltaY: 0, ctrl: false, meta: false }, at, false)).toBeNull();
  });
  it("in an embed lets a plain wheel scroll the article; Ctrl or ⌘ (or a trackpad pinch) zooms", () => {
    expect(wheelEngagement({ deltaY: -100, ctrl: false, meta: false }, at, true)).toBeNull();
    expect(wheelEngagement({ deltaY: -100, ctrl: true, meta: false }, at, true)).toEqual({ kind: "zoom", at, by: 1 });
    expect(wheelEngagement({ deltaY: -100, ctrl: false, meta: true }, at, true)?.kind).toBe("zoom");
  });
});

describe("pinchEngagement", () => {
  it("zooms by the log of the fingers' spread, about their midpoint; a tremor is no pinch", () => {
    const start = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ] as const;
    const apart = [
      { x: 50, y: 100 },
      { x: 250, y: 100 },
    ] as const;
    expect(pinchEngagement(start, apart)).toEqual({ kind: "zoom", at: { x: 150, y: 100 }, by: 1 });
    const together = [
      { x: 125, y: 100 },
      { x: 175, y: 100 },
    ] as const;
    expect(pinchEngagement(start, together)).toEqual({ kind: "zoom", at: { x: 150, y: 100 }, by: -1 });
    const tremor = [
      { x: 98, y: 100 },
      { x: 203, y: 100 },
    ] as const;
    expect(pinchEngagement(start, tremor)).toBeNull();
  });
});

describe("affordsIdleStart", () => {
  it("starts on idle where the device and connection can afford it, or say nothing", () => {
    expect(affordsIdleStart({})).toBe(true);
    expect(affordsIdleStart({ effectiveType: "4g", deviceMemory: 8, hardwareConcurrency: 8 })).toBe(true);
  });
  it("waits for the reader with Save-Data, on 2G/3G, under 2 GiB or on one core", () => {
    expect(affordsIdleStart({ saveData: true })).toBe(false);
    for (const effectiveType of ["slow-2g", "2g", "3g"]) expect(affordsIdleStart({ effectiveType })).toBe(false);
    expect(affordsIdleStart({ deviceMemory: 1 })).toBe(false);
    expect(affordsIdleStart({ hardwareConcurrency: 1 })).toBe(false);
  });
});

describe("watchEngagement", () => {
  const window = new Window();
  afterAll(() => window.close());
  const mapBox = () => {
    const target = window.document.createElement("div");
    window.document.body.append(target);
    return target as unknown as HTMLElement;
  };

  // happy-dom's WheelEvent keeps deltaY but drops the mouse fields: set them as a browser would.
  const wheel = (deltaY: number, ctrlKey: boolean) => {
    const event = new window.WheelEvent("wheel", { deltaY, cancelable: true });
    for (const [key, value] of Object.entries({ ctrlKey, metaKey: false, clientX: 30, clientY: 40 })) {
      Object.defineProperty(event, key, { value });
    }
    return event;
  };

  it("reports the first gesture once, prevents its default, and stops listening", () => {
    const target = mapBox();
    const seen: Engagement[] = [];
    watchEngagement(target, { cooperative: true, idleAfter: null }, (e) => seen.push(e));
    const plain = wheel(-100, false);
    target.dispatchEvent(plain as unknown as Event);
    expect(seen).toEqual([]);
    expect(plain.defaultPrevented).toBe(false);
    const zoom = wheel(-100, true);
    target.dispatchEvent(zoom as unknown as Event);
    expect(seen).toEqual([{ kind: "zoom", at: { x: 30, y: 40 }, by: 1 }]);
    expect(zoom.defaultPrevented).toBe(true);
    target.dispatchEvent(new window.KeyboardEvent("keydown", { key: "ArrowLeft" }) as unknown as Event);
    expect(seen).toHaveLength(1);
  });

  it("hears a key press on the map", () => {
    const target = mapBox();
    const seen: Engagement[] = [];
    watchEngagement(target, { cooperative: false, idleAfter: null }, (e) => seen.push(e));
    target.dispatchEvent(new window.KeyboardEvent("keydown", { key: "x" }) as unknown as Event);
    target.dispatchEvent(new window.KeyboardEvent("keydown", { key: "ArrowUp" }) as unknown as Event);
    expect(seen).toEqual([{ kind: "pan", by: { x: 0, y: -PAN_STEP } }]);
  });

  it("follows a pinch that engaged until the fingers lift, from the fingers' first positions", () => {
    const target = mapBox();
    const seen: Engagement[] = [];
    const refined: Engagement[] = [];
    watchEngagement(target, { cooperative: true, idleAfter: null, onRefine: (e) => refined.push(e) }, (e) =>
      seen.push(e),
    );
    // happy-dom's TouchEvent keeps no touch list: set it as a browser would.
    const touch = (type: string, apart: number | null) => {
      const event = new window.Event(type, { cancelable: true });
      const touches = apart === null ? [] : [0, apart].map((x) => ({ clientX: 100 + x, clientY: 50 }));
      Object.defineProperty(event, "touches", { value: touches });
      target.dispatchEvent(event as unknown as Event);
      return event;
    };
    touch("touchstart", 50);
    expect(touch("touchmove", 52).defaultPrevented).toBe(false); // under 10%: not yet a pinch
    expect(touch("touchmove", 100).defaultPrevented).toBe(true);
    expect(seen).toEqual([{ kind: "zoom", at: { x: 150, y: 50 }, by: 1 }]);
    touch("touchmove", 200);
    expect(refined).toEqual([{ kind: "zoom", at: { x: 200, y: 50 }, by: 2 }]);
    touch("touchend", null);
    touch("touchstart", 50);
    touch("touchmove", 100);
    expect(seen).toHaveLength(1);
    expect(refined).toHaveLength(1);
  });

  it("the function it returns stops it", () => {
    const target = mapBox();
    const seen: Engagement[] = [];
    const stop = watchEngagement(target, { cooperative: false, idleAfter: null }, (e) => seen.push(e));
    stop();
    target.dispatchEvent(new window.KeyboardEvent("keydown", { key: "+" }) as unknown as Event);
    expect(seen).toEqual([]);
  });
});
