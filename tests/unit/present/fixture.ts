/** The committed dataset and a scene builder, for the present/* tests. */

import { deriveScene, indexOf, type SceneState } from "../../../src/model/derive.ts";
import type { MapInputs } from "../../../src/present/map.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { publishedDataset } from "../published.ts";

export const dataset = publishedDataset();
export const index = indexOf(dataset);
export const sceneFor = (patch: Partial<SceneState> = {}, theme: "light" | "dark" = "light") =>
  deriveScene(dataset, index, { ...DEFAULT_STATE, ...patch }, theme);
/** The map's inputs for a scene (default: the pacts view today), nothing hovered or selected. */
export const mapInputsFor = (scene = sceneFor(), patch: Partial<MapInputs> = {}): MapInputs => ({
  scene,
  theme: "light",
  view: "pacts",
  country: null,
  legendFilter: null,
  legendHover: null,
  hovered: null,
  ...patch,
});
