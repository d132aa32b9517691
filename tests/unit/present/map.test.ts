import { describe, expect, it } from "vitest";
import { WASHINGTON } from "../../../src/model/arcs.ts";
import { BASE_PALETTE } from "../../../src/model/palette.ts";
import { coloursOf, mapViewBuilder } from "../../../src/present/map.ts";
import { dataset, mapInputsFor, sceneFor } from "./fixture.ts";

const pacts = sceneFor();
const base = mapInputsFor(pacts);

describe("map view", () => {
  it("gives the same object for the same inputs, a new one when the hover moves", () => {
    const mapView = mapViewBuilder(dataset.places);
    const first = mapView(base);
    expect(mapView({ ...base })).toBe(first);
    const hovered = mapView({ ...base, hovered: { kind: "country", iso3: "JPN" } });
    expect(hovered).not.toBe(first);
    expect(hovered.highlight).toEqual(["JPN"]);
    // The colours do not change on hover: the renderers keep their fills.
    expect(hovered.colours).toBe(first.colours);
  });

  it("keeps the last view when a scene derived again draws the same picture (the mineral tables arriving)", () => {
    const mapView = mapViewBuilder(dataset.places);
    const first = mapView(base);
    const again = sceneFor();
    expect(again).not.toBe(pacts);
    expect(mapView(mapInputsFor(again))).toBe(first);
    // A real change is a new view, and going back is equal to the first again.
    const forums = mapView(mapInputsFor(sceneFor({ view: "forums" }), { view: "forums" }));
    expect(forums).not.toBe(first);
    expect(forums.hub).toBeNull();
    const hovered = mapView(mapInputsFor(again, { hovered: { kind: "country", iso3: "JPN" } }));
    expect(hovered.highlight).toEqual(["JPN"]);
  });

  it("colours every country of the choropleth, the land colour for the rest, and the hub in the pacts view only", () => {
    const mapView = mapViewBuilder(dataset.places);
    const view = mapView(base);
    expect(view.colours.size).toBe(pacts.choropleth.countries.size);
    expect(view.land).toBe(BASE_PALETTE.light.land);
    expect(view.hub?.position).toEqual(WASHINGTON);
    expect(mapView({ ...base, scene: sceneFor({ view: "forums" }), view: "forums" }).hub).toBeNull();
    expect(view.arcs.length).toBeGreaterThan(0);
  });

  it("a legend filter keeps only its countries, arcs and markers; a legend hover highlights its countries", () => {
    const mapView = mapViewBuilder(dataset.places);
    const key = "ministerial";
    const members = [...pacts.choropleth.countries.values()].filter((e) => e.key === key).map((e) => e.iso3);
    expect(members.length).toBeGreaterThan(0);
    const filtered = mapView({ ...base, legendFilter: key });
    expect([...filtered.colours.keys()].sort()).toEqual([...members].sort());
    expect(filtered.arcs.every((path) => path.arc.status === key)).toBe(true);
    expect(filtered.markers.every((m) => members.includes(m.iso3))).toBe(true);
    const hovered = mapView({ ...base, legendHover: key, country: "FRA" });
    expect([...hovered.highlight].sort()).toEqual(["FRA", ...members].sort());
  });

  it("marks the hovered arc", () => {
    const mapView = mapViewBuilder(dataset.places);
    const arc = pacts.arcs[0];
    const view = mapView({ ...base, hovered: arc ? { kind: "arc", id: arc.id, iso3: arc.iso3 } : null });
    expect(view.arcs.filter((p) => p.highlighted).every((p) => p.arc.id === arc?.id)).toBe(true);
    expect(view.arcs.some((p) => p.highlighted)).toBe(true);
  });

  it("small states get a marker in their fill colour", () => {
    const mapView = mapViewBuilder(dataset.places);
    const view = mapView(base);
    const marked = dataset.places.filter((p) => p.marker && view.colours.has(p.iso3)).map((p) => p.iso3);
    expect(view.markers.map((m) => m.iso3)).toEqual(marked);
  });
});

describe("coloursOf", () => {
  it("outlines uncertain entries only when they are drawn", () => {
    const { uncertain } = coloursOf(pacts.choropleth, null);
    const expected = [...pacts.choropleth.countries.values()].filter((e) => e.uncertain).map((e) => e.iso3);
    expect(uncertain).toEqual(expected);
    expect(coloursOf(pacts.choropleth, "no-such-key")).toEqual({ colours: new Map(), uncertain: [] });
  });
});
