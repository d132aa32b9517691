/**
 * What the minerals view says in words and bars: the concentration of the chosen table, the bloc
 * against China for it and for every mineral, and a country's minerals. Plain data. Pure.
 */
import { CHINA } from "../config.ts";
import type { Dataset, Iso3, MineralTable, Source, Stage } from "../types.ts";
import { type BlocShares, blocShares } from "./bloc.ts";
import { formatDate, formatNumber, formatShare } from "./format.ts";
import {
  chooseTable,
  hhiReading,
  latestTables,
  type MineralChoice,
  rankOf,
  SMALL_TEXT,
  STAGE_LABELS,
} from "./minerals.ts";

export interface Bar {
  iso3: Iso3;
  name: string;
  share: number;
  value: number;
  isEstimate: boolean;
  inBloc: boolean;
}

export interface Concentration {
  heading: string;
  unit: string;
  bars: Bar[];
  stats: [string, string][];
  bloc: BlocShares | null;
  source: Source | null;
  /** Caveats a reader needs: estimates, withheld values, notes of the mineral and the table. */
  notes: string[];
}

export function concentrationOf(
  choice: MineralChoice,
  names: ReadonlyMap<Iso3, string>,
  sources: ReadonlyMap<string, Source>,
  members: ReadonlySet<Iso3>,
  topN = 8,
): Concentration {
  const { table, mineral } = choice;
  const nameOf = (iso3: Iso3) => names.get(iso3) ?? iso3;
  const bars = table.rows
    // A producer whose share shows as "0%" is no top producer: listed only above half a per mille.
    .filter((r) => r.value !== null && r.share !== null && formatShare(r.share) !== "0%")
    .slice(0, topN)
    .map((r) => ({
      iso3: r.iso3,
      name: shortName(r.iso3, nameOf(r.iso3)),
      share: r.share ?? 0,
      value: r.value ?? 0,
      isEstimate: r.isEstimate,
      inBloc: members.has(r.iso3),
    }));
  const stats: [string, string][] = [];
  if (table.top) {
    const tied = table.top.tiedWith.map(nameOf);
    const who = [nameOf(table.top.iso3), ...tied].join(" and ");
    stats.push([tied.length ? "Top producers (tied)" : "Top producer", `${who}, ${formatShare(table.top.share)}`]);
  }
  if (table.top3Share !== null) stats.push(["Top three", formatShare(table.top3Share)]);
  if (table.hhi !== null) {
    stats.push(["Concentration (HHI)", `${table.hhi.toFixed(2)}: ${hhiReading(table.hhi)}`]);
  }
  const world = table.world.value;
  if (world !== null) {
    const bound = table.world.flag === "greater-than" ? "more than " : "";
    stats.push(["World", `${bound}${formatNumber(world)} ${table.unit}${table.world.isEstimate ? " (estimate)" : ""}`]);
  }
  const notes: string[] = [];
  if (table.world.flag === "greater-than") {
    notes.push("The source gives the world total only as a lower bound, so no shares can be computed.");
  }
  const estimates = table.rows.filter((r) => r.isEstimate).length;
  if (estimates > 0)
    notes.push(`${estimates} of ${table.rows.length} country figures are the source's estimates (marked “est.”).`);
  const withheld = table.rows.filter((r) => r.flag === "withheld").map((r) => nameOf(r.iso3));
  if (withheld.length) notes.push(`Withheld by the source: ${withheld.join(", ")}.`);
  if (table.hhi !== null) notes.push('HHI counts named countries only ("Other countries" excluded): a lower bound.');
  if (table.sumNote) notes.push(table.sumNote);
  if (mineral.note) notes.push(mineral.note);
  return {
    heading: `${mineral.name}: ${STAGE_LABELS[choice.stage].toLowerCase()}, ${table.year}`,
    unit: table.unit,
    bars,
    stats,
    bloc: blocShares(table, members),
    source: sources.get(table.source) ?? null,
    notes,
  };
}

export interface BlocRow extends BlocShares {
  name: string;
  year: number;
}

/** Bloc vs China for every mineral with shares at this stage, China's share first (largest first). */
export function allMineralsBloc(
  dataset: Pick<Dataset, "minerals" | "mineralTables">,
  stage: Stage,
  members: ReadonlySet<Iso3>,
): BlocRow[] {
  const rows: BlocRow[] = [];
  for (const table of latestTables(dataset, stage)) {
    const shares = blocShares(table, members);
    const name = dataset.minerals.find((m) => m.slug === table.mineral)?.name ?? table.mineral;
    if (shares) rows.push({ ...shares, name, year: table.year });
  }
  return rows.sort((a, b) => b.china - a.china || b.bloc - a.bloc || a.name.localeCompare(b.name));
}

export interface CountryMineral {
  mineral: string;
  name: string;
  stage: Stage;
  year: number;
  share: number;
  rank: number | null;
}

/** Minerals where a country holds at least `threshold` of world supply (latest table per stage). */
export function countryMinerals(
  dataset: Pick<Dataset, "minerals" | "mineralTables">,
  iso3: Iso3,
  threshold = 0.01,
): CountryMineral[] {
  const found: CountryMineral[] = [];
  for (const mineral of dataset.minerals) {
    for (const stage of mineral.stages) {
      const table = chooseTable(dataset, mineral.slug, stage, null).choice?.table;
      const row = table?.rows.find((r) => r.iso3 === iso3);
      if (!table || !row || row.share === null || row.share < threshold) continue;
      found.push({
        mineral: mineral.slug,
        name: mineral.name,
        stage,
        year: table.year,
        share: row.share,
        rank: rankOf(table, iso3),
      });
    }
  }
  return found.sort((a, b) => b.share - a.share);
}

/** The tooltip rows of a country in the minerals view. */
export function mineralTooltipRows(table: MineralTable, iso3: Iso3, source: Source | null): [string, string][] {
  const row = table.rows.find((r) => r.iso3 === iso3);
  if (!row) return [["Data", "Not listed by the source for this year"]];
  if (row.flag === "withheld") return [["Data", "Withheld by the source (not zero)"]];
  if (row.flag === "small") return [["Data", SMALL_TEXT]];
  if (row.value === null) return [["Data", "Not available from the source"]];
  const rows: [string, string][] = [
    ["Amount", `${formatNumber(row.value)} ${table.unit}`],
    ["Share of world", formatShare(row.share)],
  ];
  const rank = rankOf(table, iso3);
  if (rank !== null) rows.push(["Rank", `${rank} of ${table.rows.filter((r) => r.value !== null).length} listed`]);
  rows.push(["Year", `${table.year}${row.isEstimate ? " (estimate)" : ""}`]);
  if (source)
    rows.push(["Source", `${source.publisher}, ${formatDate(source.date)}${source.isMirror ? " (copy)" : ""}`]);
  if (iso3 === CHINA) rows.push(["", "China: the supplier the bloc is built to counter"]);
  return rows;
}

/** Names short enough for a chart label. */
const SHORT_NAMES: Record<Iso3, string> = {
  COD: "DR Congo",
  COG: "Congo",
  CAF: "Central African Rep.",
  ARE: "UAE",
  BIH: "Bosnia and Herz.",
  GBR: "UK",
  USA: "United States",
  DOM: "Dominican Rep.",
  PNG: "Papua New Guinea",
};

export function shortName(iso3: Iso3, name: string): string {
  const short = SHORT_NAMES[iso3] ?? name;
  return short.length > 20 ? `${short.slice(0, 19)}…` : short;
}
