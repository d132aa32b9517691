/**
 * Facts the map exists to show, pinned to the values in the dossier (../shared/sources/agreements.md)
 * so an edit to data/ that changes one is noticed.
 */
import { describe, expect, it } from "vitest";
import { activeMemberships } from "../../../src/model/forums.ts";
import { statusByCountry } from "../../../src/model/status.ts";
import { timelineOf } from "../../../src/model/timeline.ts";
import type { Agreement, Forum, Role } from "../../../src/types.ts";
import { freshDataset } from "./fresh.ts";

const dataset = freshDataset();
const tally = (id: string) => dataset.tallies.find((t) => t.id === id);
const agreement = (iso3: string, date: string): Agreement | undefined =>
  dataset.agreements.find((a) => a.iso3 === iso3 && a.date === date);
const members = (forum: Forum, role?: Role) =>
  dataset.memberships.filter((m) => m.forum === forum && (role === undefined || m.role === role));

describe("the State Department's tallies of 4 Feb 2026", () => {
  it.each([
    ["ministerial-signed", 11],
    ["prior-signed", 10],
    ["negotiations-concluded", 17],
    ["ministerial-delegations", 54],
    ["ministerial-ministers", 43],
  ])("%s = %i", (id, value) => {
    expect(tally(id)).toMatchObject({ value, asOf: "2026-02-04" });
    expect(tally(id)?.sources).toContain("state-2026-02-04-ministerial-factsheet");
  });

  it("11 agreements signed at the ministerial, all dated 4 Feb 2026", () => {
    const signed = dataset.agreements.filter((a) => a.stateCount === "ministerial-11");
    expect(signed.map((a) => a.iso3).sort()).toEqual([
      "ARE",
      "ARG",
      "COK",
      "ECU",
      "GBR",
      "GIN",
      "MAR",
      "PER",
      "PHL",
      "PRY",
      "UZB",
    ]);
    expect(new Set(signed.map((a) => `${a.date} ${a.cohort} ${a.kind}`))).toEqual(
      new Set(["2026-02-04 ministerial pact"]),
    );
  });

  it("the 10 signed before are unnamed: 7 likely and 3 candidates, none marked certain", () => {
    const count = (s: string) => dataset.agreements.filter((a) => a.stateCount === s).length;
    expect(count("prior-10-likely")).toBe(7);
    expect(count("prior-10-candidate")).toBe(3);
    expect(count("prior-10")).toBe(0);
  });

  it("54 countries plus the European Commission at the ministerial (the US host not counted)", () => {
    const delegations = members("ministerial", "delegation");
    expect(delegations).toHaveLength(55);
    expect(delegations.filter((m) => m.iso3 !== "EUU")).toHaveLength(54);
    expect(delegations.some((m) => m.iso3 === "USA")).toBe(false);
    expect(new Set(delegations.map((m) => m.since))).toEqual(new Set(["2026-02-04"]));
  });

  it("the 17 concluded negotiations name no country (shown as a gap, not guessed)", () => {
    expect(tally("negotiations-concluded")?.label).toMatch(/not named/);
  });
});

