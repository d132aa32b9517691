/** The headless timeline: the dated events of the pacts and forums, and stepping between them. Pure. */
import type { Dataset } from "../types.ts";

export interface Timeline {
  /** First and last event dates (ISO). */
  start: string;
  end: string;
  /** Every date on which something happened, ascending, unique. */
  events: string[];
}

export function timelineOf(dataset: Pick<Dataset, "agreements" | "memberships" | "asOf">): Timeline {
  const dates = new Set<string>();
  for (const a of dataset.agreements) if (a.date) dates.add(a.date);
  for (const m of dataset.memberships) if (m.since && m.since >= "2025-01-01") dates.add(m.since);
  const dated = [...dates].filter((d) => d <= dataset.asOf).sort();
  const start = dated[0] ?? dataset.asOf;
  // An undated membership appears on the day it is known to hold ("signed by 20 Feb 2026"): a step
  // of the timeline when it falls inside it; the bound itself is no event that starts the timeline.
  for (const m of dataset.memberships) if (!m.since && m.knownBy && m.knownBy > start) dates.add(m.knownBy);
  const events = [...dates].filter((d) => d <= dataset.asOf).sort();
  return { start, end: dataset.asOf, events };
}

/** The timeline position for a requested date: clamped to the range; null means the end. */
export function clampDate(timeline: Timeline, date: string | null): string {
  if (date === null || date > timeline.end) return timeline.end;
  return date < timeline.start ? timeline.start : date;
}

export function nextEvent(timeline: Timeline, date: string): string {
  return timeline.events.find((d) => d > date) ?? timeline.end;
}

export function previousEvent(timeline: Timeline, date: string): string {
  return [...timeline.events].reverse().find((d) => d < date) ?? timeline.start;
}

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
