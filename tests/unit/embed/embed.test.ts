import { describe, expect, it } from "vitest";
import { embedOptions, readyMessage, resizeMessage } from "../../../src/embed/embed.ts";

describe("embedOptions", () => {
  it("is compact when asked by URL or when framed; only a frame changes gestures and messages", () => {
    expect(embedOptions(false, false)).toEqual({ compact: false, cooperativeGestures: false, messageParent: false });
    expect(embedOptions(true, false)).toEqual({ compact: true, cooperativeGestures: false, messageParent: false });
    expect(embedOptions(false, true)).toEqual({ compact: true, cooperativeGestures: true, messageParent: true });
  });
});

describe("messages", () => {
  it("are namespaced as DESIGN §3 says, with whole-pixel heights", () => {
    expect(readyMessage()).toEqual({ type: "critical-minerals-map:ready" });
    expect(resizeMessage(412.2)).toEqual({ type: "critical-minerals-map:resize", height: 413 });
  });
});
