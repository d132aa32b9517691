/** Finding a country by the name a reader types, including common alternative names. Pure. */
import type { Iso3, Place } from "../types.ts";

export interface SearchHit {
  iso3: Iso3;
  name: string;
  /** The alternative name that matched, when it was not the main name. */
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

/** Places matching `query`: exact names first, then prefixes, then words, then substrings. */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const place of places) {
    let best: { score: number; matched: string | null } | null = null;
    for (const [i, name] of [place.name, ...place.altNames, place.iso3].entries()) {
      const n = normalise(name);
      const score =
        n === q ? 0 : n.startsWith(q) ? 1 : n.split(" ").some((w) => w.startsWith(q)) ? 2 : n.includes(q) ? 3 : -1;
      if (score >= 0 && (!best || score < best.score)) best = { score, matched: i === 0 ? null : name };
    }
    if (best) scored.push({ hit: { iso3: place.iso3, name: place.name, matched: best.matched }, score: best.score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((s) => s.hit);
}
