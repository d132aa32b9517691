// @vitest-environment happy-dom
/**
 * The mark table (src/map/marks.ts) is what every renderer reads: for the same view, the SVG map
 * (and so the poster and the downloads), the MapLibre style and the deck.gl layers draw each mark
 * with the same width, radius, dash and colour.
 */
import { readFileSync } from "node:fs";
import type { LayerSpecification } from "maplibre-gl";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { countryFeatures } from "../../../src/data/topology.ts";
import { posterDrawing } from "../../../src/map/frame.ts";
import { deckLayers } from "../../../src/map/layers.ts";
import { MARKS } from "../../../src/map/marks.ts";
import { baseStyle, emphasisData, fillColour, themePaint } from "../../../src/map/style.ts";
import { mapElements } from "../../../src/map/svg.ts";
import type { MapView } from "../../../src/map/view.ts";
import { mapViewBuilder } from "../../../src/present/map.ts";
import { finish } from "../../../src/slices.ts";
import { dataset, mapInputsFor, sceneFor } from "../present/fixture.ts";

const topology = JSON.parse(readFileSync("public/data/world.json", "utf8")) as Topology;
const world = countryFeatures(topology);
const byIso3 = new Map(world.features.map((f) => [f.properties.iso3, f]));
const mapView = mapViewBuilder(dataset.places);

/** The ministerial's day in the pacts view, Australia selected and the first arc hovered. */
function fixtureView(theme: "light" | "dark"): MapView {
  const scene = sceneFor({ date: "2026-02-04" }, theme);
  const inputs = mapInputsFor(scene, { theme, country: "AUS" });
  const arc = mapView(inputs).arcs[0]?.arc;
  if (!arc) throw new Error("no arc on the ministerial's day");
  return mapView({ ...inputs, hovered: { kind: "arc", id: arc.id, iso3: arc.iso3 } });
}

function svgOf(view: MapView): SVGSVGElement {
  const root = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  root.append(...mapElements(view, finish(posterDrawing(topology)(1280, 800)), { width: 1280, height: 800 }));
  return root;
}

function styleOf(view: MapView) {
  return baseStyle(view.theme, world, {
    fill: fillColour(view.colours, view.land),
    emphasis: emphasisData(byIso3, view.uncertain, view.highlight, 1024),
    arcs: view.arcs,
  });
}

const paintOf = (layers: LayerSpecification[], id: string): Record<string, unknown> => {
  const layer = layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return (layer as { paint?: Record<string, unknown> }).paint ?? {};
};

/** Every distinct value of an attribute over the elements a selector finds. */
const attrs = (root: Element, selector: string, name: string) =>
  [...new Set([...root.querySelectorAll(selector)].map((el) => el.getAttribute(name)))].map((v) =>
    v !== null && /^[\d.]+$/.test(v) ? Number(v) : v,
  );

describe.each(["light", "dark"] as const)("the SVG map and the WebGL map draw the same marks (%s)", (theme) => {
  const view = fixtureView(theme);
  const svg = svgOf(view);
  const { layers } = styleOf(view);
  const deck = deckLayers(view);

  it("the fixture has every kind of mark", () => {
    expect(view.uncertain.length).toBeGreaterThan(0);
    expect(view.highlight).toEqual(expect.arrayContaining(["AUS"]));
    expect(view.arcs.some((a) => a.highlighted) && view.arcs.some((a) => !a.highlighted)).toBe(true);
    expect(view.markers.length).toBeGreaterThan(0);
    expect(view.hub).not.toBeNull();
  });

  it("dashed outlines of lower confidence: the same width and colour, the dash of the table", () => {
    const paint = paintOf(layers, MARKS.uncertain.layer);
    expect(svg.querySelectorAll(".uncertain path")).toHaveLength(view.uncertain.length);
    expect(attrs(svg, ".uncertain path", "stroke-width")).toEqual([paint["line-width"]]);
    expect(attrs(svg, ".uncertain path", "stroke")).toEqual([paint["line-color"]]);
    expect(attrs(svg, ".uncertain path", "stroke-dasharray")).toEqual([MARKS.uncertain.dash.join(" ")]);
  });

  it("highlighted outlines: the same width and colour", () => {
    const paint = paintOf(layers, MARKS.highlight.layer);
    expect(attrs(svg, ".highlight path", "stroke-width")).toEqual([paint["line-width"]]);
    expect(attrs(svg, ".highlight path", "stroke")).toEqual([paint["line-color"]]);
  });

  it("arcs: the same width drawn and highlighted", () => {
    const drawn = layers
      .filter((l) => l.id.startsWith(`${MARKS.arc.layer}-`) && l.id !== MARKS.arc.highlightLayer)
      .map((l) => paintOf(layers, l.id));
    const highlighted = paintOf(layers, MARKS.arc.highlightLayer)["line-width"];
    // The SVG draws one path per arc segment, in the order of view.arcs.
    const widths = [...svg.querySelectorAll(".arcs path")].map((el) => Number(el.getAttribute("stroke-width")));
    expect(widths).toHaveLength(view.arcs.length);
    const svgWidth = (on: boolean) => new Set(widths.filter((_, i) => view.arcs[i]?.highlighted === on));
    expect(svgWidth(true)).toEqual(new Set([highlighted]));
    expect(svgWidth(false)).toEqual(new Set(drawn.map((paint) => paint["line-width"])));
    expect(highlighted).toBeGreaterThan(widths.find((_, i) => !view.arcs[i]?.highlighted) ?? Infinity);
  });

  it("ocean and country borders: the same colours", () => {
    const ocean = paintOf(layers, MARKS.ocean.layer)["background-color"];
    expect(svg.querySelector("rect")?.getAttribute("fill")).toBe(ocean);
    expect(attrs(svg, ".countries path", "stroke")).toEqual([paintOf(layers, MARKS.border.layer)["line-color"]]);
  });

  it("markers and the hub: the deck.gl layers' radius and outline width are the SVG circles'", () => {
    const [markerLayer, hubLayer] = deck;
    expect(markerLayer?.id).toBe(MARKS.marker.layer);
    expect(hubLayer?.id).toBe(MARKS.hub.layer);
    type Sizes = { getRadius: number; getLineWidth: number };
    const markers = markerLayer as unknown as { props: Sizes } | undefined;
    const hub = hubLayer as unknown as { props: Sizes } | undefined;
    const svgMarkers = svg.querySelectorAll(".markers circle");
    expect(svgMarkers).toHaveLength(view.markers.length);
    expect(attrs(svg, ".markers circle", "r")).toEqual([markers?.props.getRadius]);
    expect(attrs(svg, ".markers circle", "stroke-width")).toEqual([markers?.props.getLineWidth]);
    const hubCircle = svg.querySelector(":scope > circle");
    expect(Number(hubCircle?.getAttribute("r"))).toBe(hub?.props.getRadius);
    expect(Number(hubCircle?.getAttribute("stroke-width"))).toBe(hub?.props.getLineWidth);
    expect(hub?.props.getRadius).toBeGreaterThan(markers?.props.getRadius as number);
  });

  it("a theme change sets again exactly the colours the style was built with", () => {
    for (const [layer, property, colour] of themePaint(theme)) expect(paintOf(layers, layer)[property]).toBe(colour);
  });
});
