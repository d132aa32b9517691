/**
 * derive(dataset, state, theme): everything the map, legend, timeline and summary show, from plain
 * data. Memoised on its inputs, so an unrelated state change (the panel, the theme of another view)
 * returns the same objects and the map and deck.gl skip their work. Pure.
 */
import type { AppState } from "../state/state.ts";
import type { Dataset, Iso3, Place, Source } from "../types.ts";
import { type Arc, arcsFor } from "./arcs.ts";
import { type Choropleth, forumsChoropleth, pactsChoropleth } from "./choropleth.ts";
import { formatDate } from "./format.ts";
import type { Theme } from "./palette.ts";
import { type CountryStatus, MINISTERIAL_DATE, pactStatus, type Status, statusByCountry } from "./status.ts";
import { clampDate, type Timeline, timelineOf } from "./timeline.ts";

/** Lookups built once per dataset. */
export interface Index {
  places: Map<Iso3, Place>;
  drawable: Set<Iso3>;
  sources: Map<string, Source>;
  timeline: Timeline;
  names: Map<Iso3, string>;
}

export function indexOf(dataset: Dataset): Index {
  const places = new Map(dataset.places.map((p) => [p.iso3, p]));
  const names = new Map<Iso3, string>([
    ...dataset.places.map((p) => [p.iso3, p.name] as const),
    ...dataset.organisations.map((o) => [o.iso3, o.name] as const),
  ]);
  return {
    places,
    drawable: new Set(places.keys()),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    timeline: timelineOf(dataset),
    names,
  };
}

export interface Scene {
  date: string;
  choropleth: Choropleth;
  /** Pact statuses on the date (all views use them for tooltips). */
  statuses: Map<Iso3, CountryStatus>;
  arcs: Arc[];
  /** One sentence for readers and screen readers: what the map shows on this date. */
  summary: string;
}

/** The parts of the state a scene depends on: nothing else triggers a new derivation. */
export type SceneState = Pick<AppState, "view" | "forum" | "date" | "arcs">;

export function deriveScene(dataset: Dataset, index: Index, state: SceneState, theme: Theme): Scene {
  const date = clampDate(index.timeline, state.date);
  const statuses = statusByCountry(dataset, date);
  const choropleth =
    state.view === "forums"
      ? forumsChoropleth(dataset, state.forum, date, theme, index.drawable)
      : pactsChoropleth(dataset, date, theme, index.drawable);
  const arcs = state.view === "pacts" && state.arcs ? arcsFor(dataset.agreements, index.places, pactStatus, date) : [];
  return { date, choropleth, statuses, arcs, summary: summaryOf(dataset, state, date, statuses, choropleth) };
}

/** "As of 4 Feb 2026: 21 countries have a critical-minerals pact with the US; 11 signed at the ministerial …" */
export function summaryOf(
  dataset: Pick<Dataset, "tallies">,
  state: Pick<AppState, "view">,
  date: string,
  statuses: ReadonlyMap<Iso3, CountryStatus>,
  choropleth: Choropleth,
): string {
  const when = `As of ${formatDate(date)}`;
  if (state.view === "forums") {
    const parts = choropleth.categories.filter((c) => c.count > 0).map((c) => `${c.count} ${c.label.toLowerCase()}`);
    return `${when}, ${choropleth.title}: ${parts.length ? parts.join("; ") : "no members yet"}.`;
  }
  const count = (status: Status) => [...statuses.values()].filter((s) => s.status === status).length;
  const pacts = count("ministerial") + count("before") + count("after");
  const parts = [
    `${pacts} partners have a critical-minerals pact with the US`,
    `${count("ministerial")} signed at the 4 Feb 2026 ministerial`,
    `${count("before")} before it`,
    `${count("after")} after it`,
    `${count("related")} have another minerals-related deal`,
  ];
  if (date >= MINISTERIAL_DATE) {
    const concluded = dataset.tallies.find((t) => t.id === "negotiations-concluded");
    if (concluded) parts.push(`${concluded.value} more concluded negotiations, not named in any source`);
  }
  return `${when}: ${parts.join("; ")}.`;
}

/** Memoises a function of one argument tuple by identity of each element. */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let result: R;
  return (...args: A) => {
    if (last && last.length === args.length && last.every((a, i) => a === args[i])) return result;
    last = args;
    result = fn(...args);
    return result;
  };
}
