/**
 * resolve(parsed URL, dataset): the state the app actually shows, decided in one place. A value the
 * data cannot show (an unknown country or mineral, a year without a table, a date outside the
 * timeline, a parameter the view does not use) is replaced by what is drawn, with exactly one
 * warning when the reader wrote it. The result is written back to the URL and to the controls, so
 * URL, controls and map agree. Also run on every store change, silently. Pure.
 */
import { type Index, indexOf } from "../model/derive.ts";
import { chooseTable, STAGE_LABELS } from "../model/minerals.ts";
import { type Dataset, hasMineralTables, type LiveDataset } from "../types.ts";
import { type AppState, DEFAULT_STATE, IMPLIED_IN_URL, VIEWS, type View } from "./state.ts";
import { CODECS, carries, ignoring, type Param, type ParsedSearch } from "./url.ts";

export interface Resolved {
  state: AppState;
  warnings: string[];
}

export interface ResolveOptions {
  /** Lookups of the dataset (built once by the caller; built here when absent). */
  index?: Index;
  /** The views this build offers. */
  views?: readonly View[];
}

/** Nothing given: what the store runs after every action (values the app itself set). */
const NOTHING: ReadonlyMap<Param, string> = new Map();

export function resolve(parsed: ParsedSearch, dataset: LiveDataset, options: ResolveOptions = {}): Resolved {
  const index = options.index ?? indexOf(dataset);
  const views = options.views ?? VIEWS;
  const state: AppState = { ...parsed.state };
  const warnings = [...parsed.warnings];
  const given = parsed.given;
  const warn = (key: Param, why: string) => {
    const value = given.get(key);
    if (value !== undefined) warnings.push(ignoring(key, value, why));
  };

  if (!views.includes(state.view)) {
    warn("view", "this view is not available yet");
    state.view = views[0] ?? DEFAULT_STATE.view;
  }

  // Parameters of other views: a forums URL never carries a mineral.
  for (const key of given.keys()) {
    if (carries(state.view, key)) continue;
    warn(key, `the ${state.view} view does not use it`);
    for (const field of CODECS[key].fields) Object.assign(state, { [field]: DEFAULT_STATE[field] });
  }

  if (state.country !== null && !index.names.has(state.country)) {
    warn("country", "no such country in the data");
    state.country = null;
  }

  const { start, end } = index.timeline;
  if (state.date !== null) {
    if (state.date > end) warn("date", `the data end on ${end}; showing ${end}`);
    else if (state.date < start) warn("date", `the timeline starts on ${start}; showing ${start}`);
    if (state.date >= end) state.date = null;
    else if (state.date < start) state.date = start;
  }

  // Before the mineral tables arrive, the mineral, stage and year stay as given: the app resolves
  // again when they do (a minerals URL waits for them, so its warnings are never lost).
  if (state.view === "minerals" && hasMineralTables(dataset)) resolveMineral(dataset, state, warn);
  return { state, warnings };
}

/** The mineral, stage and year drawn: the default mineral for an unknown one; the stage and year of the table shown. */
function resolveMineral(dataset: Dataset, state: AppState, warn: (key: Param, why: string) => void): void {
  if (!dataset.minerals.some((m) => m.slug === state.mineral)) {
    warn("mineral", `no such mineral in the data; showing ${DEFAULT_STATE.mineral}`);
    state.mineral = DEFAULT_STATE.mineral;
  }
  const { choice, mineral } = chooseTable(dataset, state.mineral, state.stage, state.year);
  if (!choice) {
    // A mineral without country data (germanium): there is no stage or year to show, and its link
    // names the mineral alone.
    const name = mineral?.name ?? state.mineral;
    warn("stage", `${name} has no country data`);
    warn("year", `${name} has no country data`);
    state.stage = IMPLIED_IN_URL.stage;
    state.year = null;
    return;
  }
  const name = choice.mineral.name.toLowerCase();
  if (choice.stage !== state.stage) {
    warn("stage", `no ${name} data for ${STAGE_LABELS[state.stage].toLowerCase()}; showing ${choice.stage}`);
    state.stage = choice.stage;
  }
  if (state.year !== null && state.year !== choice.year) {
    warn(
      "year",
      `no ${name} table for ${STAGE_LABELS[choice.stage].toLowerCase()} in ${state.year}; showing ${choice.year}`,
    );
    state.year = choice.year;
  }
}

/** The state as it will be drawn, for a state the app itself produced (no warnings). */
export function resolveState(state: AppState, dataset: LiveDataset, options: ResolveOptions = {}): AppState {
  return resolve({ state, warnings: [], given: NOTHING }, dataset, options).state;
}
