/** The store: holds the state, applies actions, tells subscribers, mirrors the state in the URL. */
import { type Action, type AppState, update } from "./state.ts";
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

/** Creates the store; `history` is injected so tests can run without a browser. */
export function createStore(
  initial: AppState,
  history?: Pick<History, "replaceState" | "pushState">,
  location?: Pick<Location, "pathname" | "hash">,
): Store {
  let state = initial;
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = update(state, action);
      if (state === previous) return;
      if (history && location && action.type !== "replace") {
        const url = `${location.pathname}${toSearch(state)}${location.hash}`;
        if (isNavigation(previous, state)) history.pushState(null, "", url);
        else history.replaceState(null, "", url);
      }
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
