/**
 * Assembles the app's Dataset from the sourced tables and the world places, with the derived
 * concentration values, and writes the three public CSVs (DESIGN §3) from it, so the downloads can
 * never disagree with the map.
 */

import { FORUMS, OTHER, STAGES, WORLD } from "../src/config.ts";
import { DataError, type DataIssue, toCsv } from "../src/data/csv.ts";
import { byValue, concentration, round4, shareOf } from "../src/model/shares.ts";
import type { Dataset, MineralTable, MineralValue, Organisation, Place, Source } from "../src/types.ts";
import type { CountryRow } from "./geometry.ts";
import {
  type Context,
  type FILES,
  groupTables,
  HEADERS,
  type MineralRecord,
  readAgreements,
  readLeftOut,
  readMemberships,
  readMinerals,
  readMineralsList,
  readSources,
  readTallies,
  type SumException,
  tableKey,
} from "./readers.ts";

/**
 * Tables whose rows miss the world total by more than independent rounding explains (see
 * checkShareSum), each for a reason found in the source. `sum` is the published sum to 4 decimals:
 * the build fails if the table changes, or if the exception is no longer needed.
 */
export const SUM_EXCEPTIONS: ReadonlyMap<string, SumException> = new Map([
  [
    "graphite/reserves/2024/usgs-mcs2025",
    {
      sum: 0.9624,
      reason:
        "USGS lists no separate reserves for the United States, Austria, Germany and Ukraine (“included in World total”), so the listed countries add up to less than the world total.",
    },
  ],
  [
    "nickel/refining/2024/iea-cmd-2025",
    {
      sum: 1.0325,
      reason:
        "The IEA rows exceed its world total by exactly Canada’s 113.1 kt (Canada appears to be counted in “Rest of world” too).",
    },
  ],
]);

/** The raw text of each sourced table, keyed like FILES. */
export type TableTexts = Record<keyof typeof FILES, string>;

