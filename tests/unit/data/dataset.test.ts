import { describe, expect, it } from "vitest";
import { buildDataset, publicCsvs, type TableTexts } from "../../../data/dataset.ts";
import type { CountryRow } from "../../../data/geometry.ts";
import { HEADERS } from "../../../data/readers.ts";
import type { DataError } from "../../../src/data/csv.ts";
import type { Place } from "../../../src/types.ts";

const csv = (header: readonly string[], ...rows: string[]) => `${[header.join(","), ...rows].join("\n")}\n`;

const place = (iso3: string, name: string): Place => ({ iso3, name, altNames: [], label: [0, 0], marker: false });
const PLACES = [place("AUS", "Australia"), place("CHL", "Chile"), place("CHN", "China"), place("USA", "United States")];
const COUNTRIES: CountryRow[] = [
  ...PLACES.map((p, i) => ({
    line: i + 2,
    iso3: p.iso3,
    isoNumeric: "",
    name: p.name,
    altNames: [],
    label: null,
    kind: "country" as const,
  })),
  { line: 9, iso3: "EUU", isoNumeric: "", name: "European Union", altNames: [], label: null, kind: "organisation" },
];

const TEXTS: TableTexts = {
  sources: csv(
    HEADERS.sources,
    "src-b,Publisher B,Title B,2026-02,https://example.org/b,1,Original B,news article (link only),2026-11-26",
    "src-a,Publisher A,Title A,2025,https://example.org/a,,,public domain (US Government work),2026-11-26",
  ),
  agreements: csv(
    HEADERS.agreements,
    "chl-2026-02-04-mou,CHL,Chile,MOU,mou,pact,2026-02-04,,ministerial,ministerial-11,high,,src-b",
    "aus-2025-10-20-framework,AUS,Australia,Framework,framework,pact,2025-10-20,,pre-ministerial,prior-10-likely,high,,src-a;src-b",
    "euu-undated,EUU,European Union,Action plan,action-plan,related,,Not dated.,post-ministerial,none,low,,src-b",
  ),
  memberships: csv(
    HEADERS.memberships,
    "CHL,Chile,ministerial,delegation,2026-02-04,,,,official,high,,src-b",
    "AUS,Australia,msp,member,2022-06-14,,,2026-02-04,official,high,,src-a",
    "EUU,European Union,forge,member,2026-02-04,,,,inferred,medium,,src-b",
    "CHL,Chile,pax-silica,signatory,,2026-01-14,2026-02-20,,reported,low,,src-b",
  ),
  leftOut: csv(
    HEADERS.leftOut,
    "chl-2026-03-19-plan,CHL,Chile,Action plan (planned),2026-03-19,Planned; signature not confirmed.,src-b",
  ),
  tallies: csv(
    HEADERS.tallies,
    "prior-signed,10,Signed before,2026-02-04,src-b",
    "ministerial-signed,11,Signed at,2026-03-01,src-b",
  ),
  mineralsList: csv(
    HEADERS.mineralsList,
    "lithium,Lithium,Battery minerals,mine;reserves,",
    "germanium,Germanium,Tech,,No data.",
  ),
  minerals: csv(
    HEADERS.minerals,
    "lithium,reserves,2025,CHL,Chile,9000000,t,,false,src-a",
    "lithium,reserves,2025,WLD,World total,30000000,t,greater-than,false,src-a",
    "lithium,mine,2025,USA,United States,,t,withheld,false,src-a",
    "lithium,mine,2025,CHL,Chile,50,t,,true,src-a",
    "lithium,mine,2025,AUS,Australia,100,t,,true,src-a",
    "lithium,mine,2025,CHN,China,30,t,,true,src-a",
    "lithium,mine,2025,OTH,Other countries,20,t,,true,src-a",
    "lithium,mine,2025,WLD,World total,200,t,,true,src-a",
  ),
};

const NONE = new Map();
const dataset = buildDataset(TEXTS, COUNTRIES, PLACES, "2026-11-26", NONE);

