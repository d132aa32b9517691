/**
 * URL ⇄ state (DESIGN §3). Pure. One typed codec per parameter: how it reads, how it writes, which
 * views carry it. Values that do not parse are dropped with one warning each and never reach the
 * page as HTML; defaults are omitted, so the default state is the empty query. Whether a value
 * that parses exists in the data is decided later, by `resolve` (src/state/resolve.ts).
 */
import {
  type AppState,
  DEFAULT_STATE,
  FORUM_VIEWS,
  IMPLIED_IN_URL,
  STAGES,
  THEME_SETTINGS,
  VIEWS,
  type View,
} from "./state.ts";

/** One URL parameter. */
export interface Codec {
  /** The state fields it sets (reset to their defaults when a view does not carry it). */
  fields: readonly (keyof AppState)[];
  /** What a valid value looks like, for the warning. */
  expected: string;
  /** The state fields the value sets, or null when it does not parse. */
  read(value: string): Partial<AppState> | null;
  /** The value for this state, or null to leave the parameter out (its default). */
  write(state: AppState): string | null;
  /** The views whose URL carries it; every view when absent. */
  views?: readonly View[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ASCII letters only: `toUpperCase()` would fold "ﬁn" into "FIN" and "ınd" into "IND". */
const ISO3 = /^[A-Za-z]{3}$/;
const BLOC_EXTRAS = ["forge", "pax-silica"];

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

const flag = (field: "arcs" | "embed" | "table", defaultValue: boolean): Codec => ({
  fields: [field],
  expected: "0 or 1",
  read: (value) => (value === "0" || value === "1" ? { [field]: value === "1" } : null),
  write: (state) => (state[field] === defaultValue ? null : state[field] ? "1" : "0"),
});

/**
 * Every parameter, in the order they are written. To add one: add its state field(s) to AppState
 * and a codec here; parse, write, the per-view filter and the warnings follow.
 */
export const CODECS = {
  view: {
    fields: ["view"],
    expected: VIEWS.join(", "),
    read: (value) => (oneOf(VIEWS, value) ? { view: value } : null),
    write: (state) => (state.view === DEFAULT_STATE.view ? null : state.view),
  },
  forum: {
    fields: ["forum"],
    expected: FORUM_VIEWS.join(", "),
    read: (value) => (oneOf(FORUM_VIEWS, value) ? { forum: value } : null),
    write: (state) => (state.forum === DEFAULT_STATE.forum ? null : state.forum),
    views: ["forums"],
  },
  mineral: {
    fields: ["mineral"],
    expected: "a mineral slug such as lithium",
    read: (value) => (SLUG.test(value) ? { mineral: value } : null),
    write: (state) => (mineralIsImplied(state) ? null : state.mineral),
    views: ["minerals"],
  },
  stage: {
    fields: ["stage"],
    expected: STAGES.join(", "),
    read: (value) => (oneOf(STAGES, value) ? { stage: value } : null),
    write: (state) => (stageIsImplied(state) ? null : state.stage),
    views: ["minerals"],
  },
  year: {
    fields: ["year"],
    expected: "a four-digit year",
    read: (value) => (/^\d{4}$/.test(value) ? { year: Number(value) } : null),
    write: (state) => (state.year === null ? null : String(state.year)),
    views: ["minerals"],
  },
  date: {
    fields: ["date"],
    expected: "a date as YYYY-MM-DD",
    read: (value) => (isIsoDate(value) ? { date: value } : null),
    write: (state) => state.date,
  },
  arcs: { ...flag("arcs", DEFAULT_STATE.arcs), views: ["pacts"] },
  bloc: {
    fields: ["blocForge", "blocPax"],
    expected: "forge, pax-silica or forge~pax-silica",
    read: (value) => {
      const parts = value.split(/[~,]/);
      if (!parts.every((p) => BLOC_EXTRAS.includes(p))) return null;
      return { blocForge: parts.includes("forge"), blocPax: parts.includes("pax-silica") };
    },
    write: (state) =>
      [state.blocForge ? "forge" : "", state.blocPax ? "pax-silica" : ""].filter(Boolean).join("~") || null,
    views: ["minerals"],
  },
  country: {
    fields: ["country"],
    expected: "an ISO 3166-1 alpha-3 code such as AUS",
    read: (value) => (ISO3.test(value) ? { country: value.toUpperCase() } : null),
    write: (state) => state.country,
  },
  embed: flag("embed", DEFAULT_STATE.embed),
  theme: {
    fields: ["theme"],
    expected: THEME_SETTINGS.join(", "),
    read: (value) => (oneOf(THEME_SETTINGS, value) ? { theme: value } : null),
    write: (state) => (state.theme === DEFAULT_STATE.theme ? null : state.theme),
  },
  table: flag("table", DEFAULT_STATE.table),
} satisfies Record<string, Codec>;

/**
 * Mineral and stage are written as a pair: neither for the default pair; otherwise the URL leaves out
 * the one IMPLIED_IN_URL supplies (lithium, mine), as links did when those were the defaults, so
 * every link written then is still read, and written, as it was.
 */
function isDefaultPair(state: AppState): boolean {
  return state.mineral === DEFAULT_STATE.mineral && state.stage === DEFAULT_STATE.stage;
}
function stageIsImplied(state: AppState): boolean {
  return isDefaultPair(state) || state.stage === IMPLIED_IN_URL.stage;
}
function mineralIsImplied(state: AppState): boolean {
  return isDefaultPair(state) || (state.mineral === IMPLIED_IN_URL.mineral && !stageIsImplied(state));
}

export type Param = keyof typeof CODECS;
const PARAMS = Object.keys(CODECS) as Param[];
const codecOf = (key: Param): Codec => CODECS[key];

/** Whether a view's URL carries a parameter (a forums URL never carries mineral or stage). */
export function carries(view: View, key: Param): boolean {
  const views = codecOf(key).views;
  return views === undefined || views.includes(view);
}

export interface ParsedSearch {
  state: AppState;
  warnings: string[];
  /** The parameters the URL set, as written (so `resolve` warns only about what a reader wrote). */
  given: ReadonlyMap<Param, string>;
}

/** Read by src/embed/parts.ts, not the state: the embed's own, and those a Pym.js parent adds to the frame. */
const FRAME_PARAMS = ["parts", "fit", "initialWidth", "childId", "parentTitle", "parentUrl"];

/** A key or value echoed in a warning: quoted, control characters escaped, at most 40 characters. */
export function quote(text: string): string {
  return JSON.stringify(text.slice(0, 40));
}

/** "Ignoring URL parameter year="2025": no table for it; showing 2024." */
export function ignoring(key: string, value: string, why: string): string {
  return `Ignoring URL parameter ${key}=${quote(value)}: ${why}.`;
}

/** Reads a query string ("?view=forums&forum=msp") into a full state, with warnings for what it ignored. */
export function parseSearch(search: string): ParsedSearch {
  const entries = [...new URLSearchParams(search)];
  const state: AppState = { ...DEFAULT_STATE };
  const warnings: string[] = [];
  const given = new Map<Param, string>();
  entries.forEach(([key, value], i) => {
    if (FRAME_PARAMS.includes(key)) return;
    if (!(PARAMS as string[]).includes(key)) {
      warnings.push(`Ignoring unknown URL parameter ${quote(key)}.`);
      return;
    }
    const param = key as Param;
    if (entries.slice(i + 1).some(([later]) => later === key)) {
      warnings.push(ignoring(key, value, `${key} is given again later in the URL; the last one is used`));
      return;
    }
    const patch = codecOf(param).read(value);
    if (patch === null) {
      warnings.push(ignoring(key, value, `expected ${codecOf(param).expected}`));
      return;
    }
    Object.assign(state, patch);
    given.set(param, value);
  });
  // A URL naming the mineral or the stage alone means the other of the pair it was written with.
  if (given.has("mineral") !== given.has("stage") && carries(state.view, "mineral")) {
    if (!given.has("mineral")) state.mineral = IMPLIED_IN_URL.mineral;
    if (!given.has("stage")) state.stage = IMPLIED_IN_URL.stage;
  }
  return { state, warnings, given };
}

/** Writes the state as a query string without defaults and without other views' parameters. */
export function toSearch(state: AppState): string {
  const params = new URLSearchParams();
  for (const key of PARAMS) {
    if (!carries(state.view, key)) continue;
    const value = codecOf(key).write(state);
    if (value !== null) params.set(key, value);
  }
  // "~" joins lists (OWID's lesson: "+" and "," get rewritten by social sites); keep it readable.
  const query = params.toString().replace(/%7E/gi, "~");
  return query ? `?${query}` : "";
}

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
