/** The published data (public/data): dataset.json and minerals.json checked and joined, as the app holds them once both arrived. */
import { readFileSync } from "node:fs";
import { parseDataset, parseMineralTables, withMineralTables } from "../../src/data/schema.ts";
import type { Dataset } from "../../src/types.ts";

export function publishedDataset(): Dataset {
  const core = parseDataset(JSON.parse(readFileSync("public/data/dataset.json", "utf8")));
  const tables = parseMineralTables(JSON.parse(readFileSync("public/data/minerals.json", "utf8")), core);
  return withMineralTables(core, tables);
}
