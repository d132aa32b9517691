/**
 * The sources and methodology panel: every source with how many records cite it, the definitions the
 * map rests on, and the known gaps. The wording follows data/README.md and the model code (status.ts,
 * forums.ts, bloc.ts, shares.ts, minerals.ts); every number is computed from the dataset. Pure.
 */
import { CHINA, MARKER_AREA_KM2, MINISTERIAL_DATE, STATE_MINISTERIAL_FACTSHEET } from "../config.ts";
import type { Dataset, LiveDataset, Source } from "../types.ts";
import { blocDefinition } from "./bloc.ts";
import { CONFIDENCE_LABELS, formatDate, formatNumber } from "./format.ts";
import { FORUM_NAMES, startText } from "./forums.ts";
import { hhiReading, SHARE_BREAKS, SOURCE_PRIORITY, STAGE_LABELS, shareClassLabel } from "./minerals.ts";
import { STATUS_LABELS } from "./status.ts";

/** One collator for every comparison (localeCompare with options builds one per call). */
const byText = new Intl.Collator("en", { sensitivity: "base" });

export interface MethodologySection {
  title: string;
  paragraphs: string[];
  /** Terms and their definitions (a definition list); empty when the section is prose only. */
  definitions: [string, string][];
}

export interface MethodologySource {
  id: string;
  publisher: string;
  title: string;
  /** "4 Feb 2026", "Nov 2025", "2025", or "undated". */
  date: string;
  url: string;
  isMirror: boolean;
  /** The original publisher/page of a copy, else "". */
  original: string;
  licence: string;
  /** How many records cite it: agreements, memberships, tallies, left-out records and mineral tables. */
  usedBy: number;
}

export interface MethodologyModel {
  /** ISO date of the latest dated record: where the timeline ends. */
  asOf: string;
  sections: MethodologySection[];
  /** Every source once, by publisher, then title. */
  sources: MethodologySource[];
}

/**
 * Opened before the mineral tables arrive (minerals.json loads when first needed), the panel says
 * so and leaves them out of its counts; it is built afresh when they arrive. `tablesFailed`: they
 * did not arrive (the panel then says so, not that they are still loading).
 */
export function methodologyModel(dataset: LiveDataset, tablesFailed = false): MethodologyModel {
  return {
    asOf: dataset.asOf,
    sections: [
      aboutSection(dataset, tablesFailed),
      statusSection(),
      tallySection(dataset),
      forumSection(),
      blocSection(),
      sharesSection(dataset),
      gapsSection(dataset),
      mapSection(),
    ],
    sources: sourcesOf(dataset),
  };
}

