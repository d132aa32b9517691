import { describe, expect, it } from "vitest";
import { deriveScene, indexOf } from "../../../src/model/derive.ts";
import { STATUS_LABELS } from "../../../src/model/status.ts";
import {
  filterRows,
  nextSort,
  rowCount,
  sortRows,
  type TableModel,
  type TableRow,
  tableModel,
} from "../../../src/model/table.ts";
import { type AppState, DEFAULT_STATE, type ForumView, type View } from "../../../src/state/state.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const index = indexOf(dataset);

function model(view: View, patch: Partial<AppState> = {}, forum: ForumView = "forge"): TableModel {
  const scene = deriveScene(dataset, index, { ...DEFAULT_STATE, view, forum, ...patch }, "light");
  return tableModel(dataset, index, scene);
}

const column = (m: TableModel, key: string) => m.columns.findIndex((c) => c.key === key);
const rowOf = (m: TableModel, iso3: string): TableRow => {
  const row = m.rows.find((r) => r.iso3 === iso3);
  if (!row) throw new Error(`no row for ${iso3}`);
  return row;
};
const textOf = (m: TableModel, iso3: string, key: string) => rowOf(m, iso3).text[column(m, key)];

describe("tableModel, pacts view", () => {
  const ministerial = model("pacts", { date: "2026-02-04" });
  const status = column(ministerial, "status");

  it("has the six columns asked for, every row one text per column", () => {
    expect(ministerial.columns.map((c) => c.label)).toEqual([
      "Country",
      "Status",
      "Instrument(s)",
      "Date signed",
      "Confidence",
      "Forums",
    ]);
    for (const row of ministerial.rows) {
      expect(row.text).toHaveLength(6);
      expect(row.cells).toHaveLength(6);
    }
    expect(new Set(ministerial.rows.map((r) => r.iso3)).size).toBe(ministerial.rows.length);
  });

  it("lists the 11 ministerial signatories on 4 Feb 2026, first in its default order", () => {
    const signed = ministerial.rows.filter((r) => r.text[status] === STATUS_LABELS.ministerial);
    expect(signed.map((r) => r.iso3).sort()).toEqual(
      ["ARE", "ARG", "COK", "ECU", "GBR", "GIN", "MAR", "PER", "PHL", "PRY", "UZB"].sort(),
    );
    expect(ministerial.rows.slice(0, 11).every((r) => r.text[status] === STATUS_LABELS.ministerial)).toBe(true);
    expect(ministerial.sort).toEqual({ column: status, direction: "ascending" });
  });

  it("states the 17 unnamed negotiations from the ministerial on, not before", () => {
    expect(ministerial.caption).toMatch(/17 more countries concluded negotiations/);
    expect(ministerial.caption).toMatch(/as of 4 Feb 2026/);
    const before = model("pacts", { date: "2026-02-03" });
    expect(before.caption).not.toMatch(/17/);
    expect(before.rows.some((r) => r.text[status] === STATUS_LABELS.ministerial)).toBe(false);
  });

  it("follows the timeline: India joins on 26 May 2026, a record counts from its date", () => {
    expect(model("pacts", { date: "2026-05-25" }).rows.find((r) => r.iso3 === "IND")?.text[status]).toBe(
      STATUS_LABELS.delegation,
    );
    expect(textOf(model("pacts"), "IND", "status")).toBe(STATUS_LABELS.after);
    expect(textOf(model("pacts"), "IND", "date")).toBe("26 May 2026");
  });

  it("shows instruments, dates, confidence and forums as words", () => {
    expect(textOf(ministerial, "AUS", "instruments")).toMatch(/^Framework: United States–Australia Framework/);
    expect(textOf(ministerial, "AUS", "date")).toBe("20 Oct 2025");
    expect(textOf(ministerial, "AUS", "forums")).toBe("FORGE, Pax Silica");
    expect(textOf(ministerial, "MAR", "instruments")).toMatch(/^Form not published: /);
    expect(textOf(ministerial, "GBR", "confidence")).toBe("Medium");
    // Saudi Arabia's two pacts are both listed; the row sorts by the first.
    expect(textOf(ministerial, "SAU", "date")).toBe("13 May 2025; 18 Nov 2025");
    expect(rowOf(ministerial, "SAU").cells[column(ministerial, "date")]).toBe("2025-05-13");
    // The Cook Islands' status comes from its ministerial pact; its date sorts by that pact.
    expect(rowOf(ministerial, "COK").cells[column(ministerial, "date")]).toBe("2026-02-04");
  });

  it("lists what the map cannot draw: the EU, and Kenya's undated MOU", () => {
    const latest = model("pacts");
    expect(textOf(latest, "EUU", "country")).toBe("European Union");
    expect(textOf(latest, "EUU", "status")).toBe(STATUS_LABELS.after);
    expect(textOf(latest, "KEN", "instruments")).toMatch(/\(undated\)$/);
    // Before Kenya's delegation, its only record is the undated MOU.
    const early = model("pacts", { date: "2025-10-20" });
    expect(textOf(early, "KEN", "status")).toBe("Undated record, not on the timeline");
    expect(textOf(early, "KEN", "date")).toBe("date not published");
    expect(textOf(early, "KEN", "confidence")).toBe("Low");
  });
});

