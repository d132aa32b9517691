/**
 * The table view: the same data the map shows, as rows a reader can sort and search. The accessible
 * alternative to the map, and the view for anyone who prefers numbers. Pure.
 *
 * Every row carries sortable `cells` (numbers, ISO dates or text; null when there is no value) and
 * the `text` a reader sees, so a missing value reads as words ("withheld", "not available"), never
 * as 0, and sorts last.
 */

import { MINISTERIAL_DATE } from "../config.ts";
import type { Agreement, CoreDataset, Iso3, Membership } from "../types.ts";
import type { Index, Scene } from "./derive.ts";
import { instrumentForm } from "./describe.ts";
import { CONFIDENCE_LEVELS, formatDate, formatNumber, formatShare } from "./format.ts";
import {
  CATEGORY_LABELS,
  categoryOf,
  countsFrom,
  FORUM_CATEGORIES,
  FORUM_NAMES,
  FORUM_SHORT_NAMES,
  type ForumCategory,
  type ForumMembers,
  OVERLAP_FORUMS,
} from "./forums.ts";
import { rankOf, SMALL_TEXT, STAGE_LABELS } from "./minerals.ts";
import { normalise } from "./search.ts";
import { CONFIDENCE_RANK, lowestConfidence, pactStatus, STATUS_LABELS, STATUSES } from "./status.ts";

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned figures (amounts, shares, ranks, counts). */
  numeric: boolean;
}

export interface TableRow {
  iso3: Iso3;
  /** Sort keys, one per column: numbers sort numerically, strings by locale, null last. */
  cells: Cell[];
  /** What the reader sees, one per column. */
  text: string[];
  /** The country's name and alternative names, for `filterRows`. */
  names: string[];
}

export type SortDirection = "ascending" | "descending";

export interface TableSort {
  column: number;
  direction: SortDirection;
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  /** In the order of `sort`. */
  rows: TableRow[];
  /** The order `rows` come in: the natural order of the view (status, role, share). */
  sort: TableSort;
  /** What to say when the view has no rows at all. */
  empty: string;
}

/** The status of a country whose only records are undated: listed apart, never on the timeline. */
const UNDATED_LABEL = "Undated record, not on the timeline";

const BASIS_TEXT: Record<Membership["basis"], string> = {
  official: "Official",
  reported: "Reported",
  inferred: "Inferred",
};

/**
 * The table for the scene's view and timeline date: its statuses, memberships and forum members
 * are the ones the map is coloured by (derive.ts), never computed again here. The view and forum
 * arguments are the scene's own, still accepted from callers that pass them; the scene decides.
 */
export function tableModel(dataset: CoreDataset, index: Index, scene: Scene): TableModel {
  const namesOf = (iso3: Iso3): string[] => {
    const place = index.places.get(iso3);
    if (place) return [place.name, ...place.altNames];
    return [index.names.get(iso3) ?? iso3];
  };
  const nameOf = (iso3: Iso3) => index.names.get(iso3) ?? iso3;
  if (scene.minerals) return mineralsTable(scene, index, namesOf);
  if (scene.forums) return forumsTable(scene.forums, scene.date, nameOf, namesOf);
  return pactsTable(dataset, scene, nameOf, namesOf);
}

type Names = (iso3: Iso3) => string[];

/** Short forum names for the pacts table: "FORGE", "Pax Silica (participant)". */
function forumShortName(m: Membership): string {
  const short = FORUM_SHORT_NAMES[m.forum];
  return m.role === "member" || m.role === "signatory" ? short : `${short} (${m.role})`;
}

