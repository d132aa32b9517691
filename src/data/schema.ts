/**
 * The check the app runs on the files it fetches: dataset.json (shape, vocabularies, dates, then
 * cross-references), minerals.json (the mineral tables, checked against that dataset) and
 * world.json (a topology the map can draw). Every problem (up to a limit) is reported in one
 * DataError. The build-time CSV readers live in data/readers.ts.
 */
import type { GeometryCollection, Topology } from "topojson-specification";
import {
  AGREEMENT_KINDS,
  AGREEMENT_TYPES,
  BASES,
  COHORTS,
  CONFIDENCES,
  FORUMS,
  ROLES,
  STAGES,
  STATE_COUNTS,
  VALUE_FLAGS,
} from "../config.ts";
import type {
  Agreement,
  CoreDataset,
  Dataset,
  LeftOut,
  Membership,
  MineralInfo,
  MineralRow,
  MineralTable,
  MineralTablesFile,
  MineralValue,
  Organisation,
  Place,
  Source,
  Tally,
} from "../types.ts";
import { DataError, type DataIssue } from "./csv.ts";
import { isValidDate } from "./dates.ts";

const ISO3 = /^[A-Z]{3}$/;
// ─── dataset.json: the structural check the app runs on what it fetches ──────────────────────────

/**
 * A check of an unknown value that, once passed, lets it be read as T. The phantom `type` makes
 * Shape invariant in T, so `DATASET: Shape<Dataset>` fails to compile when src/types.ts and this
 * description drift apart (a field missing, added or typed differently on either side).
 */
interface Shape<T> {
  check(value: unknown, at: JsonPath, issues: DataIssue[]): void;
  readonly type?: (value: T) => T;
}

/**
 * Where a check is in the file: keys and list indexes from the root, written out ("a.b[2].c") only
 * for a problem, since a file that passes (every file the build wrote) should cost no strings.
 */
type JsonPath = (string | number)[];

function pathText(at: JsonPath): string {
  let text = "";
  for (const step of at) text += typeof step === "number" ? `[${step}]` : text ? `.${step}` : step;
  return text || "(root)";
}

const JSON_FILE = "dataset.json";
const MAX_JSON_ISSUES = 20;

function fail(issues: DataIssue[], path: string, reason: string, file = JSON_FILE): void {
  if (issues.length < MAX_JSON_ISSUES) issues.push({ file, line: 1, field: path || "(root)", reason });
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
}

const is = <T>(test: (v: unknown) => boolean, expected: string): Shape<T> => ({
  check: (v, at, issues) => {
    if (!test(v)) fail(issues, pathText(at), `expected ${expected}, found ${describe(v)}`);
  },
});

const str = is<string>((v) => typeof v === "string", "a string");
const num = is<number>((v) => typeof v === "number" && Number.isFinite(v), "a number");
const bool = is<boolean>((v) => typeof v === "boolean", "a boolean");
const date = is<string>((v) => typeof v === "string" && isValidDate(v), "a YYYY-MM-DD date");
/** A link readers may follow: http(s) only, never javascript:, data: or a relative path. */
const webUrl = is<string>((v) => typeof v === "string" && isWebUrl(v), "an http(s) URL");
const oneOf = <T extends string | number>(values: readonly T[]): Shape<T> =>
  is<T>((v) => values.includes(v as T), `one of ${values.join(", ")}`);
