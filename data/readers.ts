/**
 * Build-time readers for the sourced data tables (data/*.csv). Pure: the data build runs them on the
 * files. Every reader reports ALL problems it finds at once (file, line, field, reason) in one
 * DataError, so a contributor fixes a file in one pass. The app never loads this file: it checks the
 * built dataset.json with `parseDataset` (src/data/schema.ts).
 */
import {
  AGREEMENT_KINDS,
  AGREEMENT_TYPES,
  BASES,
  COHORTS,
  CONFIDENCES,
  FORUMS,
  MINISTERIAL_DATE,
  OTHER,
  ROLES,
  STAGES,
  STATE_COUNTS,
  VALUE_FLAGS,
  WORLD,
} from "../src/config.ts";
import { type CsvRecord, DataError, type DataIssue, parseCsv } from "../src/data/csv.ts";
import { FULL_DATE, isValidDate, PARTIAL_DATE } from "../src/data/dates.ts";
import { checkShareSum, round4 } from "../src/model/shares.ts";
import type { Agreement, LeftOut, Membership, MineralInfo, Source, Stage, Tally, ValueFlag } from "../src/types.ts";

export const FILES = {
  sources: "data/sources.csv",
  agreements: "data/agreements.csv",
  memberships: "data/memberships.csv",
  tallies: "data/tallies.csv",
  minerals: "data/minerals.csv",
  mineralsList: "data/minerals-list.csv",
  leftOut: "data/left-out.csv",
} as const;

export const HEADERS = {
  sources: ["id", "publisher", "title", "date", "url", "is_mirror", "original", "licence", "retrieved"],
  agreements: [
    "id",
    "iso3",
    "country",
    "instrument",
    "type",
    "kind",
    "date_signed",
    "date_note",
    "cohort",
    "state_count",
    "confidence",
    "notes",
    "sources",
  ],
  memberships: [
    "iso3",
    "country",
    "forum",
    "role",
    "since",
    "not_before",
    "known_by",
    "until",
    "basis",
    "confidence",
    "notes",
    "sources",
  ],
  tallies: ["id", "value", "label", "as_of", "sources"],
  minerals: ["mineral", "stage", "year", "iso3", "country", "value", "unit", "flag", "is_estimate", "source"],
  mineralsList: ["slug", "name", "group", "stages", "note"],
  leftOut: ["id", "iso3", "country", "instrument", "reported_date", "reason", "sources"],
} as const;

/** A table whose share sum is off by more than rounding, for a documented reason. */
export interface SumException {
  /** The sum as published, to 4 decimals: if the table changes, the exception must be looked at again. */
  sum: number;
  reason: string;
}

/**
 * What records are checked against. `today` (YYYY-MM-DD) is passed in: pure code reads no clock.
 * A missing set skips that cross-file check (used when a file is checked on its own).
 */
export interface Context {
  today: string;
  sourceIds?: ReadonlySet<string>;
  /** Codes a record may name: drawable places plus organisations. */
  iso3?: ReadonlySet<string>;
  /** The mineral catalogue: stages with data, and the line that declares them. */
  minerals?: ReadonlyMap<string, { stages: readonly Stage[]; line: number }>;
  /** Keyed by `tableKey`. */
  sumExceptions?: ReadonlyMap<string, SumException>;
  /** The ids in data/agreements.csv: a left-out record must not also be an agreement. */
  agreementIds?: ReadonlySet<string>;
}

/** One row of data/minerals.csv, including the WLD and OTH aggregates. */
export interface MineralRecord {
  line: number;
  mineral: string;
  stage: Stage;
  year: number;
  iso3: string;
  country: string;
  value: number | null;
  /** The value exactly as written, for the rounding tolerance. */
  text: string;
  unit: string;
  flag: ValueFlag | null;
  isEstimate: boolean;
  source: string;
}

const ISO3 = /^[A-Z]{3}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NUMBER = /^\d+(\.\d+)?$/;
/** A partial date ("2026-03") is in the future only if its first day is. */
export function isFuture(date: string, today: string): boolean {
  return date.length > 0 && date > today.slice(0, date.length);
}

