/** The country panel: its status line and its records. Pure. */
import { CHINA } from "../config.ts";
import type { Index, Scene } from "../model/derive.ts";
import { type PanelModel, panelModel } from "../model/describe.ts";
import { countryMinerals } from "../model/insight.ts";
import { STATUS_LABELS } from "../model/status.ts";
import { hasMineralTables, type Iso3, type LiveDataset } from "../types.ts";

/** "Signed at the ministerial", "China: the supplier …", or "No pact with the US in our sources". */
export function statusText(iso3: Iso3, scene: Pick<Scene, "statuses">): string {
  if (iso3 === CHINA) return "China: the supplier the bloc is built to counter";
  const status = scene.statuses.get(iso3);
  return status ? STATUS_LABELS[status.status] : "No pact with the US in our sources";
}

/** The panel of the selected country, or null when none is selected. */
export function panelOf(dataset: LiveDataset, index: Index, scene: Scene, iso3: Iso3 | null): PanelModel | null {
  if (!iso3) return null;
  return panelModel(
    dataset,
    iso3,
    index.names.get(iso3) ?? iso3,
    statusText(iso3, scene),
    index.sources,
    hasMineralTables(dataset) ? countryMinerals(dataset, iso3) : null,
  );
}
