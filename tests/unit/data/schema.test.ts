import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DATA_TIMEOUT_MS, loadData, loadMineralTables } from "../../../src/data/load.ts";
import { isWebUrl, parseDataset, parseMineralTables, parseWorld } from "../../../src/data/schema.ts";
import type { CoreDataset, Dataset, MineralTablesFile } from "../../../src/types.ts";

const datasetText = readFileSync("public/data/dataset.json", "utf8");
const worldText = readFileSync("public/data/world.json", "utf8");
const tablesText = readFileSync("public/data/minerals.json", "utf8");
const good = () => JSON.parse(datasetText);
const world = () => JSON.parse(worldText);
const tables = (): MineralTablesFile => JSON.parse(tablesText);
const dataset: CoreDataset = parseDataset(good());

describe("parseDataset checks references, not only shapes", () => {
  it.each([
    [
      "an unknown country code in an agreement",
      (d: Dataset) => {
        d.agreements[0] = { ...d.agreements[0], iso3: "ZZZ" } as Dataset["agreements"][number];
      },
      'dataset.json:1: agreements[0].iso3: unknown country code "ZZZ" (not among the dataset\'s places)',
    ],
    [
      "an unknown country code in a membership",
      (d: Dataset) => {
        (d.memberships[1] as { iso3: string }).iso3 = "QQQ";
      },
      'memberships[1].iso3: unknown country code "QQQ"',
    ],
    [
      "an unknown source id",
      (d: Dataset) => {
        (d.tallies[0] as { sources: string[] }).sources = ["nope"];
      },
      'tallies[0].sources[0]: unknown source id "nope"',
    ],
    [
      "an empty label (a marker at NaN)",
      (d: Dataset) => {
        (d.places[0] as { label: number[] }).label = [];
      },
      "places[0].label: expected a [longitude, latitude] pair, found a list",
    ],
    [
      "a record citing no source",
      (d: Dataset) => {
        (d.agreements[0] as { sources: string[] }).sources = [];
      },
      "agreements[0].sources: expected a non-empty list, found []",
    ],
    [
      "a javascript: source link",
      (d: Dataset) => {
        (d.sources[0] as { url: string }).url = "javascript:alert(1)";
      },
      "sources[0].url: expected an http(s) URL, found string",
    ],
    [
      "a place listed twice",
      (d: Dataset) => {
        d.places.push({ ...(d.places[0] as Dataset["places"][number]) });
      },
      `places[${dataset.places.length}]: place "${dataset.places[0]?.iso3}" is listed twice`,
    ],
    [
      "no places at all",
      (d: Dataset) => {
        d.places.length = 0;
      },
      "places: expected a non-empty list, found []",
    ],
  ])("rejects %s", (_name, spoil, message) => {
    const d = good();
    spoil(d);
    expect(() => parseDataset(d)).toThrow(message);
  });

  it("accepts only http(s) links", () => {
    expect(isWebUrl("https://www.state.gov/x")).toBe(true);
    expect(isWebUrl("http://example.org")).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "/relative",
      "https://",
      "ftp://x",
    ])
      expect(isWebUrl(url), url).toBe(false);
  });
});

describe("parseMineralTables checks minerals.json against the dataset", () => {
  it("accepts the built minerals.json, which dataset.json no longer carries", () => {
    expect(parseMineralTables(tables(), dataset).length).toBeGreaterThan(50);
    expect("mineralTables" in good()).toBe(false);
  });

  it.each([
    [
      "an unknown country code in a mineral table",
      (t: MineralTablesFile) => {
        (t.mineralTables[0]?.rows[0] as { iso3: string }).iso3 = "QQQ";
      },
      'minerals.json:1: mineralTables[0].rows[0].iso3: unknown country code "QQQ" (not among the dataset\'s places)',
    ],
    [
      "an unknown table source",
      (t: MineralTablesFile) => {
        (t.mineralTables[0] as { source: string }).source = "nope";
      },
      'minerals.json:1: mineralTables[0].source: unknown source id "nope" (not among the dataset\'s sources)',
    ],
    [
      "an unknown mineral",
      (t: MineralTablesFile) => {
        (t.mineralTables[0] as { mineral: string }).mineral = "unobtainium";
      },
      'minerals.json:1: mineralTables[0].mineral: unknown mineral "unobtainium" (not among the dataset\'s minerals)',
    ],
    [
      "a share that is not a number",
      (t: MineralTablesFile) => {
        (t.mineralTables[1]?.rows[0] as unknown as { share: string }).share = "40%";
      },
      "minerals.json:1: mineralTables[1].rows[0].share: expected a number, found string",
    ],
    [
      "another version",
      (t: MineralTablesFile) => {
        (t as { version: number }).version = 2;
      },
      "minerals.json:1: version: expected one of 1, found number",
    ],
    [
      "no tables",
      (t: MineralTablesFile) => {
        delete (t as Partial<MineralTablesFile>).mineralTables;
      },
      "minerals.json:1: mineralTables: missing",
    ],
  ])("rejects %s", (_name, spoil, message) => {
    const t = tables();
    spoil(t);
    expect(() => parseMineralTables(t, dataset)).toThrow(message);
  });

  it("checks the sources of the dataset it is given", () => {
    const fewer: CoreDataset = { ...dataset, sources: dataset.sources.filter((s) => s.id !== "usgs-mcs2026") };
    expect(() => parseMineralTables(tables(), fewer)).toThrow('unknown source id "usgs-mcs2026"');
  });
});

