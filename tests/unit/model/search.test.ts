import { describe, expect, it } from "vitest";
import { normalise, searchPlaces } from "../../../src/model/search.ts";
import { PLACES } from "../../fixtures/tiny.ts";

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