/** Field access with checks; every failed check is recorded against the record's line. */
class Row {
  private readonly file: string;
  private readonly record: CsvRecord;
  private readonly issues: DataIssue[];
  private readonly ctx: Context;

  constructor(file: string, record: CsvRecord, issues: DataIssue[], ctx: Context) {
    this.file = file;
    this.record = record;
    this.issues = issues;
    this.ctx = ctx;
  }

  get line(): number {
    return this.record.line;
  }

  bad(field: string, reason: string): void {
    this.issues.push({ file: this.file, line: this.record.line, field, reason });
  }

  raw(field: string): string {
    return this.record.fields[field] ?? "";
  }

  text(field: string, required = true): string {
    const value = this.raw(field);
    if (required && value.trim() === "") this.bad(field, "missing (required)");
    else if (value !== value.trim()) this.bad(field, "leading or trailing spaces");
    return value;
  }

  oneOf<T extends string>(field: string, vocabulary: readonly T[], required = true): T | null {
    const value = this.raw(field);
    if (value === "" && !required) return null;
    if ((vocabulary as readonly string[]).includes(value)) return value as T;
    this.bad(
      field,
      value === ""
        ? `missing (one of ${vocabulary.join(", ")})`
        : `unknown value "${value}" (one of ${vocabulary.join(", ")})`,
    );
    return null;
  }

  date(field: string, options: { required?: boolean; partial?: boolean } = {}): string | null {
    const value = this.raw(field);
    if (value === "") {
      if (options.required ?? true) this.bad(field, "missing date (YYYY-MM-DD)");
      return null;
    }
    const shape = options.partial ? "YYYY, YYYY-MM or YYYY-MM-DD" : "YYYY-MM-DD";
    if (!isValidDate(value, options.partial ? PARTIAL_DATE : FULL_DATE)) {
      this.bad(field, `not a valid date "${value}" (expected ${shape})`);
      return null;
    }
    if (isFuture(value, this.ctx.today)) this.bad(field, `date ${value} is in the future (today is ${this.ctx.today})`);
    return value;
  }

  /** A place code that must be drawable (a place) or an organisation, unless it is an aggregate. */
  iso3(field: string, aggregates: readonly string[] = []): string {
    const value = this.raw(field);
    if (aggregates.includes(value)) return value;
    if (!ISO3.test(value)) this.bad(field, `not an ISO 3166-1 alpha-3 code "${value}"`);
    else if (this.ctx.iso3 && !this.ctx.iso3.has(value)) {
      this.bad(
        field,
        `unknown country code "${value}": not a place with geometry or a marker point, nor an organisation, in data/countries.csv`,
      );
    }
    return value;
  }

  slug(field: string): string {
    const value = this.raw(field);
    if (!SLUG.test(value)) this.bad(field, `not a kebab-case id "${value}"`);
    return value;
  }

  /** `;`-separated source ids, at least one, each in data/sources.csv. */
  sources(field: string, single = false): string[] {
    const value = this.raw(field);
    const ids = value.split(";").filter((id) => id !== "");
    if (ids.length === 0) this.bad(field, "no source cited (at least one source id from data/sources.csv)");
    else if (single && ids.length > 1) this.bad(field, `one source id per row, found ${ids.length}`);
    else if (ids.join(";") !== value) this.bad(field, `malformed list "${value}" (ids separated by ";", no spaces)`);
    else if (new Set(ids).size !== ids.length) this.bad(field, `a source id is cited twice in "${value}"`);
    for (const id of ids) {
      if (this.ctx.sourceIds && !this.ctx.sourceIds.has(id))
        this.bad(field, `unknown source id "${id}" (not in data/sources.csv)`);
    }
    return ids;
  }
}

