import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { dashes, ringsOf } from "../../../src/map/dash.ts";
import { MARKS } from "../../../src/map/marks.ts";

const DASH_PATTERN = MARKS.uncertain.dash;

import { mercX, mercY } from "../../../src/map/frame.ts";

/** Length of a line in CSS pixels of a Mercator world `worldSize` wide. */
const pixels = (line: Position[], worldSize: number) => {
  let length = 0;
  for (let i = 1; i < line.length; i++) {
    const [ax = 0, ay = 0] = line[i - 1] ?? [];
    const [bx = 0, by = 0] = line[i] ?? [];
    length += Math.hypot(mercX(bx) - mercX(ax), mercY(by) - mercY(ay)) * worldSize;
  }
  return length;
};

describe("dashes", () => {
  // Along the equator, 1° of longitude is worldSize / 360 pixels: at 3600 px, 10 px per degree.
  const world = 3600;
  const equator: Position[][] = [
    [
      [0, 0],
      [3, 0],
      [7, 0],
    ],
  ];

  it("cuts a line into dashes of the pattern's length, running on across vertices", () => {
    const [dash, gap] = DASH_PATTERN;
    const cut = dashes(equator, world);
    // 70 px of line: dashes start every 7 px, so 10 of them.
    expect(cut).toHaveLength(Math.ceil(70 / (dash + gap)));
    for (const line of cut.slice(0, -1)) expect(pixels(line, world)).toBeCloseTo(dash, 6);
    // The second dash starts after one dash and one gap: at 0.7°.
    expect(cut[1]?.[0]?.[0]).toBeCloseTo((dash + gap) / 10, 9);
    // The dash that spans the vertex at 3° keeps it, so it follows the outline's corner.
    const across = cut.find((line) => line.some(([lon]) => lon === 3));
    expect(across?.length).toBe(3);
  });

  it("keeps the dash length on screen at any latitude and zoom (Mercator pixels)", () => {
    const north: Position[][] = [
      [
        [0, 60],
        [0, 70],
      ],
    ];
    for (const worldSize of [512, 4096]) {
      const cut = dashes(north, worldSize);
      expect(cut.length).toBeGreaterThan(3);
      for (const line of cut.slice(0, -1)) expect(pixels(line, worldSize)).toBeCloseTo(DASH_PATTERN[0], 6);
    }
  });

  it("makes dashes longer rather than more than 20,000 of them", () => {
    const long: Position[][] = [
      [
        [-170, 0],
        [170, 0],
      ],
    ];
    const cut = dashes(long, 512 * 2 ** 10);
    expect(cut.length).toBeLessThanOrEqual(20_001);
    expect(cut.length).toBeGreaterThan(19_000);
  });

  it("gives no dashes rather than looping on a pattern or world size that cannot advance", () => {
    expect(dashes(equator, world, [0, 0])).toEqual([]);
    expect(dashes(equator, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(dashes(equator, 0)).toEqual([]);
  });

  it("takes the rings of polygons and multipolygons", () => {
    const ring: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(ringsOf({ type: "Polygon", coordinates: [ring] })).toEqual([ring]);
    expect(ringsOf({ type: "MultiPolygon", coordinates: [[ring], [ring, ring]] })).toEqual([ring, ring, ring]);
  });
});
