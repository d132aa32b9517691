/** What the map cannot show, said next to the legend: unnamed tallies, undated records, conventions. Pure. */

import type { View } from "../config.ts";
import { MINISTERIAL_DATE } from "../config.ts";
import type { Dataset, Iso3 } from "../types.ts";
import { formatDate } from "./format.ts";

/** `drawable`: the places on the map; a partner elsewhere (the EU) is counted, but not coloured. */
export function derivedNotes(
  dataset: Pick<Dataset, "tallies" | "agreements">,
  view: View,
  date: string,
  drawable: ReadonlySet<Iso3>,
): string[] {
  const notes: string[] = [];
  if (view === "pacts") {
    const tally = (id: string) => dataset.tallies.find((t) => t.id === id)?.value;
    const concluded = tally("negotiations-concluded");
    const prior = tally("prior-signed");
    if (date >= MINISTERIAL_DATE && concluded !== undefined) {
      notes.push(
        `Not on the map: ${concluded} more countries concluded negotiations (State Dept, 4 Feb 2026), not named in any source.`,
      );
    }
    if (prior !== undefined) {
      notes.push(
        `The State Dept counted ${prior} pacts signed before the ministerial without naming them; the map shows those our sources identify.`,
      );
    }
    // One note per partner off the map that the summary counts (as it counts them: by its pact once
    // it has one, else by another minerals-related deal), dated by its first such record.
    const unmapped = new Map<string, (typeof dataset.agreements)[number]>();
    for (const a of dataset.agreements) {
      if (a.date === null || a.date > date || drawable.has(a.iso3)) continue;
      const first = unmapped.get(a.iso3);
      const earlier = !first || (first.kind === a.kind ? (first.date ?? "") > a.date : a.kind === "pact");
      if (earlier) unmapped.set(a.iso3, a);
    }
    for (const a of unmapped.values()) {
      const record = a.kind === "pact" ? "pact" : "minerals-related deal";
      notes.push(
        `Counted among the partners but not on the map, which colours countries: ${a.country} (${record} of ${formatDate(a.date)}).`,
      );
    }
    const undated = dataset.agreements.filter((a) => a.date === null).map((a) => a.country);
    if (undated.length > 0) notes.push(`Undated, so not on the timeline: ${undated.join(", ")}.`);
  }
  if (view !== "minerals")
    notes.push("Dashed outline: a record of medium or low confidence, or an inferred membership.");
  else notes.push("Countries left blank: not listed by the source for this table (no data).");
  return notes;
}