/** Runs `read` over every record, then throws one DataError with every issue found, if any. */
function readTable<T>(
  text: string,
  file: string,
  header: readonly string[],
  ctx: Context,
  read: (row: Row) => T,
  finish?: (items: { row: Row; item: T }[], issues: DataIssue[]) => void,
): T[] {
  const records = parseCsv(text, file, header);
  const issues: DataIssue[] = [];
  const items = records.map((record) => {
    const row = new Row(file, record, issues, ctx);
    return { row, item: read(row) };
  });
  finish?.(items, issues);
  // In reading order: this file first, then by line and column.
  const rank = (i: DataIssue) => [i.file === file ? 0 : 1, i.line, header.indexOf(i.field)];
  const order = (a: DataIssue, b: DataIssue) => {
    const [x, y] = [rank(a), rank(b)];
    return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0) || (x[2] ?? 0) - (y[2] ?? 0);
  };
  if (issues.length > 0) throw new DataError(issues.sort(order));
  return items.map(({ item }) => item);
}

/** Reports every record whose key was already seen, naming the first line. */
function duplicates<T>(items: { row: Row; item: T }[], key: (item: T) => string, field: string, what: string): void {
  const seen = new Map<string, number>();
  for (const { row, item } of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) row.bad(field, `duplicate record: same ${what} as line ${first}`);
    else seen.set(k, row.line);
  }
}

export function readSources(text: string, ctx: Context, file: string = FILES.sources): Source[] {
  return readTable(
    text,
    file,
    HEADERS.sources,
    ctx,
    (row) => {
      const isMirror = row.raw("is_mirror") === "1";
      if (!["", "1"].includes(row.raw("is_mirror")))
        row.bad("is_mirror", `must be 1 or empty, found "${row.raw("is_mirror")}"`);
      const url = row.text("url");
      if (url !== "" && !/^https?:\/\/\S+$/.test(url)) row.bad("url", `not an http(s) URL "${url}"`);
      const original = row.text("original", false);
      if (isMirror && original === "") row.bad("original", "a mirror must name the original publisher/page");
      return {
        id: row.slug("id"),
        publisher: row.text("publisher"),
        title: row.text("title"),
        date: row.date("date", { required: false, partial: true }),
        url,
        isMirror,
        original,
        licence: row.text("licence"),
        retrieved: row.date("retrieved") ?? "",
      };
    },
    (items) => {
      duplicates(items, (s) => s.id, "id", "id");
      duplicates(items, (s) => s.url, "url", "url");
    },
  );
}

export function readAgreements(text: string, ctx: Context, file: string = FILES.agreements): Agreement[] {
  return readTable(
    text,
    file,
    HEADERS.agreements,
    ctx,
    (row) => {
      const date = row.date("date_signed", { required: false });
      const dateNote = row.text("date_note", false);
      if (row.raw("date_signed") === "" && dateNote === "") row.bad("date_note", "say why date_signed is empty");
      const agreement: Agreement = {
        id: row.slug("id"),
        iso3: row.iso3("iso3"),
        country: row.text("country"),
        instrument: row.text("instrument"),
        // Empty when the instrument's form is not published (not guessed).
        type: row.oneOf("type", AGREEMENT_TYPES, false),
        kind: row.oneOf("kind", AGREEMENT_KINDS) ?? "related",
        date,
        dateNote,
        cohort: row.oneOf("cohort", COHORTS) ?? "earlier",
        stateCount: row.oneOf("state_count", STATE_COUNTS) ?? "none",
        confidence: row.oneOf("confidence", CONFIDENCES) ?? "low",
        notes: row.text("notes", false),
        sources: row.sources("sources"),
      };
      checkCohort(row, agreement);
      return agreement;
    },
    (items) => {
      duplicates(items, (a) => a.id, "id", "id");
      duplicates(items, (a) => `${a.iso3}|${a.instrument}|${a.date}`, "instrument", "country, instrument and date");
    },
  );
}

