import { describe, expect, it } from "vitest";
import { sceneBuilder } from "../../../src/present/scene.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import type { LiveDataset } from "../../../src/types.ts";
import { dataset, index, sceneFor } from "./fixture.ts";

describe("scene of a state", () => {
  it("is derived once per change of what a scene depends on, and reused for the rest", () => {
    const sceneOf = sceneBuilder(index);
    const first = sceneOf(dataset, DEFAULT_STATE, "light");
    expect(first).toEqual(sceneFor());
    // A country opened, the table shown, another embed flag: the same scene object.
    expect(sceneOf(dataset, { ...DEFAULT_STATE, country: "AUS", table: true }, "light")).toBe(first);
    // The view, the date or the theme: a new scene.
    const forums = sceneOf(dataset, { ...DEFAULT_STATE, view: "forums" }, "light");
    expect(forums).not.toBe(first);
    expect(forums).toEqual(sceneFor({ view: "forums" }));
    expect(sceneOf(dataset, { ...DEFAULT_STATE, date: "2025-12-12" }, "light")).toEqual(
      sceneFor({ date: "2025-12-12" }),
    );
    expect(sceneOf(dataset, DEFAULT_STATE, "dark")).toEqual(sceneFor({}, "dark"));
    expect(sceneOf(dataset, DEFAULT_STATE, "dark")).not.toBe(first);
  });

  it("waits for the mineral tables in the minerals view, and is derived afresh when they arrive", () => {
    const sceneOf = sceneBuilder(index);
    const minerals = { ...DEFAULT_STATE, view: "minerals" as const };
    const early: LiveDataset = { ...dataset, mineralTables: null };
    const pending = sceneOf(early, minerals, "light");
    expect(pending.minerals).toMatchObject({ pending: true, choice: null, concentration: null, allMinerals: [] });
    expect(pending.minerals?.mineral?.slug).toBe("rare-earths");
    // Nothing coloured as if it were known: no country entries, no counts; the legend it will have.
    const arrivedChoropleth = sceneFor({ view: "minerals" }).choropleth;
    expect(pending.choropleth.countries.size).toBe(0);
    expect(pending.choropleth.pending).toBe(true);
    expect(pending.choropleth.categories.map((c) => c.key)).toEqual(arrivedChoropleth.categories.map((c) => c.key));
    expect(pending.choropleth.title).toBe("Refining, share of world");
    expect(pending.summary).toBe("Rare earths: the country data are not loaded yet.");
    // The pacts view does not need the tables: the same scene with or without them.
    expect(sceneOf(early, DEFAULT_STATE, "light")).toEqual(sceneOf(dataset, DEFAULT_STATE, "light"));
    const arrived = sceneOf(dataset, minerals, "light");
    expect(arrived).not.toBe(pending);
    expect(arrived).toEqual(sceneFor({ view: "minerals" }));
    expect(arrived.minerals?.pending).toBe(false);
  });
});
