/**
 * Market-concentration measures of one published mineral table (mineral, stage, year, source). Pure.
 *
 * Conventions (data/README.md repeats them for readers):
 * - A share is a country's value divided by the **published world total** of the same table, not by
 *   the sum of the rows: the world total is what the source states, and the rows are rounded
 *   independently of it, so shares of one table need not add up to exactly 1.
 * - Shares, top-3 share and HHI are rounded to 4 decimals (0.01 percentage point) after computing
 *   from unrounded values.
 * - No shares are computed when the world total is missing, zero or only a lower bound (">…").
 */

/** A named country's published value (null when withheld or not available). */
export interface Part {
  iso3: string;
  value: number | null;
}

export interface Concentration {
  /** Largest named producer and its share; `tiedWith` lists others with exactly the same value. */
  top: { iso3: string; share: number; tiedWith: string[] } | null;
  /** Sum of the three largest named countries' shares. */
  top3Share: number | null;
  /**
   * Herfindahl–Hirschman index on the 0–1 scale: Σ share² over **named countries only**. "Other
   * countries" is an aggregate of several producers whose split is unknown, so it is excluded and the
   * HHI is a **lower bound** of the true index (the gap is at most other² and usually far smaller).
   * Multiply by 10,000 for the antitrust scale (2023 US Merger Guidelines: above 0.18 = highly
   * concentrated). Capped at 1, which independent rounding can otherwise exceed (gallium 2025).
   */
  hhi: number | null;
}

export const SHARE_DECIMALS = 4;

export function round4(x: number): number {
  return Math.round(x * 10 ** SHARE_DECIMALS) / 10 ** SHARE_DECIMALS;
}

/** value / world, unrounded; null when either is missing or the world total is not positive. */
export function shareOf(value: number | null, world: number | null): number | null {
  if (value === null || world === null || !(world > 0)) return null;
  return value / world;
}

/** Largest value first, missing values last, then by ISO3 so ties have a stable order. */
export function byValue(a: Part, b: Part): number {
  const va = a.value ?? Number.NEGATIVE_INFINITY;
  const vb = b.value ?? Number.NEGATIVE_INFINITY;
  return vb - va || (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0);
}

/** Top country, top-3 share and HHI of the named countries of one table (aggregates excluded). */
export function concentration(named: readonly Part[], world: number | null): Concentration {
  const ranked = named.filter((p) => p.value !== null).sort(byValue);
  const shares = ranked.map((p) => shareOf(p.value, world));
  const first = ranked[0];
  const firstShare = shares[0];
  if (!first || firstShare === null || firstShare === undefined) return { top: null, top3Share: null, hhi: null };
  const known = shares.filter((s): s is number => s !== null);
  const tiedWith = ranked.slice(1).filter((p) => p.value === first.value);
  return {
    top: { iso3: first.iso3, share: round4(firstShare), tiedWith: tiedWith.map((p) => p.iso3) },
    top3Share: round4(known.slice(0, 3).reduce((sum, s) => sum + s, 0)),
    hhi: round4(
      Math.min(
        1,
        known.reduce((sum, s) => sum + s * s, 0),
      ),
    ),
  };
}

/**
 * Half a unit in the last non-zero digit of a number as published: the most that rounding to the
 * digits shown can have moved it. "82400" → 50, "1493.2" → 0.05, "2.50" → 0.005, "0" → 0 (exact).
 * USGS states only that figures are independently rounded (some "to one significant digit"), so a
 * trailing zero is read as possibly rounded away: the widest reading the printed digits allow.
 */
export function halfUnit(published: string): number {
  const [whole = "", decimals] = published.replace(/^-/, "").split(".");
  if (decimals !== undefined) return 0.5 * 10 ** -decimals.length;
  if (/^0*$/.test(whole)) return 0;
  const trailingZeros = whole.length - whole.replace(/0+$/, "").length;
  return 0.5 * 10 ** trailingZeros;
}

export interface SumCheck {
  /** (named countries + "Other countries") / world total, unrounded. */
  sum: number;
  /** Largest |sum − 1| that independent rounding of the published figures can explain. */
  tolerance: number;
  ok: boolean;
}

/**
 * The tolerance rule for a table's share sum: the rows (named countries and "Other countries") and
 * the world total are each rounded independently, so their sum may miss the world total by up to the
 * sum of every figure's half-unit (see `halfUnit`), relative to the world total. A gap beyond that is
 * not rounding: a transcription error, a missing row, or a known quirk of the source that must be
 * documented (data/dataset.ts SUM_EXCEPTIONS). `parts` and `world` are the published strings.
 */
export function checkShareSum(parts: readonly string[], world: string): SumCheck | null {
  const total = Number(world);
  if (!(total > 0)) return null;
  const sum = parts.reduce((s, p) => s + Number(p), 0) / total;
  const tolerance = (parts.reduce((s, p) => s + halfUnit(p), 0) + halfUnit(world)) / total;
  return { sum, tolerance, ok: Math.abs(sum - 1) <= tolerance + 1e-12 };
}