/** The cohort must agree with the date and the tally: a slip in either is caught here. */
function checkCohort(row: Row, a: Agreement): void {
  const { date, cohort, stateCount } = a;
  if (cohort === "ministerial" && date !== null && date !== MINISTERIAL_DATE) {
    row.bad("cohort", `"ministerial" but signed ${date}, not ${MINISTERIAL_DATE}`);
  } else if ((cohort === "earlier" || cohort === "pre-ministerial") && date !== null && date >= MINISTERIAL_DATE) {
    row.bad("cohort", `"${cohort}" but signed ${date}, not before ${MINISTERIAL_DATE}`);
  } else if (cohort === "post-ministerial" && date !== null && date <= MINISTERIAL_DATE) {
    row.bad("cohort", `"post-ministerial" but signed ${date}, not after ${MINISTERIAL_DATE}`);
  }
  if (stateCount === "ministerial-11" && cohort !== "ministerial") {
    row.bad("state_count", `"ministerial-11" needs cohort "ministerial", found "${cohort}"`);
  } else if (stateCount.startsWith("prior-10") && cohort !== "pre-ministerial") {
    row.bad("state_count", `"${stateCount}" needs cohort "pre-ministerial", found "${cohort}"`);
  }
}

export function readMemberships(text: string, ctx: Context, file: string = FILES.memberships): Membership[] {
  return readTable(
    text,
    file,
    HEADERS.memberships,
    ctx,
    (row) => {
      const since = row.date("since", { required: false });
      const notBefore = row.date("not_before", { required: false });
      const knownBy = row.date("known_by", { required: false });
      const until = row.date("until", { required: false });
      checkBounds(row, since, notBefore, knownBy);
      const start = since ?? knownBy;
      if (start && until && until < start) row.bad("until", `ends (${until}) before it starts (${start})`);
      return {
        iso3: row.iso3("iso3"),
        country: row.text("country"),
        forum: row.oneOf("forum", FORUMS) ?? "forge",
        role: row.oneOf("role", ROLES) ?? "member",
        since,
        notBefore,
        knownBy,
        until,
        basis: row.oneOf("basis", BASES) ?? "reported",
        confidence: row.oneOf("confidence", CONFIDENCES) ?? "low",
        notes: row.text("notes", false),
        sources: row.sources("sources"),
      };
    },
    (items) => {
      duplicates(items, (m) => `${m.iso3}|${m.forum}|${m.role}|${m.since}`, "iso3", "country, forum, role and since");
    },
  );
}

/** Bounds are for undated records only, and when both are given they form a range (not before ≤ known by). */
function checkBounds(row: Row, since: string | null, notBefore: string | null, knownBy: string | null): void {
  if (since && notBefore) row.bad("not_before", "only for a record with no since (the date is known)");
  if (since && knownBy) row.bad("known_by", "only for a record with no since (the date is known)");
  if (notBefore && knownBy && knownBy < notBefore) {
    row.bad("known_by", `is before not_before (${knownBy} < ${notBefore})`);
  }
}

/** Records the sources report and the map leaves out (a deal only planned), each with the reason. */
export function readLeftOut(text: string, ctx: Context, file: string = FILES.leftOut): LeftOut[] {
  return readTable(
    text,
    file,
    HEADERS.leftOut,
    ctx,
    (row) => {
      const id = row.slug("id");
      if (ctx.agreementIds?.has(id)) row.bad("id", `"${id}" is also in data/agreements.csv: a record is in or out`);
      return {
        id,
        iso3: row.iso3("iso3"),
        country: row.text("country"),
        instrument: row.text("instrument"),
        reportedDate: row.date("reported_date", { required: false }),
        reason: row.text("reason"),
        sources: row.sources("sources"),
      };
    },
    (items) => duplicates(items, (l) => l.id, "id", "id"),
  );
}

export function readTallies(text: string, ctx: Context, file: string = FILES.tallies): Tally[] {
  return readTable(
    text,
    file,
    HEADERS.tallies,
    ctx,
    (row) => {
      const value = row.raw("value");
      if (!/^\d+$/.test(value)) row.bad("value", `not a whole number "${value}"`);
      return {
        id: row.slug("id"),
        value: Number(value),
        label: row.text("label"),
        asOf: row.date("as_of") ?? "",
        sources: row.sources("sources"),
      };
    },
    (items) => duplicates(items, (t) => t.id, "id", "id"),
  );
}

