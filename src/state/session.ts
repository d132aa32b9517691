/**
 * Session state: what a reader changes that is not worth a URL (hover, the legend's filter and
 * hover, the table's sort and query, the open panel). Actions and a reducer, like the app state,
 * so every change takes the same path to the screen. Pure.
 */
import type { TableSort } from "../model/table.ts";
import type { AppState } from "./state.ts";

/** What the pointer is over on the map (the map's MapTarget). */
export type Hovered = { kind: "country"; iso3: string } | { kind: "arc"; id: string; iso3: string } | null;

export interface Session {
  hovered: Hovered;
  /** Legend entry under the pointer: its countries are highlighted. */
  legendHover: string | null;
  /** Legend entry toggled on: only its countries and arcs are drawn. */
  legendFilter: string | null;
  /** The table's sort, for the view and forum it was chosen in (`key`): columns differ per view. */
  tableSort: { key: string; sort: TableSort } | null;
  tableQuery: string;
  /** The "Sources, method & data" panel. */
  methodologyOpen: boolean;
}

export const INITIAL_SESSION: Session = {
  hovered: null,
  legendHover: null,
  legendFilter: null,
  tableSort: null,
  tableQuery: "",
  methodologyOpen: false,
};

export type SessionAction =
  | { type: "hover"; target: Hovered }
  | { type: "legend-hover"; key: string | null }
  | { type: "legend-toggle"; key: string }
  | { type: "table-sort"; key: string; sort: TableSort }
  | { type: "table-query"; query: string }
  | { type: "methodology"; open: boolean };

const SESSION_ACTIONS: ReadonlySet<string> = new Set([
  "hover",
  "legend-hover",
  "legend-toggle",
  "table-sort",
  "table-query",
  "methodology",
]);

export function isSessionAction(action: { type: string }): action is SessionAction {
  return SESSION_ACTIONS.has(action.type);
}

/** The reducer: returns the same object when nothing changes, so renders can be skipped. */
export function updateSession(session: Session, action: SessionAction): Session {
  switch (action.type) {
    case "hover":
      return sameTarget(session.hovered, action.target) ? session : { ...session, hovered: action.target };
    case "legend-hover":
      return session.legendHover === action.key ? session : { ...session, legendHover: action.key };
    case "legend-toggle":
      return { ...session, legendFilter: session.legendFilter === action.key ? null : action.key };
    case "table-sort":
      return { ...session, tableSort: { key: action.key, sort: action.sort } };
    case "table-query":
      return session.tableQuery === action.query ? session : { ...session, tableQuery: action.query };
    case "methodology":
      return session.methodologyOpen === action.open ? session : { ...session, methodologyOpen: action.open };
  }
}

/**
 * What a change of the app state does to the session, written once: when the legend may list other
 * categories (another view, forum or mineral table, another bloc), its filter and hover are cleared.
 */
export function followState(session: Session, previous: AppState, next: AppState): Session {
  const legendChanged =
    previous.view !== next.view ||
    previous.forum !== next.forum ||
    previous.mineral !== next.mineral ||
    previous.stage !== next.stage ||
    previous.year !== next.year ||
    previous.blocForge !== next.blocForge ||
    previous.blocPax !== next.blocPax;
  if (!legendChanged || (session.legendFilter === null && session.legendHover === null)) return session;
  return { ...session, legendFilter: null, legendHover: null };
}

function sameTarget(a: Hovered, b: Hovered): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.iso3 === b.iso3 && (a.kind !== "arc" || (b.kind === "arc" && a.id === b.id));
}