const nullable = <T>(shape: Shape<T>): Shape<T | null> => ({
  check: (v, at, issues) => {
    if (v !== null) shape.check(v, at, issues);
  },
});
const arrayOf = <T>(item: Shape<T>, options: { nonEmpty?: boolean } = {}): Shape<T[]> => ({
  check: (v, at, issues) => {
    if (!Array.isArray(v)) return fail(issues, pathText(at), `expected a list, found ${describe(v)}`);
    if (options.nonEmpty && v.length === 0) return fail(issues, pathText(at), "expected a non-empty list, found []");
    for (let i = 0; i < v.length; i++) {
      at.push(i);
      item.check(v[i], at, issues);
      at.pop();
    }
  },
});
/** Every field of T, each with its own shape; the mapped type makes the compiler demand all of them. */
const object = <T>(fields: { [K in keyof T]-?: Shape<T[K]> }): Shape<T> => {
  const entries = Object.entries(fields) as [string, Shape<unknown>][];
  return {
    check: (v, at, issues) => {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        return fail(issues, pathText(at), `expected an object, found ${describe(v)}`);
      for (const [key, shape] of entries) {
        at.push(key);
        if (!(key in v)) fail(issues, pathText(at), "missing");
        else shape.check((v as Record<string, unknown>)[key], at, issues);
        at.pop();
      }
    },
  };
};
const lonLat: Shape<[number, number]> = is(
  (v) =>
    Array.isArray(v) &&
    v.length === 2 &&
    typeof v[0] === "number" &&
    typeof v[1] === "number" &&
    Math.abs(v[0]) <= 180 &&
    Math.abs(v[1]) <= 90,
  "a [longitude, latitude] pair",
);
const text = is<string>((v) => typeof v === "string" && v.trim() !== "", "a non-empty string");
/** Source ids a record cites: at least one. */
const sourceIds = arrayOf(str, { nonEmpty: true });
const strings = arrayOf(str);
const iso3 = is<string>((v) => typeof v === "string" && ISO3.test(v), "an ISO3 code");

export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const MINERAL_VALUE = object<MineralValue>({
  value: nullable(num),
  flag: nullable(oneOf(VALUE_FLAGS)),
  isEstimate: bool,
});

const DATASET = object<CoreDataset>({
  version: oneOf([1] as const),
  asOf: date,
  places: arrayOf(object<Place>({ iso3, name: text, altNames: strings, label: lonLat, marker: bool }), {
    nonEmpty: true,
  }),
  organisations: arrayOf(object<Organisation>({ iso3, name: text })),
  sources: arrayOf(
    object<Source>({
      id: str,
      publisher: str,
      title: str,
      date: nullable(str),
      url: webUrl,
      isMirror: bool,
      original: str,
      licence: str,
      retrieved: date,
    }),
    { nonEmpty: true },
  ),
  agreements: arrayOf(
    object<Agreement>({
      id: str,
      iso3,
      country: text,
      instrument: text,
      type: nullable(oneOf(AGREEMENT_TYPES)),
      kind: oneOf(AGREEMENT_KINDS),
      date: nullable(date),
      dateNote: str,
      cohort: oneOf(COHORTS),
      stateCount: oneOf(STATE_COUNTS),
      confidence: oneOf(CONFIDENCES),
      notes: str,
      sources: sourceIds,
    }),
  ),
  memberships: arrayOf(
    object<Membership>({
      iso3,
      country: text,
      forum: oneOf(FORUMS),
      role: oneOf(ROLES),
      since: nullable(date),
      notBefore: nullable(date),
      knownBy: nullable(date),
      until: nullable(date),
      basis: oneOf(BASES),
      confidence: oneOf(CONFIDENCES),
      notes: str,
      sources: sourceIds,
    }),
  ),
  tallies: arrayOf(object<Tally>({ id: str, value: num, label: text, asOf: date, sources: sourceIds })),
  leftOut: arrayOf(
    object<LeftOut>({
      id: str,
      iso3,
      country: text,
      instrument: text,
      reportedDate: nullable(date),
      reason: text,
      sources: sourceIds,
    }),
  ),
  minerals: arrayOf(
    object<MineralInfo>({ slug: str, name: text, group: str, stages: arrayOf(oneOf(STAGES)), note: str }),
  ),
});

/** minerals.json: the mineral tables, apart from dataset.json (only the minerals view and the sources panel need them). */
const MINERAL_TABLES = object<MineralTablesFile>({
  version: oneOf([1] as const),
  mineralTables: arrayOf(
    object<MineralTable>({
      mineral: str,
      stage: oneOf(STAGES),
      year: num,
      source: str,
      unit: str,
      world: MINERAL_VALUE,
      other: nullable(MINERAL_VALUE),
      rows: arrayOf(
        object<MineralRow>({
          iso3,
          value: nullable(num),
          flag: nullable(oneOf(VALUE_FLAGS)),
          share: nullable(num),
          isEstimate: bool,
        }),
      ),
      top: nullable(object<NonNullable<MineralTable["top"]>>({ iso3, share: num, tiedWith: arrayOf(iso3) })),
      top3Share: nullable(num),
      hhi: nullable(num),
      shareSum: nullable(num),
      sumNote: nullable(str),
    }),
  ),
});

