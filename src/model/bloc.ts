/**
 * The question the map exists for: what share of world supply does the bloc hold, against China's?
 * Pure.
 *
 * The bloc, as of a date: the United States plus every country with a bilateral critical-minerals
 * pact with the US signed by then; optionally plus FORGE members and Pax Silica signatories in
 * force on that date. The European Union's own pact is not counted country by country (it binds
 * the EU, not each member state's output). China is never in the bloc.
 */
import { CHINA, HUB } from "../config.ts";
import type { Dataset, Iso3, MineralTable } from "../types.ts";
import { activeMemberships } from "./forums.ts";

export interface BlocOptions {
  forge: boolean;
  paxSilica: boolean;
}

/** Countries in the bloc on `date`. */
export function blocMembers(
  dataset: Pick<Dataset, "agreements" | "memberships">,
  date: string,
  options: BlocOptions,
): Set<Iso3> {
  const members = new Set<Iso3>([HUB]);
  for (const a of dataset.agreements) {
    if (a.kind === "pact" && a.date !== null && a.date <= date) members.add(a.iso3);
  }
  for (const m of activeMemberships(dataset.memberships, date)) {
    if (options.forge && m.forum === "forge") members.add(m.iso3);
    if (options.paxSilica && m.forum === "pax-silica" && m.role === "signatory") members.add(m.iso3);
  }
  members.delete("EUU");
  members.delete(CHINA);
  return members;
}

/** One sentence that defines the bloc, shown next to every bloc figure. */
export function blocDefinition(options: BlocOptions): string {
  const extras = [options.forge ? "FORGE members" : "", options.paxSilica ? "Pax Silica signatories" : ""].filter(
    Boolean,
  );
  const base = "Bloc: the US and countries with a critical-minerals pact signed with it by the timeline date";
  return `${base}${extras.length ? `, plus ${extras.join(" and ")}` : ""}. The EU's own pact is not counted country by country.`;
}

export interface BlocShares {
  mineral: string;
  china: number;
  bloc: number;
  /** Everyone else, "Other countries" included: 1 − bloc − China, never below 0. */
  rest: number;
  /** Bloc members in the table whose value the source withheld: their share is unknown, not zero. */
  withheld: Iso3[];
  /** True when China is not among the named countries (its share may hide in "Other countries"). */
  chinaUnlisted: boolean;
}

/** Bloc and China shares of one table; null when the table has no shares (world total only a bound). */
export function blocShares(table: MineralTable, members: ReadonlySet<Iso3>): BlocShares | null {
  if (table.world.value === null || table.world.flag === "greater-than") return null;
  let bloc = 0;
  let china = 0;
  let chinaListed = false;
  const withheld: Iso3[] = [];
  for (const row of table.rows) {
    if (row.iso3 === CHINA) {
      chinaListed = true;
      china = row.share ?? 0;
    } else if (members.has(row.iso3)) {
      if (row.share === null) withheld.push(row.iso3);
      else bloc += row.share;
    }
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    mineral: table.mineral,
    china: round(china),
    bloc: round(bloc),
    rest: round(Math.max(0, 1 - bloc - china)),
    withheld,
    chinaUnlisted: !chinaListed,
  };
}
