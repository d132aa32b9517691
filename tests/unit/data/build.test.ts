import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOutputs, buildReadme, staleFiles } from "../../../data/build.ts";
import { PUBLIC_HEADERS } from "../../../data/dataset.ts";
import { DataError, type DataIssue, parseCsv } from "../../../src/data/csv.ts";
import { parseDataset } from "../../../src/data/schema.ts";
import { freshDataset, freshOutputs, ROOT, readRepo } from "./fresh.ts";

const OUT = `${ROOT}public/data`;

describe("the committed build output", () => {
  it("is up to date with data/ (run `npm run data:build` when this fails)", () => {
    const current = (name: string) => (existsSync(`${OUT}/${name}`) ? readFileSync(`${OUT}/${name}`, "utf8") : null);
    expect(staleFiles(freshOutputs(), current, readdirSync(OUT))).toEqual([]);
  }, 60_000); // the whole data build (geometry included): seconds on a busy machine

  it("is stale when minerals.json is out of date or missing (data:check fails on either)", () => {
    const current = (name: string) => (existsSync(`${OUT}/${name}`) ? readFileSync(`${OUT}/${name}`, "utf8") : null);
    const edited = (name: string) => (name === "minerals.json" ? '{"version":1,"mineralTables":[]}\n' : current(name));
    expect(staleFiles(freshOutputs(), edited, readdirSync(OUT))).toEqual(["public/data/minerals.json"]);
    const gone = (name: string) => (name === "minerals.json" ? null : current(name));
    const left = readdirSync(OUT).filter((name) => name !== "minerals.json");
    expect(staleFiles(freshOutputs(), gone, left)).toEqual(["public/data/minerals.json"]);
  });

  it("lists every source in data/README.md (the list is generated)", () => {
    expect(buildReadme(readRepo, freshOutputs())).toBe(readRepo("data/README.md"));
  });

  it("is the same bytes every time (stable order, no clock, no randomness)", () => {
    const again = buildOutputs(readRepo, "2030-01-01");
    for (const [name, contents] of freshOutputs()) expect(again.get(name), name).toBe(contents);
  });

  it("holds the world, the dataset, its mineral tables and the three downloads, and nothing else", () => {
    expect([...freshOutputs().keys()].sort()).toEqual([
      "agreements.csv",
      "dataset.json",
      "memberships.csv",
      "minerals.csv",
      "minerals.json",
      "world.json",
    ]);
  });

  it("writes the mineral tables apart from the dataset, and together they are the whole dataset", () => {
    const core = JSON.parse(freshOutputs().get("dataset.json") ?? "null");
    const tables = JSON.parse(freshOutputs().get("minerals.json") ?? "null");
    expect(Object.keys(core)).not.toContain("mineralTables");
    expect(Object.keys(tables)).toEqual(["version", "mineralTables"]);
    expect(tables.version).toBe(1);
    // Every table is in minerals.json, every mineral with a stage has one, and the joined dataset is
    // what the app and the CSV download read.
    const dataset = freshDataset();
    expect(dataset.mineralTables).toEqual(tables.mineralTables);
    for (const m of dataset.minerals)
      for (const stage of m.stages)
        expect(
          dataset.mineralTables.some((t) => t.mineral === m.slug && t.stage === stage),
          `${m.slug} ${stage}`,
        ).toBe(true);
    // minerals.csv (a public contract) is written from the same tables.
    const csvRows = (freshOutputs().get("minerals.csv") ?? "").trim().split("\n").length - 1;
    expect(csvRows).toBeGreaterThan(dataset.mineralTables.length);
  });
});

describe("staleFiles", () => {
  const outputs = new Map([
    ["a.json", "A"],
    ["b.csv", "B"],
  ]);
  const files: Record<string, string> = { "a.json": "A", "b.csv": "old", "places.json": "left over" };
  const current = (name: string) => files[name] ?? null;

  it("names changed, missing and left-over generated files", () => {
    expect(staleFiles(outputs, current, Object.keys(files))).toEqual(["public/data/b.csv", "public/data/places.json"]);
    expect(staleFiles(outputs, () => null, [])).toEqual(["public/data/a.json", "public/data/b.csv"]);
  });

  it("ignores files the build does not generate", () => {
    expect(staleFiles(new Map([["a.json", "A"]]), current, ["a.json", "README.txt"])).toEqual([]);
  });
});

