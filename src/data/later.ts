/**
 * The mineral tables on demand. Only the minerals view, the sources panel and a country's panel read
 * them, so minerals.json is not part of the first load of any other view: it is fetched once, when
 * first needed, or when the page is idle after the map is ready, and the app's dataset then gains
 * the tables (a new dataset object, so everything memoised on it is derived afresh).
 */
import type { CoreDataset, LiveDataset, MineralTable } from "../types.ts";
import { type Loaded, loadMineralTables } from "./load.ts";
import { withMineralTables } from "./schema.ts";

export type TablesStatus =
  | { state: "waiting" }
  | { state: "loading" }
  | { state: "failed"; error: string }
  | { state: "ready" };

export interface MineralTables {
  /** The dataset as it stands: with the tables once they have arrived. */
  dataset(): LiveDataset;
  status(): TablesStatus;
  /** Fetches the tables, the first time only (what needs them asks on every change). */
  request(): Promise<void>;
  /** After a failure, tries again (the reader's button: never on its own, not to hammer a server in trouble). */
  retry(): Promise<void>;
  /** The reader needs them now (a view, a panel, a download): fetches them, or tries again after a failure. */
  want(): Promise<void>;
  /** Called after every change of the status (and so of the dataset). */
  onChange(listener: () => void): void;
}

type Check = (dataset: CoreDataset) => Promise<Loaded<MineralTable[]>>;

/** `started`: a fetch already under way (a minerals address starts it beside the dataset's). */
export function mineralTables(
  core: CoreDataset,
  started?: Check,
  load: () => Check = loadMineralTables,
): MineralTables {
  let dataset: LiveDataset = { ...core, mineralTables: null };
  let status: TablesStatus = { state: "waiting" };
  let pending: Promise<void> | null = null;
  let first = started;
  const listeners: (() => void)[] = [];
  const set = (next: TablesStatus) => {
    status = next;
    // Not from inside the store's dispatch that asked for the tables: listeners dispatch themselves.
    queueMicrotask(() => {
      for (const listener of listeners) listener();
    });
  };
  const fetchTables = (): Promise<void> => {
    if (pending) return pending;
    const check = first ?? load();
    first = undefined;
    set({ state: "loading" });
    pending = check(core).then((result) => {
      pending = null;
      if (result.ok) dataset = withMineralTables(core, result.value);
      set(result.ok ? { state: "ready" } : { state: "failed", error: result.error });
    });
    return pending;
  };
  return {
    dataset: () => dataset,
    status: () => status,
    request: () => (status.state === "waiting" ? fetchTables() : (pending ?? Promise.resolve())),
    retry: () => (status.state === "failed" ? fetchTables() : (pending ?? Promise.resolve())),
    want: () =>
      status.state === "waiting" || status.state === "failed" ? fetchTables() : (pending ?? Promise.resolve()),
    onChange: (listener) => listeners.push(listener),
  };
}
