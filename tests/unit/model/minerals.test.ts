import { describe, expect, it } from "vitest";
import { countryMinerals, mineralTooltipRows } from "../../../src/model/insight.ts";
import {
  chooseTable,
  hhiReading,
  mineralChoropleth,
  shareClass,
  shareClassLabel,
} from "../../../src/model/minerals.ts";
import { MINERAL_COLOURS } from "../../../src/model/palette.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const drawable = new Set(dataset.places.map((p) => p.iso3));

describe("chooseTable", () => {
  it("defaults to the latest year and prefers the newer USGS edition over the older and the IEA", () => {
    const latest = chooseTable(dataset, "lithium", "mine", null).choice;
    expect(latest?.year).toBe(2025);
    expect(chooseTable(dataset, "lithium", "mine", 2024).choice?.table.source).toBe("usgs-mcs2026");
    expect(chooseTable(dataset, "copper", "refining", 2024).choice?.table.source).toBe("usgs-mcs2026");
    expect(chooseTable(dataset, "lithium", "refining", null).choice?.table.source).toBe("iea-cmd-2025");
  });

  it("falls back to a stage the mineral has, and says when a mineral has no data at all", () => {
    expect(chooseTable(dataset, "gallium", "mine", null).choice?.stage).toBe("refining");
    const germanium = chooseTable(dataset, "germanium", "mine", null);
    expect(germanium.choice).toBeNull();
    expect(germanium.mineral?.note).toMatch(/no country production data/i);
  });
});

describe("share classes", () => {
  it("bins shares with labelled breaks", () => {
    expect([0.005, 0.01, 0.07, 0.2, 0.3, 0.74].map(shareClass)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shareClassLabel(0)).toBe("under 1%");
    expect(shareClassLabel(3)).toBe("10%–25%");
    expect(shareClassLabel(5)).toBe("50% or more");
  });

  it("gives the top producer the darkest colour, and withheld its own grey", () => {
    const table = chooseTable(dataset, "cobalt", "mine", null).choice?.table;
    if (!table) throw new Error("no table");
    const map = mineralChoropleth(table, "light", drawable);
    expect(map.countries.get("COD")?.colour).toBe(MINERAL_COLOURS.light["class-5"]);
    const lithium = chooseTable(dataset, "lithium", "mine", null).choice?.table;
    if (!lithium) throw new Error("no table");
    expect(mineralChoropleth(lithium, "light", drawable).countries.get("USA")?.key).toBe("withheld");
  });
});

describe("readings", () => {
  it("reads the HHI by the 2023 US Merger Guidelines thresholds", () => {
    expect(hhiReading(0.57)).toBe("highly concentrated");
    expect(hhiReading(0.12)).toBe("moderately concentrated");
    expect(hhiReading(0.05)).toBe("unconcentrated");
  });

  it("describes a country in a table for the tooltip: amount, share, rank, year, source", () => {
    const table = chooseTable(dataset, "lithium", "mine", 2025).choice?.table;
    if (!table) throw new Error("no table");
    const rows = Object.fromEntries(mineralTooltipRows(table, "AUS", null));
    expect(rows.Amount).toMatch(/metric tons, lithium content$/);
    expect(rows["Share of world"]).toBe("32%");
    expect(rows.Rank).toMatch(/^1 of /);
    expect(rows.Year).toBe("2025 (estimate)");
    expect(Object.fromEntries(mineralTooltipRows(table, "USA", null)).Data).toMatch(/Withheld/);
  });

  it('says "small" for a USGS "s", not "not listed" or "not available" (graphite reserves 2025)', () => {
    const table = chooseTable(dataset, "graphite", "reserves", 2025).choice?.table;
    if (!table) throw new Error("no table");
    expect(Object.fromEntries(mineralTooltipRows(table, "AUT", null)).Data).toBe(
      "Small, no figure published (USGS “s” or “Small”)",
    );
  });

  it("lists the minerals where a country holds at least 1% of world supply", () => {
    const drc = countryMinerals(dataset, "COD");
    expect(drc[0]?.mineral).toBe("cobalt");
    expect(drc.every((m) => m.share >= 0.01)).toBe(true);
  });
});
