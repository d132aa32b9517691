import { describe, expect, it } from "vitest";
import { deriveScene, indexOf } from "../../../src/model/derive.ts";
import { derivedNotes } from "../../../src/model/notes.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const index = indexOf(dataset);
const pactsOn = (date: string) => deriveScene(dataset, index, { ...DEFAULT_STATE, date }, "light");
const notesOn = (date: string) => derivedNotes(dataset, "pacts", date, index.drawable);

describe("derivedNotes, pacts view", () => {
  it("names the partner that is not a country (the EU) once it has signed, and not before", () => {
    const eu = /European Union \(pact of 24 Apr 2026\)/;
    expect(notesOn("2026-04-23").some((n) => eu.test(n))).toBe(false);
    expect(notesOn("2026-05-26").filter((n) => eu.test(n))).toHaveLength(1);
  });

  it("names an off-map partner once, by its first pact, however many pacts it has", () => {
    const eu = dataset.agreements.find((a) => a.iso3 === "EUU" && a.kind === "pact");
    if (!eu) throw new Error("no EU pact in the data");
    const twice = { ...dataset, agreements: [...dataset.agreements, { ...eu, id: "euu-later", date: "2026-05-01" }] };
    const notes = derivedNotes(twice, "pacts", "2026-05-26", index.drawable).filter((n) =>
      n.includes("European Union"),
    );
    expect(notes).toEqual([
      "Counted among the partners but not on the map, which colours countries: European Union (pact of 24 Apr 2026).",
    ]);
  });

  it("accounts for every partner the summary counts: the legend's pact counts plus those named as off the map", () => {
    for (const date of ["2025-10-20", "2026-02-04", "2026-04-24", "2026-05-26"]) {
      const scene = pactsOn(date);
      const partners = Number(/(\d+) partners have a critical-minerals pact/.exec(scene.summary)?.[1]);
      const legend = scene.choropleth.categories
        .filter((c) => ["ministerial", "before", "after"].includes(c.key))
        .reduce((sum, c) => sum + c.count, 0);
      const offMap = notesOn(date).filter(
        (n) => n.startsWith("Counted among the partners but not on the map") && n.includes("(pact of"),
      ).length;
      expect(legend + offMap, `${date}: ${scene.summary}`).toBe(partners);
    }
  });

  it("accounts for every minerals-related deal the summary counts, and names the EU's before its pact", () => {
    for (const date of ["2025-10-20", "2026-02-04", "2026-04-24", "2026-05-26"]) {
      const scene = pactsOn(date);
      const related = Number(/(\d+) (?:has|have) another minerals-related deal/.exec(scene.summary)?.[1]);
      const legend = scene.choropleth.categories.find((c) => c.key === "related")?.count ?? 0;
      const offMap = notesOn(date).filter(
        (n) => n.startsWith("Counted among the partners but not on the map") && n.includes("minerals-related deal of"),
      ).length;
      expect(legend + offMap, `${date}: ${scene.summary}`).toBe(related);
    }
    expect(notesOn("2026-02-04")).toContain(
      "Counted among the partners but not on the map, which colours countries: European Union (minerals-related deal of 4 Feb 2026).",
    );
  });

  it("states the unnamed State Dept tallies and the undated records", () => {
    const notes = notesOn("2026-02-04");
    expect(notes).toContain(
      "Not on the map: 17 more countries concluded negotiations (State Dept, 4 Feb 2026), not named in any source.",
    );
    expect(notes).toContain("Undated, so not on the timeline: Kenya.");
    expect(notesOn("2026-02-03").some((n) => n.includes("17 more countries"))).toBe(false);
  });
});
