/** Domain types shared by the data build and the app. Plain data only. */
import type {
  AGREEMENT_KINDS,
  AGREEMENT_TYPES,
  BASES,
  COHORTS,
  CONFIDENCES,
  FORUMS,
  ROLES,
  STAGES,
  STATE_COUNTS,
  VALUE_FLAGS,
} from "./config.ts";

/** ISO 3166-1 alpha-3 code (plus XKX Kosovo), upper case. */
export type Iso3 = string;

/** A place the map can show: a country with a polygon, or a point marker for a small state. */
export interface Place {
  iso3: Iso3;
  name: string;
  /** Other names readers search for ("USA", "Burma", "DRC"). */
  altNames: string[];
  /** [lon, lat] on the main landmass: arc end, tooltip anchor, marker position. */
  label: [number, number];
  /** True when the place is too small to see at world zoom (or has no polygon). */
  marker: boolean;
}

// ─── The dataset the app loads (public/data/dataset.json and minerals.json), built from data/ ────

export type Stage = (typeof STAGES)[number];
export type Cohort = (typeof COHORTS)[number];
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type StateCount = (typeof STATE_COUNTS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Forum = (typeof FORUMS)[number];
export type Role = (typeof ROLES)[number];
export type Basis = (typeof BASES)[number];
export type ValueFlag = (typeof VALUE_FLAGS)[number];

/** A cited source. Dates are ISO; `date` may be `YYYY-MM` or `YYYY` when the source gives no day. */
export interface Source {
  id: string;
  publisher: string;
  title: string;
  /** null when the source carries no date. */
  date: string | null;
  url: string;
  /** The URL is a copy of an official page held elsewhere: label the link "copy". */
  isMirror: boolean;
  /** The original publisher/page when `isMirror`, else "". */
  original: string;
  licence: string;
  retrieved: string;
}

/** A body with no geometry that records may name (the European Union). */
export interface Organisation {
  iso3: Iso3;
  name: string;
}

/** A US bilateral critical-minerals instrument (`pact`) or another minerals-related deal. */
export interface Agreement {
  id: string;
  iso3: Iso3;
  country: string;
  instrument: string;
  /** null when the instrument's form is not published. */
  type: AgreementType | null;
  kind: AgreementKind;
  /** Signing date; null when no source gives one (then `dateNote` says so). */
  date: string | null;
  dateNote: string;
  cohort: Cohort;
  stateCount: StateCount;
  confidence: Confidence;
  notes: string;
  /** Source ids (see `Dataset.sources`), at least one. */
  sources: string[];
}

export interface Membership {
  iso3: Iso3;
  country: string;
  forum: Forum;
  role: Role;
  /** null when no source gives a date (then `knownBy` may bound it). */
  since: string | null;
  /** Undated records only: the earliest day the sources allow ("not before"), or null. */
  notBefore: string | null;
  /**
   * Undated records only: the day by which a source shows the record holds. An undated membership
   * counts from this day; one with no `knownBy` is not counted on the timeline.
   */
  knownBy: string | null;
  /** The first day the record no longer holds; null while current (or when no end is published). */
  until: string | null;
  basis: Basis;
  confidence: Confidence;
  notes: string;
  sources: string[];
}

/**
 * A record the sources report that the map leaves out, with the reason (a deal a source says will be
 * signed, with no confirmation): never drawn, dated or counted, listed in the methodology.
 */
export interface LeftOut {
  id: string;
  iso3: Iso3;
  country: string;
  instrument: string;
  /** The date the source gives (a planned date is not a signing date); null when none. */
  reportedDate: string | null;
  reason: string;
  sources: string[];
}

/** A number officials announced, whether or not its members are named ("17 negotiations concluded"). */
export interface Tally {
  id: string;
  value: number;
  label: string;
  asOf: string;
  sources: string[];
}

export interface MineralInfo {
  slug: string;
  name: string;
  group: string;
  /** Stages with data; empty when no country data is published (then `note` says why). */
  stages: Stage[];
  note: string;
}

/** A published value: a number, or null with the reason in `flag`. */
export interface MineralValue {
  /** As published, in the table's unit; null when withheld or not available. */
  value: number | null;
  /** `greater-than`: the value is only a lower bound (world totals and "Other countries" only). */
  flag: ValueFlag | null;
  isEstimate: boolean;
}

/** One named country's row of a mineral table. */
export interface MineralRow extends MineralValue {
  iso3: Iso3;
  /** value / world total; null when either is missing or the world total is only a bound. */
  share: number | null;
}

/**
 * One published table: (mineral, stage, year, source). Two sources can cover the same year (MCS 2025
 * and MCS 2026 both give 2024); never add their rows together. Derived values follow
 * src/model/shares.ts: shares of the published world total, rounded to 4 decimals; HHI on the 0–1
 * scale over named countries only ("Other countries" excluded, so it is a lower bound).
 */
export interface MineralTable {
  mineral: string;
  stage: Stage;
  year: number;
  source: string;
  unit: string;
  /** The world total as published; a `greater-than` bound gives no shares. */
  world: MineralValue;
  /** "Other countries" as published, or null when the table has no such row. */
  other: MineralValue | null;
  /** Named countries, by value (largest first; missing values last), then ISO3. */
  rows: MineralRow[];
  /** Largest named producer; `tiedWith` lists others with the same value. */
  top: { iso3: Iso3; share: number; tiedWith: Iso3[] } | null;
  top3Share: number | null;
  hhi: number | null;
  /** (named countries + other) / world: how far independent rounding moves the published sum from 1. */
  shareSum: number | null;
  /** Why the sum is off by more than rounding explains, when it is (see data/README.md). */
  sumNote: string | null;
}

export interface Dataset {
  version: 1;
  /** The latest dated record (agreement, membership or tally): the timeline's end. */
  asOf: string;
  places: Place[];
  organisations: Organisation[];
  sources: Source[];
  agreements: Agreement[];
  memberships: Membership[];
  tallies: Tally[];
  leftOut: LeftOut[];
  minerals: MineralInfo[];
  mineralTables: MineralTable[];
}

/**
 * dataset.json: the dataset without its mineral tables. Only the minerals view and the sources
 * panel need those, so they travel apart (minerals.json) and are fetched when first needed.
 */
export type CoreDataset = Omit<Dataset, "mineralTables">;

/** minerals.json: the mineral tables, checked against the dataset they belong to. */
export interface MineralTablesFile {
  version: 1;
  mineralTables: MineralTable[];
}

/** The dataset the app holds: its mineral tables are null until minerals.json has arrived. */
export type LiveDataset = CoreDataset & { mineralTables: MineralTable[] | null };

/** Whether the mineral tables have arrived (the dataset is then complete). */
export function hasMineralTables(dataset: LiveDataset): dataset is Dataset {
  return dataset.mineralTables !== null;
}
