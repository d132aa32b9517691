/** The deck.gl layers (src/map/layers.ts) of views of the committed dataset. */
import type { ScatterplotLayer } from "@deck.gl/layers";
import { describe, expect, it } from "vitest";
import { MINISTERIAL_DATE } from "../../../src/config.ts";
import { deckLayers, hubLayer, markerLayer } from "../../../src/map/layers.ts";
import { MARKS } from "../../../src/map/marks.ts";
import type { Marker } from "../../../src/map/view.ts";
import { WASHINGTON } from "../../../src/model/arcs.ts";
import { hexToRgba, PACT_COLOURS } from "../../../src/model/palette.ts";
import { mapViewBuilder } from "../../../src/present/map.ts";
import { dataset, mapInputsFor, sceneFor } from "../present/fixture.ts";

const mapView = mapViewBuilder(dataset.places);
const inputs = mapInputsFor(sceneFor({ date: MINISTERIAL_DATE }));
type Props = { data: unknown; getFillColor: unknown; getLineColor: unknown; pickable: boolean };
const propsOf = (layer: unknown) => (layer as ScatterplotLayer).props as unknown as Props;

describe("deckLayers", () => {
  it("draws the small states' markers, then the hub, in the pacts view", () => {
    const view = mapView(inputs);
    const layers = deckLayers(view);
    expect(layers.map((l) => l.id)).toEqual([MARKS.marker.layer, MARKS.hub.layer]);
    expect(propsOf(layers[0]).data).toBe(view.markers);
    expect(propsOf(layers[1]).data).toEqual([WASHINGTON]);
  });

  it("draws no hub outside the pacts view", () => {
    const forums = mapView({ ...inputs, scene: sceneFor({ view: "forums", date: MINISTERIAL_DATE }), view: "forums" });
    expect(deckLayers(forums).map((l) => l.id)).toEqual([MARKS.marker.layer]);
  });

  it("colours each marker as its country: the Cook Islands signed at the ministerial", () => {
    const view = mapView(inputs);
    const cook = view.markers.find((m) => m.iso3 === "COK");
    expect(cook?.fill).toEqual(hexToRgba(PACT_COLOURS.light.ministerial ?? ""));
    const layer = propsOf(markerLayer(view.markers));
    const fill = layer.getFillColor as (m: Marker) => number[];
    const line = layer.getLineColor as (m: Marker) => number[];
    expect(cook && fill(cook)).toEqual([...(cook?.fill ?? [])]);
    expect(cook && line(cook)).toEqual([...MARKS.marker.outline.light]);
    // Only the small states that have a colour in the view get a marker.
    const coloured = dataset.places.filter((p) => p.marker && view.colours.has(p.iso3)).map((p) => p.iso3);
    expect(view.markers.map((m) => m.iso3)).toEqual(coloured);
  });

  it("is never picked on the GPU (markers are found on the CPU)", () => {
    const view = mapView(inputs);
    for (const layer of [markerLayer(view.markers), view.hub && hubLayer(view.hub)]) {
      expect(propsOf(layer).pickable).toBe(false);
    }
  });
});
