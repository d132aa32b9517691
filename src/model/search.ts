/**
 * Finding a country (or an organisation such as the EU, which has records but no shape on the map)
 * by the name a reader types: exact names, alternative names and codes first, then beginnings of
 * names and words, then a typo or two ("Austrlia", "Phillipines", "Columbia"). Pure.
 */
import type { Iso3 } from "../types.ts";

/** Anything a reader can look up: a place on the map, or an organisation with records. */
export interface Searchable {
  iso3: Iso3;
  name: string;
  /** Other names readers search for ("USA", "Burma", "DRC"). */
  altNames?: readonly string[];
}

export interface SearchHit {
  iso3: Iso3;
  name: string;
  /** The alternative name (or code, or the spelling it corrected) that matched, when it was not the main name. */
  matched: string | null;
}

/** Lower case, no accents, no punctuation: "Côte d'Ivoire" → "cote divoire". */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well a query matches, best first (ranks; a typo adds its distance in tenths). */
const Match = { Exact: 0, Prefix: 1, WordPrefix: 2, Inside: 3, Typo: 4 } as const;

/**
 * Edit distance with adjacent transpositions (optimal string alignment), giving up above `max`:
 * "austrlia"→"australia" is 1, "phillipines"→"philippines" 2.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** Typos tolerated: none in very short queries, one from 4 letters, two from 8. */
function typoBudget(query: string): number {
  return query.length >= 8 ? 2 : query.length >= 4 ? 1 : 0;
}

/** The initials of a multi-word name: "European Union" → "eu". */
function initials(name: string): string {
  const words = normalise(name).split(" ");
  return words.length > 1 ? words.map((w) => w[0]).join("") : "";
}

/** Letters of `query` that `name` lacks (a dropped letter is the commonest typo: "Austrlia"). */
function missingLetters(query: string, name: string): number {
  const pool = [...name];
  let missing = 0;
  for (const letter of query) {
    const at = pool.indexOf(letter);
    if (at < 0) missing++;
    else pool.splice(at, 1);
  }
  return missing;
}

/** The rank of a match (lower is better; null: no match). Typos rank by distance, then missing letters. */
function rankOf(query: string, name: string, isCode: boolean): number | null {
  const n = normalise(name);
  const compactQuery = query.replace(/ /g, "");
  // Codes ("DEU", "US") match whole, never inside: "EU" is not in Germany's "DEU".
  if (isCode) return n === query ? Match.Exact : null;
  if (n === query || n.replace(/ /g, "") === compactQuery) return Match.Exact;
  if (n.startsWith(query)) return Match.Prefix;
  if (n.split(" ").some((w) => w.startsWith(query))) return Match.WordPrefix;
  if (query.length >= 3 && n.includes(query)) return Match.Inside;
  const budget = typoBudget(compactQuery);
  if (budget === 0) return null;
  // The whole name, or one word of a longer name ("Korea Soth").
  const candidates = [n.replace(/ /g, ""), ...n.split(" ").filter((w) => w.length >= 4)];
  let best: number | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(compactQuery, candidate, budget);
    if (distance > budget) continue;
    const rank = Match.Typo + distance / 10 + missingLetters(compactQuery, candidate) / 100;
    if (best === null || rank < best) best = rank;
  }
  return best;
}

interface Ranked {
  hit: SearchHit;
  rank: number;
  alias: boolean;
}

function ranked(places: readonly Searchable[], query: string): Ranked[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: Ranked[] = [];
  for (const place of places) {
    const names: { text: string; code: boolean }[] = [
      { text: place.name, code: false },
      ...(place.altNames ?? []).map((text) => ({ text, code: false })),
      { text: place.iso3, code: true },
    ];
    const acronym = initials(place.name);
    if (acronym.length >= 2) names.push({ text: acronym.toUpperCase(), code: true });
    let best: { rank: number; matched: string | null } | null = null;
    for (const [i, { text, code }] of names.entries()) {
      const rank = rankOf(q, text, code);
      if (rank === null) continue;
      const matched = i === 0 && rank < Match.Typo ? null : text;
      if (!best || rank < best.rank || (rank === best.rank && best.matched !== null && matched === null)) {
        best = { rank, matched };
      }
    }
    if (best) {
      scored.push({
        hit: { iso3: place.iso3, name: place.name, matched: best.matched },
        rank: best.rank,
        alias: best.matched !== null && best.rank < Match.Typo,
      });
    }
  }
  return scored.sort(
    (a, b) => a.rank - b.rank || Number(a.alias) - Number(b.alias) || a.hit.name.localeCompare(b.hit.name),
  );
}

/**
 * Places and organisations matching `query`, best first: exact names, alternative names and codes;
 * then beginnings of names; then beginnings of words; then text inside a name; then near-misses.
 * At equal rank, a match on the main name comes before one on an alternative name ("united" finds
 * the United Arab Emirates, United Kingdom and United States before "United Republic of Tanzania").
 */
export function searchPlaces(places: readonly Searchable[], query: string, limit = 8): SearchHit[] {
  return ranked(places, query)
    .slice(0, limit)
    .map((r) => r.hit);
}

/** What pressing Enter in the search field should do. */
export type SearchOutcome =
  | { kind: "open"; hit: SearchHit }
  | { kind: "choose"; hits: SearchHit[]; message: string }
  | { kind: "none"; message: string };

/**
 * Enter opens the best match only when it is clearly better than the next (an exact name, alias or
 * code; a single match; the likeliest correction of a typo). When several names start alike
 * ("united"), the reader chooses from the list; when nothing matches, they are told so.
 */
export function resolveSearch(places: readonly Searchable[], query: string): SearchOutcome {
  const shown = query.trim();
  const all = ranked(places, query);
  const [first, second] = all;
  if (!first) return { kind: "none", message: `No country or organisation matches “${shown}”.` };
  const clearlyBest =
    !second || first.rank < second.rank || (first.rank === second.rank && !first.alias && second.alias);
  if (clearlyBest) return { kind: "open", hit: first.hit };
  const hits = all.slice(0, 8).map((r) => r.hit);
  const names = hits.slice(0, 4).map((hit) => hit.name);
  const count = all.length > 4 ? "Several places" : `${all.length} places`;
  return {
    kind: "choose",
    hits,
    message: `${count} match “${shown}”: ${names.join(", ")}${all.length > 4 ? ", …" : ""}. Pick one from the list.`,
  };
}
