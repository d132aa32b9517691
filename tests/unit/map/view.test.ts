/** Pure helpers of the map view shared by both renderers. */
import { describe, expect, it } from "vitest";
import { MARKS } from "../../../src/map/marks.ts";
import { type Marker, markerAt, samePicture } from "../../../src/map/view.ts";

const MARKER_RADIUS = MARKS.marker.radius;

describe("markerAt", () => {
  const marker = (iso3: string, x: number): Marker => ({
    iso3,
    position: [x, 0],
    fill: [0, 0, 0, 255],
    outline: [0, 0, 0, 255],
  });
  const markers = [marker("SGP", 100), marker("BHR", 112), marker("QAT", 300)];
  // A stand-in projection: longitude is the x pixel, latitude 0 is y = 50.
  const project = ([lon, lat]: [number, number]): [number, number] => [lon, 50 - lat];

  it("finds the marker under the pointer, the nearest of two, within its radius plus a slack", () => {
    expect(markerAt(markers, { x: 100, y: 50 }, project)?.iso3).toBe("SGP");
    expect(markerAt(markers, { x: 107, y: 52 }, project)?.iso3).toBe("BHR");
    expect(markerAt(markers, { x: 300, y: 50 + MARKER_RADIUS + 3 }, project)?.iso3).toBe("QAT");
    expect(markerAt(markers, { x: 300, y: 50 + MARKER_RADIUS + 5 }, project)).toBeNull();
    expect(markerAt([], { x: 100, y: 50 }, project)).toBeNull();
  });
});

describe("samePicture", () => {
  it("compares numbers, strings, arrays, Maps and objects all the way down, not by identity", () => {
    const view = () => ({
      colours: new Map([["AUS", "#123456"]]),
      arcs: [{ path: [[1, 2]], colour: [1, 2, 3, 4], highlighted: false }],
      hub: null,
    });
    expect(samePicture(view(), view())).toBe(true);
    const other = view();
    other.colours.set("AUS", "#654321");
    expect(samePicture(view(), other)).toBe(false);
    const moved = view();
    moved.arcs[0]?.path[0]?.splice(1, 1, 3);
    expect(samePicture(view(), moved)).toBe(false);
    expect(samePicture(view(), { ...view(), hub: { position: [0, 0] } })).toBe(false);
    expect(samePicture({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(samePicture(new Map([["a", 1]]), new Map([["b", 1]]))).toBe(false);
    expect(samePicture([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(samePicture(Number.NaN, Number.NaN)).toBe(true);
  });
});
