/** Readers for the curated geometry tables: data/countries.csv and data/topology-overrides.csv. */
import { DataError, type DataIssue, parseCsv } from "../src/data/csv.ts";
import type { CountryRow, OverrideRow } from "./geometry.ts";

const COUNTRIES = "data/countries.csv";
const OVERRIDES = "data/topology-overrides.csv";
const ISO3 = /^[A-Z]{3}$/;

export function readCountries(text: string, file: string = COUNTRIES): CountryRow[] {
  const records = parseCsv(text, file, ["iso3", "iso_numeric", "name", "alt_names", "label_lon", "label_lat", "kind"]);
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const rows: CountryRow[] = [];
  for (const { line, fields } of records) {
    const bad = (field: string, reason: string) => issues.push({ file, line, field, reason });
    const iso3 = fields.iso3 ?? "";
    if (!ISO3.test(iso3)) bad("iso3", `not an ISO 3166-1 alpha-3 code (${iso3})`);
    if (seen.has(iso3)) bad("iso3", `duplicate code ${iso3}`);
    seen.add(iso3);
    const numeric = fields.iso_numeric ?? "";
    if (numeric !== "" && !/^\d{3}$/.test(numeric)) bad("iso_numeric", `not a 3-digit code (${numeric})`);
    if (!fields.name) bad("name", "missing");
    const kind = fields.kind;
    if (kind !== "country" && kind !== "organisation") bad("kind", `must be country or organisation (${kind})`);
    const lon = fields.label_lon ?? "";
    const lat = fields.label_lat ?? "";
    let label: [number, number] | null = null;
    if (lon !== "" || lat !== "") {
      const x = Number(lon);
      const y = Number(lat);
      if (lon === "" || !Number.isFinite(x) || x < -180 || x > 180) bad("label_lon", `not a longitude (${lon})`);
      else if (lat === "" || !Number.isFinite(y) || y < -90 || y > 90) bad("label_lat", `not a latitude (${lat})`);
      else label = [x, y];
    }
    rows.push({
      line,
      iso3,
      isoNumeric: numeric,
      name: fields.name ?? "",
      altNames: (fields.alt_names ?? "").split(";").filter(Boolean),
      label,
      kind: kind === "organisation" ? "organisation" : "country",
    });
  }
  if (issues.length > 0) throw new DataError(issues);
  return rows;
}

export function readOverrides(text: string, file: string = OVERRIDES): OverrideRow[] {
  const records = parseCsv(text, file, ["feature_name", "iso3", "reason"]);
  const issues: DataIssue[] = [];
  const seen = new Map<string, number>();
  const rows = records.map(({ line, fields }) => {
    const featureName = fields.feature_name ?? "";
    const first = seen.get(featureName);
    if (featureName === "") issues.push({ file, line, field: "feature_name", reason: "missing (required)" });
    else if (first !== undefined)
      issues.push({
        file,
        line,
        field: "feature_name",
        reason: `duplicate feature "${featureName}": already on line ${first}`,
      });
    else seen.set(featureName, line);
    if (!ISO3.test(fields.iso3 ?? "")) issues.push({ file, line, field: "iso3", reason: "not an ISO3 code" });
    if (!fields.reason) issues.push({ file, line, field: "reason", reason: "say why" });
    return { line, featureName, iso3: fields.iso3 ?? "" };
  });
  if (issues.length > 0) throw new DataError(issues);
  return rows;
}
