/** The app's state: everything a reader can change, all of it mirrored in the URL. Pure. */
import { FORUM_VIEWS, type ForumView, STAGES, type Theme, VIEWS, type View } from "../config.ts";
import type { Stage } from "../types.ts";

export { FORUM_VIEWS, type ForumView, STAGES, VIEWS, type View };

export const THEME_SETTINGS = ["auto", "light", "dark"] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];

export interface AppState {
  view: View;
  forum: ForumView;
  mineral: string;
  stage: Stage;
  /** Data year of the minerals view; null = latest available. */
  year: number | null;
  /** Timeline position, ISO date; null = latest record. */
  date: string | null;
  arcs: boolean;
  /** Bloc definition in the minerals view: add FORGE members and/or Pax Silica signatories. */
  blocForge: boolean;
  blocPax: boolean;
  /** Selected country (detail panel open), ISO3. */
  country: string | null;
  embed: boolean;
  theme: ThemeSetting;
  /** Show the data as a table instead of the map. */
  table: boolean;
}

export const DEFAULT_STATE: AppState = {
  view: "pacts",
  forum: "forge",
  // The minerals view opens on the map's headline: China refines most of the world's magnet rare earths
  // (IEA 2024) while the bloc refines little; mining, where the bloc leads in lithium and cobalt,
  // is one choice of the Stage select away.
  mineral: "rare-earths",
  stage: "refining",
  year: null,
  date: null,
  arcs: true,
  blocForge: false,
  blocPax: false,
  country: null,
  embed: false,
  theme: "auto",
  table: false,
};

/**
 * What a URL that names only one of `mineral` and `stage` means by the other: lithium and mine
 * production, the defaults until the minerals view opened on rare-earth refining. Links written then
 * left out whichever was lithium or mine, so `?view=minerals&mineral=cobalt` still means cobalt mining.
 */
export const IMPLIED_IN_URL = { mineral: "lithium", stage: "mine" } as const satisfies Pick<
  AppState,
  "mineral" | "stage"
>;

export type Action =
  | { type: "set"; patch: Partial<AppState> }
  | { type: "select-country"; iso3: string | null }
  | { type: "replace"; state: AppState };

/** The reducer: returns the same object when nothing changes, so subscribers can skip work. */
export function update(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "set": {
      const next = { ...state, ...action.patch };
      return sameState(state, next) ? state : next;
    }
    case "select-country":
      return state.country === action.iso3 ? state : { ...state, country: action.iso3 };
    case "replace":
      return sameState(state, action.state) ? state : action.state;
  }
}

export function sameState(a: AppState, b: AppState): boolean {
  return (Object.keys(a) as (keyof AppState)[]).every((key) => a[key] === b[key]);
}

/** The theme actually drawn: `auto` follows the reader's system preference. */
export function resolvedTheme(setting: ThemeSetting, prefersDark: boolean): Theme {
  if (setting === "auto") return prefersDark ? "dark" : "light";
  return setting;
}
