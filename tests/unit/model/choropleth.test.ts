/** The pacts and forums choropleths (src/model/choropleth.ts) on the committed dataset. */
import { describe, expect, it } from "vitest";
import { CHINA, HUB, MINISTERIAL_DATE } from "../../../src/config.ts";
import { forumsChoropleth, pactsChoropleth } from "../../../src/model/choropleth.ts";
import { forumMembers } from "../../../src/model/forums.ts";
import { FORUM_COLOURS, OVERLAP_COLOURS, PACT_COLOURS } from "../../../src/model/palette.ts";
import { statusByCountry } from "../../../src/model/status.ts";
import { dataset, index } from "../present/fixture.ts";

const drawable = index.drawable;

describe("pactsChoropleth", () => {
  const choropleth = pactsChoropleth(dataset, MINISTERIAL_DATE, "light", drawable);

  it("colours each country by its status, the hub and China apart, only places on the map", () => {
    for (const entry of choropleth.countries.values()) {
      expect(entry.colour).toBe(PACT_COLOURS.light[entry.key]);
      expect(drawable.has(entry.iso3)).toBe(true);
    }
    expect(choropleth.countries.get(HUB)?.key).toBe("hub");
    expect(choropleth.countries.get(CHINA)?.key).toBe("china");
    // Australia's framework of 20 Oct 2025 came before the ministerial.
    expect(choropleth.countries.get("AUS")?.key).toBe("before");
    // The EU signed, but is no place on the map.
    expect(choropleth.statuses.has("EUU")).toBe(true);
    expect(choropleth.countries.has("EUU")).toBe(false);
  });

  it("counts every legend item, keeping those with no country yet", () => {
    const total = choropleth.categories.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe(choropleth.countries.size);
    expect(choropleth.categories.find((c) => c.key === "after")?.count).toBe(0);
    expect(choropleth.categories.map((c) => c.key)).toEqual([
      "ministerial",
      "before",
      "after",
      "related",
      "delegation",
      "hub",
      "china",
    ]);
  });

  it("dashes a country whose deciding records are not all of high confidence", () => {
    const statuses = statusByCountry(dataset, MINISTERIAL_DATE);
    for (const entry of choropleth.countries.values()) {
      const status = statuses.get(entry.iso3);
      if (status) expect(entry.uncertain).toBe(status.confidence !== "high");
    }
    expect([...choropleth.countries.values()].some((e) => e.uncertain)).toBe(true);
  });

  it("gives the same map from statuses computed beforehand", () => {
    const statuses = statusByCountry(dataset, MINISTERIAL_DATE);
    expect(pactsChoropleth(dataset, MINISTERIAL_DATE, "light", drawable, statuses)).toEqual(choropleth);
  });
});

describe("forumsChoropleth", () => {
  it("colours Pax Silica's signatories and participants in the forum ramp", () => {
    const pax = forumsChoropleth(dataset, "pax-silica", MINISTERIAL_DATE, "dark", drawable);
    expect(pax.title).toBe("Pax Silica");
    expect(pax.countries.get("JPN")).toMatchObject({ key: "signatory", colour: FORUM_COLOURS.dark.signatory });
    const counts = Object.fromEntries(pax.categories.map((c) => [c.key, c.count]));
    const members = forumMembers(dataset, "pax-silica", MINISTERIAL_DATE);
    if (members.forum !== "pax-silica") throw new Error("not Pax Silica");
    const onMap = [...members.statuses.values()].filter((s) => drawable.has(s.iso3));
    expect(counts.signatory).toBe(onMap.filter((s) => s.category === "signatory").length);
    expect(counts.participant).toBe(onMap.filter((s) => s.category === "participant").length);
    expect(counts.signatory).toBeGreaterThan(0);
  });

  it("marks FORGE's members as inferred (no official roster), and dashes them", () => {
    const forge = forumsChoropleth(dataset, "forge", MINISTERIAL_DATE, "light", drawable);
    expect(forge.countries.get("AUS")).toMatchObject({ key: "member-inferred", uncertain: true });
  });

  it("shades the overlap view by the number of forums, 1 to 4", () => {
    const overlap = forumsChoropleth(dataset, "overlap", MINISTERIAL_DATE, "light", drawable);
    expect(overlap.categories.map((c) => c.key)).toEqual(["1", "2", "3", "4"]);
    expect(overlap.countries.get("AUS")).toMatchObject({ key: "3", colour: OVERLAP_COLOURS.light[2] });
    expect(overlap.categories.reduce((sum, c) => sum + c.count, 0)).toBe(overlap.countries.size);
  });

  it("gives the same map from members found beforehand", () => {
    for (const forum of ["forge", "msp", "pax-silica", "ministerial", "overlap"] as const) {
      const members = forumMembers(dataset, forum, MINISTERIAL_DATE);
      expect(forumsChoropleth(dataset, forum, MINISTERIAL_DATE, "light", drawable, members)).toEqual(
        forumsChoropleth(dataset, forum, MINISTERIAL_DATE, "light", drawable),
      );
    }
  });
});