export function readMineralsList(
  text: string,
  ctx: Context,
  file: string = FILES.mineralsList,
): (MineralInfo & { line: number })[] {
  return readTable(
    text,
    file,
    HEADERS.mineralsList,
    ctx,
    (row) => {
      const listed = row
        .raw("stages")
        .split(";")
        .filter((s) => s !== "");
      const stages = listed.filter((s): s is Stage => (STAGES as readonly string[]).includes(s));
      for (const s of listed)
        if (!stages.includes(s as Stage)) row.bad("stages", `unknown stage "${s}" (one of ${STAGES.join(", ")})`);
      if (new Set(listed).size !== listed.length) row.bad("stages", "a stage is listed twice");
      const note = row.text("note", false);
      if (listed.length === 0 && note === "") row.bad("note", "say why the mineral has no stages with data");
      return { line: row.line, slug: row.slug("slug"), name: row.text("name"), group: row.text("group"), stages, note };
    },
    (items) => duplicates(items, (m) => m.slug, "slug", "slug"),
  );
}

/** "lithium/mine/2025/usgs-mcs2026": one published table. */
export function tableKey(r: { mineral: string; stage: string; year: number; source: string }): string {
  return `${r.mineral}/${r.stage}/${r.year}/${r.source}`;
}

/** Rows grouped by table, in file order. */
export function groupTables(records: readonly MineralRecord[]): Map<string, MineralRecord[]> {
  const tables = new Map<string, MineralRecord[]>();
  for (const r of records) {
    const rows = tables.get(tableKey(r));
    if (rows) rows.push(r);
    else tables.set(tableKey(r), [r]);
  }
  return tables;
}

export function readMinerals(text: string, ctx: Context, file: string = FILES.minerals): MineralRecord[] {
  const year = Number(ctx.today.slice(0, 4));
  return readTable(
    text,
    file,
    HEADERS.minerals,
    ctx,
    (row) => readMineralRow(row, ctx, year),
    (items, issues) => {
      duplicates(items, (r) => `${tableKey(r)}/${r.iso3}`, "iso3", "mineral, stage, year, source and iso3");
      const records = items.map(({ item }) => item);
      const badLines = new Set(issues.map((i) => i.line));
      issues.push(...checkTables(records, ctx, file, badLines), ...checkCatalogue(records, ctx));
    },
  );
}

function readMineralRow(row: Row, ctx: Context, thisYear: number): MineralRecord {
  const mineral = row.raw("mineral");
  const stage = row.oneOf("stage", STAGES);
  const catalogue = ctx.minerals?.get(mineral);
  if (ctx.minerals && !catalogue) row.bad("mineral", `unknown mineral "${mineral}" (not in data/minerals-list.csv)`);
  else if (catalogue && stage && !catalogue.stages.includes(stage)) {
    row.bad("stage", `stage "${stage}" is not listed for ${mineral} in data/minerals-list.csv`);
  }
  const yearText = row.raw("year");
  if (!/^\d{4}$/.test(yearText)) row.bad("year", `not a year "${yearText}"`);
  else if (Number(yearText) > thisYear) row.bad("year", `year ${yearText} is in the future`);
  const text = row.raw("value");
  const flag = row.oneOf("flag", VALUE_FLAGS, false);
  let value: number | null = null;
  if (text === "") {
    if (flag !== "withheld" && flag !== "not-available")
      row.bad("value", "missing (empty only when flag is withheld or not-available)");
  } else if (!NUMBER.test(text)) {
    row.bad("value", `not a number "${text}" (digits and one decimal point only, no thousands separators)`);
  } else if (flag === "withheld" || flag === "not-available") {
    row.bad("value", `a ${flag} value must be empty, found "${text}"`);
  } else value = Number(text);
  const isEstimate = row.raw("is_estimate");
  if (isEstimate !== "true" && isEstimate !== "false")
    row.bad("is_estimate", `must be true or false, found "${isEstimate}"`);
  return {
    line: row.line,
    mineral,
    stage: stage ?? "mine",
    year: Number(yearText),
    iso3: row.iso3("iso3", [WORLD, OTHER]),
    country: row.text("country"),
    value,
    text,
    unit: row.text("unit"),
    flag,
    isEstimate: isEstimate === "true",
    source: row.sources("source", true)[0] ?? "",
  };
}

