import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor } from "../../../src/model/shortcuts.ts";

const none = { ctrl: false, meta: false, alt: false };

describe("shortcutFor", () => {
  it("maps keys to commands, letters in either case", () => {
    expect(shortcutFor("3", none, false)).toEqual({ type: "view", view: "minerals" });
    expect(shortcutFor("T", none, false)).toEqual({ type: "table" });
    expect(shortcutFor("]", none, false)).toEqual({ type: "next-event" });
    expect(shortcutFor("x", none, false)).toBeNull();
  });

  it("never takes a key while the reader types in a field, or from a browser shortcut", () => {
    expect(shortcutFor("t", none, true)).toBeNull();
    expect(shortcutFor("t", { ...none, ctrl: true }, false)).toBeNull();
    expect(shortcutFor("1", { ...none, meta: true }, false)).toBeNull();
  });

  it("binds each key once", () => {
    const keys = SHORTCUTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
