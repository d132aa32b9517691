/**
 * Every colour the map, legend and charts use, in one table per theme. The legend reads the same
 * entries as the map, so they cannot disagree.
 *
 * Checked by tests/unit/model/palette.test.ts, with normal vision and simulated protanopia,
 * deuteranopia and tritanopia (Machado et al. 2009): every two colours shown together on the map
 * (a view's categories plus the land colour) differ by ΔE00 ≥ 10; the steps of the overlap and
 * minerals ramps also differ by ΔL* ≥ 10 in order (darker in light, brighter in dark); the border
 * has ≥ 3:1 contrast with the ocean, so every country is told from the sea whatever its fill.
 */
import type { Theme } from "../config.ts";

export type { Theme };
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
    border: "#86837a",
    graticule: "#cfdbe4",
    marker: [120, 118, 110, 255],
    markerOutline: [255, 255, 255, 255],
    text: "#1d1f21",
  },
  dark: {
    ocean: "#0f1a24",
    land: "#2b2f33",
    border: "#60676e",
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

/**
 * Pact statuses: Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), the
 * ministerial cohort strongest; the US hub and China set apart from every status.
 */
export const PACT_COLOURS: Record<Theme, Record<string, string>> = {
  light: {
    hub: "#1b2a3a",
    china: "#c8102e",
    ministerial: "#0072b2",
    before: "#56b4e9",
    after: "#009e73",
    related: "#e69f00",
    delegation: "#cdc3ad",
  },
  dark: {
    hub: "#e6edf3",
    china: "#f36164",
    ministerial: "#3895d6",
    before: "#9fd3f2",
    after: "#2fbf8f",
    related: "#f0b33c",
    delegation: "#6e6656",
  },
};

/** Forum categories: one blue ramp, darker = closer commitment. */
export const FORUM_COLOURS: Record<Theme, Record<string, string>> = {
  light: {
    chair: "#08306b",
    signatory: "#2166ac",
    member: "#2166ac",
    "member-inferred": "#92c5de",
    participant: "#92c5de",
    "forum-member": "#92c5de",
    delegation: "#67a9cf",
  },
  dark: {
    chair: "#deebf7",
    signatory: "#6baed6",
    member: "#6baed6",
    "member-inferred": "#2b5f85",
    participant: "#2b5f85",
    "forum-member": "#2b5f85",
    delegation: "#4a86b4",
  },
};

/** Overlap view: number of forums (1–4). */
export const OVERLAP_COLOURS: Record<Theme, string[]> = {
  light: ["#c6dbef", "#6baed6", "#2171b5", "#08306b"],
  dark: ["#1f3f5c", "#2f6d9c", "#5aa0d6", "#b9dcf5"],
};

/** Outline of records of lower confidence (dashed) and of the highlighted countries. */
export const EMPHASIS: Record<Theme, { uncertain: string; highlight: string }> = {
  light: { uncertain: "#1d1f21", highlight: "#000000" },
  dark: { uncertain: "#f2f4f5", highlight: "#ffffff" },
};

/**
 * Minerals view: a sequential ramp for share of world (light: pale to dark purple-blue; dark: dark
 * to bright), plus neutral tones for withheld and zero so they never read as a share.
 */
export const MINERAL_COLOURS: Record<Theme, Record<string, string>> = {
  light: {
    "class-0": "#dcf0fd",
    "class-1": "#a3ccea",
    "class-2": "#88a3c8",
    "class-3": "#7780b7",
    "class-4": "#7b55a1",
    "class-5": "#5c0f63",
    zero: "#c5c5c5",
    withheld: "#8f8f8f",
  },
  dark: {
    "class-0": "#2c3b57",
    "class-1": "#3d5a8a",
    "class-2": "#4e79b6",
    "class-3": "#8b94c3",
    "class-4": "#e4a1fb",
    "class-5": "#f3d2ff",
    zero: "#040b14",
    withheld: "#7a7a7a",
  },
};