describe("dated records", () => {
  it.each([
    ["AUS", "2025-10-20", "framework", "pre-ministerial"],
    ["MYS", "2025-10-26", "mou", "pre-ministerial"],
    ["THA", "2025-10-26", "mou", "pre-ministerial"],
    ["JPN", "2025-10-28", "framework", "pre-ministerial"],
    ["KAZ", "2025-11-06", "mou", "pre-ministerial"],
    ["SAU", "2025-11-18", "framework", "pre-ministerial"],
    ["COD", "2025-12-04", "agreement", "pre-ministerial"],
    ["UKR", "2025-04-30", "investment-fund", "earlier"],
    ["IND", "2026-05-26", "framework", "post-ministerial"],
  ])("%s signed on %s (%s, %s)", (iso3, date, type, cohort) => {
    expect(agreement(iso3, date)).toMatchObject({ type, cohort });
  });

  it("Pax Silica: seven founding signatories on 12 Dec 2025, then Qatar, the UAE and India", () => {
    const signatories = members("pax-silica", "signatory");
    const on = (date: string) =>
      signatories
        .filter((m) => m.since === date)
        .map((m) => m.iso3)
        .sort();
    expect(on("2025-12-12")).toEqual(["AUS", "GBR", "ISR", "JPN", "KOR", "SGP", "USA"]);
    expect(on("2026-01-12")).toEqual(["QAT"]);
    expect(on("2026-01-14")).toEqual(["ARE"]);
    expect(on("2026-02-20")).toEqual(["IND"]);
    expect(tally("pax-silica-signatories-uae")?.value).toBe(9);
  });

  it("Greece signed Pax Silica between 14 Jan and 20 Feb 2026: not a signatory on 14 Jan, one by 20 Feb", () => {
    const greece = members("pax-silica", "signatory").find((m) => m.iso3 === "GRC");
    expect(greece).toMatchObject({ since: null, notBefore: "2026-01-14", knownBy: "2026-02-20", confidence: "low" });
    const signatoriesOn = (date: string) =>
      activeMemberships(members("pax-silica", "signatory"), date)
        .map((m) => m.iso3)
        .sort();
    // State's list of 14 Jan 2026: the UAE the ninth signatory, counting the US; Greece absent.
    expect(signatoriesOn("2025-12-12")).toHaveLength(7);
    expect(signatoriesOn("2026-01-14")).toHaveLength(9);
    expect(signatoriesOn("2026-01-14")).not.toContain("GRC");
    expect(signatoriesOn("2026-02-19")).not.toContain("GRC");
    expect(signatoriesOn("2026-02-20")).toContain("GRC");
    expect(signatoriesOn("2026-02-20")).toHaveLength(11);
    expect(timelineOf(dataset).events).toContain("2026-02-20");
  });

  it("Japan's planned action plan of 19 Mar 2026 is never counted as signed: it is left out, with its reason", () => {
    const id = "jpn-2026-03-19-action-plan";
    expect(dataset.agreements.some((a) => a.id === id || (a.iso3 === "JPN" && a.type === "action-plan"))).toBe(false);
    expect(dataset.leftOut).toEqual([
      expect.objectContaining({
        id,
        iso3: "JPN",
        reportedDate: "2026-03-19",
        reason: expect.stringMatching(/^Planned, not signed/),
      }),
    ]);
    const timeline = timelineOf(dataset);
    expect(timeline.events).not.toContain("2026-03-19");
    for (const date of ["2026-03-19", ...timeline.events, dataset.asOf]) {
      const japan = statusByCountry(dataset, date).get("JPN");
      expect((japan?.agreements ?? []).map((a) => a.type)).not.toContain("action-plan");
    }
    // What Japan's record does show at the end: its framework (before) and the joint statement of 4 Feb 2026.
    expect(
      statusByCountry(dataset, dataset.asOf)
        .get("JPN")
        ?.agreements.map((a) => a.id),
    ).toEqual(["jpn-2025-10-28-framework", "jpn-2026-02-04-joint-statement"]);
  });

  it("the EU–US–Japan joint statement of 4 Feb 2026 is recorded for the EU and Japan, a related deal", () => {
    const statement = dataset.agreements.filter((a) => a.id.endsWith("-2026-02-04-joint-statement"));
    expect(statement.map((a) => a.iso3).sort()).toEqual(["EUU", "JPN"]);
    for (const a of statement) {
      expect(a).toMatchObject({ kind: "related", type: "joint-statement", cohort: "ministerial", stateCount: "none" });
      expect(a.sources).toContain("ec-2026-02-04-eu-us-japan-joint-statement");
    }
  });

  it("India's framework of 26 May 2026 rests on no official source: medium confidence", () => {
    expect(agreement("IND", "2026-05-26")?.confidence).toBe("medium");
  });

  it("FORGE replaced the MSP on 4 Feb 2026, chaired by the Republic of Korea through June 2026", () => {
    expect(members("forge", "chair")).toEqual([
      expect.objectContaining({ iso3: "KOR", since: "2026-02-04", until: "2026-07-01" }),
    ]);
    expect(activeMemberships(members("forge", "chair"), "2026-06-30")).toHaveLength(1);
    expect(activeMemberships(members("forge", "chair"), "2026-07-01")).toHaveLength(0);
    const msp = members("msp", "member");
    expect(msp).toHaveLength(15); // 14 countries + the EU
    expect(msp.filter((m) => m.iso3 !== "EUU")).toHaveLength(14);
    expect(new Set(msp.map((m) => m.until))).toEqual(new Set(["2026-02-04"]));
  });

  it("the timeline ends at the latest dated record", () => {
    expect(dataset.asOf).toBe("2026-05-26");
  });
});
