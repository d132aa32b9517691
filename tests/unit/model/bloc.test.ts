import { describe, expect, it } from "vitest";
import { blocDefinition, blocMembers, blocShares } from "../../../src/model/bloc.ts";
import { allMineralsBloc } from "../../../src/model/insight.ts";
import { chooseTable } from "../../../src/model/minerals.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const cobalt = chooseTable(dataset, "cobalt", "mine", 2025).choice?.table;
if (!cobalt) throw new Error("no cobalt table");
const none = { forge: false, paxSilica: false };

describe("blocMembers", () => {
  it("is the US plus pact partners by the date, never China or the EU", () => {
    const members = blocMembers(dataset, "2026-05-26", none);
    expect(members.has("USA")).toBe(true);
    expect(members.has("AUS")).toBe(true);
    expect(members.has("IND")).toBe(true);
    expect(members.has("CHN")).toBe(false);
    expect(members.has("EUU")).toBe(false);
    expect(members.has("UKR")).toBe(false); // a related deal (investment fund), not a pact
  });

  it("adds FORGE members and Pax Silica signatories only when asked", () => {
    expect(blocMembers(dataset, "2026-03-01", none).has("CAN")).toBe(false);
    expect(blocMembers(dataset, "2026-03-01", { forge: true, paxSilica: false }).has("CAN")).toBe(true);
    expect(blocMembers(dataset, "2026-03-01", { forge: false, paxSilica: true }).has("SGP")).toBe(true);
    // Pax Silica participants (e.g. the Netherlands) are not signatories.
    expect(blocMembers(dataset, "2026-03-01", { forge: false, paxSilica: true }).has("NLD")).toBe(false);
  });
});

describe("blocShares, hand-computed from the cobalt mine table (USGS MCS 2026, 2025)", () => {
  // Shares in the table: COD 0.7419, AUS 0.0119, PHL 0.0119, CAN 0.0113, CHN 0.0065, USA 0.001.
  it("grows as partners sign: DR Congo joins on 4 Dec 2025, the Philippines on 4 Feb 2026", () => {
    const on = (date: string) => blocShares(cobalt, blocMembers(dataset, date, none));
    expect(on("2025-12-03")?.bloc).toBe(0.0129); // USA + AUS
    expect(on("2025-12-04")?.bloc).toBe(0.7548); // + COD
    expect(on("2026-02-04")?.bloc).toBe(0.7667); // + PHL
    expect(on("2026-02-04")?.china).toBe(0.0065);
    expect(on("2026-02-04")?.rest).toBe(0.2268);
  });

  it("adds Canada with FORGE", () => {
    const shares = blocShares(cobalt, blocMembers(dataset, "2026-02-04", { forge: true, paxSilica: false }));
    expect(shares?.bloc).toBe(0.778);
  });

  it("reports withheld bloc members instead of counting them as zero (US lithium)", () => {
    const lithium = chooseTable(dataset, "lithium", "mine", 2025).choice?.table;
    const shares = lithium && blocShares(lithium, blocMembers(dataset, "2026-05-26", none));
    expect(shares?.withheld).toEqual(["USA"]);
  });

  it("gives no shares when the world total is only a bound (nickel reserves)", () => {
    const nickel = chooseTable(dataset, "nickel", "reserves", null).choice?.table;
    expect(nickel?.world.flag).toBe("greater-than");
    expect(nickel && blocShares(nickel, new Set(["USA"]))).toBeNull();
  });
});

describe("allMineralsBloc", () => {
  it("has one row per mineral with shares at the stage, sorted by China's share", () => {
    const rows = allMineralsBloc(dataset, "mine", blocMembers(dataset, "2026-05-26", none));
    const withShares = dataset.minerals.filter((m) => {
      const table = chooseTable(dataset, m.slug, "mine", null).choice?.table;
      return table?.stage === "mine" && table.world.value !== null && table.world.flag !== "greater-than";
    });
    expect(rows.map((r) => r.mineral).sort()).toEqual(withShares.map((m) => m.slug).sort());
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]?.china).toBeGreaterThanOrEqual(rows[i]?.china ?? 0);
  });
});

describe("blocDefinition", () => {
  it("states who is in the bloc", () => {
    expect(blocDefinition(none)).toMatch(/^Bloc: the US and countries with a critical-minerals pact/);
    expect(blocDefinition({ forge: true, paxSilica: true })).toContain("plus FORGE members and Pax Silica signatories");
  });
});
