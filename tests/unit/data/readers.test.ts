import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type Context,
  isFuture,
  readAgreements,
  readMemberships,
  readMinerals,
  readMineralsList,
  readSources,
  readTallies,
} from "../../../data/readers.ts";
import { readOverrides } from "../../../data/tables.ts";
import { DataError, type DataIssue } from "../../../src/data/csv.ts";
import { isValidDate } from "../../../src/data/dates.ts";

const BROKEN = "tests/fixtures/broken";

const ctx: Context = {
  today: "2026-11-26",
  sourceIds: new Set(["src-a", "src-b"]),
  iso3: new Set(["AUS", "CAN", "CHL", "JPN", "USA", "EUU"]),
  minerals: new Map([["lithium", { stages: ["mine"] as const, line: 2 }]]),
};

type Reader = (text: string, ctx: Context, file: string) => unknown;

/** Reads a broken fixture under its own name and returns what the reader reported. */
function issuesOf(reader: Reader, name: string): DataIssue[] {
  const file = `${BROKEN}/${name}`;
  try {
    reader(readFileSync(file, "utf8"), ctx, file);
  } catch (error) {
    if (error instanceof DataError) return [...error.issues];
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

/** The reader of a fixture, from the file its name begins with ("memberships-nul.csv"). */
const READERS: Record<string, Reader> = {
  agreements: readAgreements,
  memberships: readMemberships,
  minerals: readMinerals,
  sources: readSources,
  tallies: readTallies,
  topology: (text, _ctx, file) => readOverrides(text, file),
};

function readerOf(name: string): Reader {
  const reader = READERS[name.split("-")[0] ?? ""];
  if (!reader) throw new Error(`no reader for ${name}`);
  return reader;
}

describe("broken fixtures fail with file, line, field and reason", () => {
  // [fixture, line, field, reason]
  const cases: [string, number, string, string][] = [
    ["agreements-wrong-code.csv", 3, "iso3", 'unknown country code "XYZ"'],
    ["agreements-bad-date.csv", 3, "date_signed", 'not a valid date "2025-02-30"'],
    ["agreements-future-date.csv", 2, "date_signed", "2027-01-15 is in the future (today is 2026-11-26)"],
    ["agreements-truncated.csv", 3, "notes", "unterminated quoted field (file truncated?)"],
    ["tallies-truncated.csv", 3, "(row)", "expected 5 fields, found 3"],
    ["memberships-missing-source.csv", 3, "sources", "no source cited"],
    ["memberships-unknown-source.csv", 3, "sources", 'unknown source id "src-nope"'],
    ["memberships-duplicate.csv", 4, "iso3", "duplicate record: same country, forum, role and since as line 2"],
    ["memberships-bound-with-date.csv", 3, "known_by", "only for a record with no since (the date is known)"],
    ["memberships-bound-reversed.csv", 3, "known_by", "is before not_before (2026-01-14 < 2026-02-20)"],
    ["minerals-non-numeric.csv", 3, "value", 'not a number "69,000"'],
    ["minerals-mixed-units.csv", 3, "unit", `differs from the table's unit "metric tons, lithium content" (line 2)`],
    ["minerals-bad-sum.csv", 4, "value", "rows sum to 0.8758 of the world total"],
    ["minerals-share-over-100.csv", 3, "value", "more than the world total 161000 (line 4): a share above 100%"],
    ["agreements-header-only.csv", 1, "(header)", "no records: the file has a header and nothing else"],
    ["memberships-header-only.csv", 1, "(header)", "no records"],
    ["tallies-header-only.csv", 1, "(header)", "no records"],
    ["agreements-stray-quote.csv", 3, "country", "a quote inside an unquoted field"],
    ["agreements-junk-after-quote.csv", 3, "country", 'text after the closing quote ("junk")'],
    ["agreements-unbalanced-quote.csv", 3, "notes", "a closing quote is missing (unbalanced quotes)"],
    ["memberships-invalid-utf8.csv", 3, "notes", "invalid UTF-8"],
    ["memberships-nul.csv", 3, "notes", "control character U+0000 (NUL) in the text"],
    ["topology-overrides-duplicate.csv", 4, "feature_name", 'duplicate feature "N. Cyprus": already on line 2'],
    ["minerals-no-world.csv", 2, "iso3", "has no world total (WLD) row"],
    ["sources-mirror-without-original.csv", 3, "original", "a mirror must name the original"],
  ];
  it.each(cases)("%s", (name, line, field, reason) => {
    const issues = issuesOf(readerOf(name), name);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual({ file: `${BROKEN}/${name}`, line, field, reason: expect.stringContaining(reason) });
  });

  it("minerals-unknown-mineral.csv: every row of the unknown mineral", () => {
    const issues = issuesOf(readMinerals, "minerals-unknown-mineral.csv");
    const file = `${BROKEN}/minerals-unknown-mineral.csv`;
    const reason = expect.stringContaining('unknown mineral "unobtainium" (not in data/minerals-list.csv)');
    expect(issues).toEqual([
      { file, line: 4, field: "mineral", reason },
      { file, line: 5, field: "mineral", reason },
    ]);
  });
});

const AGREEMENTS_HEADER =
  "id,iso3,country,instrument,type,kind,date_signed,date_note,cohort,state_count,confidence,notes,sources";

describe("readers", () => {
  it("report every problem of a file at once, in line order", () => {
    const text = [
      AGREEMENTS_HEADER,
      "Bad Id,AUS,Australia,Framework,treaty,pact,2025-10-20,,soon,none,sure,,src-a",
      "ok-id,AUS,Australia,Framework,,pact,,,earlier,none,high,,src-a;;src-zzz",
    ].join("\n");
    let issues: readonly DataIssue[] = [];
    try {
      readAgreements(text, ctx);
    } catch (error) {
      issues = (error as DataError).issues;
    }
    expect(issues.map((i) => `${i.line}:${i.field}`)).toEqual([
      "2:id",
      "2:type",
      "2:cohort",
      "2:confidence",
      "3:date_note",
      "3:sources",
      "3:sources",
    ]);
    expect(issues.every((i) => i.file === "data/agreements.csv")).toBe(true);
  });

  it("read a valid agreement into the app's shape", () => {
    const text = `${AGREEMENTS_HEADER}\naus-2025-10-20-framework,AUS,Australia,"US–Australia Framework, on minerals",framework,pact,2025-10-20,,pre-ministerial,prior-10-likely,high,"Signed in Washington",src-a;src-b\n`;
    expect(readAgreements(text, ctx)).toEqual([
      {
        id: "aus-2025-10-20-framework",
        iso3: "AUS",
        country: "Australia",
        instrument: "US–Australia Framework, on minerals",
        type: "framework",
        kind: "pact",
        date: "2025-10-20",
        dateNote: "",
        cohort: "pre-ministerial",
        stateCount: "prior-10-likely",
        confidence: "high",
        notes: "Signed in Washington",
        sources: ["src-a", "src-b"],
      },
    ]);
  });

  it("allow an empty type and date when the source gives none (a gap, not a guess)", () => {
    const text = `${AGREEMENTS_HEADER}\nken-undated-mou,USA,Kenya,MOU,,pact,,No signing date found.,pre-ministerial,prior-10-candidate,low,,src-a\n`;
    const [a] = readAgreements(text, ctx);
    expect(a).toMatchObject({ type: null, date: null, dateNote: "No signing date found." });
  });

  it("check that cohort, date and tally agree", () => {
    const row = (date: string, cohort: string, count: string) =>
      `${AGREEMENTS_HEADER}\nx-id,AUS,Australia,MOU,mou,pact,${date},,${cohort},${count},high,,src-a\n`;
    expect(() => readAgreements(row("2026-02-05", "ministerial", "none"), ctx)).toThrow(
      'data/agreements.csv:2: cohort: "ministerial" but signed 2026-02-05, not 2026-02-04',
    );
    expect(() => readAgreements(row("2026-02-04", "pre-ministerial", "none"), ctx)).toThrow("not before 2026-02-04");
    expect(() => readAgreements(row("2026-02-04", "post-ministerial", "none"), ctx)).toThrow("not after 2026-02-04");
    expect(() => readAgreements(row("2025-10-20", "pre-ministerial", "ministerial-11"), ctx)).toThrow(
      'state_count: "ministerial-11" needs cohort "ministerial"',
    );
    expect(() => readAgreements(row("2026-03-01", "post-ministerial", "prior-10-likely"), ctx)).toThrow(
      'needs cohort "pre-ministerial"',
    );
    expect(readAgreements(row("2026-02-04", "ministerial", "ministerial-11"), ctx)).toHaveLength(1);
  });

  it("reject a wrong header naming the columns expected", () => {
    expect(() => readTallies("id,value,label\nx,1,y\n", ctx)).toThrow(
      'data/tallies.csv:1: (header): expected columns "id,value,label,as_of,sources"',
    );
  });

  it("accept partial source dates but not impossible ones", () => {
    const header = "id,publisher,title,date,url,is_mirror,original,licence,retrieved";
    const row = (id: string, date: string) => `${id},P,T,${date},https://example.org/${id},,,CC BY 4.0,2026-11-26`;
    const ok = [header, row("a", "2025"), row("b", "2025-05"), row("c", "2025-05-31"), row("d", "")].join("\n");
    expect(readSources(ok, ctx).map((s) => s.date)).toEqual(["2025", "2025-05", "2025-05-31", null]);
    expect(() => readSources([header, row("e", "2025-13")].join("\n"), ctx)).toThrow('not a valid date "2025-13"');
  });

  it("check the mineral catalogue's stages and notes", () => {
    const header = "slug,name,group,stages,note";
    expect(() => readMineralsList(`${header}\ngermanium,Germanium,Tech,,\n`, ctx)).toThrow(
      "note: say why the mineral has no stages with data",
    );
    expect(() => readMineralsList(`${header}\ntin,Tin,Base,mine;smelting,\n`, ctx)).toThrow('unknown stage "smelting"');
  });

  it("require every catalogue stage to have rows", () => {
    const minerals = new Map([["lithium", { stages: ["mine", "reserves"] as const, line: 7 }]]);
    const text = readFileSync(`${BROKEN}/minerals-bad-sum.csv`, "utf8").replace("920000", "92000");
    expect(() => readMinerals(text, { ...ctx, minerals })).toThrow(
      'data/minerals-list.csv:7: stages: stage "reserves" of lithium has no rows in data/minerals.csv',
    );
  });

  it("require a documented share-sum exception to still match its table", () => {
    const text = readFileSync(`${BROKEN}/minerals-bad-sum.csv`, "utf8");
    const sumExceptions = new Map([["lithium/mine/2025/src-a", { sum: 0.8758, reason: "a known quirk" }]]);
    expect(readMinerals(text, { ...ctx, sumExceptions })).toHaveLength(3);
    const stale = new Map([["lithium/mine/2025/src-a", { sum: 0.9, reason: "a known quirk" }]]);
    expect(() => readMinerals(text, { ...ctx, sumExceptions: stale })).toThrow("the documented exception says 0.9");
    const fixed = text.replace("49000", "69000");
    expect(() => readMinerals(fixed, { ...ctx, sumExceptions })).toThrow("remove the documented exception");
  });
});

describe("dates", () => {
  it("are real calendar dates", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2025-02-29")).toBe(false);
    expect(isValidDate("2025-2-3")).toBe(false);
    expect(isValidDate("")).toBe(false);
  });

  it("are in the future only after today, partial dates by their first day", () => {
    expect(isFuture("2026-11-27", "2026-11-26")).toBe(true);
    expect(isFuture("2026-11-26", "2026-11-26")).toBe(false);
    expect(isFuture("2026-11", "2026-11-26")).toBe(false);
    expect(isFuture("2026-12", "2026-11-26")).toBe(true);
    expect(isFuture("2027", "2026-11-26")).toBe(true);
  });
});
