/**
 * Counted nouns in plain English, from one place: "1 partner has", "3 partners have",
 * "11 signatories". Plural forms come from Intl.PluralRules, not from `n === 1` scattered about. Pure.
 */

/** A noun's singular and plural ("signatory", "signatories"). */
export interface Noun {
  one: string;
  other: string;
}

const rules = new Intl.PluralRules("en");

/** The form of `noun` that goes with `n`. */
export function form(n: number, noun: Noun): string {
  return rules.select(n) === "one" ? noun.one : noun.other;
}

/** "1 partner", "21 partners" (the number as given). */
export function counted(n: number, noun: Noun): string {
  return `${n} ${form(n, noun)}`;
}

export const NOUNS = {
  partner: { one: "partner", other: "partners" },
  country: { one: "country", other: "countries" },
  has: { one: "has", other: "have" },
  place: { one: "place", other: "places" },
} as const satisfies Record<string, Noun>;
