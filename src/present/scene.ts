/**
 * The scene of a state: derived once per change of what a scene depends on; other changes (a
 * country opened, the table toggled) give the same Scene object back, so the view models built on
 * it are reused by identity. The dataset is an input like the state: it changes once, when the
 * mineral tables arrive, and then the scene is derived afresh. Pure and memoised.
 */
import { deriveScene, type Index, memoize, type Scene } from "../model/derive.ts";
import type { Theme } from "../model/palette.ts";
import type { AppState } from "../state/state.ts";
import type { LiveDataset } from "../types.ts";

export function sceneBuilder(index: Index): (dataset: LiveDataset, state: AppState, theme: Theme) => Scene {
  const scene = memoize(
    (
      dataset: LiveDataset,
      view: AppState["view"],
      forum: AppState["forum"],
      date: string | null,
      arcs: boolean,
      mineral: string,
      stage: AppState["stage"],
      year: number | null,
      blocForge: boolean,
      blocPax: boolean,
      theme: Theme,
    ) => deriveScene(dataset, index, { view, forum, date, arcs, mineral, stage, year, blocForge, blocPax }, theme),
  );
  return (dataset, s, theme) =>
    scene(dataset, s.view, s.forum, s.date, s.arcs, s.mineral, s.stage, s.year, s.blocForge, s.blocPax, theme);
}
