/**
 * The minerals view: which published table to show for a mineral, stage and year, and the map's
 * share classes. Pure.
 */
import type { Dataset, Iso3, MineralInfo, MineralRow, MineralTable, Stage } from "../types.ts";
import type { Category, Choropleth, CountryEntry } from "./choropleth.ts";
import { formatShare } from "./format.ts";
import { MINERAL_COLOURS, type Theme } from "./palette.ts";

/**
 * When two sources publish the same (mineral, stage, year), show the newest edition of the most
 * direct source: USGS MCS 2026 revised the 2024 figures MCS 2025 first estimated, and USGS country
 * tables come before the IEA's for copper refining (the one overlap).
 */
export const SOURCE_PRIORITY = ["usgs-mcs2026", "usgs-mcs2025", "iea-cmd-2025", "wna-uranium-production"];

export const STAGE_LABELS: Record<Stage, string> = {
  mine: "Mine production",
  refining: "Refining",
  reserves: "Reserves",
};

/** Upper bounds of the share classes (the last class is open-ended): <1%, 1–5%, 5–10%, 10–25%, 25–50%, ≥50%. */
export const SHARE_BREAKS = [0.01, 0.05, 0.1, 0.25, 0.5] as const;

export function shareClass(share: number): number {
  const index = SHARE_BREAKS.findIndex((b) => share < b);
  return index === -1 ? SHARE_BREAKS.length : index;
}

export function shareClassLabel(index: number): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const low = SHARE_BREAKS[index - 1];
  const high = SHARE_BREAKS[index];
  if (low === undefined && high !== undefined) return `under ${pct(high)}`;
  if (high === undefined && low !== undefined) return `${pct(low)} or more`;
  return `${pct(low ?? 0)}–${pct(high ?? 1)}`;
}

export interface MineralChoice {
  mineral: MineralInfo;
  stage: Stage;
  /** Years with a table for this mineral and stage, ascending. */
  years: number[];
  year: number;
  table: MineralTable;
}

/** Tables of a mineral and stage, best source first within a year. */
function tablesOf(dataset: Pick<Dataset, "mineralTables">, mineral: string, stage: Stage): MineralTable[] {
  return dataset.mineralTables
    .filter((t) => t.mineral === mineral && t.stage === stage)
    .sort((a, b) => a.year - b.year || SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source));
}

/**
 * Resolves a request to a table: unknown minerals fall back to the first mineral with data, a
 * stage without data to the mineral's first stage, a missing year to the latest. Returns null for a
 * mineral with no country data at all (germanium), with the mineral so the view can say so.
 */
export function chooseTable(
  dataset: Pick<Dataset, "minerals" | "mineralTables">,
  slug: string,
  stage: Stage,
  year: number | null,
): { choice: MineralChoice | null; mineral: MineralInfo | null } {
  const mineral = dataset.minerals.find((m) => m.slug === slug) ?? null;
  if (!mineral || mineral.stages.length === 0) return { choice: null, mineral };
  const chosenStage = mineral.stages.includes(stage) ? stage : (mineral.stages[0] ?? stage);
  const tables = tablesOf(dataset, mineral.slug, chosenStage);
  const years = [...new Set(tables.map((t) => t.year))];
  const chosenYear = year !== null && years.includes(year) ? year : (years.at(-1) ?? 0);
  const table = tables.find((t) => t.year === chosenYear);
  if (!table) return { choice: null, mineral };
  return { choice: { mineral, stage: chosenStage, years, year: chosenYear, table }, mineral };
}

/** The latest table of every mineral for a stage (one per mineral), for the all-minerals chart. */
export function latestTables(dataset: Pick<Dataset, "minerals" | "mineralTables">, stage: Stage): MineralTable[] {
  return dataset.minerals.flatMap((m) => {
    const table = chooseTable(dataset, m.slug, stage, null).choice?.table;
    return table && table.stage === stage ? [table] : [];
  });
}

/** Countries coloured by share of world supply; withheld and zero told apart from "no data". */
export function mineralChoropleth(table: MineralTable, theme: Theme, drawable: ReadonlySet<Iso3>): Choropleth {
  const colours = MINERAL_COLOURS[theme];
  const entries: CountryEntry[] = [];
  for (const row of table.rows) {
    if (!drawable.has(row.iso3)) continue;
    const key = rowKey(row);
    if (key === null) continue;
    // Estimates are flagged in the tooltip and the bars, not outlined: most recent figures are estimates.
    entries.push({ iso3: row.iso3, key, colour: colours[key] ?? "", uncertain: false });
  }
  const categories = shareCategories(theme);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  return {
    title: `${STAGE_LABELS[table.stage]}, share of world, ${table.year}`,
    categories: categories.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 })),
    countries: new Map(entries.map((e) => [e.iso3, e])),
  };
}

/** The minerals map's categories: the share classes, largest first, then zero and withheld. */
function shareCategories(theme: Theme): Omit<Category, "count">[] {
  const colours = MINERAL_COLOURS[theme];
  const classes: Omit<Category, "count">[] = SHARE_BREAKS.map((_, i) => i)
    .concat(SHARE_BREAKS.length)
    .map((i) => ({ key: `class-${i}`, label: `${shareClassLabel(i)} of world`, colour: colours[`class-${i}`] ?? "" }));
  return [
    ...classes.reverse(),
    { key: "zero", label: "Zero (published as none)", colour: colours.zero ?? "" },
    { key: "withheld", label: "Withheld by the source", colour: colours.withheld ?? "" },
  ];
}

/**
 * The minerals map while its tables load: the legend it will have (so nothing moves when they
 * arrive), no country coloured, no counts.
 */
export function pendingMineralChoropleth(stage: Stage, theme: Theme): Choropleth {
  return {
    title: `${STAGE_LABELS[stage]}, share of world`,
    categories: shareCategories(theme).map((c) => ({ ...c, count: 0 })),
    countries: new Map(),
    pending: true,
  };
}

/** A value the source gives only as "s" or "Small" (where USGS explains "s": "less than ½ unit"). */
export const SMALL_TEXT = "Small, no figure published (USGS “s” or “Small”)";

/** The map category of a row, or null when it has no value and no reason (not drawn: "no data"). */
function rowKey(row: MineralRow): string | null {
  if (row.flag === "withheld") return "withheld";
  if (row.value === 0) return "zero";
  if (row.share === null) return null;
  return `class-${shareClass(row.share)}`;
}

/** 0.2821 → "highly concentrated" (2023 US Merger Guidelines: above 0.18 high, 0.10–0.18 moderate). */
export function hhiReading(hhi: number): string {
  if (hhi > 0.18) return "highly concentrated";
  if (hhi >= 0.1) return "moderately concentrated";
  return "unconcentrated";
}

/** Rank (1-based) of a country among the table's named rows with values. */
export function rankOf(table: MineralTable, iso3: Iso3): number | null {
  const ranked = table.rows.filter((r) => r.value !== null);
  const index = ranked.findIndex((r) => r.iso3 === iso3);
  return index === -1 ? null : index + 1;
}

/** "45% of world mine production (2025e)". */
export function describeShare(table: MineralTable, row: MineralRow): string {
  const estimate = row.isEstimate ? " (estimate)" : "";
  return `${formatShare(row.share)} of world ${STAGE_LABELS[table.stage].toLowerCase()}, ${table.year}${estimate}`;
}
