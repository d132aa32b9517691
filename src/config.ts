/**
 * Project-wide constants. Vocabularies are `as const` arrays so one list gives both the type (a
 * string-literal union) and the runtime check the data build and the loader use.
 */

// ─── App vocabularies (the views and themes a reader can choose; src/state/url.ts reads them) ───

/** What colours the map. */
export const VIEWS = ["pacts", "forums", "minerals"] as const;
export type View = (typeof VIEWS)[number];
/** The forums view's choices: one forum, the ministerial's delegations, or how many forums a country is in. */
export const FORUM_VIEWS = ["forge", "msp", "pax-silica", "ministerial", "overlap"] as const;
export type ForumView = (typeof FORUM_VIEWS)[number];
/** The colour themes drawn. */
export type Theme = "light" | "dark";

// ─── Data vocabularies (data/README.md documents each) ──────────────────────────────────────────

/** Supply-chain stage of a mineral table. */
export const STAGES = ["mine", "refining", "reserves"] as const;

/** When a US agreement was signed relative to the 4 Feb 2026 ministerial (as the dossier defines). */
export const COHORTS = ["earlier", "pre-ministerial", "ministerial", "post-ministerial"] as const;

/** The Critical Minerals Ministerial in Washington: the boundary between cohorts. */
export const MINISTERIAL_DATE = "2026-02-04";

/** `pact`: a bilateral critical-minerals framework/MOU/agreement; `related`: another minerals deal. */
export const AGREEMENT_KINDS = ["pact", "related"] as const;

/** The form of an instrument. */
export const AGREEMENT_TYPES = [
  "framework",
  "mou",
  "agreement",
  "joint-statement",
  "investment-fund",
  "trade-agreement",
  "action-plan",
  "company-mou",
  "investment-framework",
] as const;

/** How a record relates to the State Department's announced tallies (11 at, 10 before the ministerial). */
export const STATE_COUNTS = ["ministerial-11", "prior-10", "prior-10-likely", "prior-10-candidate", "none"] as const;

export const CONFIDENCES = ["high", "medium", "low"] as const;

export const FORUMS = ["forge", "msp", "msp-forum", "pax-silica", "ministerial"] as const;

export const ROLES = ["member", "chair", "signatory", "participant", "delegation"] as const;

/** `official` roster or statement, `reported` by news, or `inferred` (e.g. MSP members carried over). */
export const BASES = ["official", "reported", "inferred"] as const;

/** Why a published mineral value is missing or only a bound. */
export const VALUE_FLAGS = ["withheld", "not-available", "greater-than"] as const;

/** Aggregate rows of a mineral table, as published: the world total and "Other countries". */
export const WORLD = "WLD";
export const OTHER = "OTH";

/** The United States: the hub of every pact and arc. */
export const HUB = "USA";
/** China: the supplier the bloc is built to counter; never in the bloc, always shown apart. */
export const CHINA = "CHN";

/** Below this area (km²) a place is hard to see at world zoom: the build gives it a point marker. */
export const MARKER_AREA_KM2 = 15_000;

/** The State Department's fact sheet of the ministerial: the records it names are "named by State". */
export const STATE_MINISTERIAL_FACTSHEET = "state-2026-02-04-ministerial-factsheet";

/** The one-line source credit (also in index.html's footer and in downloaded images). */
export const CREDIT =
  "Sources: US State Department and partner governments, news reports; USGS Mineral Commodity Summaries 2025–2026; IEA; World Nuclear Association. Map: Natural Earth.";
