/** What the tooltip says about the country or arc under the pointer, in the scene shown. Pure. */
import type { Index, Scene } from "../model/derive.ts";
import { arcTooltip, countryTooltip, forumTooltip, type TooltipModel } from "../model/describe.ts";
import { mineralTooltipRows } from "../model/insight.ts";
import type { Hovered } from "../state/session.ts";
import type { CoreDataset } from "../types.ts";

export function tooltipOf(dataset: CoreDataset, index: Index, scene: Scene, target: Hovered): TooltipModel | null {
  if (!target) return null;
  const name = index.names.get(target.iso3) ?? target.iso3;
  if (target.kind === "arc") {
    const agreement = dataset.agreements.find((a) => a.id === target.id);
    return agreement ? arcTooltip(agreement, name, index.sources) : null;
  }
  if (scene.minerals) {
    if (scene.minerals.pending) return { title: name, rows: [["Data", "Not loaded yet"]] };
    const table = scene.minerals.choice?.table;
    if (!table) return { title: name, rows: [["Data", "No country data published for this mineral"]] };
    return { title: name, rows: mineralTooltipRows(table, target.iso3, index.sources.get(table.source) ?? null) };
  }
  const entry = scene.choropleth.countries.get(target.iso3);
  const label = entry ? (scene.choropleth.categories.find((c) => c.key === entry.key)?.label ?? null) : null;
  const memberships = dataset.memberships.filter((m) => m.iso3 === target.iso3);
  const status = scene.statuses.get(target.iso3);
  if (scene.forum) return forumTooltip(name, scene.forum, status, memberships, label);
  return countryTooltip(name, status, memberships, label);
}