function pactsTable(dataset: CoreDataset, scene: Scene, nameOf: (iso3: Iso3) => string, namesOf: Names): TableModel {
  const date = scene.date;
  const undated = new Map<Iso3, Agreement[]>();
  for (const a of dataset.agreements) {
    if (a.date === null) undated.set(a.iso3, [...(undated.get(a.iso3) ?? []), a]);
  }
  const forums = new Map<Iso3, string[]>();
  for (const m of scene.memberships) {
    if (m.forum === "ministerial") continue;
    const list = forums.get(m.iso3) ?? [];
    const name = forumShortName(m);
    if (!list.includes(name)) list.push(name);
    forums.set(m.iso3, list);
  }
  const iso3s = new Set([...scene.statuses.keys(), ...undated.keys()]);
  const rows: TableRow[] = [];
  for (const iso3 of iso3s) {
    const status = scene.statuses.get(iso3);
    const pending = undated.get(iso3) ?? [];
    const agreements = [...(status?.agreements ?? []), ...pending];
    const statusIndex = status ? STATUSES.indexOf(status.status) : STATUSES.length;
    const confidence = status ? status.confidence : lowestConfidence(pending.map((a) => a.confidence));
    // The date that sorts a row: the first signing among the records that decide its status.
    const deciding = (status?.agreements ?? []).filter((a) => pactStatus(a) === status?.status);
    const dated = deciding.map((a) => a.date).filter((d): d is string => d !== null);
    const instruments = agreements.map((a) => `${instrumentForm(a)}: ${a.instrument}${a.date ? "" : " (undated)"}`);
    const dates = agreements.map((a) => formatDate(a.date));
    const memberOf = forums.get(iso3) ?? [];
    const name = nameOf(iso3);
    rows.push({
      iso3,
      cells: [
        name,
        statusIndex,
        instruments.join("; ") || null,
        dated.length ? dated.reduce((a, b) => (b < a ? b : a)) : null,
        CONFIDENCE_RANK[confidence],
        memberOf.length ? memberOf.join(", ") : null,
      ],
      text: [
        name,
        status ? STATUS_LABELS[status.status] : UNDATED_LABEL,
        instruments.length ? instruments.join("; ") : "No agreement",
        dates.length ? dates.join("; ") : "No agreement",
        CONFIDENCE_LEVELS[confidence],
        memberOf.length ? memberOf.join(", ") : "None",
      ],
      names: namesOf(iso3),
    });
  }
  rows.sort((a, b) => (a.cells[1] as number) - (b.cells[1] as number) || compareText(a.text[0], b.text[0]));
  const concluded = dataset.tallies.find((t) => t.id === "negotiations-concluded");
  const unnamed =
    date >= MINISTERIAL_DATE && concluded
      ? ` ${concluded.value} more countries concluded negotiations but are not named in any source, so they are not listed.`
      : "";
  return {
    caption: `Critical-minerals pacts and other minerals deals with the US, as of ${formatDate(date)}: every country with an agreement or a ministerial delegation on record.${unnamed}`,
    columns: [
      { key: "country", label: "Country", numeric: false },
      { key: "status", label: "Status", numeric: false },
      { key: "instruments", label: "Instrument(s)", numeric: false },
      { key: "date", label: "Date signed", numeric: false },
      { key: "confidence", label: "Confidence", numeric: false },
      { key: "forums", label: "Forums", numeric: false },
    ],
    rows,
    sort: { column: 1, direction: "ascending" },
    empty: "No agreement or delegation on record by this date.",
  };
}

function forumsTable(members: ForumMembers, date: string, nameOf: (iso3: Iso3) => string, namesOf: Names): TableModel {
  const when = formatDate(date);
  if (members.forum === "overlap") {
    const rows: TableRow[] = [];
    for (const [iso3, forums] of members.overlap) {
      const names = forums.map((f) => FORUM_SHORT_NAMES[f]);
      const name = nameOf(iso3);
      rows.push({
        iso3,
        cells: [name, forums.length, names.join(", ")],
        text: [name, `${forums.length} of ${OVERLAP_FORUMS.length}`, names.join(", ")],
        names: namesOf(iso3),
      });
    }
    rows.sort((a, b) => (b.cells[1] as number) - (a.cells[1] as number) || compareText(a.text[0], b.text[0]));
    return {
      caption: `Membership of FORGE, the Minerals Security Partnership, Pax Silica and the 4 Feb 2026 ministerial, as of ${when}: how many of the ${OVERLAP_FORUMS.length} each country belongs to.`,
      columns: [
        { key: "country", label: "Country", numeric: false },
        { key: "count", label: "Forums", numeric: true },
        { key: "forums", label: "Which", numeric: false },
      ],
      rows,
      sort: { column: 1, direction: "descending" },
      empty: "No forum membership on record by this date.",
    };
  }
  const rows: TableRow[] = [];
  const forum = members.forum;
  for (const status of members.statuses.values()) {
    const { iso3, category, memberships } = status;
    // The earliest day a membership is known to hold; an undated one reads "by …" (data/README.md).
    const earliest = memberships
      .filter((m) => countsFrom(m) !== null)
      .reduce<Membership | null>((a, m) => (a === null || (countsFrom(m) ?? "") < (countsFrom(a) ?? "") ? m : a), null);
    const first = earliest ? countsFrom(earliest) : null;
    const bases = [...new Set(memberships.map((m) => BASIS_TEXT[m.basis]))];
    const confidence = lowestConfidence(memberships.map((m) => m.confidence));
    const name = nameOf(iso3);
    rows.push({
      iso3,
      cells: [name, FORUM_CATEGORIES.indexOf(category), first, bases.join(", "), CONFIDENCE_RANK[confidence]],
      text: [
        name,
        roleText(category, memberships),
        earliest === null ? "Date not published" : earliest.since ? formatDate(first) : `By ${formatDate(first)}`,
        bases.join(", "),
        CONFIDENCE_LEVELS[confidence],
      ],
      names: namesOf(iso3),
    });
  }
  rows.sort((a, b) => (a.cells[1] as number) - (b.cells[1] as number) || compareText(a.text[0], b.text[0]));
  const title = forum === "msp" ? `${FORUM_NAMES.msp} and its Forum` : FORUM_NAMES[forum];
  return {
    caption: `${title}: members as of ${when}.`,
    columns: [
      { key: "country", label: "Country", numeric: false },
      { key: "role", label: "Role", numeric: false },
      { key: "since", label: "Since", numeric: false },
      { key: "basis", label: "Basis", numeric: false },
      { key: "confidence", label: "Confidence", numeric: false },
    ],
    rows,
    sort: { column: 1, direction: "ascending" },
    empty: "No members on record by this date.",
  };
}

