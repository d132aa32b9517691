import { describe, expect, it } from "vitest";
import { arcsFor, greatCircle, splitAtAntimeridian, WASHINGTON } from "../../../src/model/arcs.ts";
import { pactStatus } from "../../../src/model/status.ts";
import { AGREEMENTS, PLACES } from "../../fixtures/tiny.ts";

const places = new Map(PLACES.map((p) => [p.iso3, p]));

function longestJump(path: [number, number][]): number {
  return Math.max(0, ...path.slice(1).map((p, i) => Math.abs(p[0] - (path[i]?.[0] ?? 0))));
}

describe("greatCircle", () => {
  it("starts and ends at the endpoints and bends towards the pole", () => {
    const line = greatCircle(WASHINGTON, [-1.6, 52.8]);
    expect(line[0]).toEqual(WASHINGTON);
    expect(line.at(-1)?.[0]).toBeCloseTo(-1.6, 6);
    expect(line.at(-1)?.[1]).toBeCloseTo(52.8, 6);
    expect(Math.max(...line.map((p) => p[1]))).toBeGreaterThan(52.8);
  });
});

describe("splitAtAntimeridian", () => {
  it("leaves a line that stays on one side whole", () => {
    expect(
      splitAtAntimeridian([
        [0, 0],
        [10, 5],
      ]),
    ).toEqual([
      [
        [0, 0],
        [10, 5],
      ],
    ]);
  });

  it("cuts a line crossing ±180° into two that meet the edge at the same latitude", () => {
    const parts = splitAtAntimeridian([
      [170, 0],
      [-170, 10],
    ]);
    expect(parts).toEqual([
      [
        [170, 0],
        [180, 5],
      ],
      [
        [-180, 5],
        [-170, 10],
      ],
    ]);
  });
});

describe("arcsFor", () => {
  const arcs = arcsFor(AGREEMENTS, places, pactStatus, "2026-12-31");

  it("draws one arc per dated pact, none for related deals or undated records", () => {
    expect(arcs.map((a) => a.id).sort()).toEqual(
      ["arg-2026-02-04", "aus-2025-10-20", "cok-2026-02-04", "gbr-2026-02-04", "ind-2026-05-26"].sort(),
    );
  });

  it("colours arcs by cohort and shows them from their signing date", () => {
    expect(arcs.find((a) => a.iso3 === "ARG")?.status).toBe("ministerial");
    expect(arcs.find((a) => a.iso3 === "IND")?.status).toBe("after");
    expect(arcsFor(AGREEMENTS, places, pactStatus, "2026-02-03").map((a) => a.iso3)).toEqual(["AUS"]);
  });

  it("never jumps across the map: the Pacific arcs are cut at the antimeridian", () => {
    for (const arc of arcs) for (const path of arc.paths) expect(longestJump(path)).toBeLessThan(20);
    const australia = arcs.find((a) => a.iso3 === "AUS");
    expect(australia?.paths).toHaveLength(2);
    const cook = arcs.find((a) => a.iso3 === "COK");
    expect(cook?.paths).toHaveLength(1);
  });

  it("ends on the partner's label point (the mainland), not its centroid", () => {
    const uk = arcs.find((a) => a.iso3 === "GBR");
    const end = uk?.paths.at(-1)?.at(-1);
    expect(end?.[0]).toBeCloseTo(-1.6, 6);
    expect(end?.[1]).toBeCloseTo(52.8, 6);
  });
});