/** Reads and validates every table (all issues of all files at once), then builds the Dataset. */
export function buildDataset(
  texts: TableTexts,
  countries: readonly CountryRow[],
  places: Place[],
  today: string,
  sumExceptions: ReadonlyMap<string, SumException> = SUM_EXCEPTIONS,
): Dataset {
  const issues: DataIssue[] = [];
  const attempt = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      issues.push(...error.issues);
      return fallback;
    }
  };
  const organisations: Organisation[] = countries
    .filter((c) => c.kind === "organisation")
    .map((c) => ({ iso3: c.iso3, name: c.name }))
    .sort((a, b) => compare(a.iso3, b.iso3));
  const sources = attempt(() => readSources(texts.sources, { today }), null);
  const list = attempt(() => readMineralsList(texts.mineralsList, { today }), null);
  const ctx: Context = {
    today,
    // A broken sources.csv or catalogue would make every reference look wrong: skip those checks.
    sourceIds: sources ? new Set(sources.map((s) => s.id)) : undefined,
    iso3: new Set([...places.map((p) => p.iso3), ...organisations.map((o) => o.iso3)]),
    minerals: list ? new Map(list.map((m) => [m.slug, { stages: m.stages, line: m.line }])) : undefined,
    sumExceptions,
  };
  const agreements = attempt(() => readAgreements(texts.agreements, ctx), []);
  const memberships = attempt(() => readMemberships(texts.memberships, ctx), []);
  const tallies = attempt(() => readTallies(texts.tallies, ctx), []);
  const agreementIds = new Set(agreements.map((a) => a.id));
  const leftOut = attempt(() => readLeftOut(texts.leftOut, { ...ctx, agreementIds }), []);
  const minerals = attempt(() => readMinerals(texts.minerals, ctx), []);
  if (issues.length > 0 || !sources || !list) throw new DataError(issues);

  const forumOrder = (f: string) => FORUMS.indexOf(f as (typeof FORUMS)[number]);
  // Where the timeline ends: the latest day a record is known to start or a tally was announced. An
  // end (`until`) is not a record of its own: Korea's FORGE chair ends "through June 2026", a term
  // announced in February, not news from July.
  const dates = [
    ...agreements.map((a) => a.date),
    ...memberships.map((m) => m.since ?? m.knownBy),
    ...tallies.map((t) => t.asOf),
  ].filter((d): d is string => d !== null && d !== "");
  return {
    version: 1,
    asOf: dates.reduce((a, b) => (b > a ? b : a), ""),
    places,
    organisations,
    sources: sources.map(sourceOut).sort((a, b) => compare(a.id, b.id)),
    agreements: agreements.sort(
      (a, b) => compare(a.date ?? "9999", b.date ?? "9999") || compare(a.iso3, b.iso3) || compare(a.id, b.id),
    ),
    memberships: memberships.sort(
      (a, b) =>
        forumOrder(a.forum) - forumOrder(b.forum) ||
        compare(a.role, b.role) ||
        compare(a.iso3, b.iso3) ||
        compare(a.since ?? "", b.since ?? ""),
    ),
    tallies: tallies.sort((a, b) => compare(a.id, b.id)),
    leftOut: leftOut.sort((a, b) => compare(a.id, b.id)),
    minerals: list.map(({ slug, name, group, stages, note }) => ({ slug, name, group, stages, note })),
    mineralTables: mineralTables(
      minerals,
      list.map((m) => m.slug),
      sumExceptions,
    ),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fixed key order, so the JSON is byte-stable. */
function sourceOut(s: Source): Source {
  const { id, publisher, title, date, url, isMirror, original, licence, retrieved } = s;
  return { id, publisher, title, date, url, isMirror, original, licence, retrieved };
}

/** One MineralTable per published table, in catalogue order, then stage, year and source. */
export function mineralTables(
  records: readonly MineralRecord[],
  catalogue: readonly string[],
  sumExceptions: ReadonlyMap<string, SumException> = SUM_EXCEPTIONS,
): MineralTable[] {
  const tables = [...groupTables(records).values()].map((rows) => toTable(rows, sumExceptions));
  const rank = (t: MineralTable) => [catalogue.indexOf(t.mineral), STAGES.indexOf(t.stage), t.year] as const;
  return tables.sort((a, b) => {
    const [ma, sa, ya] = rank(a);
    const [mb, sb, yb] = rank(b);
    return ma - mb || sa - sb || ya - yb || compare(a.source, b.source);
  });
}

function toTable(rows: MineralRecord[], sumExceptions: ReadonlyMap<string, SumException>): MineralTable {
  const [first] = rows;
  const world = rows.find((r) => r.iso3 === WORLD);
  if (!first || !world) throw new Error("a mineral table without a world total passed validation");
  const other = rows.find((r) => r.iso3 === OTHER);
  // A lower bound (">…") is no total: no shares, and no sum when "Other countries" is a bound.
  const total = world.flag === null ? world.value : null;
  const named = rows.filter((r) => r !== world && r !== other).sort(byValue);
  const c = concentration(named, total);
  const parts = rows.filter((r) => r !== world && r.value !== null);
  return {
    mineral: first.mineral,
    stage: first.stage,
    year: first.year,
    source: first.source,
    unit: first.unit,
    world: valueOut(world),
    other: other ? valueOut(other) : null,
    rows: named.map((r) => {
      const share = shareOf(r.value, total);
      return { iso3: r.iso3, ...valueOut(r), share: share === null ? null : round4(share) };
    }),
    top: c.top,
    top3Share: c.top3Share,
    hhi: c.hhi,
    shareSum:
      total && other?.flag !== "greater-than" ? round4(parts.reduce((s, r) => s + (r.value ?? 0), 0) / total) : null,
    sumNote: sumExceptions.get(tableKey(first))?.reason ?? null,
  };
}

function valueOut(r: MineralRecord): MineralValue {
  return { value: r.value, flag: r.flag, isEstimate: r.isEstimate };
}

// ─── Public downloads (DESIGN §3): exactly these columns ────────────────────────────────────────

/** The columns of a table but those left out of its download. */
const without = <T extends string>(columns: readonly T[], ...left: T[]): T[] =>
  columns.filter((c) => !left.includes(c));

/**
 * The downloads' columns: the source tables' own (data/readers.ts) without their record ids,
 * bases and working notes; the minerals table adds each row's share and its source's URL.
 */
export const PUBLIC_HEADERS = {
  agreements: without(HEADERS.agreements, "id", "date_note"),
  memberships: without(HEADERS.memberships, "basis", "notes"),
  minerals: [
    "mineral",
    "stage",
    "iso3",
    "country",
    "year",
    "value",
    "unit",
    "share",
    "is_estimate",
    "source",
    "source_url",
  ],
} as const;

/** The record field a public column holds, where it is not the column's name in camelCase. */
const FIELD_OF: Record<string, string> = { date_signed: "date" };

/**
 * A record's cells for the public columns: each the field of the column's name (`state_count` →
 * `stateCount`), empty for none; `sources` as their URLs. A column with no field fails the build.
 */
function publicRow(record: object, columns: readonly string[], urls: (ids: string[]) => string): string[] {
  return columns.map((column) => {
    const field = FIELD_OF[column] ?? column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    if (!(field in record)) throw new Error(`public column ${column}: the record has no field ${field}`);
    const value: unknown = (record as Record<string, unknown>)[field];
    if (column === "sources") return urls(value as string[]);
    return value === null ? "" : String(value);
  });
}

export function publicCsvs(dataset: Dataset): { agreements: string; memberships: string; minerals: string } {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const urls = (ids: string[]) => ids.map((id) => sources.get(id)?.url ?? "").join(";");
  const names = new Map<string, string>([
    ...dataset.places.map((p) => [p.iso3, p.name] as const),
    ...dataset.organisations.map((o) => [o.iso3, o.name] as const),
    [WORLD, "World total"],
    [OTHER, "Other countries"],
  ]);
  const agreements = toCsv(
    PUBLIC_HEADERS.agreements,
    dataset.agreements.map((a) => publicRow(a, PUBLIC_HEADERS.agreements, urls)),
  );
  const memberships = toCsv(
    PUBLIC_HEADERS.memberships,
    dataset.memberships.map((m) => publicRow(m, PUBLIC_HEADERS.memberships, urls)),
  );
  const minerals = toCsv(
    PUBLIC_HEADERS.minerals,
    dataset.mineralTables.flatMap((t) => {
      const source = sources.get(t.source);
      const cite = source ? `${source.publisher}, ${source.title}` : t.source;
      const row = (iso3: string, value: number, share: number | null, isEstimate: boolean) => [
        t.mineral,
        t.stage,
        iso3,
        names.get(iso3) ?? iso3,
        t.year,
        value,
        t.unit,
        share ?? "",
        isEstimate,
        cite,
        source?.url ?? "",
      ];
      // Withheld, not-available and lower-bound values have no number to download (see data/README.md).
      const total = t.world.flag === null ? t.world.value : null;
      const known = [
        ...t.rows.map((r) => ({ ...r, share: r.share })),
        ...(t.other ? [{ iso3: OTHER, ...t.other, share: shareOf(t.other.value, total) }] : []),
        { iso3: WORLD, ...t.world, share: shareOf(t.world.value, total) },
      ].filter((r) => r.value !== null && r.flag === null);
      return known.map((r) => row(r.iso3, r.value ?? 0, r.share === null ? null : round4(r.share), r.isEstimate));
    }),
  );
  return { agreements, memberships, minerals };
}

// ─── data/README.md: the list of every source, generated so it cannot fall behind sources.csv ───

export const SOURCES_START = "<!-- sources:start (generated by `npm run data:build` from data/sources.csv) -->";
export const SOURCES_END = "<!-- sources:end -->";

/** A Markdown table of every source: publisher, title, date, licence, retrieval date, copy or not. */
export function sourcesMarkdown(sources: readonly Source[]): string {
  const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = sources.map((s) => {
    const link = `[${cell(s.title)}](${s.url})${s.isMirror ? ` (copy; original: ${cell(s.original)})` : ""}`;
    return `| \`${s.id}\` | ${cell(s.publisher)} | ${link} | ${s.date ?? "undated"} | ${cell(s.licence)} | ${s.retrieved} |`;
  });
  return ["| id | publisher | title | date | licence | retrieved |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** `readme` with the block between the markers replaced by the sources table. */
export function withSourcesTable(readme: string, sources: readonly Source[]): string {
  const start = readme.indexOf(SOURCES_START);
  const end = readme.indexOf(SOURCES_END);
  if (start < 0 || end < start) {
    throw new DataError([
      {
        file: "data/README.md",
        line: 1,
        field: "(sources)",
        reason: `the markers ${SOURCES_START} … ${SOURCES_END} are missing`,
      },
    ]);
  }
  return `${readme.slice(0, start + SOURCES_START.length)}\n${sourcesMarkdown(sources)}\n${readme.slice(end)}`;
}
