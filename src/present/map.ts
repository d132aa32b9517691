/**
 * The map's view model: colours, outlines, highlights, arcs, markers and hub of a scene, for the
 * legend filter and hover of the session. Pure and memoised: the same inputs give the same MapView
 * object, so renderers skip a redraw by identity; so does a new view that draws the same picture
 * as the last (samePicture), e.g. when the mineral tables arrive under another view.
 */
import type { View } from "../config.ts";
import { MARKS } from "../map/marks.ts";
import { arcPaths, type MapView, type Marker, samePicture } from "../map/view.ts";
import { WASHINGTON } from "../model/arcs.ts";
import type { Choropleth } from "../model/choropleth.ts";
import { memoize, type Scene } from "../model/derive.ts";
import { BASE_PALETTE, hexToRgba, PACT_COLOURS, type Theme } from "../model/palette.ts";
import type { Hovered } from "../state/session.ts";
import type { Place } from "../types.ts";

export interface MapInputs {
  scene: Scene;
  theme: Theme;
  view: View;
  country: string | null;
  legendFilter: string | null;
  legendHover: string | null;
  hovered: Hovered;
}

/** Colours and dashed outlines change with the scene or the legend filter, not on hover. */
export const coloursOf = memoize((choropleth: Choropleth, filter: string | null) => {
  const colours = new Map<string, string>();
  for (const entry of choropleth.countries.values()) {
    if (filter === null || filter === entry.key) colours.set(entry.iso3, entry.colour);
  }
  const uncertain = [...choropleth.countries.values()]
    .filter((e) => e.uncertain && colours.has(e.iso3))
    .map((e) => e.iso3);
  return { colours, uncertain };
});

/** A map-view builder for one dataset's places (small states get a marker in their colour). */
export function mapViewBuilder(places: readonly Place[]): (inputs: MapInputs) => MapView {
  const build = memoize(
    (
      scene: Scene,
      theme: Theme,
      view: View,
      country: string | null,
      legendFilter: string | null,
      legendHover: string | null,
      hoveredIso3: string | null,
      hoveredArc: string | null,
    ): MapView => {
      const palette = BASE_PALETTE[theme];
      const { colours, uncertain } = coloursOf(scene.choropleth, legendFilter);
      const markers: Marker[] = [];
      for (const place of places) {
        const colour = colours.get(place.iso3);
        if (place.marker && colour) {
          markers.push({
            iso3: place.iso3,
            position: place.label,
            fill: hexToRgba(colour),
            outline: MARKS.marker.outline[theme],
          });
        }
      }
      const highlight = new Set<string>();
      if (country) highlight.add(country);
      if (hoveredIso3) highlight.add(hoveredIso3);
      if (legendHover) {
        for (const entry of scene.choropleth.countries.values()) {
          if (entry.key === legendHover) highlight.add(entry.iso3);
        }
      }
      const pactColours = PACT_COLOURS[theme];
      return {
        theme,
        colours,
        land: palette.land,
        uncertain,
        highlight: [...highlight],
        arcs: arcPaths(
          scene.arcs.filter((arc) => legendFilter === null || legendFilter === arc.status),
          (arc) => hexToRgba(pactColours[arc.status] ?? palette.land, MARKS.arc.alpha),
          hoveredArc,
        ),
        markers,
        hub:
          view === "pacts"
            ? { position: WASHINGTON, fill: hexToRgba(MARKS.hub.fill[theme]), outline: MARKS.hub.outline[theme] }
            : null,
      };
    },
  );
  let last: MapView | null = null;
  return (i) => {
    const next = build(
      i.scene,
      i.theme,
      i.view,
      i.country,
      i.legendFilter,
      i.legendHover,
      i.hovered?.iso3 ?? null,
      i.hovered?.kind === "arc" ? i.hovered.id : null,
    );
    if (next !== last && !(last && samePicture(last, next))) last = next;
    return last;
  };
}
