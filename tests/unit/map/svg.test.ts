/** sameDrawing (src/map/svg.ts): which changes of the view a hover may redraw in part. */
import { describe, expect, it } from "vitest";
import { sameDrawing } from "../../../src/map/svg.ts";
import { mapViewBuilder } from "../../../src/present/map.ts";
import { dataset, mapInputsFor, sceneFor } from "../present/fixture.ts";

describe("sameDrawing: a hover redraws only the highlighted outlines and arcs", () => {
  const build = mapViewBuilder(dataset.places);
  const scene = sceneFor({ view: "pacts", arcs: true });
  const still = build(mapInputsFor(scene));

  it("holds when only the hovered country or arc changed", () => {
    const country = build(mapInputsFor(scene, { hovered: { kind: "country", iso3: "AUS" } }));
    expect(country.highlight).toContain("AUS");
    expect(sameDrawing(still, country)).toBe(true);
    const arc = scene.arcs[0];
    if (!arc) throw new Error("the pacts view draws arcs");
    const arcHover = build(mapInputsFor(scene, { hovered: { kind: "arc", id: arc.id, iso3: arc.iso3 } }));
    expect(arcHover.arcs.some((a) => a.highlighted)).toBe(true);
    expect(sameDrawing(still, arcHover)).toBe(true);
  });

  it("fails when the colours, the theme or the view change", () => {
    const key = [...scene.choropleth.countries.values()][0]?.key ?? null;
    expect(sameDrawing(still, build(mapInputsFor(scene, { legendFilter: key })))).toBe(false);
    expect(
      sameDrawing(still, build(mapInputsFor(sceneFor({ view: "pacts", arcs: true }, "dark"), { theme: "dark" }))),
    ).toBe(false);
    expect(sameDrawing(still, build(mapInputsFor(sceneFor({ view: "forums" }), { view: "forums" })))).toBe(false);
  });
});
