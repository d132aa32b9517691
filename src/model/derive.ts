/**
 * derive(dataset, state, theme): everything the map, legend, timeline and summary show, from plain
 * data. Memoised on its inputs, so an unrelated state change (the panel, the theme of another view)
 * returns the same objects and the map and deck.gl skip their work. Pure.
 */

import { type ForumView, MINISTERIAL_DATE, type View } from "../config.ts";
import {
  type CoreDataset,
  type Dataset,
  hasMineralTables,
  type Iso3,
  type LiveDataset,
  type Membership,
  type MineralInfo,
  type Place,
  type Source,
  type Stage,
} from "../types.ts";
import { type Arc, arcsFor } from "./arcs.ts";
import { blocDefinition, blocMembers } from "./bloc.ts";
import { type Choropleth, forumsChoropleth, pactsChoropleth } from "./choropleth.ts";
import { formatDate, formatShare } from "./format.ts";
import { activeMemberships, CATEGORY_NOUNS, type ForumCategory, type ForumMembers, forumMembers } from "./forums.ts";
import { allMineralsBloc, type BlocRow, type Concentration, concentrationOf } from "./insight.ts";
import {
  chooseTable,
  hhiReading,
  type MineralChoice,
  mineralChoropleth,
  pendingMineralChoropleth,
} from "./minerals.ts";
import type { Theme } from "./palette.ts";
import { type CountryStatus, pactStatus, type Status, statusByCountry } from "./status.ts";
import { clampDate, type Timeline, timelineOf } from "./timeline.ts";
import { counted, form, NOUNS } from "./words.ts";

/** Lookups built once per dataset. */
export interface Index {
  places: Map<Iso3, Place>;
  drawable: Set<Iso3>;
  sources: Map<string, Source>;
  timeline: Timeline;
  names: Map<Iso3, string>;
}

