/**
 * Forum membership as of a date, as map categories. Pure.
 *
 * A membership counts from `since` until the day before `until`. One with no published `since`
 * counts only from the day a source shows it holds (`knownBy`), never from an earlier guess such as
 * the forum's launch; with no such day it is not on the timeline at all (see data/README.md).
 */
import type { ForumView } from "../config.ts";
import type { Dataset, Forum, Iso3, Membership } from "../types.ts";
import { formatDate } from "./format.ts";
import type { Noun } from "./words.ts";

export const FORUM_CATEGORIES = [
  "chair",
  "member",
  "member-inferred",
  "signatory",
  "participant",
  "forum-member",
  "delegation",
] as const;
export type ForumCategory = (typeof FORUM_CATEGORIES)[number];

export const FORUM_NAMES: Record<Forum, string> = {
  forge: "FORGE (Forum on Resource Geostrategic Engagement)",
  msp: "Minerals Security Partnership",
  "msp-forum": "MSP Forum",
  "pax-silica": "Pax Silica",
  ministerial: "Critical Minerals Ministerial, 4 Feb 2026",
};

/** The one short spelling of each forum, for lists, tooltips and table cells. */
export const FORUM_SHORT_NAMES: Record<Forum, string> = {
  forge: "FORGE",
  msp: "Minerals Security Partnership",
  "msp-forum": "MSP Forum",
  "pax-silica": "Pax Silica",
  ministerial: "Ministerial",
};

export const CATEGORY_LABELS: Record<ForumCategory, string> = {
  chair: "Chair",
  member: "Member",
  "member-inferred": "Member (inferred, no official roster)",
  signatory: "Signatory",
  participant: "Participant (not a signatory)",
  "forum-member": "MSP Forum member",
  delegation: "Delegation at the ministerial",
};

/** What the members of each category are called when counted: "11 signatories", "1 chair". */
export const CATEGORY_NOUNS: Record<ForumCategory, Noun> = {
  chair: { one: "chair", other: "chairs" },
  member: { one: "member", other: "members" },
  "member-inferred": { one: "member (inferred, no official roster)", other: "members (inferred, no official roster)" },
  signatory: { one: "signatory", other: "signatories" },
  participant: { one: "participant (not a signatory)", other: "participants (not signatories)" },
  "forum-member": { one: "MSP Forum member", other: "MSP Forum members" },
  delegation: { one: "delegation at the ministerial", other: "delegations at the ministerial" },
};

/** The forums each forum view shows. */
export const VIEW_FORUMS: Record<Exclude<ForumView, "overlap">, Forum[]> = {
  forge: ["forge"],
  msp: ["msp", "msp-forum"],
  "pax-silica": ["pax-silica"],
  ministerial: ["ministerial"],
};

/** The forums the overlap view counts (the MSP Forum is MSP's outreach arm, not a separate bloc). */
export const OVERLAP_FORUMS: Forum[] = ["forge", "msp", "pax-silica", "ministerial"];

/** The first day a membership is known to hold: its `since`, else its `knownBy`; null when neither. */
export function countsFrom(m: Pick<Membership, "since" | "knownBy">): string | null {
  return m.since ?? m.knownBy;
}

/** Memberships in force on `date`. */
export function activeMemberships(memberships: readonly Membership[], date: string): Membership[] {
  return memberships.filter((m) => {
    const from = countsFrom(m);
    return from !== null && from <= date && (m.until === null || date < m.until);
  });
}

const START_VERBS: Partial<Record<Membership["role"], string>> = { signatory: "signed", delegation: "attended" };

/**
 * When a membership began, as its sources give it: "since 12 Dec 2025", "signed by 20 Feb 2026 (not
 * before 14 Jan 2026; exact date not published)", "joined on or after 4 Feb 2026 (date not published;
 * not on the timeline)".
 */
export function startText(m: Pick<Membership, "role" | "since" | "notBefore" | "knownBy">): string {
  if (m.since) return `since ${formatDate(m.since)}`;
  const verb = START_VERBS[m.role] ?? "joined";
  const after = m.notBefore ? `not before ${formatDate(m.notBefore)}; ` : "";
  if (m.knownBy) return `${verb} by ${formatDate(m.knownBy)} (${after}exact date not published)`;
  if (m.notBefore) return `${verb} on or after ${formatDate(m.notBefore)} (date not published; not on the timeline)`;
  return `${verb === "joined" ? "joining" : "signing"} date not published (not on the timeline)`;
}

export function categoryOf(m: Membership): ForumCategory {
  switch (m.role) {
    case "chair":
      return "chair";
    case "signatory":
      return "signatory";
    case "participant":
      return "participant";
    case "delegation":
      return "delegation";
    case "member":
      if (m.forum === "msp-forum") return "forum-member";
      return m.basis === "inferred" ? "member-inferred" : "member";
  }
}

export interface ForumStatus {
  iso3: Iso3;
  category: ForumCategory;
  memberships: Membership[];
}

const PRIORITY: Record<ForumCategory, number> = {
  chair: 0,
  signatory: 1,
  member: 2,
  "member-inferred": 3,
  participant: 4,
  "forum-member": 5,
  delegation: 6,
};

/**
 * Each country's category in one forum view on `date`. `active` is the memberships in force on
 * that date, when the caller has them already (derive.ts).
 */
export function forumStatus(
  dataset: Pick<Dataset, "memberships">,
  view: Exclude<ForumView, "overlap">,
  date: string,
  active: readonly Membership[] = activeMemberships(dataset.memberships, date),
): Map<Iso3, ForumStatus> {
  const forums = VIEW_FORUMS[view];
  const result = new Map<Iso3, ForumStatus>();
  for (const m of active) {
    if (!forums.includes(m.forum)) continue;
    const category = categoryOf(m);
    const existing = result.get(m.iso3);
    if (!existing) result.set(m.iso3, { iso3: m.iso3, category, memberships: [m] });
    else {
      existing.memberships.push(m);
      if (PRIORITY[category] < PRIORITY[existing.category]) existing.category = category;
    }
  }
  return result;
}

/** How many of the overlap forums each country belongs to on `date` (1–4; absent means 0). */
export function overlapCounts(
  dataset: Pick<Dataset, "memberships">,
  date: string,
  active: readonly Membership[] = activeMemberships(dataset.memberships, date),
): Map<Iso3, Forum[]> {
  const result = new Map<Iso3, Forum[]>();
  for (const m of active) {
    if (!OVERLAP_FORUMS.includes(m.forum)) continue;
    const forums = result.get(m.iso3) ?? [];
    if (!forums.includes(m.forum)) forums.push(m.forum);
    result.set(m.iso3, forums);
  }
  return result;
}

/** Who is in the forum view shown: each country's category in one forum, or its forums (overlap). */
export type ForumMembers =
  | { forum: "overlap"; overlap: Map<Iso3, Forum[]> }
  | { forum: Exclude<ForumView, "overlap">; statuses: Map<Iso3, ForumStatus> };

export function forumMembers(
  dataset: Pick<Dataset, "memberships">,
  forum: ForumView,
  date: string,
  active: readonly Membership[] = activeMemberships(dataset.memberships, date),
): ForumMembers {
  return forum === "overlap"
    ? { forum, overlap: overlapCounts(dataset, date, active) }
    : { forum, statuses: forumStatus(dataset, forum, date, active) };
}
