import { describe, expect, it } from "vitest";
import {
  type Lifecycle,
  type LifecycleInput,
  NO_WEBGL,
  PAUSED_NOTE,
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

const eager = startLifecycle({ webglPossible: true }).state;
const lazy = startLifecycle({ webglPossible: true, lazy: true }).state;

describe("renderer life cycle", () => {
  it("starts on the poster, or on the SVG map when the browser has no WebGL", () => {
    expect(eager.phase).toBe("poster");
    const none = startLifecycle({ webglPossible: false });
    expect(none.state.phase).toBe("svg-fallback");
    expect(none.effects).toEqual([{ type: "fall-back", reason: NO_WEBGL }]);
  });

  it("code arrived: mounts WebGL behind the poster; first frame: removes the poster and announces ready", () => {
    const arrived = step(eager, { type: "code-arrived" });
    expect(arrived.state.phase).toBe("starting-webgl");
    expect(arrived.effects).toEqual([{ type: "mount-webgl" }]);
    const drawn = step(arrived.state, { type: "first-frame" });
    expect(drawn.state.phase).toBe("webgl");
    expect(drawn.effects).toEqual([{ type: "remove-poster" }, { type: "announce-ready" }]);
    // A second frame event changes nothing.
    expect(step(drawn.state, { type: "first-frame" }).effects).toEqual([]);
  });

  it("context lost after the first frame (too many maps): a static stand-in, a note, ready; restored: back to WebGL", () => {
    const live = run(eager, { type: "code-arrived" }, { type: "first-frame" }).state;
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

  it("context lost before the first frame: the poster stays the drawn map (no second copy), the page is ready", () => {
    const { state, effects } = run(eager, { type: "code-arrived" }, { type: "context-lost" });
    expect(state.phase).toBe("starting-webgl");
    expect(effects).toEqual([{ type: "mount-webgl" }, { type: "note", text: PAUSED_NOTE }, { type: "announce-ready" }]);
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
    for (const from of [eager, run(eager, { type: "code-arrived" }).state, lazy]) {
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
    expect(run(eager, { type: "context-lost" }, { type: "context-restored" }).effects).toEqual([]);
    expect(run(lazy, { type: "context-lost" }).effects).toEqual([]);
  });
});