describe("buildDataset", () => {
  it("sorts records so the JSON is stable, undated agreements last", () => {
    expect(dataset.sources.map((s) => s.id)).toEqual(["src-a", "src-b"]);
    expect(dataset.agreements.map((a) => a.id)).toEqual([
      "aus-2025-10-20-framework",
      "chl-2026-02-04-mou",
      "euu-undated",
    ]);
    expect(dataset.memberships.map((m) => m.forum)).toEqual(["forge", "msp", "pax-silica", "ministerial"]);
    expect(dataset.tallies.map((t) => t.id)).toEqual(["ministerial-signed", "prior-signed"]);
  });

  it("ends the timeline at the latest dated record, tallies included", () => {
    expect(dataset.asOf).toBe("2026-03-01");
  });

  it("lists organisations apart from places", () => {
    expect(dataset.organisations).toEqual([{ iso3: "EUU", name: "European Union" }]);
    expect(dataset.places.map((p) => p.iso3)).not.toContain("EUU");
  });

  it("derives one table per (mineral, stage, year, source), hand-checked", () => {
    const [mine, reserves] = dataset.mineralTables;
    expect(mine).toEqual({
      mineral: "lithium",
      stage: "mine",
      year: 2025,
      source: "src-a",
      unit: "t",
      world: { value: 200, flag: null, isEstimate: true },
      other: { value: 20, flag: null, isEstimate: true },
      rows: [
        { iso3: "AUS", value: 100, flag: null, isEstimate: true, share: 0.5 },
        { iso3: "CHL", value: 50, flag: null, isEstimate: true, share: 0.25 },
        { iso3: "CHN", value: 30, flag: null, isEstimate: true, share: 0.15 },
        { iso3: "USA", value: null, flag: "withheld", isEstimate: false, share: null },
      ],
      top: { iso3: "AUS", share: 0.5, tiedWith: [] },
      top3Share: 0.9,
      hhi: 0.335, // .25 + .0625 + .0225; "Other countries" excluded
      shareSum: 1,
      sumNote: null,
    });
    // World reserves only a lower bound: values kept, no shares.
    expect(reserves).toMatchObject({ stage: "reserves", top: null, hhi: null, shareSum: null });
    expect(reserves?.rows[0]).toMatchObject({ iso3: "CHL", value: 9000000, share: null });
  });

  it("keeps the catalogue, including minerals with no data and why", () => {
    expect(dataset.minerals).toEqual([
      { slug: "lithium", name: "Lithium", group: "Battery minerals", stages: ["mine", "reserves"], note: "" },
      { slug: "germanium", name: "Germanium", group: "Tech", stages: [], note: "No data." },
    ]);
  });

  it("reports the problems of every file together", () => {
    const broken = {
      ...TEXTS,
      agreements: TEXTS.agreements.replace("2025-10-20,", "2025-10-2,"),
      memberships: TEXTS.memberships.replace("src-a", ""),
    };
    try {
      buildDataset(broken, COUNTRIES, PLACES, "2026-11-26", NONE);
      expect.unreachable();
    } catch (error) {
      expect((error as DataError).issues.map((i) => `${i.file}:${i.line}:${i.field}`)).toEqual([
        "data/agreements.csv:3:date_signed",
        "data/memberships.csv:3:sources",
      ]);
    }
  });
});

describe("left-out records", () => {
  it("are kept apart from the agreements, and may not be both", () => {
    expect(dataset.leftOut.map((l) => l.id)).toEqual(["chl-2026-03-19-plan"]);
    expect(dataset.agreements.some((a) => a.id === "chl-2026-03-19-plan")).toBe(false);
    const both = { ...TEXTS, leftOut: TEXTS.leftOut.replace("chl-2026-03-19-plan", "chl-2026-02-04-mou") };
    try {
      buildDataset(both, COUNTRIES, PLACES, "2026-11-26", NONE);
      expect.unreachable();
    } catch (error) {
      expect((error as DataError).issues).toEqual([
        expect.objectContaining({
          file: "data/left-out.csv",
          line: 2,
          field: "id",
          reason: expect.stringMatching(/also in data\/agreements.csv/),
        }),
      ]);
    }
  });
});

describe("publicCsvs", () => {
  const out = publicCsvs(dataset);

  it("writes agreements with source URLs and empty cells for unknown dates", () => {
    expect(out.agreements.split("\n").slice(0, 4)).toEqual([
      "iso3,country,instrument,type,kind,date_signed,cohort,state_count,confidence,notes,sources",
      "AUS,Australia,Framework,framework,pact,2025-10-20,pre-ministerial,prior-10-likely,high,,https://example.org/a;https://example.org/b",
      "CHL,Chile,MOU,mou,pact,2026-02-04,ministerial,ministerial-11,high,,https://example.org/b",
      "EUU,European Union,Action plan,action-plan,related,,post-ministerial,none,low,,https://example.org/b",
    ]);
  });

  it("writes memberships with empty cells for open-ended dates, and an undated record's bounds", () => {
    expect(out.memberships.split("\n").slice(0, 4)).toEqual([
      "iso3,country,forum,role,since,not_before,known_by,until,confidence,sources",
      "EUU,European Union,forge,member,2026-02-04,,,,medium,https://example.org/b",
      "AUS,Australia,msp,member,2022-06-14,,,2026-02-04,high,https://example.org/a",
      "CHL,Chile,pax-silica,signatory,,2026-01-14,2026-02-20,,low,https://example.org/b",
    ]);
  });

  it("writes minerals with derived shares, aggregates last, no withheld or bound values", () => {
    const cite = '"Publisher A, Title A",https://example.org/a';
    expect(out.minerals.trimEnd().split("\n")).toEqual([
      "mineral,stage,iso3,country,year,value,unit,share,is_estimate,source,source_url",
      `lithium,mine,AUS,Australia,2025,100,t,0.5,true,${cite}`,
      `lithium,mine,CHL,Chile,2025,50,t,0.25,true,${cite}`,
      `lithium,mine,CHN,China,2025,30,t,0.15,true,${cite}`,
      `lithium,mine,OTH,Other countries,2025,20,t,0.1,true,${cite}`,
      `lithium,mine,WLD,World total,2025,200,t,1,true,${cite}`,
      `lithium,reserves,CHL,Chile,2025,9000000,t,,false,${cite}`,
    ]);
  });
});
