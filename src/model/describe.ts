/**
 * What the tooltip and the country panel say about a country: plain strings, no HTML. Pure.
 */
import type { Agreement, Dataset, Iso3, Membership, Source } from "../types.ts";
import { CONFIDENCE_LABELS, formatDate } from "./format.ts";
import { FORUM_NAMES, startText } from "./forums.ts";
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

/** "FORGE member (inferred)", "Pax Silica signatory since 12 Dec 2025". */
export function membershipLine(m: Membership): string {
  const name = m.forum === "ministerial" ? "Ministerial" : (FORUM_NAMES[m.forum].split(" (")[0] ?? m.forum);
  const basis = m.basis === "inferred" ? " (inferred)" : "";
  const since = startText(m);
  const until = m.until ? `, until ${formatDate(m.until)}` : "";
  return `${name} ${ROLE_LABELS[m.role] ?? m.role}${basis}, ${since}${until}`;
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
  /** Minerals where the country holds at least 1% of world supply. */
  minerals: CountryMineral[];
}

/** Every record for a country, with its sources resolved. */
export function panelModel(
  dataset: Pick<Dataset, "agreements" | "memberships">,
  iso3: Iso3,
  name: string,
  status: string,
  sources: ReadonlyMap<string, Source>,
  minerals: CountryMineral[],
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
