/** The legend's model: the scene's categories, the notes of the view and date, the filter. Pure, memoised. */
import type { View } from "../config.ts";
import type { Choropleth } from "../model/choropleth.ts";
import { type Index, memoize, type Scene } from "../model/derive.ts";
import { derivedNotes } from "../model/notes.ts";
import type { CoreDataset } from "../types.ts";

export interface LegendModel {
  choropleth: Choropleth;
  notes: string[];
  filter: string | null;
  /**
   * The title names the view itself (pacts, a forum), as an embed's headline does: the embed
   * shows it once, in the headline. A minerals legend names its measure and stays.
   */
  titleNamesView: boolean;
}

export function legendBuilder(
  dataset: CoreDataset,
  index: Index,
): (scene: Scene, view: View, filter: string | null) => LegendModel {
  return memoize((scene: Scene, view: View, filter: string | null) => ({
    choropleth: scene.choropleth,
    notes: derivedNotes(dataset, view, scene.date, index.drawable),
    filter,
    titleNamesView: view !== "minerals",
  }));
}
