/** The text around a downloaded image of the current view: title, summary, legend, notes, credit. Pure. */
import { CREDIT, type View } from "../config.ts";
import type { Category } from "../model/choropleth.ts";
import type { Index, Scene } from "../model/derive.ts";
import { formatDate } from "../model/format.ts";
import { derivedNotes } from "../model/notes.ts";
import type { CoreDataset } from "../types.ts";
import { fileStem, type NamedView } from "./names.ts";

export interface ExportText {
  title: string;
  /** The one-sentence summary of the view. */
  summary: string;
  legendTitle: string;
  categories: Category[];
  notes: string[];
  credit: string;
}

export function exportTextOf(dataset: CoreDataset, index: Index, scene: Scene, view: View): ExportText {
  return {
    title: scene.minerals?.concentration?.heading ?? scene.choropleth.title,
    summary: scene.summary,
    legendTitle: scene.choropleth.title,
    categories: scene.choropleth.categories,
    notes: derivedNotes(dataset, view, scene.date, index.drawable),
    credit: `${CREDIT} Critical Minerals Map, as of ${formatDate(scene.date)}.`,
  };
}

/** The file name of a download, naming the view: "critical-minerals-lithium-refining-2024". */
export function exportName(scene: Pick<Scene, "date" | "minerals">, state: NamedView): string {
  return fileStem(scene, state);
}
