/**
 * What the current view is called: in the page's title, the embed snippet's iframe title and the
 * names of downloaded files. Each names only what its view uses: the mineral, stage and data year
 * of a minerals view, the forum and date of a forums view, the date of the pacts. Pure.
 */
import type { ForumView, View } from "../config.ts";
import type { Scene } from "../model/derive.ts";
import { formatDate } from "../model/format.ts";
import type { Stage } from "../types.ts";

export const SITE_NAME = "Critical Minerals Map";

export interface NamedView {
  view: View;
  forum: ForumView;
}

type NamedScene = Pick<Scene, "date" | "minerals">;

/** The stage as it reads after a mineral's name: "Lithium refining", "Cobalt mine production". */
const STAGE_WORDS: Record<Stage, string> = {
  mine: "mine production",
  refining: "refining",
  reserves: "reserves",
};

/** The stage in a file name. */
const STAGE_SLUGS: Record<Stage, string> = {
  mine: "mine-production",
  refining: "refining",
  reserves: "reserves",
};

const FORUM_WORDS: Record<ForumView, string> = {
  forge: "FORGE members",
  msp: "Minerals Security Partnership members",
  "pax-silica": "Pax Silica members",
  ministerial: "Delegations to the Critical Minerals Ministerial",
  overlap: "Membership of FORGE, MSP, Pax Silica and the ministerial",
};

const FORUM_SLUGS: Record<ForumView, string> = {
  forge: "forge",
  msp: "msp",
  "pax-silica": "pax-silica",
  ministerial: "ministerial",
  overlap: "forums-overlap",
};

/** "Lithium refining, 2024"; "Pax Silica members, 20 Feb 2026"; "Critical-minerals pacts with the US, 26 May 2026". */
export function viewName(scene: NamedScene, state: NamedView, dated = true): string {
  if (state.view === "minerals") {
    const mineral = scene.minerals?.mineral;
    const choice = scene.minerals?.choice;
    if (!mineral) return "Critical minerals";
    // A mineral without a country table (germanium) has no stage or year to name.
    if (!choice) return mineral.name;
    const what = `${mineral.name} ${STAGE_WORDS[choice.stage]}`;
    return dated ? `${what}, ${choice.year}` : what;
  }
  const what = state.view === "forums" ? FORUM_WORDS[state.forum] : "Critical-minerals pacts with the US";
  return dated ? `${what}, ${formatDate(scene.date)}` : what;
}

/** The page's title: "Lithium refining, 2024 — Critical Minerals Map". */
export function pageTitle(scene: NamedScene, state: NamedView): string {
  return `${viewName(scene, state)} — ${SITE_NAME}`;
}

/**
 * An embed snippet's iframe title: the page's title, with the date (or a minerals view's year) only
 * where the address pins it. An embed without `date` (or `year`) follows the latest data, so a date
 * in its title, fixed in the article's HTML, would turn false when the data move on.
 */
export function embedTitle(scene: NamedScene, state: NamedView & { date: string | null; year: number | null }): string {
  const pinned = state.view === "minerals" ? state.year !== null : state.date !== null;
  return `${viewName(scene, state, pinned)} — ${SITE_NAME}`;
}

/** Lower-case ASCII words joined by hyphens: "Rare earths" → "rare-earths". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A download's file name without extension: "critical-minerals-lithium-refining-2024",
 * "critical-minerals-pax-silica-2026-02-20", "critical-minerals-pacts-2026-05-26".
 */
export function fileStem(scene: NamedScene, state: NamedView): string {
  if (state.view === "minerals") {
    const mineral = scene.minerals?.mineral;
    const choice = scene.minerals?.choice;
    if (!mineral) return `critical-minerals-minerals-${scene.date}`;
    const slug = slugify(mineral.slug) || "mineral";
    if (!choice) return `critical-minerals-${slug}`;
    return `critical-minerals-${slug}-${STAGE_SLUGS[choice.stage]}-${choice.year}`;
  }
  const what = state.view === "forums" ? FORUM_SLUGS[state.forum] : "pacts";
  return `critical-minerals-${what}-${scene.date}`;
}