/**
 * What the shape cannot see: every code, source id and mineral a record names must exist in the
 * dataset, or the app would draw a point at NaN or cite a source it cannot show.
 */
function checkReferences(d: CoreDataset, issues: DataIssue[]): void {
  const places = new Set(d.places.map((p) => p.iso3));
  const named = new Set([...places, ...d.organisations.map((o) => o.iso3)]);
  const sources = new Set(d.sources.map((s) => s.id));
  const unique = (ids: readonly string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(issues, `${path}[${i}]`, `${what} "${id}" is listed twice`);
      seen.add(id);
    });
  };
  unique(
    d.places.map((p) => p.iso3),
    "places",
    "place",
  );
  unique(
    d.sources.map((s) => s.id),
    "sources",
    "source id",
  );
  unique(
    d.minerals.map((m) => m.slug),
    "minerals",
    "mineral",
  );
  const code = (value: string, path: string, known: ReadonlySet<string>) => {
    if (!known.has(value)) fail(issues, path, `unknown country code "${value}" (not among the dataset's places)`);
  };
  const cites = (ids: readonly string[], path: string) => {
    ids.forEach((id, i) => {
      if (!sources.has(id))
        fail(issues, `${path}[${i}]`, `unknown source id "${id}" (not among the dataset's sources)`);
    });
  };
  d.agreements.forEach((a, i) => {
    code(a.iso3, `agreements[${i}].iso3`, named);
    cites(a.sources, `agreements[${i}].sources`);
  });
  d.memberships.forEach((m, i) => {
    code(m.iso3, `memberships[${i}].iso3`, named);
    cites(m.sources, `memberships[${i}].sources`);
  });
  d.tallies.forEach((t, i) => {
    cites(t.sources, `tallies[${i}].sources`);
  });
  d.leftOut.forEach((l, i) => {
    code(l.iso3, `leftOut[${i}].iso3`, named);
    cites(l.sources, `leftOut[${i}].sources`);
  });
}

/**
 * Checks a fetched dataset.json (types, vocabularies, dates, then references between records) and
 * returns it typed, or throws a DataError naming the first problems by JSON path
 * ("agreements[3].date: expected …").
 */
export function parseDataset(json: unknown): CoreDataset {
  const issues: DataIssue[] = [];
  DATASET.check(json, [], issues);
  if (issues.length > 0) throw new DataError(issues);
  const dataset = json as CoreDataset; // every field checked above, and the compiler checked DATASET against CoreDataset
  checkReferences(dataset, issues);
  if (issues.length > 0) throw new DataError(issues);
  return dataset;
}

const TABLES_FILE = "minerals.json";

/**
 * Checks a fetched minerals.json against the dataset it belongs to (every table's mineral in the
 * catalogue, its source among the dataset's sources, its countries among the places) and returns
 * the tables, or throws a DataError naming minerals.json and the JSON path of the first problems.
 */
export function parseMineralTables(json: unknown, dataset: CoreDataset): MineralTable[] {
  const issues: DataIssue[] = [];
  MINERAL_TABLES.check(json, [], issues);
  const inFile = () => issues.map((issue) => ({ ...issue, file: TABLES_FILE }));
  if (issues.length > 0) throw new DataError(inFile());
  const tables = (json as MineralTablesFile).mineralTables;
  const places = new Set(dataset.places.map((p) => p.iso3));
  const sources = new Set(dataset.sources.map((s) => s.id));
  const minerals = new Set(dataset.minerals.map((m) => m.slug));
  const bad = (path: string, reason: string) => fail(issues, path, reason, TABLES_FILE);
  const code = (value: string, path: string) => {
    if (!places.has(value)) bad(path, `unknown country code "${value}" (not among the dataset's places)`);
  };
  tables.forEach((t, i) => {
    const path = `mineralTables[${i}]`;
    if (!minerals.has(t.mineral))
      bad(`${path}.mineral`, `unknown mineral "${t.mineral}" (not among the dataset's minerals)`);
    if (!sources.has(t.source))
      bad(`${path}.source`, `unknown source id "${t.source}" (not among the dataset's sources)`);
    t.rows.forEach((r, j) => {
      code(r.iso3, `${path}.rows[${j}].iso3`);
    });
    if (t.top) {
      code(t.top.iso3, `${path}.top.iso3`);
      t.top.tiedWith.forEach((c, j) => {
        code(c, `${path}.top.tiedWith[${j}]`);
      });
    }
  });
  if (issues.length > 0) throw new DataError(issues);
  return tables;
}

