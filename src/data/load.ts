/** Fetches the built data files relative to the page, so the site works under any sub-path. */
import type { Topology } from "topojson-specification";
import { yieldToBrowser } from "../slices.ts";
import type { CoreDataset, MineralTable } from "../types.ts";
import { DataError, formatIssue } from "./csv.ts";
import { parseDataset, parseMineralTables, parseWorld } from "./schema.ts";

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

/** How long the app waits for its data before it gives up and offers to try again. */
export const DATA_TIMEOUT_MS = 20_000;

/** A failure with a sentence written for readers (the cause goes to the console). */
class LoadError extends Error {}

async function fetchJson(name: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL}data/${name}`, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LoadError(`The map's data could not be loaded (${name}: the server could not be reached).`);
  }
  if (!response.ok) throw new LoadError(`The map's data could not be loaded (${name}: HTTP ${response.status}).`);
  try {
    return await response.json();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LoadError(`The map's data file ${name} is damaged (not valid JSON), so the map cannot be shown.`);
  }
}

export interface LoadedData {
  world: Topology;
  /** dataset.json: everything but the mineral tables (loadMineralTables). */
  dataset: CoreDataset;
}

/** The first problem of a damaged file, in a sentence (the full list goes to the console). */
function damaged(error: DataError): string {
  const [first] = error.issues;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : "";
  return `The map's data is damaged, so the map cannot be shown: ${first ? formatIssue(first) : "unknown problem"}${more}.`;
}

/**
 * Runs `work` (fetches and checks) and gives up after `timeoutMs`, so a request the server holds
 * open ends in a message, not an empty page forever. Never throws: every failure is a sentence a
 * reader can act on (the cause goes to the console).
 */
async function settled<T>(timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<Loaded<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return { ok: true, value: await work(controller.signal) };
  } catch (error) {
    console.error(error);
    if (controller.signal.aborted) {
      const seconds = Math.round(timeoutMs / 1000);
      return { ok: false, error: `The map's data did not arrive within ${seconds} seconds.` };
    }
    if (error instanceof LoadError) return { ok: false, error: error.message };
    if (error instanceof DataError) return { ok: false, error: damaged(error) };
    return { ok: false, error: "The map's data could not be loaded." };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads the geometry and the dataset and checks both (src/data/schema.ts). The dataset is the
 * smaller file: it is checked, and given to `onDataset`, while the geometry is still arriving, so
 * what needs only the dataset (the controls, legend and timeline) can be made meanwhile.
 */
export function loadData(
  timeoutMs: number = DATA_TIMEOUT_MS,
  onDataset: (dataset: CoreDataset) => void = () => undefined,
): Promise<Loaded<LoadedData>> {
  return settled(timeoutMs, async (signal) => {
    // Each check in a task of its own: together with the parsing they would block input for long.
    const dataset = fetchJson("dataset.json", signal).then(async (json) => {
      await yieldToBrowser();
      const checked = parseDataset(json);
      onDataset(checked);
      return checked;
    });
    const [world, checked] = await Promise.all([fetchJson("world.json", signal), dataset]);
    await yieldToBrowser();
    return { world: parseWorld(world, checked), dataset: checked };
  });
}

/**
 * Starts fetching the mineral tables (minerals.json) now, and returns the check of them against
 * the dataset they belong to (every table's mineral and source known), to run once that dataset is
 * at hand: the minerals view's first load fetches both files side by side. Never rejects; the
 * failures are loadData's sentences.
 */
export function loadMineralTables(
  timeoutMs: number = DATA_TIMEOUT_MS,
): (dataset: CoreDataset) => Promise<Loaded<MineralTable[]>> {
  const fetched = settled(timeoutMs, (signal) => fetchJson("minerals.json", signal));
  return async (dataset) => {
    const json = await fetched;
    if (!json.ok) return json;
    return settled(timeoutMs, async () => parseMineralTables(json.value, dataset));
  };
}
