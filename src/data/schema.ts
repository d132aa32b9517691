/**
 * The check the app runs on the dataset.json it fetches: structural, reporting every problem (up to a
 * limit) in one DataError. The build-time CSV readers live in data/readers.ts.
 */
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
import type { Dataset } from "../types.ts";
import { DataError, type DataIssue } from "./csv.ts";
import { isValidDate } from "./dates.ts";

const ISO3 = /^[A-Z]{3}$/;
// ─── dataset.json: the structural check the app runs on what it fetches ──────────────────────────

type Shape = (value: unknown, path: string, issues: DataIssue[]) => void;

const JSON_FILE = "dataset.json";
const MAX_JSON_ISSUES = 20;

function fail(issues: DataIssue[], path: string, reason: string): void {
  if (issues.length < MAX_JSON_ISSUES) issues.push({ file: JSON_FILE, line: 1, field: path || "(root)", reason });
}

const is =
  (test: (v: unknown) => boolean, expected: string): Shape =>
  (v, path, issues) => {
    if (!test(v)) fail(issues, path, `expected ${expected}, found ${v === null ? "null" : typeof v}`);
  };

const str = is((v) => typeof v === "string", "a string");
const num = is((v) => typeof v === "number" && Number.isFinite(v), "a number");
const bool = is((v) => typeof v === "boolean", "a boolean");
const date = is((v) => typeof v === "string" && isValidDate(v), "a YYYY-MM-DD date");
const oneOf = (values: readonly (string | number)[]): Shape =>
  is((v) => values.includes(v as string), `one of ${values.join(", ")}`);
const nullable =
  (shape: Shape): Shape =>
  (v, path, issues) => {
    if (v !== null) shape(v, path, issues);
  };
const arrayOf =
  (item: Shape): Shape =>
  (v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, "expected a list");
    v.forEach((x, i) => {
      item(x, `${path}[${i}]`, issues);
    });
  };
const object =
  (fields: Record<string, Shape>): Shape =>
  (v, path, issues) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return fail(issues, path, "expected an object");
    for (const [key, shape] of Object.entries(fields)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in v)) fail(issues, child, "missing");
      else shape((v as Record<string, unknown>)[key], child, issues);
    }
  };
const strings = arrayOf(str);
const iso3 = is((v) => typeof v === "string" && ISO3.test(v), "an ISO3 code");

const MINERAL_VALUE = object({ value: nullable(num), flag: nullable(oneOf(VALUE_FLAGS)), isEstimate: bool });

const DATASET: Shape = object({
  version: oneOf([1]),
  asOf: date,
  places: arrayOf(object({ iso3, name: str, altNames: strings, label: arrayOf(num), marker: bool })),
  organisations: arrayOf(object({ iso3, name: str })),
  sources: arrayOf(
    object({
      id: str,
      publisher: str,
      title: str,
      date: nullable(str),
      url: str,
      isMirror: bool,
      original: str,
      licence: str,
      retrieved: date,
    }),
  ),
  agreements: arrayOf(
    object({
      id: str,
      iso3,
      country: str,
      instrument: str,
      type: nullable(oneOf(AGREEMENT_TYPES)),
      kind: oneOf(AGREEMENT_KINDS),
      date: nullable(date),
      dateNote: str,
      cohort: oneOf(COHORTS),
      stateCount: oneOf(STATE_COUNTS),
      confidence: oneOf(CONFIDENCES),
      notes: str,
      sources: strings,
    }),
  ),
  memberships: arrayOf(
    object({
      iso3,
      country: str,
      forum: oneOf(FORUMS),
      role: oneOf(ROLES),
      since: nullable(date),
      notBefore: nullable(date),
      knownBy: nullable(date),
      until: nullable(date),
      basis: oneOf(BASES),
      confidence: oneOf(CONFIDENCES),
      notes: str,
      sources: strings,
    }),
  ),
  tallies: arrayOf(object({ id: str, value: num, label: str, asOf: date, sources: strings })),
  leftOut: arrayOf(
    object({
      id: str,
      iso3,
      country: str,
      instrument: str,
      reportedDate: nullable(date),
      reason: str,
      sources: strings,
    }),
  ),
  minerals: arrayOf(object({ slug: str, name: str, group: str, stages: arrayOf(oneOf(STAGES)), note: str })),
  mineralTables: arrayOf(
    object({
      mineral: str,
      stage: oneOf(STAGES),
      year: num,
      source: str,
      unit: str,
      world: MINERAL_VALUE,
      other: nullable(MINERAL_VALUE),
      rows: arrayOf(
        object({
          iso3,
          value: nullable(num),
          flag: nullable(oneOf(VALUE_FLAGS)),
          share: nullable(num),
          isEstimate: bool,
        }),
      ),
      top: nullable(object({ iso3, share: num, tiedWith: arrayOf(iso3) })),
      top3Share: nullable(num),
      hhi: nullable(num),
      shareSum: nullable(num),
      sumNote: nullable(str),
    }),
  ),
});

/**
 * Checks the shape of a fetched dataset.json (types, vocabularies, dates) and returns it typed, or
 * throws a DataError naming the first problems by JSON path ("agreements[3].date: expected …").
 */
export function parseDataset(json: unknown): Dataset {
  const issues: DataIssue[] = [];
  DATASET(json, "", issues);
  if (issues.length > 0) throw new DataError(issues);
  return json as Dataset;
}
