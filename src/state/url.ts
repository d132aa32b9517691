/**
 * URL ⇄ state (DESIGN §3). Pure. Unknown or invalid values are dropped with one warning each and
 * never reach the page as HTML; defaults are omitted, so the default state is the empty query.
 */
import { type AppState, DEFAULT_STATE, FORUM_VIEWS, STAGES, THEME_SETTINGS, VIEWS } from "./state.ts";

export interface ParsedSearch {
  state: AppState;
  warnings: string[];
}

const KNOWN = new Set([
  "view",
  "forum",
  "mineral",
  "stage",
  "year",
  "date",
  "arcs",
  "bloc",
  "country",
  "embed",
  "theme",
  "table",
  // The embed's own (src/embed/parts.ts reads them) and those a Pym.js parent adds to the frame.
  "parts",
  "fit",
  "initialWidth",
  "childId",
  "parentTitle",
  "parentUrl",
]);
const BLOC_EXTRAS = ["forge", "pax-silica"];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO3 = /^[A-Z]{3}$/;

/** Reads a query string ("?view=forums&forum=msp") into a full state, with warnings for what it ignored. */
export function parseSearch(search: string): ParsedSearch {
  const params = new URLSearchParams(search);
  const state: AppState = { ...DEFAULT_STATE };
  const warnings: string[] = [];
  const warn = (key: string, value: string, expected: string) =>
    warnings.push(`Ignoring URL parameter ${key}=${JSON.stringify(value.slice(0, 40))}: expected ${expected}.`);

  for (const [key, value] of params) {
    if (!KNOWN.has(key)) {
      warnings.push(`Ignoring unknown URL parameter "${key.slice(0, 40)}".`);
      continue;
    }
    switch (key) {
      case "view":
        if (isOneOf(VIEWS, value)) state.view = value;
        else warn(key, value, VIEWS.join(", "));
        break;
      case "forum":
        if (isOneOf(FORUM_VIEWS, value)) state.forum = value;
        else warn(key, value, FORUM_VIEWS.join(", "));
        break;
      case "mineral":
        if (SLUG.test(value)) state.mineral = value;
        else warn(key, value, "a mineral slug such as lithium");
        break;
      case "stage":
        if (isOneOf(STAGES, value)) state.stage = value;
        else warn(key, value, STAGES.join(", "));
        break;
      case "year":
        if (/^\d{4}$/.test(value)) state.year = Number(value);
        else warn(key, value, "a four-digit year");
        break;
      case "date":
        if (isIsoDate(value)) state.date = value;
        else warn(key, value, "a date as YYYY-MM-DD");
        break;
      case "arcs":
        if (value === "0" || value === "1") state.arcs = value === "1";
        else warn(key, value, "0 or 1");
        break;
      case "bloc": {
        const parts = value.split(/[~,]/);
        if (parts.every((p) => BLOC_EXTRAS.includes(p))) {
          state.blocForge = parts.includes("forge");
          state.blocPax = parts.includes("pax-silica");
        } else warn(key, value, "forge, pax-silica or forge~pax-silica");
        break;
      }
      case "country":
        if (ISO3.test(value.toUpperCase())) state.country = value.toUpperCase();
        else warn(key, value, "an ISO 3166-1 alpha-3 code such as AUS");
        break;
      case "embed":
        if (value === "0" || value === "1") state.embed = value === "1";
        else warn(key, value, "0 or 1");
        break;
      case "table":
        if (value === "0" || value === "1") state.table = value === "1";
        else warn(key, value, "0 or 1");
        break;
      case "theme":
        if (isOneOf(THEME_SETTINGS, value)) state.theme = value;
        else warn(key, value, THEME_SETTINGS.join(", "));
        break;
    }
  }
  return { state, warnings };
}

/** Writes the state as a query string without defaults ("" for the default state). */
export function toSearch(state: AppState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (state.view !== d.view) params.set("view", state.view);
  if (state.forum !== d.forum) params.set("forum", state.forum);
  if (state.mineral !== d.mineral) params.set("mineral", state.mineral);
  if (state.stage !== d.stage) params.set("stage", state.stage);
  if (state.year !== null) params.set("year", String(state.year));
  if (state.date !== null) params.set("date", state.date);
  if (state.arcs !== d.arcs) params.set("arcs", state.arcs ? "1" : "0");
  const bloc = [state.blocForge ? "forge" : "", state.blocPax ? "pax-silica" : ""].filter(Boolean);
  if (bloc.length > 0) params.set("bloc", bloc.join("~"));
  if (state.country !== null) params.set("country", state.country);
  if (state.embed) params.set("embed", "1");
  if (state.theme !== d.theme) params.set("theme", state.theme);
  if (state.table) params.set("table", "1");
  // "~" joins lists (OWID's lesson: "+" and "," get rewritten by social sites); keep it readable.
  const query = params.toString().replace(/%7E/gi, "~");
  return query ? `?${query}` : "";
}

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
