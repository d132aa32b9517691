/**
 * Every colour the map, legend and charts use, in one table per theme. The legend reads the same
 * entries as the map, so they cannot disagree.
 */
export type Theme = "light" | "dark";
export type Rgba = readonly [number, number, number, number];

export interface BasePalette {
  ocean: string;
  land: string;
  border: string;
  graticule: string;
  marker: Rgba;
  markerOutline: Rgba;
  text: string;
}

export const BASE_PALETTE: Record<Theme, BasePalette> = {
  light: {
    ocean: "#dfe8ef",
    land: "#f4f1ea",
    border: "#a8a59c",
    graticule: "#cfdbe4",
    marker: [120, 118, 110, 255],
    markerOutline: [255, 255, 255, 255],
    text: "#1d1f21",
  },
  dark: {
    ocean: "#0f1a24",
    land: "#2b2f33",
    border: "#5d646b",
    graticule: "#1b2935",
    marker: [170, 176, 182, 255],
    markerOutline: [15, 26, 36, 255],
    text: "#eef1f3",
  },
};

/** "#rrggbb" → [r, g, b, a] for deck.gl. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