/** "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function aboutSection(dataset: LiveDataset, tablesFailed: boolean): MethodologySection {
  const pacts = dataset.agreements.filter((a) => a.kind === "pact").length;
  const partners = new Set(dataset.agreements.map((a) => a.iso3)).size;
  const withData = dataset.minerals.filter((m) => m.stages.length > 0).length;
  return {
    title: "About the data",
    paragraphs: [
      `The data run to ${formatDate(dataset.asOf)}, the latest dated record (agreement, membership or tally); the timeline ends there.`,
      `${plural(dataset.agreements.length, "agreement record", "agreement records")} (${pacts} pacts, ${dataset.agreements.length - pacts} other minerals deals) with ${partners} partners; ${dataset.memberships.length} forum membership records; ${dataset.tallies.length} numbers officials announced; ${tablesText(dataset, withData, tablesFailed)}; ${dataset.sources.length} sources.`,
      "Written record by record from official releases and news reports (agreements, forums, the ministerial) and from the USGS Mineral Commodity Summaries 2025 and 2026 data releases, the IEA Critical Minerals Dataset 2025 and the World Nuclear Association's uranium production table. Every record cites at least one source. News articles are linked, not copied; a “copy” is a mirror of an official page, and the original is named.",
    ],
    definitions: [
      ["High confidence", "Official text or several independent sources."],
      ["Medium confidence", "Between the two."],
      ["Low confidence", "One secondary source, or unverified."],
      ["On the map", "Records of medium or low confidence, and inferred memberships, are drawn with a dashed outline."],
    ],
  };
}

function tablesText(dataset: LiveDataset, withData: number, failed: boolean): string {
  const minerals = `${withData} of ${dataset.minerals.length} minerals`;
  if (dataset.mineralTables === null && failed)
    return `the published mineral tables covering ${minerals} (not loaded: the counts here leave them out)`;
  if (dataset.mineralTables === null)
    return `the published mineral tables covering ${minerals} (still loading: the counts here leave them out until they arrive)`;
  return `${dataset.mineralTables.length} published mineral tables covering ${minerals}`;
}

function statusSection(): MethodologySection {
  const ministerial = formatDate(MINISTERIAL_DATE);
  return {
    title: "Pact status and cohorts",
    paragraphs: [
      "A pact is a bilateral critical-minerals framework, MOU or agreement with the US; another minerals deal (an investment fund, a trade agreement with mineral clauses, an action plan, a company-level MOU, a joint statement) is counted apart.",
      "A country's status is the first that applies, in the order below. Each is as of the timeline date: a record counts from its signing date. Undated records cannot be placed on the timeline and are listed apart.",
    ],
    definitions: [
      [
        STATUS_LABELS.ministerial,
        `A pact signed on ${ministerial} at the Critical Minerals Ministerial in Washington.`,
      ],
      [STATUS_LABELS.before, "A pact of the earlier or pre-ministerial cohort."],
      [STATUS_LABELS.after, "A pact of the post-ministerial cohort."],
      [STATUS_LABELS.related, "Only other minerals-related deals, no pact."],
      [STATUS_LABELS.delegation, "A delegation at the ministerial and no agreement."],
      ["Cohort: earlier", "2025, before the roughly five-month run-up to the ministerial."],
      [
        "Cohort: pre-ministerial",
        "About September 2025 to 3 Feb 2026: the pool for the State Department's “10 signed in the months before”.",
      ],
      ["Cohort: ministerial", `${ministerial}, at the Critical Minerals Ministerial in Washington.`],
      ["Cohort: post-ministerial", "After the ministerial."],
    ],
  };
}

function tallySection(dataset: LiveDataset): MethodologySection {
  const countries = (count: string) => [
    ...new Set(dataset.agreements.filter((a) => a.stateCount === count).map((a) => a.country)),
  ];
  const likely = countries("prior-10-likely");
  const candidates = countries("prior-10-candidate");
  const eleven = countries("ministerial-11");
  return {
    title: "Numbers officials announced",
    paragraphs: [
      "Officials announced some numbers without naming every country behind them. The app states these numbers as announced, on no country, and marks how each agreement relates to them.",
    ],
    definitions: [
      ...dataset.tallies.map((t): [string, string] => [String(t.value), `${t.label}. As of ${formatDate(t.asOf)}.`]),
      [
        "One of the 11 at the ministerial",
        `${plural(eleven.length, "country is", "countries are")} recorded among them: ${list(eleven)}.`,
      ],
      [
        "Likely one of the 10 before",
        `${likely.length}: ${list(likely)}. None is named as one by the State Department.`,
      ],
      ["Candidate for the 10 before", `${candidates.length} unresolved: ${list(candidates)}.`],
    ],
  };
}

function forumSection(): MethodologySection {
  return {
    title: "Forums",
    paragraphs: [
      "A membership counts from its start date until the day before its end date. A membership with no published start date counts only from the day a source shows it holds, and says so (“signed by 20 Feb 2026”, with the earliest day the sources allow); one that no source dates at all is listed but not on the timeline. Minerals Security Partnership memberships end on 4 Feb 2026, when FORGE replaced it.",
    ],
    definitions: [
      [
        FORUM_NAMES.forge,
        "Replaced the Minerals Security Partnership on 4 Feb 2026. It has no official roster (see Known gaps).",
      ],
      [FORUM_NAMES.msp, "Members and chair, until 4 Feb 2026; the MSP Forum is its outreach arm."],
      [FORUM_NAMES["pax-silica"], "Signatories of the Pax Silica Declaration, and participants who did not sign."],
      [FORUM_NAMES.ministerial, "The delegations at the ministerial."],
      ["Official", "A government roster or statement."],
      ["Reported", "A news report."],
      ["Inferred", "Deduced, e.g. Minerals Security Partnership members carried over to FORGE."],
    ],
  };
}

function blocSection(): MethodologySection {
  return {
    title: "The bloc",
    paragraphs: [
      blocDefinition({ forge: false, paxSilica: false }),
      `Optionally, the bloc also counts FORGE members and Pax Silica signatories in force on the timeline date (participants who did not sign are not counted). With both options on: ${blocDefinition({ forge: true, paxSilica: true })}`,
      "China is never in the bloc. A bloc member whose value the source withheld has an unknown share, not zero. The rest is everyone else, “Other countries” included.",
    ],
    definitions: [],
  };
}

function sharesSection(dataset: LiveDataset): MethodologySection {
  const priority = SOURCE_PRIORITY.map((id) => dataset.sources.find((s) => s.id === id))
    .filter((s): s is Source => s !== undefined)
    .map((s) => `${s.publisher}, ${s.title}`);
  const classes = [...SHARE_BREAKS.map((_, i) => i), SHARE_BREAKS.length].map(shareClassLabel);
  return {
    title: "Shares and concentration",
    paragraphs: [
      "One table is one mineral, stage (mine production, refining or reserves), year and source, as published. Two sources covering the same year are separate tables, never added together.",
      `When two sources publish the same mineral, stage and year, the map shows the newest edition of the most direct source, in this order: ${priority.join("; ")}.`,
      `The map colours countries by share of world supply in these classes: ${list(classes)}. Zero and withheld values are told apart from “no data”.`,
    ],
    definitions: [
      [
        "Share of world",
        "A country's value ÷ the table's published world total (not the sum of the rows), to 4 decimals. None when the world total is only a lower bound, missing or zero.",
      ],
      ["Top country", "The largest named producer and its share; ties are all named."],
      ["Top-3 share", "The three largest named countries' shares added."],
      [
        "Herfindahl–Hirschman index (HHI)",
        "On the 0–1 scale (× 10,000 for the antitrust scale): the sum of the squared shares of named countries only. “Other countries” is excluded: it lumps several producers whose split is unknown. The HHI is therefore a lower bound; it is capped at 1, which rounding can otherwise exceed.",
      ],
      [
        "Reading the HHI",
        `Above 0.18: ${hhiReading(0.19)}; 0.10 to 0.18: ${hhiReading(0.1)}; below 0.10: ${hhiReading(0.09)} (2023 US Merger Guidelines).`,
      ],
      [
        "Shares need not add up to 1",
        "Sources round each figure independently, so the rows of a table rarely add up to exactly the world total. The build accepts a table when the gap is within what rounding to the printed digits can explain.",
      ],
    ],
  };
}

function gapsSection(dataset: LiveDataset): MethodologySection {
  const tally = (id: string) => dataset.tallies.find((t) => t.id === id)?.value;
  const paragraphs: string[] = [];
  const concluded = tally("negotiations-concluded");
  if (concluded !== undefined) {
    paragraphs.push(
      `The ${concluded} countries that concluded negotiations are not named in any source. Only the State Department's number exists; the app states it ("${concluded} more concluded, not named") on no country.`,
    );
  }
  const prior = tally("prior-signed");
  if (prior !== undefined) {
    const likely = new Set(dataset.agreements.filter((a) => a.stateCount === "prior-10-likely").map((a) => a.iso3));
    const candidates = new Set(
      dataset.agreements.filter((a) => a.stateCount === "prior-10-candidate").map((a) => a.iso3),
    );
    paragraphs.push(
      `The ${prior} pacts signed before the ministerial were never listed. ${likely.size} are likely and ${candidates.size} are unresolved candidates, each shown with its confidence; the count itself comes from the State Department's tally.`,
    );
  }
  const ministerial = tally("ministerial-signed");
  if (ministerial !== undefined) {
    // The records counted among the 11 that the State Department's fact sheet does not cite.
    const eleven = dataset.agreements.filter((a) => a.stateCount === "ministerial-11");
    const named = eleven.filter((a) => a.sources.includes(STATE_MINISTERIAL_FACTSHEET));
    const unnamed = eleven.filter((a) => !a.sources.includes(STATE_MINISTERIAL_FACTSHEET));
    const probable = unnamed.map(
      (a) =>
        `${a.country} (${CONFIDENCE_LABELS[a.confidence].toLowerCase()}, ${plural(a.sources.length, "source", "sources")})`,
    );
    paragraphs.push(
      `The State Department named ${named.length} of the ${ministerial} ministerial agreements.${
        probable.length > 0 ? ` Recorded as the rest, from other sources: ${list(probable)}.` : ""
      }${named.length + unnamed.length < ministerial ? ` ${ministerial - named.length - unnamed.length} are not identified.` : ""}`,
    );
  }
  for (const a of dataset.agreements.filter((x) => x.type === null)) {
    paragraphs.push(`${a.country}'s instrument has no published title or text: its form is left empty.`);
  }
  for (const a of dataset.agreements.filter((x) => x.date === null)) {
    paragraphs.push(
      `${a.country}: “${a.instrument}” has no published date (${CONFIDENCE_LABELS[a.confidence].toLowerCase()}, ${plural(a.sources.length, "source", "sources")}), so it is not on the timeline.`,
    );
  }
  for (const l of dataset.leftOut) {
    const when = l.reportedDate ? ` (reported for ${formatDate(l.reportedDate)})` : "";
    paragraphs.push(`${l.country}: “${l.instrument}”${when} is left out. ${l.reason}`);
  }
  const forge = dataset.memberships.filter((m) => m.forum === "forge");
  const inferred = forge.filter((m) => m.basis === "inferred");
  const joiners = forge.filter((m) => m.basis === "reported");
  if (forge.length > 0) {
    const joined = joiners.map(
      (m) => `${m.country}, ${CONFIDENCE_LABELS[m.confidence].toLowerCase()}: ${startText(m)}`,
    );
    paragraphs.push(
      `FORGE has no official roster. ${inferred.length} of its ${forge.length} membership records are inferred: Minerals Security Partnership partners reported to carry over${joined.length ? `; plus reported joiners: ${joined.join("; ")}` : ""}.`,
    );
  }
  const latest = latestSourceDate(dataset);
  if (latest) {
    paragraphs.push(
      `The latest source behind a pact, forum or tally record is dated ${formatDate(latest)}; nothing later was found, a gap in sources, not evidence of inactivity. The timeline ends at the latest record, ${formatDate(dataset.asOf)}.`,
    );
  }
  for (const m of dataset.minerals.filter((x) => x.stages.length === 0)) {
    paragraphs.push(`${m.name} has no country data and no table: ${m.note}`);
  }
  paragraphs.push(
    ...tableGaps(dataset),
    `China (${CHINA}) is shown apart, never in the bloc. The European Union has no geometry: its records are listed in text and in the table, not drawn.`,
  );
  return { title: "Known gaps", paragraphs, definitions: [] };
}

/** The known gaps of the mineral tables (none to tell before they arrive). */
function tableGaps(dataset: LiveDataset): string[] {
  if (dataset.mineralTables === null) return [];
  const tables = dataset.mineralTables;
  const paragraphs: string[] = [];
  const rows = tables.flatMap((t) => t.rows);
  const withheld = rows.filter((r) => r.flag === "withheld").length;
  const unavailable = rows.filter((r) => r.flag === "not-available").length;
  const small = [...rows, ...tables.flatMap((t) => (t.other ? [t.other] : []))].filter(
    (r) => r.flag === "small",
  ).length;
  // The catalogue's notes say which world totals leave out the withheld US production.
  const excluding = dataset.minerals.filter((m) => /world totals? exclude/i.test(m.note)).map((m) => m.name);
  paragraphs.push(
    `${withheld} country values are withheld by the source and ${unavailable} are not available. ${small > 0 ? ` ${small} are given only as “small” (USGS “s” or “Small”, no figure).` : ""} They are kept with no share and shown as “withheld”, “not available” or “small”, never as zero.${
      excluding.length > 0
        ? ` For ${list(excluding.map((n) => n.toLowerCase()))} the USGS notes say the world total excludes the withheld US production.`
        : ""
    }`,
  );
  const bounded = tables.filter((t) => t.world.flag === "greater-than");
  if (bounded.length > 0) {
    const names = [...new Set(bounded.map((t) => `${mineralName(dataset, t.mineral).toLowerCase()} ${t.stage}`))];
    paragraphs.push(
      `${plural(bounded.length, "table gives", "tables give")} the world total only as a lower bound (${list(names)}): the values are kept, with no shares or HHI.`,
    );
  }
  const ieaOnly = dataset.minerals.filter((m) => {
    const refining = tables.filter((t) => t.mineral === m.slug && t.stage === "refining");
    return refining.length > 0 && refining.every((t) => t.source === "iea-cmd-2025");
  });
  const iea = dataset.sources.find((s) => s.id === "iea-cmd-2025");
  if (ieaOnly.length > 0 && iea) {
    paragraphs.push(
      `Refining by country for ${list(ieaOnly.map((m) => m.name.toLowerCase()))} comes only from the IEA (${iea.title})${iea.isMirror ? ", read from a third-party conversion of the IEA workbook (marked as a copy)" : ""}; USGS publishes none. Mining and refining of graphite and rare earths are different series and not comparable in tonnage.`,
    );
  }
  for (const t of tables.filter((x) => x.sumNote)) {
    paragraphs.push(
      `${mineralName(dataset, t.mineral)}, ${STAGE_LABELS[t.stage].toLowerCase()} ${t.year}: the shares add up to ${t.shareSum ?? "n/a"}, more than rounding explains. ${t.sumNote}`,
    );
  }
  return paragraphs;
}

