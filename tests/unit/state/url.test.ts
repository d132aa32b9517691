import { describe, expect, it } from "vitest";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { isIsoDate, parseSearch, toSearch } from "../../../src/state/url.ts";

describe("parseSearch / toSearch", () => {
  it("the default state is the empty query, and the empty query is the default state", () => {
    expect(toSearch(DEFAULT_STATE)).toBe("");
    expect(parseSearch("")).toEqual({ state: DEFAULT_STATE, warnings: [] });
  });

  it("round-trips every parameter of DESIGN §3", () => {
    const search =
      "?view=minerals&forum=overlap&mineral=rare-earths&stage=reserves&year=2024&date=2026-02-04&arcs=0&bloc=forge~pax-silica&country=AUS&embed=1&theme=dark&table=1";
    const { state, warnings } = parseSearch(search);
    expect(warnings).toEqual([]);
    expect(state).toEqual({
      view: "minerals",
      forum: "overlap",
      mineral: "rare-earths",
      stage: "reserves",
      year: 2024,
      date: "2026-02-04",
      arcs: false,
      blocForge: true,
      blocPax: true,
      country: "AUS",
      embed: true,
      theme: "dark",
      table: true,
    });
    expect(toSearch(state)).toBe(search);
  });

  it.each([
    ["view=globe", "view"],
    ["forum=nato", "forum"],
    ["mineral=<script>", "mineral"],
    ["stage=smelting", "stage"],
    ["year=20x5", "year"],
    ["date=2026-02-30", "date"],
    ["arcs=yes", "arcs"],
    ["country=Australia", "country"],
    ["embed=true", "embed"],
    ["theme=sepia", "theme"],
    ["bloc=nato", "bloc"],
    ["table=yes", "table"],
    ["zoom=3", "zoom"],
  ])("ignores %s with one warning and keeps the defaults", (query, key) => {
    const { state, warnings } = parseSearch(`?${query}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(key);
  });

  it("keeps the valid parameters when others are invalid", () => {
    const { state, warnings } = parseSearch("?view=forums&forum=bogus&country=fra");
    expect(state.view).toBe("forums");
    expect(state.forum).toBe(DEFAULT_STATE.forum);
    expect(state.country).toBe("FRA");
    expect(warnings).toHaveLength(1);
  });

  it("truncates what it echoes in warnings", () => {
    const { warnings } = parseSearch(`?view=${"x".repeat(500)}`);
    expect(warnings[0]?.length).toBeLessThan(160);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-02-04", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2026-13-01", false],
    ["2026-2-4", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