describe("tableModel, forums view", () => {
  it("lists the members of the selected forum with role, since, basis and confidence", () => {
    const forge = model("forums", {}, "forge");
    expect(forge.columns.map((c) => c.label)).toEqual(["Country", "Role", "Since", "Basis", "Confidence"]);
    expect(forge.caption).toMatch(/^FORGE/);
    expect(forge.rows[0]?.iso3).toBe("KOR");
    expect(textOf(forge, "KOR", "role")).toMatch(/^Chair/);
    // Mongolia's reported joining has no day a source shows it held: not on the timeline.
    expect(forge.rows.some((r) => r.iso3 === "MNG")).toBe(false);
    expect(textOf(forge, "USA", "basis")).toBe("Inferred");
  });

  it("shows an undated membership from the day it is known to hold, as a bound", () => {
    const pax = model("forums", {}, "pax-silica");
    expect(textOf(pax, "GRC", "since")).toBe("By 20 Feb 2026");
    expect(textOf(pax, "GRC", "basis")).toBe("Reported");
    expect(textOf(pax, "GRC", "confidence")).toBe("Low");
    expect(model("forums", { date: "2026-02-19" }, "pax-silica").rows.some((r) => r.iso3 === "GRC")).toBe(false);
  });

  it("counts memberships from the date: no FORGE before 4 Feb 2026, no MSP members after it", () => {
    expect(model("forums", { date: "2026-02-03" }, "forge").rows).toHaveLength(0);
    expect(model("forums", { date: "2026-02-03" }, "forge").empty).toMatch(/No members/);
    const msp = model("forums", { date: "2026-01-01" }, "msp");
    expect(textOf(msp, "USA", "role")).toBe("Member");
    expect(textOf(msp, "USA", "since")).toBe("14 Jun 2022");
    const after = model("forums", {}, "msp");
    expect(after.rows.some((r) => r.iso3 === "USA")).toBe(false);
  });

  it("counts forums per country in the overlap view, most first", () => {
    const overlap = model("forums", {}, "overlap");
    expect(overlap.sort).toEqual({ column: 1, direction: "descending" });
    expect(rowOf(overlap, "AUS").cells[1]).toBe(3);
    expect(textOf(overlap, "AUS", "count")).toBe("3 of 4");
    const counts = overlap.rows.map((r) => r.cells[1] as number);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });
});

describe("tableModel, minerals view", () => {
  const cobalt = model("minerals", { mineral: "cobalt", stage: "mine", year: 2025 });
  const share = column(cobalt, "share");

  it("lists every country of the cobalt mine table 2025, sorted by share with DR Congo first", () => {
    expect(cobalt.columns.map((c) => c.label)).toEqual([
      "Country",
      "Amount",
      "Unit",
      "Share of world",
      "Rank",
      "Estimate",
    ]);
    expect(cobalt.rows).toHaveLength(12);
    expect(cobalt.sort).toEqual({ column: share, direction: "descending" });
    const sorted = sortRows(cobalt.rows, share, "descending");
    expect(sorted.map((r) => r.iso3)).toEqual(cobalt.rows.map((r) => r.iso3));
    expect(sorted[0]?.iso3).toBe("COD");
    expect(sorted[0]?.text).toEqual([
      "Democratic Republic of the Congo",
      "230,000",
      "metric tons, cobalt content",
      "74%",
      "1",
      "Yes",
    ]);
    expect(sorted[0]?.cells[share]).toBe(0.7419);
    expect(sortRows(cobalt.rows, share, "ascending")[0]?.iso3).toBe("USA");
    expect(cobalt.caption).toMatch(/^Cobalt: mine production, 2025\. Countries as listed by U\.S\. Geological Survey/);
    expect(cobalt.caption).toMatch(/310,000 metric tons, cobalt content/);
  });

  it("shows withheld and not-available values as words, never as 0, and sorts them last", () => {
    const lithium = model("minerals", { mineral: "lithium", stage: "mine", year: 2025 });
    const usa = rowOf(lithium, "USA");
    expect(usa.cells[column(lithium, "amount")]).toBeNull();
    expect(usa.cells[column(lithium, "share")]).toBeNull();
    expect(textOf(lithium, "USA", "amount")).toBe("Withheld by the source");
    expect(textOf(lithium, "USA", "share")).toBe("Withheld by the source");
    expect(textOf(lithium, "USA", "rank")).toBe("Not ranked");
    expect(usa.text.join(" ")).not.toMatch(/\b0\b/);
    for (const direction of ["ascending", "descending"] as const) {
      expect(sortRows(lithium.rows, column(lithium, "amount"), direction).at(-1)?.iso3).toBe("USA");
    }
    const reserves = model("minerals", { mineral: "cobalt", stage: "reserves", year: 2024 });
    const na = reserves.rows.filter((r) => r.text[column(reserves, "amount")] === "Not available");
    expect(na.length).toBeGreaterThan(0);
    for (const row of na) expect(row.cells[column(reserves, "amount")]).toBeNull();
  });

  it("gives no shares when the world total is only a lower bound", () => {
    const nickel = model("minerals", { mineral: "nickel", stage: "reserves", year: 2025 });
    expect(nickel.caption).toMatch(/lower bound/);
    expect(nickel.rows.every((r) => r.cells[column(nickel, "share")] === null)).toBe(true);
    expect(textOf(nickel, "IDN", "amount")).toBe("62,000,000");
    expect(textOf(nickel, "IDN", "share")).toMatch(/^No share/);
  });

  it("says so when a mineral has no country data (germanium)", () => {
    const germanium = model("minerals", { mineral: "germanium" });
    expect(germanium.rows).toEqual([]);
    expect(germanium.caption).toMatch(/^Germanium: USGS publishes no country production data/);
  });
});