/** The dataset with its mineral tables: what the minerals view and the sources panel read. */
export function withMineralTables(dataset: CoreDataset, mineralTables: MineralTable[]): Dataset {
  return { ...dataset, mineralTables };
}

// ─── world.json: a topology the map can draw ─────────────────────────────────────────────────────

const WORLD_FILE = "world.json";

/** A nested list of arc indexes (rings of a Polygon, polygons of a MultiPolygon), each within `arcCount`. */
function arcIndexes(value: unknown, depth: number, arcCount: number): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  if (depth === 0) return value.every((i) => Number.isInteger(i) && (i >= 0 ? i < arcCount : ~i < arcCount));
  return value.every((v) => arcIndexes(v, depth - 1, arcCount));
}

/**
 * Checks a fetched world.json: a topology whose `countries` collection holds at least one polygon,
 * every polygon built from arcs that exist and coded with a place of the dataset. Returns it typed,
 * or throws a DataError (readers then see a sentence, not "Cannot read properties of undefined").
 */
export function parseWorld(json: unknown, dataset: CoreDataset): Topology {
  const issues: DataIssue[] = [];
  const bad = (path: string, reason: string) => fail(issues, path, reason, WORLD_FILE);
  const topo = json as { type?: unknown; arcs?: unknown; objects?: { countries?: unknown }; transform?: unknown };
  if (typeof json !== "object" || json === null || topo.type !== "Topology") {
    bad("type", "not a TopoJSON topology");
    throw new DataError(issues);
  }
  const arcs = topo.arcs;
  if (!arcsOfPositions(arcs)) bad("arcs", "expected a list of arcs, each a list of [x, y] positions");
  const transform = topo.transform as { scale?: unknown; translate?: unknown } | undefined;
  if (transform !== undefined && (!lonLatLike(transform.scale) || !lonLatLike(transform.translate)))
    bad("transform", "expected scale and translate pairs");
  const collection = topo.objects?.countries as GeometryCollection | undefined;
  if (!collection || collection.type !== "GeometryCollection" || !Array.isArray(collection.geometries)) {
    bad("objects.countries", "expected a GeometryCollection of countries");
  } else if (collection.geometries.length === 0) {
    bad("objects.countries.geometries", "no countries to draw (the list is empty)");
  } else if (issues.length === 0) {
    const places = new Set(dataset.places.map((p) => p.iso3));
    const arcCount = (arcs as unknown[]).length;
    collection.geometries.forEach((g, i) => {
      const path = `objects.countries.geometries[${i}]`;
      const geometry = g as { type?: unknown; id?: unknown; arcs?: unknown };
      if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")
        bad(`${path}.type`, "expected a Polygon or MultiPolygon");
      else if (!arcIndexes(geometry.arcs, geometry.type === "Polygon" ? 1 : 2, arcCount))
        bad(`${path}.arcs`, `expected rings of arc indexes below ${arcCount}`);
      if (typeof geometry.id !== "string" || !places.has(geometry.id))
        bad(`${path}.id`, `unknown country code "${String(geometry.id)}" (not among the dataset's places)`);
    });
  }
  if (issues.length > 0) throw new DataError(issues);
  return json as Topology;
}

/** A list of arcs, each a list of positions of at least two finite numbers (loops: this reads every point of the world). */
function arcsOfPositions(arcs: unknown): boolean {
  if (!Array.isArray(arcs)) return false;
  for (let a = 0; a < arcs.length; a++) {
    const arc: unknown = arcs[a];
    if (!Array.isArray(arc)) return false;
    for (let k = 0; k < arc.length; k++) {
      const p: unknown = arc[k];
      if (!Array.isArray(p) || p.length < 2) return false;
      for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i])) return false;
    }
  }
  return true;
}

function lonLatLike(v: unknown): boolean {
  return Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === "number" && Number.isFinite(n));
}
