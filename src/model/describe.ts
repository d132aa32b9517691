/**
 * What the tooltip and the country panel say about a country: plain strings, no HTML. Pure.
 */

import type { ForumView } from "../config.ts";
import type { Agreement, Dataset, Iso3, Membership, Source } from "../types.ts";
import { CONFIDENCE_LABELS, formatDate } from "./format.ts";
import { FORUM_SHORT_NAMES, OVERLAP_FORUMS, startText, VIEW_FORUMS } from "./forums.ts";
import type { CountryMineral } from "./insight.ts";
import { type CountryStatus, STATUS_LABELS } from "./status.ts";

export interface TooltipModel {
  title: string;
  rows: [string, string][];
}

export const TYPE_LABELS: Record<string, string> = {
  framework: "Framework",
  mou: "Memorandum of understanding",
  agreement: "Agreement",
  "joint-statement": "Joint statement",
  "investment-fund": "Joint investment fund",
  "trade-agreement": "Trade agreement with minerals provisions",
  "action-plan": "Action plan",
  "company-mou": "Company-level MOU",
  "investment-framework": "Investment framework",
};

const ROLE_LABELS: Record<string, string> = {
  member: "member",
  chair: "chair",
  signatory: "signatory",
  participant: "participant (not a signatory)",
  delegation: "delegation",
};

export function instrumentForm(agreement: Agreement): string {
  return agreement.type ? (TYPE_LABELS[agreement.type] ?? agreement.type) : "Form not published";
}

/** "member (inferred), since 4 Feb 2026", "signatory, since 12 Dec 2025": a membership without its forum. */
function roleLine(m: Membership): string {
  const basis = m.basis === "inferred" ? " (inferred)" : "";
  const until = m.until ? `, until ${formatDate(m.until)}` : "";
  return `${ROLE_LABELS[m.role] ?? m.role}${basis}, ${startText(m)}${until}`;
}

/** "FORGE member (inferred), since 4 Feb 2026", "Pax Silica signatory, since 12 Dec 2025". */
export function membershipLine(m: Membership): string {
  return `${FORUM_SHORT_NAMES[m.forum]} ${roleLine(m)}`;
}

/** The tooltip of a country in the pacts or forums view. */
export function countryTooltip(
  name: string,
  status: CountryStatus | undefined,
  memberships: readonly Membership[],
  categoryLabel: string | null,
): TooltipModel {
  const rows: [string, string][] = [];
  if (categoryLabel) rows.push(["Status", categoryLabel]);
  else if (status) rows.push(["Status", STATUS_LABELS[status.status]]);
  for (const a of status?.agreements ?? []) {
    rows.push([formatDate(a.date), `${instrumentForm(a)}: ${a.instrument}`]);
    if (a.confidence !== "high") rows.push(["", `${CONFIDENCE_LABELS[a.confidence]}: ${confidenceReason(a)}`]);
  }
  const forums = memberships.filter((m) => m.forum !== "ministerial").map(membershipLine);
  if (forums.length > 0) rows.push(["Forums", forums.join("; ")]);
  if (rows.length === 0) rows.push(["Status", "No pact or forum record"]);
  return { title: name, rows };
}

/**
 * The tooltip of a country in the forums view. It leads with the forums the map shows, each with its
 * own dates, then the other forums, then the US pacts with "signed" beside each date: a pact's date
 * under a forum's status read as the date the country joined that forum.
 */
export function forumTooltip(
  name: string,
  view: ForumView,
  status: CountryStatus | undefined,
  memberships: readonly Membership[],
  categoryLabel: string | null,
): TooltipModel {
  const shown: readonly string[] = view === "overlap" ? OVERLAP_FORUMS : VIEW_FORUMS[view];
  const own = memberships.filter((m) => shown.includes(m.forum));
  const rows: [string, string][] = [];
  if (view === "overlap") rows.push(["Forums", categoryLabel ?? "None on this date"]);
  else if (own.length === 0) rows.push([FORUM_SHORT_NAMES[view], "No record"]);
  for (const m of own) rows.push([FORUM_SHORT_NAMES[m.forum], capitalise(roleLine(m) + confidenceNote(m.confidence))]);
  const others = memberships.filter((m) => !shown.includes(m.forum) && m.forum !== "ministerial");
  if (others.length > 0) rows.push(["Other forums", others.map(membershipLine).join("; ")]);
  const pacts = status?.agreements ?? [];
  if (pacts.length > 0) {
    const lines = pacts.map((a) => `${instrumentForm(a)}, signed ${formatDate(a.date)}${confidenceNote(a.confidence)}`);
    rows.push([pacts.length === 1 ? "US pact" : "US pacts", lines.join("; ")]);
  }
  return { title: name, rows };
}

function confidenceNote(confidence: Agreement["confidence"]): string {
  return confidence === "high" ? "" : ` (${CONFIDENCE_LABELS[confidence].toLowerCase()})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a record is not high confidence, from its own notes (first sentence), or a generic reason. */
export function confidenceReason(agreement: Agreement): string {
  const note = agreement.dateNote || agreement.notes;
  const first = note.split(/(?<=\.)\s/)[0] ?? "";
  return first || "the sources disagree or are indirect";
}

/** The tooltip of an arc: instrument, date, first source. */
export function arcTooltip(agreement: Agreement, name: string, sources: ReadonlyMap<string, Source>): TooltipModel {
  const source = sources.get(agreement.sources[0] ?? "");
  const rows: [string, string][] = [
    ["Signed", formatDate(agreement.date)],
    ["Instrument", `${instrumentForm(agreement)}: ${agreement.instrument}`],
    ["Confidence", CONFIDENCE_LABELS[agreement.confidence]],
  ];
  if (source)
    rows.push(["Source", `${source.publisher}, ${formatDate(source.date)}${source.isMirror ? " (copy)" : ""}`]);
  return { title: `United States – ${name}`, rows };
}

export interface PanelModel {
  iso3: Iso3;
  name: string;
  status: string;
  agreements: { agreement: Agreement; form: string; date: string; sources: Source[] }[];
  memberships: { line: string; confidence: string; sources: Source[] }[];
  /** Minerals where the country holds at least 1% of world supply; null until the mineral tables arrive. */
  minerals: CountryMineral[] | null;
}

/** Every record for a country, with its sources resolved. */
export function panelModel(
  dataset: Pick<Dataset, "agreements" | "memberships">,
  iso3: Iso3,
  name: string,
  status: string,
  sources: ReadonlyMap<string, Source>,
  minerals: CountryMineral[] | null,
): PanelModel {
  const resolve = (ids: readonly string[]) => ids.map((id) => sources.get(id)).filter((s): s is Source => !!s);
  return {
    iso3,
    name,
    status,
    agreements: dataset.agreements
      .filter((a) => a.iso3 === iso3)
      .map((agreement) => ({
        agreement,
        form: instrumentForm(agreement),
        date: formatDate(agreement.date),
        sources: resolve(agreement.sources),
      })),
    memberships: dataset.memberships
      .filter((m) => m.iso3 === iso3)
      .map((m) => ({
        line: membershipLine(m),
        confidence: CONFIDENCE_LABELS[m.confidence],
        sources: resolve(m.sources),
      })),
    minerals,
  };
}