function mapSection(): MethodologySection {
  return {
    title: "The map",
    paragraphs: [
      `World geometry: Natural Earth 1:50m countries (public domain) via the world-atlas package, keyed by ISO 3166-1 alpha-3. Kosovo is XKX; Northern Cyprus and Somaliland are merged into Cyprus and Somalia (ISO 3166 recognises neither); the Siachen Glacier into India, which administers it; Australia's Indian Ocean Territories into Australia. States under ${formatNumber(MARKER_AREA_KM2)} km² are drawn with a point marker as well.`,
    ],
    definitions: [],
  };
}

/** The latest publication date (full or partial) of any source a pact, forum or tally record cites. */
function latestSourceDate(dataset: LiveDataset): string | null {
  const cited = new Set([
    ...dataset.agreements.flatMap((a) => a.sources),
    ...dataset.memberships.flatMap((m) => m.sources),
    ...dataset.tallies.flatMap((t) => t.sources),
  ]);
  const dates = dataset.sources.filter((s) => cited.has(s.id) && s.date !== null).map((s) => s.date ?? "");
  return dates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
}

function mineralName(dataset: Pick<Dataset, "minerals">, slug: string): string {
  return dataset.minerals.find((m) => m.slug === slug)?.name ?? slug;
}

/** Every source once, with how many records cite it, by publisher then title. */
function sourcesOf(dataset: LiveDataset): MethodologySource[] {
  const used = new Map<string, number>();
  const cite = (ids: readonly string[]) => {
    for (const id of new Set(ids)) used.set(id, (used.get(id) ?? 0) + 1);
  };
  for (const a of dataset.agreements) cite(a.sources);
  for (const m of dataset.memberships) cite(m.sources);
  for (const t of dataset.tallies) cite(t.sources);
  for (const l of dataset.leftOut) cite(l.sources);
  for (const t of dataset.mineralTables ?? []) cite([t.source]);
  return dataset.sources
    .map((s) => ({
      id: s.id,
      publisher: s.publisher,
      title: s.title,
      date: s.date ? formatDate(s.date) : "undated",
      url: s.url,
      isMirror: s.isMirror,
      original: s.original,
      licence: s.licence,
      usedBy: used.get(s.id) ?? 0,
    }))
    .sort(
      (a, b) => byText.compare(a.publisher, b.publisher) || byText.compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
    );
}
