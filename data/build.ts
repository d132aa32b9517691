/**
 * The data build: reads data/*.csv and world-atlas, validates everything, and writes the files the
 * app loads to public/data/. `--check` rebuilds in memory and fails if public/data is stale.
 *
 *   npm run data:build        write public/data/*
 *   npm run data:check        fail if public/data/* differs from a fresh build
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Topology } from "topojson-specification";
import { DataError, formatIssue } from "../src/data/csv.ts";
import { buildWorld } from "./geometry.ts";
import { readCountries, readOverrides } from "./tables.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "public", "data");

/** Every generated file, by path relative to public/data, with its exact contents. */
export function buildOutputs(read: (relative: string) => string): Map<string, string> {
  const countries = readCountries(read("data/countries.csv"));
  const overrides = readOverrides(read("data/topology-overrides.csv"));
  const atlas = createRequire(import.meta.url)("world-atlas/countries-50m.json") as Topology;
  const world = buildWorld(atlas, countries, overrides);
  const outputs = new Map<string, string>();
  outputs.set("world.json", JSON.stringify(world.topology));
  outputs.set("places.json", `${JSON.stringify({ places: world.places })}\n`);
  return outputs;
}

function main(): void {
  const check = process.argv.includes("--check");
  const read = (relative: string) => readFileSync(join(ROOT, relative), "utf8");
  let outputs: Map<string, string>;
  try {
    outputs = buildOutputs(read);
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`Data build failed:\n${error.issues.map(formatIssue).join("\n")}`);
      process.exit(1);
    }
    throw error;
  }
  const stale: string[] = [];
  for (const [name, contents] of outputs) {
    const path = join(OUT, name);
    if (check) {
      let current = "";
      try {
        current = readFileSync(path, "utf8");
      } catch {
        current = "";
      }
      if (current !== contents) stale.push(`public/data/${name}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, contents);
    }
  }
  if (stale.length > 0) {
    console.error(`Generated data is stale; run \`npm run data:build\`:\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
  const sizes = [...outputs].map(([name, c]) => `${name} ${Buffer.byteLength(c)} B`).join(", ");
  console.log(check ? `public/data is up to date (${sizes})` : `wrote public/data: ${sizes}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
