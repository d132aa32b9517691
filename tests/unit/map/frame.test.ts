import { describe, expect, it } from "vitest";
import { posterProjection, worldFrame } from "../../../src/map/frame.ts";

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
