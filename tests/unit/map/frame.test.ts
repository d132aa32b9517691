import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countryFeatures, withD3Winding } from "../../../src/data/topology.ts";
import {
  keptPoints,
  posterDrawing,
  posterPaths,
  simplifyTolerance,
  tenths,
  worldFrame,
} from "../../../src/map/frame.ts";
import { projectedDrawing } from "../../../src/map/projected.ts";
import { mapViewBuilder } from "../../../src/present/map.ts";
import { finish } from "../../../src/slices.ts";
import { dataset, mapInputsFor, sceneFor } from "../present/fixture.ts";
import { posterProjection } from "./mercator.ts";

describe("worldFrame (MapLibre's fitBounds camera, computed without MapLibre)", () => {
  it("shows the whole world's width on a narrow phone map (MapLibre zooms below 0)", () => {
    const frame = worldFrame(390, 343);
    expect(frame.worldSize).toBeCloseTo(390, 6);
    expect(frame.centerX).toBeCloseTo(195, 6);
  });

  it("zooms in until the world covers a tall map, with no edge of the world in view", () => {
    const frame = worldFrame(390, 700);
    expect(frame.worldSize).toBeCloseTo(700, 6);
    expect(frame.centerY).toBeCloseTo(350, 6);
  });

  it("fills a wide map's width with the world, since no copies may show beside it", () => {
    expect(worldFrame(1280, 560).worldSize).toBeCloseTo(1280, 6);
    const project = posterProjection(1280, 560);
    expect(project([-180, 0])?.[0]).toBeCloseTo(0, 6);
    expect(project([179.999999, 0])?.[0]).toBeCloseTo(1280, 3);
  });
});

describe("the poster's country paths", () => {
  // A box along the 49th parallel and two meridians, as the US–Canada border runs.
  const box = {
    type: "FeatureCollection" as const,
    features: [
      {
        type: "Feature" as const,
        properties: { iso3: "BOX" },
        geometry: {
          type: "Polygon" as const,
          coordinates: [
            [
              [-120, 40],
              [-120, 49],
              [-95, 49],
              [-95, 40],
              [-120, 40],
            ],
          ],
        },
      },
    ],
  };

  it("draw each edge straight in Mercator, as MapLibre does (no great-circle bend), to a tenth of a pixel", () => {
    const d = projectedDrawing(box, posterProjection(1280, 800)).outlines.get("BOX") ?? "";
    const numbers = d.match(/-?\d+(\.\d+)?/g) ?? [];
    // Four corners, each an x and a y: no points added along the edges.
    expect(numbers).toHaveLength(8);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    const project = posterProjection(1280, 800);
    const [x, y] = project([-95, 49]) ?? [0, 0];
    expect(d).toContain(`${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`);
  });
});

describe("posterPaths (the poster's outlines from the topology, without d3-geo or GeoJSON)", () => {
  const world = JSON.parse(readFileSync(new URL("../../../public/data/world.json", import.meta.url), "utf8"));
  const countries = withD3Winding(countryFeatures(world));
  const outlinesJob = posterPaths(world);
  const outlines = (width: number, height: number) => finish(outlinesJob(width, height));

  it.each([
    [1280, 800, 0.75],
    [640, 480, 0.5],
    [390, 500, 0.45],
  ])("draws every country inside the box at %i×%i as d3-geo does, leaving out only points within the tolerance (at most %d of them kept)", (width, height, share) => {
    const d3 = projectedDrawing(countries, posterProjection(width, height)).outlines;
    const ours = outlines(width, height);
    expect([...ours.keys()].sort()).toEqual([...d3.keys()].sort());
    // Where all of a country lies inside the box, d3-geo's clipping has nothing to do.
    const inside = [...ours].filter(([, d]) => {
      const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      return n.length > 0 && n.every((v, i) => v > 0 && v < (i % 2 === 0 ? width : height));
    });
    expect(inside.length).toBeGreaterThan(190);
    let keptPoints = 0;
    let allPoints = 0;
    for (const [iso3, d] of inside) {
      const theirs = rings(d3.get(iso3) ?? "");
      // A ring left with under 4 points repeats its first (as topojson-client pads it): drawn as nothing more.
      const mine = rings(d).map((ring) => ring.filter((p, k) => k === 0 || p.join() !== ring[k - 1]?.join()));
      expect(mine.length, iso3).toBe(theirs.length);
      for (const [r, ring] of theirs.entries()) {
        const kept = mine[r] ?? [];
        expect(isSubsequence(kept, ring), `${iso3} ring ${r}: its points are d3-geo's, in order`).toBe(true);
        // A point left out lies within the tolerance of the outline drawn (each end rounded to 0.05 px).
        for (const point of ring)
          expect(distanceToRing(point, kept), iso3).toBeLessThanOrEqual(simplifyTolerance(1) + 0.1);
        keptPoints += kept.length;
        allPoints += ring.length;
      }
    }
    expect(keptPoints / allPoints).toBeLessThan(share);
  });

  it("draws the same at a size after drawing other sizes (its decoded arcs are kept, the written points are not)", () => {
    const fresh = finish(posterPaths(world)(640, 480));
    outlines(1280, 800);
    expect(outlines(640, 480)).toEqual(fresh);
    expect(fresh.size).toBe(countries.features.length);
  });
});