export function indexOf(dataset: CoreDataset): Index {
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

export interface MineralsScene {
  /** The mineral asked for (null when the slug is unknown). */
  mineral: MineralInfo | null;
  /** The table shown; null when the mineral has no country data (germanium). */
  choice: MineralChoice | null;
  concentration: Concentration | null;
  /** Bloc vs China for every mineral at the chosen stage. */
  allMinerals: BlocRow[];
  members: Set<Iso3>;
  definition: string;
  names: ReadonlyMap<Iso3, string>;
  /**
   * The mineral tables have not arrived yet (minerals.json loads when first needed): nothing is
   * known of the mineral's countries, so the map stays neutral and the card says it is loading.
   */
  pending: boolean;
}

export interface Scene {
  date: string;
  /** The forum view shown; null outside the forums view. */
  forum: ForumView | null;
  minerals: MineralsScene | null;
  /** The forums view's members on the date (forum statuses, or forums per country in the overlap). */
  forums: ForumMembers | null;
  /** Every membership in force on the date (the pacts table lists each country's forums). */
  memberships: Membership[];
  choropleth: Choropleth;
  /** Pact statuses on the date (all views use them for tooltips). */
  statuses: Map<Iso3, CountryStatus>;
  arcs: Arc[];
  /** One sentence for readers and screen readers: what the map shows on this date. */
  summary: string;
}

/** The parts of the state a scene depends on: nothing else triggers a new derivation. */
export interface SceneState {
  view: View;
  forum: ForumView;
  /** Timeline position; null = the latest record. */
  date: string | null;
  arcs: boolean;
  mineral: string;
  stage: Stage;
  /** Data year of the minerals view; null = the latest. */
  year: number | null;
  blocForge: boolean;
  blocPax: boolean;
}

export function deriveScene(dataset: LiveDataset, index: Index, state: SceneState, theme: Theme): Scene {
  const date = clampDate(index.timeline, state.date);
  const statuses = statusByCountry(dataset, date);
  const memberships = activeMemberships(dataset.memberships, date);
  const minerals = state.view === "minerals" ? mineralsScene(dataset, index, state, date) : null;
  const forums = state.view === "forums" ? forumMembers(dataset, state.forum, date, memberships) : null;
  let choropleth: Choropleth;
  if (forums) choropleth = forumsChoropleth(dataset, state.forum, date, theme, index.drawable, forums);
  else if (minerals?.pending) choropleth = pendingMineralChoropleth(state.stage, theme);
  else if (minerals?.choice) choropleth = mineralChoropleth(minerals.choice.table, theme, index.drawable);
  else if (minerals) choropleth = { title: minerals.mineral?.name ?? "Minerals", categories: [], countries: new Map() };
  else choropleth = pactsChoropleth(dataset, date, theme, index.drawable, statuses);
  const arcs = state.view === "pacts" && state.arcs ? arcsFor(dataset.agreements, index.places, pactStatus, date) : [];
  const summary = minerals ? mineralsSummary(minerals, date) : summaryOf(dataset, state, date, statuses, choropleth);
  const forum = state.view === "forums" ? state.forum : null;
  return { date, forum, minerals, forums, memberships, choropleth, statuses, arcs, summary };
}

function mineralsScene(dataset: LiveDataset, index: Index, state: SceneState, date: string): MineralsScene {
  const options = { forge: state.blocForge, paxSilica: state.blocPax };
  const members = blocMembers(dataset, date, options);
  const common = { members, definition: blocDefinition(options), names: index.names };
  if (!hasMineralTables(dataset)) {
    const mineral = dataset.minerals.find((m) => m.slug === state.mineral) ?? null;
    return { ...common, mineral, choice: null, concentration: null, allMinerals: [], pending: true };
  }
  const { choice, mineral } = chooseTable(dataset, state.mineral, state.stage, state.year);
  return {
    ...common,
    mineral,
    choice,
    concentration: choice ? concentrationOf(choice, index.names, index.sources, members) : null,
    allMinerals: allMineralsBloc(dataset, choice?.stage ?? state.stage, members),
    pending: false,
  };
}

/** "Cobalt, mine production 2025: DR Congo leads with 74% … the bloc holds 77% against China's 0.7%." */
function mineralsSummary(scene: MineralsScene, date: string): string {
  if (!scene.mineral) return "Pick a mineral.";
  if (scene.pending) return `${scene.mineral.name}: the country data are not loaded yet.`;
  const c = scene.concentration;
  const table = scene.choice?.table;
  if (!table || !c) return `${scene.mineral.name}: ${scene.mineral.note || "no country data published."}`;
  const parts = [c.heading];
  if (table.top) {
    const name = scene.names.get(table.top.iso3) ?? table.top.iso3;
    parts.push(`${name} leads with ${formatShare(table.top.share)} of world supply`);
  }
  if (table.top3Share !== null) parts.push(`the top three hold ${formatShare(table.top3Share)}`);
  if (table.hhi !== null) parts.push(`HHI ${table.hhi.toFixed(2)}, ${hhiReading(table.hhi)}`);
  const bloc = c.bloc
    ? ` As of ${formatDate(date)}, the bloc holds ${formatShare(c.bloc.bloc)} against China's ${formatShare(c.bloc.china)}.`
    : " The source gives no world total to compute shares.";
  return `${parts.join("; ")}.${bloc}`;
}

/** "As of 4 Feb 2026: 21 countries have a critical-minerals pact with the US; 11 signed at the ministerial …" */
export function summaryOf(
  dataset: Pick<Dataset, "tallies">,
  state: Pick<SceneState, "view">,
  date: string,
  statuses: ReadonlyMap<Iso3, CountryStatus>,
  choropleth: Choropleth,
): string {
  const when = `As of ${formatDate(date)}`;
  if (state.view === "forums") {
    const parts = choropleth.categories
      .filter((c) => c.count > 0)
      .map((c) =>
        c.key in CATEGORY_NOUNS
          ? counted(c.count, CATEGORY_NOUNS[c.key as ForumCategory])
          : `${counted(c.count, NOUNS.country)} in ${c.label}`,
      );
    return `${when}, ${choropleth.title}: ${parts.length ? parts.join("; ") : "no members yet"}.`;
  }
  const count = (status: Status) => [...statuses.values()].filter((s) => s.status === status).length;
  const pacts = count("ministerial") + count("before") + count("after");
  const parts = [
    `${counted(pacts, NOUNS.partner)} ${form(pacts, NOUNS.has)} a critical-minerals pact with the US`,
    `${count("ministerial")} signed at the 4 Feb 2026 ministerial`,
    `${count("before")} before it`,
    `${count("after")} after it`,
    `${count("related")} ${form(count("related"), NOUNS.has)} another minerals-related deal`,
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
