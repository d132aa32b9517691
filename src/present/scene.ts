/**
 * The scene of a state: derived once per change of what a scene depends on; other changes (a
 * country opened, the table toggled) give the same Scene object back, so the view models built on
 * it are reused by identity. Pure and memoised.
 */
import { deriveScene, type Index, memoize, type Scene } from "../model/derive.ts";
import type { Theme } from "../model/palette.ts";
import type { AppState } from "../state/state.ts";
import type { Dataset } from "../types.ts";

export function sceneBuilder(dataset: Dataset, index: Index): (state: AppState, theme: Theme) => Scene {
  const scene = memoize(
    (
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
  return (s, theme) =>
    scene(s.view, s.forum, s.date, s.arcs, s.mineral, s.stage, s.year, s.blocForge, s.blocPax, theme);
}