/** The category, plus any other roles the country holds in the same view (MSP member and Forum member). */
function roleText(category: ForumCategory, memberships: readonly Membership[]): string {
  const others = [...new Set(memberships.map(categoryOf))].filter((c) => c !== category);
  return [CATEGORY_LABELS[category], ...others.map((c) => CATEGORY_LABELS[c])].join("; ");
}

function mineralsTable(scene: Scene, index: Index, namesOf: Names): TableModel {
  const columns: TableColumn[] = [
    { key: "country", label: "Country", numeric: false },
    { key: "amount", label: "Amount", numeric: true },
    { key: "unit", label: "Unit", numeric: false },
    { key: "share", label: "Share of world", numeric: true },
    { key: "rank", label: "Rank", numeric: true },
    { key: "estimate", label: "Estimate", numeric: false },
  ];
  const sort: TableSort = { column: 3, direction: "descending" };
  const minerals = scene.minerals;
  const choice = minerals?.choice;
  if (minerals?.pending) {
    const name = minerals.mineral?.name ?? "The minerals";
    return {
      caption: `${name}: the country data are not loaded yet.`,
      columns,
      rows: [],
      sort,
      empty: "The mineral data are not loaded yet.",
    };
  }
  if (!minerals || !choice) {
    const mineral = minerals?.mineral;
    return {
      caption: mineral ? `${mineral.name}: ${mineral.note || "no country data published."}` : "Pick a mineral.",
      columns,
      rows: [],
      sort,
      empty: "No country data published for this mineral.",
    };
  }
  const { table } = choice;
  const noShares = table.world.value === null || table.world.flag === "greater-than";
  const noShareText = table.world.value === null ? "No share (no world total)" : "No share (world total is a bound)";
  const rows = table.rows.map((row): TableRow => {
    const name = index.names.get(row.iso3) ?? row.iso3;
    const missing =
      row.flag === "withheld" ? "Withheld by the source" : row.flag === "small" ? SMALL_TEXT : "Not available";
    const rank = rankOf(table, row.iso3);
    const shareText = row.value === null ? missing : row.share !== null ? formatShare(row.share) : noShareText;
    return {
      iso3: row.iso3,
      cells: [name, row.value, table.unit, row.share, rank, row.isEstimate ? "yes" : "no"],
      text: [
        name,
        row.value === null ? missing : formatNumber(row.value),
        table.unit,
        shareText,
        rank === null ? "Not ranked" : String(rank),
        row.isEstimate ? "Yes" : "No",
      ],
      names: namesOf(row.iso3),
    };
  });
  const source = index.sources.get(table.source);
  const world = table.world.value;
  const worldText =
    world === null
      ? "The source gives no world total, so no shares."
      : noShares
        ? `World total only a lower bound (more than ${formatNumber(world)} ${table.unit}), so no shares.`
        : `Shares of the published world total, ${formatNumber(world)} ${table.unit}${table.world.isEstimate ? " (estimate)" : ""}.`;
  const by = source ? ` Countries as listed by ${source.publisher}, ${formatDate(source.date)}.` : "";
  return {
    caption: `${choice.mineral.name}: ${STAGE_LABELS[choice.stage].toLowerCase()}, ${table.year}.${by} ${worldText}`,
    columns,
    rows,
    sort,
    empty: "The source lists no country for this table.",
  };
}

/** One collator for every comparison (localeCompare with options builds one per call). */
const byText = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function compareText(a: string | undefined, b: string | undefined): number {
  return byText.compare(a ?? "", b ?? "");
}

/**
 * Rows sorted by one column: numbers numerically, strings with localeCompare, nulls last in either
 * direction. Stable: rows that compare equal keep their order. Returns a new array.
 */
export function sortRows(rows: readonly TableRow[], columnIndex: number, direction: SortDirection): TableRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = x.cells[columnIndex] ?? null;
    const b = y.cells[columnIndex] ?? null;
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (typeof a === "number" && typeof b === "number") return sign * (a - b);
    if (typeof a === "number") return -sign;
    if (typeof b === "number") return sign;
    return sign * compareText(a, b);
  });
}

/** Rows whose country name or an alternative name contains `query` (case and accents ignored). */
export function filterRows(rows: readonly TableRow[], query: string): TableRow[] {
  const q = normalise(query);
  if (!q) return [...rows];
  return rows.filter((row) => row.names.some((name) => normalise(name).includes(q)));
}

/**
 * The sort after a click on a column header: the same column flips direction; a new column starts
 * descending for figures (largest first) and ascending for text.
 */
export function nextSort(model: Pick<TableModel, "columns">, current: TableSort, column: number): TableSort {
  if (current.column === column) {
    return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { column, direction: model.columns[column]?.numeric ? "descending" : "ascending" };
}

/** "12 of 34 countries" (or "34 countries" when nothing is filtered out). */
export function rowCount(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? "country" : "countries");
  return shown === total ? `${total} ${noun(total)}` : `${shown} of ${total} ${noun(total)}`;
}