describe("parseWorld: a topology the map can draw", () => {
  it("accepts the built world.json", () => {
    expect(parseWorld(world(), dataset).type).toBe("Topology");
  });

  it.each([
    ["not a topology", () => ({ type: "FeatureCollection" }), "world.json:1: type: not a TopoJSON topology"],
    ["null", () => null, "type: not a TopoJSON topology"],
    [
      "no countries object",
      () => ({ ...world(), objects: {} }),
      "objects.countries: expected a GeometryCollection of countries",
    ],
    [
      "no geometries",
      () => {
        const w = world();
        w.objects.countries.geometries = [];
        return w;
      },
      "objects.countries.geometries: no countries to draw (the list is empty)",
    ],
    [
      "an arc index out of range",
      () => {
        const w = world();
        w.objects.countries.geometries[3].arcs = [[[w.arcs.length + 5]]];
        return w;
      },
      "objects.countries.geometries[3].arcs: expected rings of arc indexes below",
    ],
    [
      "missing arcs",
      () => {
        const w = world();
        delete w.arcs;
        return w;
      },
      "arcs: expected a list of arcs",
    ],
    [
      "a country with no place",
      () => {
        const w = world();
        w.objects.countries.geometries[0].id = "ZZZ";
        return w;
      },
      'objects.countries.geometries[0].id: unknown country code "ZZZ"',
    ],
  ])("rejects %s", (_name, make, message) => {
    expect(() => parseWorld(make(), dataset)).toThrow(message);
  });
});

describe("loadData gives every failure as a sentence", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  const respond = (files: Record<string, () => Promise<Response>>) =>
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
      const name = url.split("/").pop() ?? "";
      const answer = files[name];
      if (!answer) throw new Error(`unexpected request ${url}`);
      return new Promise<Response>((resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        answer().then(resolve, reject);
      });
    });
  const json = (text: string) => () => Promise.resolve(new Response(text, { status: 200 }));

  it("gives up on a request held open, after the stated timeout", async () => {
    vi.useFakeTimers();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    respond({ "world.json": json(worldText), "dataset.json": () => new Promise<Response>(() => undefined) });
    const result = loadData();
    await vi.advanceTimersByTimeAsync(DATA_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ ok: false, error: "The map's data did not arrive within 20 seconds." });
  });

  it("loads the mineral tables apart, checked against the dataset, with the same sentences", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    respond({ "minerals.json": json(tablesText) });
    const loaded = await loadMineralTables()(dataset);
    expect(loaded.ok && loaded.value.length).toBe(tables().mineralTables.length);
    respond({ "minerals.json": () => Promise.resolve(new Response("", { status: 500 })) });
    expect(await loadMineralTables()(dataset)).toEqual({
      ok: false,
      error: "The map's data could not be loaded (minerals.json: HTTP 500).",
    });
    respond({ "minerals.json": json("<html>") });
    expect(await loadMineralTables()(dataset)).toEqual({
      ok: false,
      error: "The map's data file minerals.json is damaged (not valid JSON), so the map cannot be shown.",
    });
    const spoiled = tables();
    (spoiled.mineralTables[0] as { source: string }).source = "nope";
    respond({ "minerals.json": json(JSON.stringify(spoiled)) });
    expect(await loadMineralTables()(dataset)).toEqual({
      ok: false,
      error:
        "The map's data is damaged, so the map cannot be shown: minerals.json:1: mineralTables[0].source: unknown source id \"nope\" (not among the dataset's sources).",
    });
  });

  it("starts fetching the mineral tables at once, before the dataset is at hand", async () => {
    const requested: string[] = [];
    vi.stubGlobal("fetch", (url: string) => {
      requested.push(url.split("/").pop() ?? "");
      return Promise.resolve(new Response(tablesText, { status: 200 }));
    });
    const check = loadMineralTables();
    expect(requested).toEqual(["minerals.json"]);
    expect((await check(dataset)).ok).toBe(true);
  });

  it("gives the checked dataset to onDataset while the geometry is still arriving", async () => {
    let arrive: () => void = () => undefined;
    const world = new Promise<Response>((resolve) => {
      arrive = () => resolve(new Response(worldText, { status: 200 }));
    });
    respond({ "world.json": () => world, "dataset.json": json(datasetText) });
    let given: (places: number) => void = () => undefined;
    const early = new Promise<number>((resolve) => {
      given = resolve;
    });
    const result = loadData(DATA_TIMEOUT_MS, (checked) => given(checked.places.length));
    expect(await early).toBe(dataset.places.length);
    arrive();
    expect((await result).ok).toBe(true);
  });

  it("loads and checks both files", async () => {
    respond({ "world.json": json(worldText), "dataset.json": json(datasetText) });
    const result = await loadData();
    expect(result.ok && result.value.dataset.places.length).toBe(dataset.places.length);
  });

  it.each([
    [
      "an HTTP error",
      { "dataset.json": () => Promise.resolve(new Response("", { status: 503 })) },
      "The map's data could not be loaded (dataset.json: HTTP 503).",
    ],
    [
      "a network error",
      { "dataset.json": () => Promise.reject(new TypeError("Failed to fetch")) },
      "The map's data could not be loaded (dataset.json: the server could not be reached).",
    ],
    [
      "a file that is not JSON",
      { "dataset.json": json("<html>") },
      "The map's data file dataset.json is damaged (not valid JSON), so the map cannot be shown.",
    ],
    [
      "a topology with no countries",
      {
        "world.json": json(
          JSON.stringify({ ...world(), objects: { countries: { type: "GeometryCollection", geometries: [] } } }),
        ),
      },
      "The map's data is damaged, so the map cannot be shown: world.json:1: objects.countries.geometries: no countries to draw (the list is empty).",
    ],
  ])("reports %s", async (_name, files, message) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    respond({ "world.json": json(worldText), "dataset.json": json(datasetText), ...files });
    expect(await loadData()).toEqual({ ok: false, error: message });
  });
});
