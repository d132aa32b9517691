/**
 * The map's renderer life cycle as a named state machine. Pure: `step` maps a state and an input
 * (something the browser told us) to the next state and the effects the composition root must run.
 *
 *   svg interactive ──engaged/idle──▶ starting webgl ──first frame──▶ webgl
 *    (and code arrived,                     │                            │ context lost (too many maps, GPU reset)
 *     in either order)                      │ context lost:               ▼
 *                                           │ the SVG map stays      paused (static SVG stand-in) ──restored──▶ webgl
 *
 *   any phase ──WebGL refused / map code failed──▶ svg fallback (final: the SVG map is the map)
 *
 * Inputs are explicit so another trigger (the reader's first zoom, an idle callback) is one more
 * `engaged`/`idle` event, not one more flag.
 */

export type Phase =
  /** The interactive SVG map; WebGL not started yet (it starts when the reader engages or the page is idle). */
  | "svg-interactive"
  /** The WebGL map is mounted and preparing its first frame; the SVG map is still what readers see. */
  | "starting-webgl"
  /** The WebGL map is drawn and live. */
  | "webgl"
  /** The browser took the WebGL context after the first frame: a static SVG copy stands in. */
  | "paused"
  /** No WebGL (disabled, refused, or its code failed): the SVG map is the map, for good. */
  | "svg-fallback";

export interface Lifecycle {
  phase: Phase;
  /** The WebGL map's code has arrived. */
  code: boolean;
  /** The reader engaged (or the page went idle) before the code arrived. */
  wanted: boolean;
  /** A context was lost before the first frame (the SVG map stays the drawn map until it is restored). */
  lostEarly: boolean;
}

export type LifecycleInput =
  | { type: "code-arrived" }
  | { type: "engaged" }
  | { type: "idle" }
  | { type: "first-frame" }
  | { type: "context-lost" }
  | { type: "context-restored" }
  /** The browser refused a WebGL context, or the map could not start (`reason` is shown to readers). */
  | { type: "webgl-refused"; reason: string };

export type Effect =
  | { type: "mount-webgl" }
  /** The interactive SVG map (in #poster) that stood in until the first WebGL frame. */
  | { type: "remove-poster" }
  | { type: "mount-stand-in" }
  | { type: "remove-stand-in" }
  /** Tear down WebGL and the stand-in; the SVG map is the map (kept if it is up, else mounted; ready is announced). */
  | { type: "fall-back"; reason: string }
  | { type: "announce-ready" }
  /** The note over the map: text, or null to hide it. */
  | { type: "note"; text: string | null };

export interface Step {
  state: Lifecycle;
  effects: Effect[];
}

export const PAUSED_NOTE = "The interactive map is paused by the browser; showing a static copy.";
/** Paused before its first frame: the SVG map readers were using stays, and still answers them. */
export const PAUSED_STARTING_NOTE = "The browser paused the zoomable map; this one still answers hover and clicks.";
export const NO_WEBGL = "this browser cannot draw WebGL maps.";

/**
 * Where a page starts: the interactive SVG map, with WebGL to start when the reader engages or the
 * page is idle; without WebGL, the SVG map for good.
 */
export function startLifecycle(options: { webglPossible: boolean }): Step {
  const state: Lifecycle = {
    phase: "svg-interactive",
    code: false,
    wanted: false,
    lostEarly: false,
  };
  if (!options.webglPossible) return fallBack(state, NO_WEBGL);
  return { state, effects: [] };
}

export function step(state: Lifecycle, input: LifecycleInput): Step {
  if (state.phase === "svg-fallback") return { state, effects: [] };
  switch (input.type) {
    case "webgl-refused":
      return fallBack(state, input.reason);
    case "code-arrived": {
      const next = { ...state, code: true };
      const start = state.phase === "svg-interactive" && state.wanted;
      return start ? startWebgl(next) : { state: next, effects: [] };
    }
    case "engaged":
    case "idle":
      if (state.phase !== "svg-interactive") return { state, effects: [] };
      return state.code ? startWebgl(state) : { state: { ...state, wanted: true }, effects: [] };
    case "first-frame":
      if (state.phase !== "starting-webgl") return { state, effects: [] };
      return {
        state: { ...state, phase: "webgl" },
        effects: [{ type: "remove-poster" }, { type: "announce-ready" }],
      };
    case "context-lost":
      if (state.phase === "webgl") {
        return {
          state: { ...state, phase: "paused" },
          effects: [{ type: "note", text: PAUSED_NOTE }, { type: "mount-stand-in" }, { type: "announce-ready" }],
        };
      }
      // Lost before the first frame: the SVG map is still up and is the drawn map.
      if (state.phase === "starting-webgl" && !state.lostEarly) {
        return {
          state: { ...state, lostEarly: true },
          effects: [{ type: "note", text: PAUSED_STARTING_NOTE }, { type: "announce-ready" }],
        };
      }
      return { state, effects: [] };
    case "context-restored":
      if (state.phase === "paused") {
        return {
          state: { ...state, phase: "webgl" },
          effects: [{ type: "note", text: null }, { type: "remove-stand-in" }],
        };
      }
      if (state.lostEarly) return { state: { ...state, lostEarly: false }, effects: [{ type: "note", text: null }] };
      return { state, effects: [] };
  }
}

function startWebgl(state: Lifecycle): Step {
  return { state: { ...state, phase: "starting-webgl" }, effects: [{ type: "mount-webgl" }] };
}

function fallBack(state: Lifecycle, reason: string): Step {
  return {
    state: { ...state, phase: "svg-fallback", lostEarly: false },
    effects: [{ type: "fall-back", reason }],
  };
}
