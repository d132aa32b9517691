import { describe, expect, it } from "vitest";
import { sceneBuilder } from "../../../src/present/scene.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { dataset, index, sceneFor } from "./fixture.ts";

describe("scene of a state", () => {
  it("is derived once per change of what a scene depends on, and reused for the rest", () => {
    const sceneOf = sceneBuilder(dataset, index);
    const first = sceneOf(DEFAULT_STATE, "light");
    expect(first).toEqual(sceneFor());
    // A country opened, the table shown, another embed flag: the same scene object.
    expect(sceneOf({ ...DEFAULT_STATE, country: "AUS", table: true }, "light")).toBe(first);
    // The view, the date or the theme: a new scene.
    const forums = sceneOf({ ...DEFAULT_STATE, view: "forums" }, "light");
    expect(forums).not.toBe(first);
    expect(forums).toEqual(sceneFor({ view: "forums" }));
    expect(sceneOf({ ...DEFAULT_STATE, date: "2025-12-12" }, "light")).toEqual(sceneFor({ date: "2025-12-12" }));
    expect(sceneOf(DEFAULT_STATE, "dark")).toEqual(sceneFor({}, "dark"));
    expect(sceneOf(DEFAULT_STATE, "dark")).not.toBe(first);
  });
});