describe("sortRows", () => {
  const row = (iso3: string, ...cells: (string | number | null)[]): TableRow => ({
    iso3,
    cells,
    text: cells.map(String),
    names: [iso3],
  });
  const rows = [row("A", "b", 10), row("B", null, 2), row("C", "Ä", null), row("D", "a", 2)];

  it("sorts numbers numerically (not as text) and puts nulls last either way", () => {
    expect(sortRows(rows, 1, "ascending").map((r) => r.iso3)).toEqual(["B", "D", "A", "C"]);
    expect(sortRows(rows, 1, "descending").map((r) => r.iso3)).toEqual(["A", "B", "D", "C"]);
  });

  it("sorts strings with localeCompare, accents beside their letter, nulls last", () => {
    expect(sortRows(rows, 0, "ascending").map((r) => r.iso3)).toEqual(["C", "D", "A", "B"]);
    expect(sortRows(rows, 0, "descending").map((r) => r.iso3)).toEqual(["A", "C", "D", "B"]);
  });

  it("is stable and returns a new array", () => {
    const sorted = sortRows(rows, 1, "ascending");
    expect(sorted).not.toBe(rows);
    expect(rows.map((r) => r.iso3)).toEqual(["A", "B", "C", "D"]);
  });

  it("puts Côte d'Ivoire among the C countries of a real table", () => {
    const manganese = model("minerals", { mineral: "manganese", stage: "mine", year: 2025 });
    const names = sortRows(manganese.rows, 0, "ascending").map((r) => r.text[0] ?? "");
    const civ = names.indexOf("Côte d'Ivoire");
    expect(civ).toBeGreaterThan(-1);
    expect(names.slice(0, civ).every((n) => n.localeCompare("Côte d'Ivoire", "en") < 0)).toBe(true);
    expect(names[civ + 1]?.localeCompare("Côte d'Ivoire", "en")).toBeGreaterThan(0);
  });
});

describe("filterRows", () => {
  const manganese = model("minerals", { mineral: "manganese", stage: "mine", year: 2025 });

  it("finds Côte d'Ivoire by an alternative name, case and accents ignored", () => {
    for (const query of ["Ivory", "ivory coast", "  IVORY ", "cote", "Côte d'Iv"]) {
      expect(filterRows(manganese.rows, query).map((r) => r.iso3)).toEqual(["CIV"]);
    }
    const sorted = sortRows(filterRows(manganese.rows, "Ivory"), 3, "descending");
    expect(sorted[0]?.text[0]).toBe("Côte d'Ivoire");
  });

  it("matches alternative names (DRC) and keeps every row for an empty query", () => {
    const cobalt = model("minerals", { mineral: "cobalt", stage: "mine", year: 2025 });
    expect(filterRows(cobalt.rows, "DRC").map((r) => r.iso3)).toEqual(["COD"]);
    expect(filterRows(cobalt.rows, "")).toEqual(cobalt.rows);
    expect(filterRows(cobalt.rows, "   ")).toHaveLength(cobalt.rows.length);
    expect(filterRows(cobalt.rows, "atlantis")).toEqual([]);
  });
});

describe("nextSort and rowCount", () => {
  const columns = [
    { key: "country", label: "Country", numeric: false },
    { key: "share", label: "Share", numeric: true },
  ];

  it("flips the direction of the same column; starts figures descending and text ascending", () => {
    expect(nextSort({ columns }, { column: 1, direction: "descending" }, 1)).toEqual({
      column: 1,
      direction: "ascending",
    });
    expect(nextSort({ columns }, { column: 0, direction: "ascending" }, 1)).toEqual({
      column: 1,
      direction: "descending",
    });
    expect(nextSort({ columns }, { column: 1, direction: "descending" }, 0)).toEqual({
      column: 0,
      direction: "ascending",
    });
  });

  it("says how many rows are shown", () => {
    expect(rowCount(12, 34)).toBe("12 of 34 countries");
    expect(rowCount(34, 34)).toBe("34 countries");
    expect(rowCount(1, 1)).toBe("1 country");
    expect(rowCount(0, 34)).toBe("0 of 34 countries");
  });
});
