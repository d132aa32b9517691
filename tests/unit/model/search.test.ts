import { describe, expect, it } from "vitest";
import { editDistance, normalise, resolveSearch, searchPlaces } from "../../../src/model/search.ts";
import { PLACES } from "../../fixtures/tiny.ts";
import { publishedDataset } from "../published.ts";

describe("searchPlaces", () => {
  it("finds by name, alternative name, prefix and accent-free spelling", () => {
    expect(searchPlaces(PLACES, "japan")[0]?.iso3).toBe("JPN");
    expect(searchPlaces(PLACES, "UK")[0]).toEqual({ iso3: "GBR", name: "United Kingdom", matched: "UK" });
    expect(searchPlaces(PLACES, "ivory")[0]?.iso3).toBe("CIV");
    expect(searchPlaces(PLACES, "cote d")[0]?.iso3).toBe("CIV");
    expect(searchPlaces(PLACES, "arg")[0]?.iso3).toBe("ARG");
  });

  it("finds nothing for an empty or unknown query", () => {
    expect(searchPlaces(PLACES, "  ")).toEqual([]);
    expect(searchPlaces(PLACES, "atlantis")).toEqual([]);
  });

  it("normalises case, accents and punctuation", () => {
    expect(normalise("  Côte d'Ivoire ")).toBe("cote divoire");
  });
});

describe("searching the real places and organisations", () => {
  const dataset = publishedDataset();
  const everyone = [...dataset.places, ...dataset.organisations];
  const opened = (query: string) => {
    const outcome = resolveSearch(everyone, query);
    return outcome.kind === "open" ? outcome.hit.iso3 : outcome.kind;
  };

  it("ranks exact names, aliases and codes first", () => {
    expect(opened("Australia")).toBe("AUS");
    expect(opened("UK")).toBe("GBR");
    expect(opened("usa")).toBe("USA");
    expect(opened("DEU")).toBe("DEU");
    expect(opened("DRC")).toBe("COD");
  });

  it("finds the EU's record although the EU is not drawn, and not Germany for its code's letters", () => {
    expect(searchPlaces(everyone, "EU")[0]?.iso3).toBe("EUU");
    expect(opened("EU")).toBe("EUU");
    expect(opened("European Union")).toBe("EUU");
  });

  it("does not open Tanzania for “united”: the reader chooses among the Uniteds", () => {
    const outcome = resolveSearch(everyone, "united");
    expect(outcome.kind).toBe("choose");
    const names = searchPlaces(everyone, "united").map((hit) => hit.iso3);
    expect(names.slice(0, 3)).toEqual(["ARE", "GBR", "USA"]);
    expect(names.indexOf("TZA")).toBeGreaterThan(2);
    expect(outcome.kind === "choose" && outcome.message).toMatch(/United Arab Emirates, United Kingdom, United States/);
  });

  it("tolerates a typo or two and spacing", () => {
    expect(opened("Austrlia")).toBe("AUS");
    expect(opened("Phillipines")).toBe("PHL");
    expect(opened("Columbia")).toBe("COL");
    expect(opened("Viet Nam")).toBe("VNM");
    expect(opened("Argentinia")).toBe("ARG");
  });

  it("says when nothing matches", () => {
    expect(resolveSearch(everyone, "Atlantis")).toEqual({
      kind: "none",
      message: "No country or organisation matches “Atlantis”.",
    });
    expect(resolveSearch(everyone, "xq").kind).toBe("none");
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps, and gives up past the budget", () => {
    expect(editDistance("austrlia", "australia", 2)).toBe(1);
    expect(editDistance("phillipines", "philippines", 2)).toBe(2);
    expect(editDistance("colombia", "cloombia", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});
