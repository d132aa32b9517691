/** Fetches the built data files relative to the page, so the site works under any sub-path. */
import type { Topology } from "topojson-specification";
import type { Dataset } from "../types.ts";
import { parseDataset } from "./schema.ts";

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

async function fetchJson(name: string): Promise<unknown> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`);
  if (!response.ok) throw new Error(`could not load ${name} (HTTP ${response.status})`);
  return response.json();
}

export interface LoadedData {
  world: Topology;
  dataset: Dataset;
}

/** Loads the geometry and the dataset, and validates the dataset with the build's own schema. */
export async function loadData(): Promise<Loaded<LoadedData>> {
  try {
    const [world, dataset] = await Promise.all([fetchJson("world.json"), fetchJson("dataset.json")]);
    if (!world || (world as Topology).type !== "Topology") throw new Error("world.json is not a topology");
    return { ok: true, value: { world: world as Topology, dataset: parseDataset(dataset) } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
