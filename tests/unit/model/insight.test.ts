/** The minerals view's words and bars (src/model/insight.ts) on the committed dataset. */
import { describe, expect, it } from "vitest";
import { CHINA } from "../../../src/config.ts";
import { blocMembers } from "../../../src/model/bloc.ts";
import {
  allMineralsBloc,
  concentrationOf,
  countryMinerals,
  mineralTooltipRows,
  shortName,
} from "../../../src/model/insight.ts";
import { chooseTable, latestTables } from "../../../src/model/minerals.ts";
import { dataset, index } from "../present/fixture.ts";

const members = blocMembers(dataset, dataset.asOf, { forge: false, paxSilica: false });
const cobalt = chooseTable(dataset, "cobalt", "mine", 2025).choice;
if (!cobalt) throw new Error("no cobalt mine table for 2025");

describe("concentrationOf", () => {
  const c = concentrationOf(cobalt, index.names, index.sources, members);

  it("bars the top producers, largest first, DR Congo on top, bloc members marked", () => {
    expect(c.heading).toBe("Cobalt: mine production, 2025");
    expect(c.bars.length).toBeLessThanOrEqual(8);
    expect(c.bars[0]).toMatchObject({ iso3: "COD", name: "DR Congo", share: cobalt.table.top?.share });
    for (let i = 1; i < c.bars.length; i++) expect(c.bars[i]?.share).toBeLessThanOrEqual(c.bars[i - 1]?.share ?? 0);
    for (const bar of c.bars) expect(bar.inBloc).toBe(members.has(bar.iso3));
  });

  it("splits world supply into the bloc, China and the rest, summing to the whole", () => {
    const bloc = c.bloc;
    if (!bloc) throw new Error("no bloc shares");
    const sum = (iso3s: (r: { iso3: string }) => boolean) =>
      cobalt.table.rows.filter(iso3s).reduce((s, r) => s + (r.share ?? 0), 0);
    expect(bloc.china).toBeCloseTo(
      sum((r) => r.iso3 === CHINA),
      4,
    );
    expect(bloc.bloc).toBeCloseTo(
      sum((r) => members.has(r.iso3) && r.iso3 !== CHINA),
      4,
    );
    expect(bloc.china + bloc.bloc + bloc.rest).toBeCloseTo(1, 3);
    expect(c.stats[0]).toEqual(["Top producer", "Democratic Republic of the Congo, 74%"]);
  });

  it("names the table's source and the caveats a reader needs", () => {
    expect(c.source?.id).toBe(cobalt.table.source);
    const estimates = cobalt.table.rows.filter((r) => r.isEstimate).length;
    if (estimates > 0)
      expect(c.notes.some((n) => n.startsWith(`${estimates} of ${cobalt.table.rows.length}`))).toBe(true);
    expect(c.notes).toContain('HHI counts named countries only ("Other countries" excluded): a lower bound.');
  });
});

describe("allMineralsBloc", () => {
  const rows = allMineralsBloc(dataset, "mine", members);

  it("has one row per mineral with shares at the stage, China's largest share first", () => {
    const withShares = latestTables(dataset, "mine").filter(
      (t) => t.world.value !== null && t.world.flag !== "greater-than",
    );
    expect(rows).toHaveLength(withShares.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.china).toBeLessThanOrEqual(rows[i - 1]?.china ?? 1);
    for (const row of rows) expect(row.china + row.bloc + row.rest).toBeGreaterThanOrEqual(0.999);
    expect(rows.find((r) => r.mineral === "cobalt")).toMatchObject({ china: 0.0065, bloc: 0.7667, year: 2025 });
  });
});

describe("countryMinerals and mineralTooltipRows", () => {
  it("lists the minerals where a country holds 1% or more, largest share first", () => {
    const china = countryMinerals(dataset, CHINA);
    expect(china.length).toBeGreaterThan(10);
    for (const m of china) expect(m.share).toBeGreaterThanOrEqual(0.01);
    for (let i = 1; i < china.length; i++) expect(china[i]?.share).toBeLessThanOrEqual(china[i - 1]?.share ?? 1);
    expect(china.find((m) => m.mineral === "graphite" && m.stage === "refining")).toMatchObject({ rank: 1 });
  });

  it("says a country's amount, share and rank, and what is missing in words", () => {
    const rows = mineralTooltipRows(cobalt.table, "COD", index.sources.get(cobalt.table.source) ?? null);
    expect(rows).toContainEqual(["Share of world", "74%"]);
    expect(rows.find(([key]) => key === "Rank")?.[1]).toMatch(/^1 of \d+ listed$/);
    expect(mineralTooltipRows(cobalt.table, "ISL", null)).toEqual([["Data", "Not listed by the source for this year"]]);
    expect(mineralTooltipRows(cobalt.table, CHINA, null).at(-1)).toEqual([
      "",
      "China: the supplier the bloc is built to counter",
    ]);
  });

  it("shortens names for chart labels", () => {
    expect(shortName("COD", "Democratic Republic of the Congo")).toBe("DR Congo");
    expect(shortName("XXX", "A name far longer than twenty")).toBe("A name far longer t…");
    expect(shortName("AUS", "Australia")).toBe("Australia");
  });
});
