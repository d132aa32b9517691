/**
 * Each country's critical-minerals status with the US as of a date. Pure.
 *
 * A country's status is the first that applies, in this order: signed a pact at the 4 Feb 2026
 * ministerial; signed a pact before it; signed a pact after it; another minerals-related deal;
 * sent a delegation to the ministerial without a pact; none. Only records dated on or before the
 * timeline date count; undated records cannot be placed on the timeline and are listed apart.
 */
import type { Agreement, Confidence, Dataset, Iso3, Membership } from "../types.ts";

export const STATUSES = ["ministerial", "before", "after", "related", "delegation", "none"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  ministerial: "Pact signed at the 4 Feb 2026 ministerial",
  before: "Pact signed before the ministerial",
  after: "Pact signed after the ministerial",
  related: "Other minerals-related deal",
  delegation: "Ministerial delegation, no pact",
  none: "No record",
};

export interface CountryStatus {
  iso3: Iso3;
  status: Status;
  /** The records behind the status (pacts or deals in force by the date, or the delegation). */
  agreements: Agreement[];
  delegation: Membership | null;
  /** Lowest confidence among the records that decide the status. */
  confidence: Confidence;
}

/** Higher is surer: sorts confidence and finds the lowest of several records. */
export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

export function lowestConfidence(values: readonly Confidence[]): Confidence {
  return values.reduce<Confidence>((low, c) => (CONFIDENCE_RANK[c] < CONFIDENCE_RANK[low] ? c : low), "high");
}

/** The status an agreement gives its partner (also the colour of its arc). */
export function pactStatus(agreement: Agreement): Status {
  if (agreement.kind === "related") return "related";
  if (agreement.cohort === "ministerial") return "ministerial";
  return agreement.cohort === "post-ministerial" ? "after" : "before";
}

/** Statuses of every country with a record dated on or before `date` (ISO), keyed by ISO3. */
export function statusByCountry(dataset: Pick<Dataset, "agreements" | "memberships">, date: string) {
  const result = new Map<Iso3, CountryStatus>();
  const signed = dataset.agreements.filter((a) => a.date !== null && a.date <= date);
  const byCountry = new Map<Iso3, Agreement[]>();
  for (const a of signed) byCountry.set(a.iso3, [...(byCountry.get(a.iso3) ?? []), a]);
  for (const [iso3, agreements] of byCountry) {
    const status = STATUSES.find((s) => agreements.some((a) => pactStatus(a) === s)) ?? "none";
    const deciding = agreements.filter((a) => pactStatus(a) === status);
    result.set(iso3, {
      iso3,
      status,
      agreements,
      delegation: null,
      confidence: lowestConfidence(deciding.map((a) => a.confidence)),
    });
  }
  for (const m of dataset.memberships) {
    if (m.forum !== "ministerial" || m.since === null || m.since > date) continue;
    const existing = result.get(m.iso3);
    if (existing) existing.delegation = m;
    else
      result.set(m.iso3, {
        iso3: m.iso3,
        status: "delegation",
        agreements: [],
        delegation: m,
        confidence: m.confidence,
      });
  }
  return result;
}

/** How many countries have each status (countries without a record count as `none` elsewhere). */
export function statusCounts(statuses: ReadonlyMap<Iso3, CountryStatus>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const { status } of statuses.values()) counts[status]++;
  return counts;
}
