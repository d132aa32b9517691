/** Fetches the built data files relative to the page, so the site works under any sub-path. */
import type { Topology } from "topojson-specification";
import type { Place } from "../types.ts";

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

async function fetchJson(name: string): Promise<unknown> {
  const url = `${import.meta.env.BASE_URL}data/${name}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${name} (HTTP ${response.status}).`);
  return response.json();
}

export interface LoadedData {
  world: Topology;
  places: Place[];
}

export async function loadData(): Promise<Loaded<LoadedData>> {
  try {
    const [world, places] = await Promise.all([fetchJson("world.json"), fetchJson("places.json")]);
    if (!world || (world as Topology).type !== "Topology") throw new Error("world.json is not a topology.");
    const list = (places as { places?: unknown }).places;
    if (!Array.isArray(list)) throw new Error("places.json has no places list.");
    return { ok: true, value: { world: world as Topology, places: list as Place[] } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
