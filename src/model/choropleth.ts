/**
 * The categories that colour the map, for the pacts and forums views: one colour per country, the
 * legend's items with counts, and which countries rest on records of lower confidence. The map and
 * the legend both read this, so they cannot disagree. Pure.
 */

import type { ForumView } from "../config.ts";
import { CHINA, HUB } from "../config.ts";
import type { Dataset, Iso3 } from "../types.ts";
import {
  CATEGORY_LABELS,
  categoryOf,
  FORUM_CATEGORIES,
  FORUM_NAMES,
  type ForumMembers,
  forumMembers,
  OVERLAP_FORUMS,
  VIEW_FORUMS,
} from "./forums.ts";
import { FORUM_COLOURS, OVERLAP_COLOURS, PACT_COLOURS, type Theme } from "./palette.ts";
import { type CountryStatus, STATUS_LABELS, STATUSES, statusByCountry } from "./status.ts";

export interface Category {
  key: string;
  label: string;
  colour: string;
  count: number;
}

export interface CountryEntry {
  iso3: Iso3;
  key: string;
  colour: string;
  /** Rests on a record of medium or low confidence, or an inferred membership: drawn dashed. */
  uncertain: boolean;
}

export interface Choropleth {
  title: string;
  categories: Category[];
  countries: Map<Iso3, CountryEntry>;
  /** The categories are known, their countries not yet (the mineral tables are loading): no counts. */
  pending?: boolean;
}

function build(title: string, categories: Omit<Category, "count">[], entries: CountryEntry[]): Choropleth {
  const countries = new Map(entries.map((e) => [e.iso3, e]));
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  return { title, categories: categories.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 })), countries };
}

/**
 * Pacts view: status per country on `date`; `drawable` limits entries to places on the map.
 * `statuses` are the statuses on `date`, when the caller has them already (derive.ts).
 */
export function pactsChoropleth(
  dataset: Pick<Dataset, "agreements" | "memberships">,
  date: string,
  theme: Theme,
  drawable: ReadonlySet<Iso3>,
  statuses: Map<Iso3, CountryStatus> = statusByCountry(dataset, date),
): Choropleth & { statuses: Map<Iso3, CountryStatus> } {
  const colours = PACT_COLOURS[theme];
  const entries: CountryEntry[] = [];
  for (const s of statuses.values()) {
    if (!drawable.has(s.iso3) || s.iso3 === HUB || s.iso3 === CHINA) continue;
    entries.push({
      iso3: s.iso3,
      key: s.status,
      colour: colours[s.status] ?? "",
      uncertain: s.confidence !== "high",
    });
  }
  entries.push({ iso3: HUB, key: "hub", colour: colours.hub ?? "", uncertain: false });
  entries.push({ iso3: CHINA, key: "china", colour: colours.china ?? "", uncertain: false });
  const categories = [
    ...STATUSES.filter((s) => s !== "none").map((s) => ({ key: s, label: STATUS_LABELS[s], colour: colours[s] ?? "" })),
    { key: "hub", label: "United States (hub)", colour: colours.hub ?? "" },
    { key: "china", label: "China", colour: colours.china ?? "" },
  ];
  return { ...build("Critical-minerals pacts with the US", categories, entries), statuses };
}

/**
 * Forums view: category per country in one forum, or the number of forums in the overlap view.
 * `members` are the view's members on `date`, when the caller has them already (derive.ts).
 */
export function forumsChoropleth(
  dataset: Pick<Dataset, "memberships">,
  view: ForumView,
  date: string,
  theme: Theme,
  drawable: ReadonlySet<Iso3>,
  members: ForumMembers = forumMembers(dataset, view, date),
): Choropleth {
  if (members.forum === "overlap") {
    const ramp = OVERLAP_COLOURS[theme];
    const entries: CountryEntry[] = [];
    for (const [iso3, forums] of members.overlap) {
      if (!drawable.has(iso3)) continue;
      const n = Math.min(forums.length, ramp.length);
      entries.push({ iso3, key: String(n), colour: ramp[n - 1] ?? "", uncertain: false });
    }
    const categories = ramp.map((colour, i) => ({
      key: String(i + 1),
      label: `${i + 1} of ${OVERLAP_FORUMS.length} forums`,
      colour,
    }));
    return build("Membership of FORGE, MSP, Pax Silica and the ministerial", categories, entries);
  }
  const colours = FORUM_COLOURS[theme];
  const entries: CountryEntry[] = [];
  for (const s of members.statuses.values()) {
    if (!drawable.has(s.iso3)) continue;
    const uncertain =
      s.category === "member-inferred" || s.memberships.some((m) => m.confidence !== "high" || m.basis === "inferred");
    entries.push({ iso3: s.iso3, key: s.category, colour: colours[s.category] ?? "", uncertain });
  }
  // Every category the view can show, present on this date or not, so the legend does not jump.
  const present = new Set(
    dataset.memberships.filter((m) => VIEW_FORUMS[members.forum].includes(m.forum)).map((m) => categoryOf(m) as string),
  );
  const categories = FORUM_CATEGORIES.filter((c) => present.has(c)).map((c) => ({
    key: c,
    label: CATEGORY_LABELS[c],
    colour: colours[c] ?? "",
  }));
  const title = members.forum === "msp" ? `${FORUM_NAMES.msp} and its Forum` : FORUM_NAMES[members.forum];
  return build(title, categories, entries);
}
