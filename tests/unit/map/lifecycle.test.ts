import { describe, expect, it } from "vitest";
import {
  type Lifecycle,
  type LifecycleInput,
  NO_WEBGL,
  PAUSED_NOTE,
  PAUSED_STARTING_NOTE,
  startLifecycle,
  step,
} from "../../../src/map/lifecycle.ts";

/** Runs inputs from a state; returns the last state and every effect, in order. */
function run(state: Lifecycle, ...inputs: LifecycleInput[]) {
  const effects = [];
  for (const input of inputs) {
    const next = step(state, input);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const lazy = startLifecycle({ webglPossible: true }).state;
/** The reader engaged before the WebGL map's code arrived: nothing is mounted yet. */
const wanted = run(lazy, { type: "engaged" }).state;

describe("renderer life cycle", () => {
  it("starts on the interactive SVG map, or on the SVG map for good when the browser has no WebGL", () => {
    expect(lazy.phase).toBe("svg-interactive");
    const none = startLifecycle({ webglPossible: false });
    expect(none.state.phase).toBe("svg-fallback");
    expect(none.effects).toEqual([{ type: "fall-back", reason: NO_WEBGL }]);
  });

  it("code arrived (once wanted): mounts WebGL behind the SVG map; first frame: removes the SVG map and announces ready", () => {
    const arrived = step(wanted, { type: "code-arrived" });
    expect(arrived.state.phase).toBe("starting-webgl");
    expect(arrived.effects).toEqual([{ type: "mount-webgl" }]);
    const drawn = step(arrived.state, { type: "first-frame" });
    expect(drawn.state.phase).toBe("webgl");
    expect(drawn.effects).toEqual([{ type: "remove-poster" }, { type: "announce-ready" }]);
    // A second frame event changes nothing.
    expect(step(drawn.state, { type: "first-frame" }).effects).toEqual([]);
  });

  it("context lost after the first frame (too many maps): a static stand-in, a note, ready; restored: back to WebGL", () => {
    const live = run(wanted, { type: "code-arrived" }, { type: "first-frame" }).state;
    const lost = step(live, { type: "context-lost" });
    expect(lost.state.phase).toBe("paused");
    expect(lost.effects).toEqual([
      { type: "note", text: PAUSED_NOTE },
      { type: "mount-stand-in" },
      { type: "announce-ready" },
    ]);
    // More canvases lost with it: one stand-in only.
    expect(step(lost.state, { type: "context-lost" }).effects).toEqual([]);
    const restored = step(lost.state, { type: "context-restored" });
    expect(restored.state.phase).toBe("webgl");
    expect(restored.effects).toEqual([{ type: "note", text: null }, { type: "remove-stand-in" }]);
  });

  it("context lost before the first frame: the SVG map stays the drawn map (no second copy), the page is ready", () => {
    const { state, effects } = run(wanted, { type: "code-arrived" }, { type: "context-lost" });
    expect(state.phase).toBe("starting-webgl");
    expect(effects).toEqual([
      { type: "mount-webgl" },
      { type: "note", text: PAUSED_STARTING_NOTE },
      { type: "announce-ready" },
    ]);
    expect(effects).not.toContainEqual({ type: "mount-stand-in" });
    const restored = run(state, { type: "context-restored" }, { type: "first-frame" });
    expect(restored.state).toMatchObject({ phase: "webgl", lostEarly: false });
    expect(restored.effects).toEqual([
      { type: "note", text: null },
      { type: "remove-poster" },
      { type: "announce-ready" },
    ]);
  });

  it("WebGL refused (or the map code failed): the SVG map, for good; nothing moves it on", () => {
    const reason = "the interactive map could not start.";
    for (const from of [lazy, wanted, run(wanted, { type: "code-arrived" }).state]) {
      const refused = step(from, { type: "webgl-refused", reason });
      expect(refused.state.phase).toBe("svg-fallback");
      expect(refused.effects).toEqual([{ type: "fall-back", reason }]);
      const after = run(refused.state, { type: "code-arrived" }, { type: "first-frame" }, { type: "context-lost" });
      expect(after).toEqual({ state: refused.state, effects: [] });
    }
  });

  it("lazy: the interactive SVG map until the reader engages or the page is idle, whichever order the code arrives in", () => {
    expect(lazy.phase).toBe("svg-interactive");
    const codeFirst = run(lazy, { type: "code-arrived" });
    expect(codeFirst.state.phase).toBe("svg-interactive");
    expect(codeFirst.effects).toEqual([]);
    expect(run(codeFirst.state, { type: "engaged" }).effects).toEqual([{ type: "mount-webgl" }]);
    expect(run(codeFirst.state, { type: "idle" }).effects).toEqual([{ type: "mount-webgl" }]);
    const engagedFirst = run(lazy, { type: "engaged" });
    expect(engagedFirst.effects).toEqual([]);
    expect(run(engagedFirst.state, { type: "code-arrived" }).state.phase).toBe("starting-webgl");
    // Engaging twice mounts one map.
    expect(run(codeFirst.state, { type: "engaged" }, { type: "idle" }).effects).toEqual([{ type: "mount-webgl" }]);
  });

  it("ignores a loss or restore that does not concern a live map", () => {
    expect(run(wanted, { type: "context-lost" }, { type: "context-restored" }).effects).toEqual([]);
    expect(run(lazy, { type: "context-lost" }).effects).toEqual([]);
  });
});