type Point = [number, number];

/** An SVG path of straight lines ("M…L…Z" rings) as its rings' points. */
function rings(d: string): Point[][] {
  return d
    .split("Z")
    .filter(Boolean)
    .map((ring) =>
      ring
        .slice(1)
        .split("L")
        .map((pair) => pair.split(",").map(Number) as Point),
    );
}

function isSubsequence(part: readonly Point[], whole: readonly Point[]): boolean {
  let i = 0;
  for (const point of whole) if (i < part.length && point[0] === part[i]?.[0] && point[1] === part[i]?.[1]) i += 1;
  return i === part.length;
}

/** How far a point lies from a closed ring's outline. */
function distanceToRing([px, py]: Point, ring: readonly Point[]): number {
  let nearest = Number.POSITIVE_INFINITY;
  for (const [k, [ax, ay]] of ring.entries()) {
    const [bx, by] = ring[(k + 1) % ring.length] as Point;
    const vx = bx - ax;
    const vy = by - ay;
    const length2 = vx * vx + vy * vy;
    const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / length2));
    nearest = Math.min(nearest, Math.hypot(ax + t * vx - px, ay + t * vy - py));
  }
  return nearest;
}

describe("keptPoints (Douglas–Peucker on one arc)", () => {
  const kept = (points: number[], tolerance: number) => [...keptPoints(Float64Array.from(points), tolerance)];
  it("keeps the ends and leaves out points on or near the line between them", () => {
    expect(kept([0, 0, 1, 0.05, 2, -0.05, 3, 0], 0.1)).toEqual([1, 0, 0, 1]);
    expect(kept([0, 0, 5, 0], 0.1)).toEqual([1, 1]);
  });
  it("keeps a point farther than the tolerance, then looks again on each side of it", () => {
    expect(kept([0, 0, 1, 0, 2, 1, 3, 0, 4, 0], 0.5)).toEqual([1, 0, 1, 0, 1]);
    expect(kept([0, 0, 1, 0.1, 2, 1, 3, 0.1, 4, 0], 0.2)).toEqual([1, 1, 1, 1, 1]);
  });
  it("keeps the farthest point of a closed ring (its ends are one point)", () => {
    expect(kept([0, 0, 1, 0, 1, 1, 0, 1, 0, 0], 0.8)).toEqual([1, 0, 1, 0, 1]);
    expect(kept([0, 0, 1, 0, 1, 1, 0, 1, 0, 0], 0.5)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("tenths (a count of tenths written as String(n / 10) writes it)", () => {
  it.each([0, -0, 5, -5, 10, -10, 123, -123, 1234567, -1234567, 9, -9, 19, -19])("%d", (n) => {
    expect(tenths(n)).toBe(String(n / 10));
  });
});

describe("posterDrawing (the SVG map's points, arcs and ocean, in the frame, without d3-geo)", () => {
  const world = JSON.parse(readFileSync(new URL("../../../public/data/world.json", import.meta.url), "utf8"));
  const view = mapViewBuilder(dataset.places)(mapInputsFor(sceneFor({ view: "pacts", arcs: true })));

  it.each([
    [1280, 800],
    [390, 500],
  ])("places every point and draws every arc inside the box at %i×%i as d3-geo's Mercator does", (width, height) => {
    const ours = finish(posterDrawing(world)(width, height));
    const d3 = projectedDrawing({ type: "FeatureCollection", features: [] }, posterProjection(width, height));
    for (const place of dataset.places) {
      const [x, y] = ours.point(place.label);
      const [dx, dy] = d3.point(place.label);
      expect(x, place.iso3).toBeCloseTo(dx, 6);
      expect(y, place.iso3).toBeCloseTo(dy, 6);
    }
    const inside = view.arcs.filter((a) =>
      a.path.every((p) => {
        const [x, y] = ours.point(p);
        return x > 0 && x < width && y > 0 && y < height;
      }),
    );
    expect(inside.length).toBeGreaterThan(10);
    for (const a of inside) expect(ours.line(a.path), a.arc.id).toBe(d3.line(a.path));
    expect(ours.outlines).toEqual(finish(posterPaths(world)(width, height)));
  });

  it("paints the whole box as ocean, as d3-geo's sphere clipped to the box does", () => {
    const d3 = projectedDrawing({ type: "FeatureCollection", features: [] }, posterProjection(640, 480)).sphere;
    const corners = (d: string) =>
      new Set(d.match(/-?\d+(\.\d+)?/g)?.filter((n) => n === "0" || n === "640" || n === "480"));
    expect(corners(finish(posterDrawing(world)(640, 480)).sphere)).toEqual(corners(d3));
    expect(finish(posterDrawing(world)(640, 480)).sphere).toBe("M0,0H640V480H0Z");
  });
});
