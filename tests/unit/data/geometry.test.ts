import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { topology } from "topojson-server";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { buildWorld, cutAtAntimeridian, labelPoint, type OverrideRow } from "../../../data/geometry.ts";
import { readCountries } from "../../../data/tables.ts";
import { DataError, type DataIssue } from "../../../src/data/csv.ts";
import { countryFeatures } from "../../../src/data/topology.ts";

/** Byte budget of the shipped world geometry (public/data/world.json). */
const WORLD_BUDGET = { raw: 230_000, gzip: 80_000 };

const worldText = readFileSync("public/data/world.json", "utf8");
const world = JSON.parse(worldText) as Topology;
const countries = countryFeatures(world);

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

describe("the shipped world geometry (public/data/world.json)", () => {
  it("gives every feature a unique ISO3 code that data/countries.csv knows", () => {
    const known = new Set(readCountries(readFileSync("data/countries.csv", "utf8")).map((c) => c.iso3));
    const codes = countries.features.map((f) => f.properties.iso3);
    expect(codes.every((code) => /^[A-Z]{3}$/.test(code) && known.has(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["XKX", "SGP", "BHR", "COK", "QAT", "FJI", "RUS", "USA", "CHN"]));
    expect(codes.length).toBeGreaterThan(230);
  });

  it("has no ring crossing the antimeridian: every longitude in [-180, 180], no edge longer than 180°", () => {
    let longest = 0;
    for (const feature of countries.features) {
      for (const ring of rings(feature.geometry)) {
        for (let i = 1; i < ring.length; i++) {
          const [x0 = 0, y0 = 0] = ring[i - 1] ?? [];
          const [x1 = 0, y1 = 0] = ring[i] ?? [];
          expect(Math.abs(x1)).toBeLessThanOrEqual(180);
          // Antarctica's ring closes along the map's bottom frame (the pole): a straight edge, not a band.
          const alongPole = Math.abs(y0) > 89.9 && Math.abs(y1) > 89.9;
          if (!alongPole) longest = Math.max(longest, Math.abs(x1 - x0));
        }
      }
    }
    expect(longest).toBeLessThan(180);
  });

  it("draws Fiji and Russia on both sides of the antimeridian without joining them", () => {
    for (const code of ["FJI", "RUS"]) {
      const feature = countries.features.find((f) => f.properties.iso3 === code);
      const xs = rings(feature?.geometry ?? { type: "MultiPolygon", coordinates: [] }).flatMap((r) =>
        r.map((p) => p[0] ?? 0),
      );
      expect(Math.min(...xs)).toBeLessThan(-170);
      expect(Math.max(...xs)).toBeGreaterThan(170);
    }
  });

  it(`stays under its byte budget (${WORLD_BUDGET.raw} B raw, ${WORLD_BUDGET.gzip} B gzip)`, () => {
    expect(Buffer.byteLength(worldText)).toBeLessThanOrEqual(WORLD_BUDGET.raw);
    expect(gzipSync(worldText, { level: 9 }).length).toBeLessThanOrEqual(WORLD_BUDGET.gzip);
  });

  it("keeps only ids: no names or other properties ride along", () => {
    const geometries = (world.objects.countries as GeometryCollection).geometries;
    expect(geometries.every((g) => !("properties" in g))).toBe(true);
  });
});

describe("cutAtAntimeridian", () => {
  it("splits a polygon that crosses 180° into two that touch it from each side", () => {
    const crossing: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [178, -16],
          [-178, -16],
          [-178, -18],
          [178, -18],
          [178, -16],
        ],
      ],
    };
    const cut = cutAtAntimeridian(crossing);
    expect(cut.coordinates).toHaveLength(2);
    const spans = cut.coordinates.map((polygon) => {
      const xs = (polygon[0] ?? []).map((p) => p[0] ?? 0);
      return [Math.min(...xs), Math.max(...xs)];
    });
    expect(spans).toEqual(
      expect.arrayContaining([
        [178, 180],
        [-180, -178],
      ]),
    );
  });

  it("winds exterior rings counter-clockwise (RFC 7946)", () => {
    const cut = cutAtAntimeridian({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
      ],
    });
    const ring = cut.coordinates[0]?.[0] ?? [];
    let area = 0;
    for (let i = 1; i < ring.length; i++) {
      const [x0 = 0, y0 = 0] = ring[i - 1] ?? [];
      const [x1 = 0, y1 = 0] = ring[i] ?? [];
      area += x0 * y1 - x1 * y0;
    }
    expect(area).toBeGreaterThan(0);
  });
});

