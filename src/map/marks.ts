/**
 * Every mark the map draws, in one table: layer ids, widths, radii, dashes and colours by theme.
 * The SVG map and its poster (svg.ts), the MapLibre style (style.ts), the deck.gl layers
 * (layers.ts), the map's view model (present/map.ts) and the downloads (ui/export.ts) all read it,
 * so no renderer can draw a mark differently from another. Sizes are CSS pixels. Pure.
 *
 * Fill colours of countries, arcs and markers come with the MapView (from the choropleth); the
 * colours here are those of the marks themselves, taken from the palette (model/palette.ts, where
 * their contrast is tested).
 */
import { BASE_PALETTE, EMPHASIS, PACT_COLOURS, type Rgba, type Theme } from "../model/palette.ts";

const byTheme = <T>(of: (theme: Theme) => T): Readonly<Record<Theme, T>> => ({ light: of("light"), dark: of("dark") });

export const MARKS = {
  /** The sea: MapLibre's background layer; the SVG map's frame and globe. */
  ocean: { layer: "ocean", colour: byTheme((t) => BASE_PALETTE[t].ocean) },
  /** Country fills (their colours come with the MapView). */
  fill: { layer: "countries-fill" },
  /**
   * Every country's outline: `width` on the SVG map (world zoom), and in MapLibre a width that
   * grows with the zoom, as `[zoom, width, zoom, width]` stops of a linear interpolation.
   */
  border: {
    layer: "countries-outline",
    width: 0.5,
    widthByZoom: [0, 0.3, 5, 1],
    colour: byTheme((t) => BASE_PALETTE[t].border),
  },
  /** Countries that rest on records of lower confidence: dashed, `dash` as [dash, gap]. */
  uncertain: {
    layer: "countries-uncertain",
    width: 1.4,
    dash: [4, 3] as readonly [number, number],
    colour: byTheme((t) => EMPHASIS[t].uncertain),
  },
  /** Hovered, selected and legend-hovered countries. */
  highlight: { layer: "countries-highlight", width: 2.5, colour: byTheme((t) => EMPHASIS[t].highlight) },
  /**
   * Pact arcs: one MapLibre layer per colour (`${layer}-0`, `${layer}-1`, …) and the highlighted arc
   * in `highlightLayer`, on top; `alpha` is the opacity (0–255) of the status colour.
   */
  arc: { layer: "pact-arcs", highlightLayer: "pact-arcs-highlight", width: 1.4, highlightedWidth: 4, alpha: 200 },
  /** Small states' point markers: a fixed on-screen size, so Singapore stays visible at world zoom. */
  marker: {
    layer: "small-state-markers",
    radius: 4.5,
    outlineWidth: 1.2,
    outline: byTheme((t): Rgba => BASE_PALETTE[t].markerOutline),
  },
  /** Washington, the hub every arc starts from. */
  hub: {
    layer: "hub",
    radius: 6,
    outlineWidth: 2,
    fill: byTheme((t) => PACT_COLOURS[t].hub ?? "#000000"),
    outline: byTheme((t): Rgba => BASE_PALETTE[t].markerOutline),
  },
  /** The background of a downloaded image: the page's background in the dark theme, white in the light. */
  paper: { colour: { light: "#ffffff", dark: "#0f1a24" } as Readonly<Record<Theme, string>> },
} as const;
