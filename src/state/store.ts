/** The store: holds the state, applies actions, tells subscribers, mirrors the state in the URL. */
import { type Action, type AppState, sameState, update } from "./state.ts";
import { toSearch } from "./url.ts";

export interface Store {
  get(): AppState;
  dispatch(action: Action): void;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/**
 * Which changes deserve their own history entry (Back undoes them): switching view or forum and
 * opening a country. Dragging the timeline or toggling arcs replaces the current entry instead.
 */
export function isNavigation(previous: AppState, next: AppState): boolean {
  return (
    previous.view !== next.view ||
    previous.forum !== next.forum ||
    previous.country !== next.country ||
    previous.table !== next.table
  );
}

export interface StoreOptions {
  /** Injected so tests can run without a browser. */
  history?: Pick<History, "replaceState" | "pushState">;
  location?: Pick<Location, "pathname" | "search" | "hash">;
  /** The state as it will be drawn (src/state/resolve.ts), applied after every action. */
  resolve?: (state: AppState) => AppState;
}

/**
 * Creates the store. The URL always says what is drawn: the initial state (already resolved) and
 * states from Back/Forward (`replace`) replace the URL when it said something else; other changes
 * push or replace an entry.
 */
export function createStore(initial: AppState, options: StoreOptions = {}): Store {
  const { history, location } = options;
  const resolve = options.resolve ?? ((s: AppState) => s);
  let state = resolve(initial);
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  const write = (mode: "push" | "replace") => {
    if (!history || !location) return;
    const search = toSearch(state);
    if (mode === "replace" && search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  };
  write("replace");
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      const next = resolve(update(state, action));
      state = sameState(previous, next) ? previous : next;
      if (action.type === "replace") write("replace");
      if (state === previous) return;
      if (action.type !== "replace") write(isNavigation(previous, state) ? "push" : "replace");
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
