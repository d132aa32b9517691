/** The store: holds the state, applies actions, tells subscribers, mirrors the state in the URL. */
import { type Action, type AppState, update } from "./state.ts";
import { toSearch } from "./url.ts";

export interface Store {
  get(): AppState;
  dispatch(action: Action): void;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** Creates the store; `history` is injected so tests can run without a browser. */
export function createStore(initial: AppState, history?: Pick<History, "replaceState">, location?: Location): Store {
  let state = initial;
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = update(state, action);
      if (state === previous) return;
      if (history && location) {
        history.replaceState(null, "", `${location.pathname}${toSearch(state)}${location.hash}`);
      }
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
