/** deriveScene and indexOf (src/model/derive.ts) on the committed dataset. */
import { describe, expect, it } from "vitest";
import { HUB, MINISTERIAL_DATE } from "../../../src/config.ts";
import { deriveScene, indexOf, memoize, summaryOf } from "../../../src/model/derive.ts";
import { activeMemberships } from "../../../src/model/forums.ts";
import { statusByCountry } from "../../../src/model/status.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { dataset, index, sceneFor } from "../present/fixture.ts";

/** The countries with a pact signed at the ministerial, read straight from the records. */
const ministerialSigners = new Set(
  dataset.agreements.filter((a) => a.kind === "pact" && a.cohort === "ministerial").map((a) => a.iso3),
);

describe("indexOf", () => {
  it("names every place and organisation, and draws only the places", () => {
    const built = indexOf(dataset);
    expect(built.drawable.size).toBe(dataset.places.length);
    for (const o of dataset.organisations) {
      expect(built.names.get(o.iso3)).toBe(o.name);
      expect(built.drawable.has(o.iso3)).toBe(false);
    }
    expect(built.names.get("AUS")).toBe("Australia");
    expect(built.sources.size).toBe(dataset.sources.length);
  });
});

describe("deriveScene, pacts view", () => {
  const scene = sceneFor({ date: MINISTERIAL_DATE });

  it("colours the 11 countries that signed at the ministerial, as the records say", () => {
    expect(ministerialSigners.size).toBe(11);
    const coloured = [...scene.choropleth.countries.values()].filter((e) => e.key === "ministerial");
    expect(new Set(coloured.map((e) => e.iso3))).toEqual(ministerialSigners);
    expect(scene.choropleth.categories.find((c) => c.key === "ministerial")?.count).toBe(11);
  });

  it("holds the statuses, memberships and arcs of its date, and nothing of the other views", () => {
    expect(scene.date).toBe(MINISTERIAL_DATE);
    expect(scene.statuses).toEqual(statusByCountry(dataset, MINISTERIAL_DATE));
    expect(scene.memberships).toEqual(activeMemberships(dataset.memberships, MINISTERIAL_DATE));
    expect(scene.minerals).toBeNull();
    expect(scene.forums).toBeNull();
    // One arc per pact or deal signed by the date with a partner on the map, each from the hub.
    expect(scene.arcs.length).toBeGreaterThan(ministerialSigners.size);
    expect(scene.arcs.every((a) => a.iso3 !== HUB && a.paths.length > 0)).toBe(true);
    expect(sceneFor({ date: MINISTERIAL_DATE, arcs: false }).arcs).toEqual([]);
    expect(sceneFor({ view: "forums", date: MINISTERIAL_DATE }).arcs).toEqual([]);
  });

  it("says in its summary the counts the map shows, and the unnamed negotiations from the ministerial on", () => {
    const pacts = [...scene.statuses.values()].filter((s) => ["ministerial", "before", "after"].includes(s.status));
    expect(scene.summary).toContain(`${pacts.length} partners have a critical-minerals pact with the US`);
    expect(scene.summary).toContain("11 signed at the 4 Feb 2026 ministerial");
    const concluded = dataset.tallies.find((t) => t.id === "negotiations-concluded");
    expect(scene.summary).toContain(`${concluded?.value} more concluded negotiations`);
    const dayBefore = sceneFor({ date: "2026-02-03" });
    expect(dayBefore.summary).toContain("0 signed at the 4 Feb 2026 ministerial");
    expect(dayBefore.summary).not.toContain("more concluded negotiations");
  });

  it("clamps the date to the timeline and takes the latest record for none", () => {
    expect(sceneFor({ date: "1999-01-01" }).date).toBe(index.timeline.start);
    expect(sceneFor({ date: "2099-01-01" }).date).toBe(index.timeline.end);
    expect(sceneFor({ date: null }).date).toBe(index.timeline.end);
  });
});

describe("deriveScene, forums view", () => {
  it("keeps the forum's members on the date, which colour the map", () => {
    const scene = sceneFor({ view: "forums", forum: "pax-silica", date: MINISTERIAL_DATE });
    if (scene.forums?.forum !== "pax-silica") throw new Error("no Pax Silica members");
    const signatories = activeMemberships(dataset.memberships, MINISTERIAL_DATE).filter(
      (m) => m.forum === "pax-silica" && m.role === "signatory",
    );
    const byStatus = [...scene.forums.statuses.values()].filter((s) => s.category === "signatory");
    expect(byStatus.map((s) => s.iso3).sort()).toEqual([...new Set(signatories.map((m) => m.iso3))].sort());
    expect(scene.choropleth.countries.get("JPN")?.key).toBe("signatory");
    expect(scene.summary).toContain(`${byStatus.length} signatories`);
  });

  it("counts each country's forums in the overlap view", () => {
    const scene = sceneFor({ view: "forums", forum: "overlap", date: MINISTERIAL_DATE });
    if (scene.forums?.forum !== "overlap") throw new Error("no overlap");
    // Australia: FORGE, Pax Silica and the ministerial on that day.
    expect(scene.forums.overlap.get("AUS")?.sort()).toEqual(["forge", "ministerial", "pax-silica"]);
    expect(scene.choropleth.countries.get("AUS")?.key).toBe("3");
  });
});

describe("deriveScene, minerals view", () => {
  it("draws the year that has a table and says so (graphite refining: 2024, not 2025)", () => {
    const scene = sceneFor({ view: "minerals", mineral: "graphite", stage: "refining", year: 2025 });
    expect(scene.minerals?.choice?.table.year).toBe(2024);
    expect(scene.summary).toMatch(/^Graphite: refining, 2024; China leads with 96% of world supply/);
  });

  it("puts the US and the pact partners in the bloc, never China, and FORGE members on request", () => {
    const plain = sceneFor({ view: "minerals", mineral: "cobalt" });
    const withForge = sceneFor({ view: "minerals", mineral: "cobalt", blocForge: true });
    const members = plain.minerals?.members ?? new Set();
    expect(members.has(HUB)).toBe(true);
    expect(members.has("CHN")).toBe(false);
    for (const iso3 of ministerialSigners) expect(members.has(iso3)).toBe(true);
    expect(withForge.minerals?.members.size).toBeGreaterThan(members.size);
    expect(withForge.minerals?.definition).toContain("plus FORGE members");
  });

  it("says a mineral with no country data is such, and an unknown one is unknown", () => {
    expect(sceneFor({ view: "minerals", mineral: "germanium" }).minerals?.choice).toBeNull();
    expect(sceneFor({ view: "minerals", mineral: "unobtainium" }).summary).toBe("Pick a mineral.");
  });
});

describe("memoize and summaryOf", () => {
  it("recomputes only when an argument changes identity", () => {
    let calls = 0;
    const twice = memoize((a: { n: number }) => {
      calls++;
      return a.n * 2;
    });
    const a = { n: 2 };
    expect(twice(a)).toBe(4);
    expect(twice(a)).toBe(4);
    expect(twice({ n: 2 })).toBe(4);
    expect(calls).toBe(2);
  });

  it("summarises a forum view from its categories", () => {
    const scene = deriveScene(dataset, index, { ...DEFAULT_STATE, view: "forums", forum: "forge" }, "light");
    const text = summaryOf(dataset, { view: "forums" }, scene.date, scene.statuses, scene.choropleth);
    expect(text).toBe(scene.summary);
    expect(text).toMatch(/^As of .*, FORGE \(Forum on Resource Geostrategic Engagement\): 1 chair; /);
  });
});