describe("a malformed data file fails the build with file, line, field and reason", () => {
  /** Builds with one file's text replaced, and returns what the build reported. */
  function buildWith(file: string, edit: (text: string) => string): DataIssue[] {
    try {
      buildOutputs((relative) => (relative === file ? edit(readRepo(relative)) : readRepo(relative)));
    } catch (error) {
      if (error instanceof DataError) return [...error.issues];
      throw error;
    }
    throw new Error("the build accepted the edit");
  }
  const lineWhere = (file: string, test: (line: string) => boolean) => readRepo(file).split("\n").findIndex(test) + 1;

  it("an impossible date", () => {
    const file = "data/agreements.csv";
    const issues = buildWith(file, (t) => t.replace(/^(aus-2025-10-20-framework,.*?),2025-10-20,/m, "$1,2025-10-32,"));
    expect(issues).toEqual([
      {
        file,
        line: lineWhere(file, (l) => l.startsWith("aus-2025-10-20-framework,")),
        field: "date_signed",
        reason: 'not a valid date "2025-10-32" (expected YYYY-MM-DD)',
      },
    ]);
  });

  it("a country the map cannot draw", () => {
    const file = "data/memberships.csv";
    const issues = buildWith(file, (t) => t.replace(/^MNG,Mongolia,forge/m, "GIB,Gibraltar,forge"));
    expect(issues).toEqual([
      {
        file,
        line: lineWhere(file, (l) => l.startsWith("MNG,Mongolia,forge")),
        field: "iso3",
        reason: expect.stringContaining('unknown country code "GIB"'),
      },
    ]);
  });

  it("a value that is not a number", () => {
    const file = "data/tallies.csv";
    const issues = buildWith(file, (t) => t.replace("ministerial-signed,11,", "ministerial-signed,eleven,"));
    expect(issues).toEqual([
      {
        file,
        line: lineWhere(file, (l) => l.startsWith("ministerial-signed,")),
        field: "value",
        reason: 'not a whole number "eleven"',
      },
    ]);
  });

  it("a renamed source id: every record citing it is reported", () => {
    const issues = buildWith("data/sources.csv", (t) => t.replace(/^usgs-mcs2026,/m, "usgs-mcs-2026,"));
    const citing = readRepo("data/minerals.csv")
      .split("\n")
      .filter((l) => l.endsWith(",usgs-mcs2026")).length;
    expect(issues).toHaveLength(citing);
    expect(issues[0]).toEqual({
      file: "data/minerals.csv",
      line: lineWhere("data/minerals.csv", (l) => l.endsWith(",usgs-mcs2026")),
      field: "source",
      reason: 'unknown source id "usgs-mcs2026" (not in data/sources.csv)',
    });
  });
});

describe("the public downloads", () => {
  it.each(Object.entries(PUBLIC_HEADERS))("%s.csv has exactly the DESIGN §3 columns", (name, header) => {
    const text = freshOutputs().get(`${name}.csv`) ?? "";
    expect(text.slice(0, text.indexOf("\n"))).toBe(header.join(","));
    expect(parseCsv(text, `${name}.csv`, header).length).toBeGreaterThan(10);
  });

  it("cite sources as ;-separated URLs", () => {
    const rows = parseCsv(freshOutputs().get("agreements.csv") ?? "", "agreements.csv");
    for (const { fields } of rows) {
      for (const url of (fields.sources ?? "").split(";")) expect(url).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it("give minerals shares from the derived values, with the source's title and URL", () => {
    const rows = parseCsv(freshOutputs().get("minerals.csv") ?? "", "minerals.csv");
    const row = rows.find(
      ({ fields: f }) => f.mineral === "cobalt" && f.stage === "mine" && f.year === "2025" && f.iso3 === "COD",
    );
    expect(row?.fields).toMatchObject({
      country: "Democratic Republic of the Congo",
      value: "230000",
      share: "0.7419",
      is_estimate: "true",
      source: expect.stringContaining("Mineral Commodity Summaries 2026"),
      source_url: "https://doi.org/10.5066/P1WKQ63T",
    });
    // Withheld values have no number to download (US lithium is withheld in every USGS table).
    expect(rows.some(({ fields: f }) => f.mineral === "lithium" && f.stage === "mine" && f.iso3 === "USA")).toBe(false);
  });
});

describe("parseDataset (the app's check of what it fetches)", () => {
  const good = () => JSON.parse(freshOutputs().get("dataset.json") ?? "null");

  it("accepts the built dataset", () => {
    expect(parseDataset(good()).version).toBe(1);
  });

  it("rejects a broken one, naming the JSON path", () => {
    const broken = good();
    broken.agreements[2].date = "soon";
    delete broken.tallies[0].value;
    expect(() => parseDataset(broken)).toThrow(
      [
        "dataset.json:1: agreements[2].date: expected a YYYY-MM-DD date, found string",
        "dataset.json:1: tallies[0].value: missing",
      ].join("\n"),
    );
  });

  it("rejects something that is not a dataset at all", () => {
    expect(() => parseDataset(null)).toThrow("dataset.json:1: (root): expected an object");
    expect(() => parseDataset({ version: 2 })).toThrow("version: expected one of 1");
  });
});
