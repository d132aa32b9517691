/** A fresh data build for tests, made once per test file (the world build takes ~2 s). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOutputs } from "../../../data/build.ts";
import { parseDataset, parseMineralTables, withMineralTables } from "../../../src/data/schema.ts";
import type { Dataset } from "../../../src/types.ts";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const readRepo = (relative: string): string => readFileSync(`${ROOT}${relative}`, "utf8");

let outputs: Map<string, string> | undefined;

export function freshOutputs(): Map<string, string> {
  outputs ??= buildOutputs(readRepo);
  return outputs;
}

/** dataset.json and minerals.json of a fresh build, checked and joined as the app holds them. */
export function freshDataset(): Dataset {
  const core = parseDataset(JSON.parse(freshOutputs().get("dataset.json") ?? "null"));
  return withMineralTables(core, parseMineralTables(JSON.parse(freshOutputs().get("minerals.json") ?? "null"), core));
}
