/**
 * The data build: reads data/*.csv and world-atlas, validates everything, and writes the files the
 * app loads to public/data/. `--check` rebuilds in memory and fails if public/data is stale.
 *
 *   npm run data:build        write public/data/*
 *   npm run data:check        fail if public/data/* differs from a fresh build
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Topology } from "topojson-specification";
import { DataError, formatIssue } from "../src/data/csv.ts";
import type { CoreDataset, MineralTablesFile } from "../src/types.ts";
import { buildDataset, publicCsvs, type TableTexts, withSourcesTable } from "./dataset.ts";
import { buildWorld, type CountryRow, type World } from "./geometry.ts";
import { FILES } from "./readers.ts";
import { readCountries, readOverrides } from "./tables.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "public", "data");
const README = "data/README.md";

/** Today's date (UTC), for the "not in the future" checks. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

let worldCache: { key: string; world: World } | null = null;

/** The world build is the slow part (~2 s) and depends only on these two files: build it once per input. */
function world(countriesText: string, overridesText: string): { countries: CountryRow[]; world: World } {
  const countries = readCountries(countriesText);
  const key = `${countriesText}\n\0${overridesText}`;
  if (worldCache?.key !== key) {
    const atlas = createRequire(import.meta.url)("world-atlas/countries-50m.json") as Topology;
    worldCache = { key, world: buildWorld(atlas, countries, readOverrides(overridesText)) };
  }
  return { countries, world: worldCache.world };
}

/**
 * Every generated file, by path relative to public/data, with its exact contents. Pure apart from
 * `read` and world-atlas; `today` only feeds validation, so the output does not depend on it.
 */
export function buildOutputs(read: (relative: string) => string, today: string = todayUtc()): Map<string, string> {
  const { countries, world: built } = world(read("data/countries.csv"), read("data/topology-overrides.csv"));
  const texts = Object.fromEntries(Object.entries(FILES).map(([key, path]) => [key, read(path)])) as TableTexts;
  const dataset = buildDataset(texts, countries, built.places, today);
  const csvs = publicCsvs(dataset);
  const outputs = new Map<string, string>();
  outputs.set("world.json", JSON.stringify(built.topology));
  // The mineral tables travel apart: only the minerals view and the sources panel need them, so the
  // first load of every other view does not pay for them (src/data/load.ts).
  const { mineralTables, ...core } = dataset;
  const tables: MineralTablesFile = { version: 1, mineralTables };
  outputs.set("dataset.json", `${JSON.stringify(core)}\n`);
  outputs.set("minerals.json", `${JSON.stringify(tables)}\n`);
  outputs.set("agreements.csv", csvs.agreements);
  outputs.set("memberships.csv", csvs.memberships);
  outputs.set("minerals.csv", csvs.minerals);
  return outputs;
}

/** Only these are ours to write and delete in public/data. */
function isGenerated(name: string): boolean {
  return name.endsWith(".json") || name.endsWith(".csv");
}

/**
 * Names of public/data files that differ from a fresh build: changed, missing, or left over from an
 * older build (a file the build no longer writes would still be served).
 */
export function staleFiles(
  outputs: ReadonlyMap<string, string>,
  current: (name: string) => string | null,
  present: readonly string[],
): string[] {
  const changed = [...outputs].filter(([name, contents]) => current(name) !== contents).map(([name]) => name);
  const leftover = present.filter((name) => isGenerated(name) && !outputs.has(name));
  return [...changed, ...leftover].map((name) => `public/data/${name}`);
}

/** data/README.md with its generated list of sources brought up to date. */
export function buildReadme(read: (relative: string) => string, outputs: ReadonlyMap<string, string>): string {
  const dataset = JSON.parse(outputs.get("dataset.json") ?? "null") as CoreDataset;
  return withSourcesTable(read(README), dataset.sources);
}

function main(): void {
  const check = process.argv.includes("--check");
  const read = (relative: string) => readFileSync(join(ROOT, relative), "utf8");
  let outputs: Map<string, string>;
  let readme: string;
  try {
    outputs = buildOutputs(read);
    readme = buildReadme(read, outputs);
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`Data build failed:\n${error.issues.map(formatIssue).join("\n")}`);
      process.exit(1);
    }
    throw error;
  }
  const current = (name: string): string | null => {
    try {
      return readFileSync(join(OUT, name), "utf8");
    } catch {
      return null;
    }
  };
  const present = existsSync(OUT) ? readdirSync(OUT) : [];
  const stale = check ? staleFiles(outputs, current, present) : [];
  if (check && readme !== read(README)) stale.push(README);
  if (!check) {
    writeFileSync(join(ROOT, README), readme);
    mkdirSync(OUT, { recursive: true });
    for (const [name, contents] of outputs) writeFileSync(join(OUT, name), contents);
    for (const name of present) if (isGenerated(name) && !outputs.has(name)) rmSync(join(OUT, name));
  }
  if (stale.length > 0) {
    console.error(`Generated data is stale; run \`npm run data:build\`:\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
  const sizes = [...outputs].map(([name, c]) => `${name} ${Buffer.byteLength(c)} B`).join(", ");
  console.log(check ? `public/data is up to date (${sizes})` : `wrote public/data: ${sizes}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