/** Per table: one unit, one world total, at most one "Other countries", shares that add up. */
function checkTables(
  records: readonly MineralRecord[],
  ctx: Context,
  file: string,
  badLines: ReadonlySet<number>,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const used = new Set<string>();
  for (const [key, rows] of groupTables(records)) {
    const first = rows[0];
    if (!first) continue;
    const bad = (line: number, field: string, reason: string) => issues.push({ file, line, field, reason });
    for (const r of rows) {
      if (r.unit !== first.unit)
        bad(r.line, "unit", `"${r.unit}" differs from the table's unit "${first.unit}" (line ${first.line})`);
    }
    const worlds = rows.filter((r) => r.iso3 === WORLD);
    const world = worlds[0];
    if (!world) bad(first.line, "iso3", `table ${key} has no world total (WLD) row`);
    if (worlds.length > 1 || rows.filter((r) => r.iso3 === OTHER).length > 1) continue; // reported as duplicates
    const aggregates = rows.filter((r) => r.iso3 === WORLD || r.iso3 === OTHER);
    for (const r of rows) {
      if (r.flag === "greater-than" && !aggregates.includes(r))
        bad(r.line, "flag", "only WLD or OTH can be a lower bound");
    }
    // No total, a bound among the aggregates, or a row already reported: nothing to add up.
    if (!world || world.value === null || aggregates.some((r) => r.flag !== null)) continue;
    // A row above the total is the row's mistake (a misplaced digit): name it, not the total.
    const above = rows.filter((r) => r !== world && r.value !== null && r.value > (world.value ?? 0));
    for (const r of above) {
      bad(
        r.line,
        "value",
        `${r.text} is more than the world total ${world.text} (line ${world.line}): a share above 100%`,
      );
    }
    if (above.length > 0 || rows.some((r) => badLines.has(r.line))) {
      if (ctx.sumExceptions?.has(key)) used.add(key);
      continue;
    }
    const parts = rows.filter((r) => r !== world && r.value !== null).map((r) => r.text);
    const check = checkShareSum(parts, world.text);
    if (!check) continue;
    const exception = ctx.sumExceptions?.get(key);
    if (exception) used.add(key);
    const sum = round4(check.sum);
    if (exception && check.ok) {
      bad(
        world.line,
        "value",
        `rows sum to ${sum}, within rounding (±${round4(check.tolerance)}): remove the documented exception`,
      );
    } else if (exception && exception.sum !== sum) {
      bad(
        world.line,
        "value",
        `rows sum to ${sum} of the world total, but the documented exception says ${exception.sum}: check the table and update the exception`,
      );
    } else if (!exception && !check.ok) {
      bad(
        world.line,
        "value",
        `rows sum to ${sum} of the world total; independent rounding of the published figures explains at most ±${round4(check.tolerance)} (a wrong or missing row?)`,
      );
    }
  }
  for (const key of ctx.sumExceptions?.keys() ?? []) {
    if (!used.has(key))
      issues.push({
        file,
        line: 1,
        field: "(table)",
        reason: `documented share-sum exception ${key} matches no table`,
      });
  }
  return issues;
}

/** Every stage the catalogue lists must have data, so the app never offers an empty choice. */
function checkCatalogue(records: readonly MineralRecord[], ctx: Context): DataIssue[] {
  const issues: DataIssue[] = [];
  const present = new Set(records.map((r) => `${r.mineral}/${r.stage}`));
  for (const [slug, { stages, line }] of ctx.minerals ?? []) {
    for (const stage of stages) {
      if (!present.has(`${slug}/${stage}`)) {
        issues.push({
          file: FILES.mineralsList,
          line,
          field: "stages",
          reason: `stage "${stage}" of ${slug} has no rows in data/minerals.csv`,
        });
      }
    }
  }
  return issues;
}