describe("buildWorld", () => {
  const countryRows = readCountries(
    [
      "iso3,iso_numeric,name,alt_names,label_lon,label_lat,kind",
      "AAA,001,Alpha,,,,country",
      "XKX,,Kosovo,,,,country",
      "TUV,798,Tuvalu,,179.2,-8.52,country",
      "EUU,,European Union,,,,organisation",
    ].join("\n"),
  );
  const square = (x: number, y: number, size: number): Polygon => ({
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  });
  const source = topology({
    countries: {
      type: "FeatureCollection",
      features: [
        { type: "Feature", id: "001", properties: { name: "Alpha" }, geometry: square(0, 0, 10) },
        { type: "Feature", properties: { name: "Kosovo" }, geometry: square(20, 42, 0.5) },
      ],
    },
  });

  it("codes features by ISO numeric or by override, and marks small and shapeless places", () => {
    const { topology: out, places } = buildWorld(source, countryRows, [
      { line: 2, featureName: "Kosovo", iso3: "XKX" },
    ]);
    const codes = (out.objects.countries as GeometryCollection).geometries.map((g) => g.id);
    expect(codes).toEqual(["AAA", "XKX"]);
    expect(places.map((p) => [p.iso3, p.marker])).toEqual([
      ["AAA", false],
      ["XKX", true],
      ["TUV", true],
    ]);
    expect(places.find((p) => p.iso3 === "TUV")?.label).toEqual([179.2, -8.52]);
  });

  const issuesOf = (overrides: OverrideRow[]): DataIssue[] => {
    try {
      buildWorld(source, countryRows, overrides);
    } catch (error) {
      if (error instanceof DataError) return [...error.issues];
      throw error;
    }
    return [];
  };

  it("refuses a feature it cannot code, naming it and the line where its row belongs (never line 0)", () => {
    expect(() => buildWorld(source, countryRows, [])).toThrow(/"Kosovo".*no ISO3 code/);
    const issues = issuesOf([{ line: 2, featureName: "Somewhere else", iso3: "AAA" }]);
    expect(issues).toEqual([
      {
        file: "data/topology-overrides.csv",
        line: 3,
        field: "feature_name",
        reason: expect.stringContaining('"Kosovo"'),
      },
    ]);
  });

  it("names the override row whose code is not in countries.csv", () => {
    expect(issuesOf([{ line: 5, featureName: "Kosovo", iso3: "KOS" }])).toEqual([
      {
        file: "data/topology-overrides.csv",
        line: 5,
        field: "iso3",
        reason: '"KOS" (for world-atlas feature "Kosovo") is not a code in data/countries.csv',
      },
    ]);
  });
});

describe("labelPoint", () => {
  it("lands on the mainland for France and Norway, not on overseas islands", () => {
    const places = JSON.parse(readFileSync("public/data/dataset.json", "utf8")).places as {
      iso3: string;
      label: [number, number];
    }[];
    const label = (code: string) => places.find((p) => p.iso3 === code)?.label ?? [0, 0];
    const [frLon, frLat] = label("FRA");
    expect(frLon).toBeGreaterThan(-5);
    expect(frLon).toBeLessThan(8);
    expect(frLat).toBeGreaterThan(42);
    expect(frLat).toBeLessThan(51);
    const [noLon, noLat] = label("NOR");
    expect(noLon).toBeGreaterThan(4);
    expect(noLon).toBeLessThan(31);
    expect(noLat).toBeGreaterThan(58);
    expect(noLat).toBeLessThan(71);
    const [usLon, usLat] = label("USA");
    expect(usLon).toBeGreaterThan(-125);
    expect(usLon).toBeLessThan(-67);
    expect(usLat).toBeGreaterThan(25);
    expect(usLat).toBeLessThan(49);
  });

  it("picks the largest polygon", () => {
    const point = labelPoint({
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [20, 10],
            [20, 20],
            [10, 20],
            [10, 10],
          ],
        ],
      ],
    });
    expect(point).toEqual([15, 15]);
  });
});
