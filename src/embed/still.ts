/**
 * The still of a view, the pure part: what the picture made at build time shows (the view's
 * default state, light theme) and the words around it, for the frame where scripts cannot run and
 * for link previews; and the addresses of the site's preview files and its oEmbed response.
 * No DOM: tested in Node, drawn by src/ui/still.ts, written into the build by scripts/stills.ts.
 */
import type { View } from "../config.ts";
import type { MapView } from "../map/view.ts";
import type { Category } from "../model/choropleth.ts";
import { deriveScene, type Index } from "../model/derive.ts";
import { exportTextOf } from "../present/export.ts";
import { mapViewBuilder } from "../present/map.ts";
import { resolveState } from "../state/resolve.ts";
import { DEFAULT_STATE } from "../state/state.ts";
import type { Dataset } from "../types.ts";
import { embedHeadline } from "./embed.ts";
import { embedSnippet } from "./snippet.ts";

/** The size Open Graph and Twitter's large card expect (1.91:1). */
export const STILL_WIDTH = 1200;
export const STILL_HEIGHT = 630;

/** The site's name in link previews and oEmbed. */
export const SITE_NAME = "Critical Minerals Map";

/** The three main views, each with its own picture; the first is the one a bare address shows. */
export const STILL_VIEWS: readonly View[] = ["pacts", "forums", "minerals"];

export interface Still {
  view: View;
  /** The embed's one-line headline of this state (what the picture shows, as of when). */
  headline: string;
  /** The view's one-sentence summary: og:description and the picture's alternative text. */
  summary: string;
  legendTitle: string;
  categories: Category[];
  /** Source credit with the date of the data shown. */
  credit: string;
  /** What the picture draws (no selection, no hover). */
  map: MapView;
  /** The address, relative to the site, of the full map of the same state: `./` or `./?view=forums`. */
  href: string;
}

/** The still of `view` in its default state, from the same derivations as the live map. */
export function stillOf(dataset: Dataset, index: Index, view: View): Still {
  const state = resolveState({ ...DEFAULT_STATE, view }, dataset, { index });
  const scene = deriveScene(dataset, index, state, "light");
  const text = exportTextOf(dataset, index, scene, view);
  const map = mapViewBuilder(dataset.places)({
    scene,
    theme: "light",
    view,
    country: null,
    legendFilter: null,
    legendHover: null,
    hovered: null,
  });
  return {
    view,
    headline: embedHeadline(scene),
    summary: scene.summary,
    legendTitle: text.legendTitle,
    categories: text.categories.filter((c) => c.count > 0),
    credit: text.credit,
    map,
    href: view === DEFAULT_STATE.view ? "./" : `./?view=${view}`,
  };
}

/** Where a view's preview picture sits in the built site. */
export function previewPath(view: View): string {
  return `previews/${view}.png`;
}

/** The static oEmbed response, next to index.html. */
export const OEMBED_PATH = "oembed.json";

/**
 * The frame a CMS gets from oEmbed: 700 px wide (a common article column) and `fit=1`, so it
 * compacts to the height it is given instead of scrolling inside (src/embed/parts.ts). 670 px is
 * the default view's height at 700 px (tests/e2e/stills.e2e.ts measures it).
 */
export const OEMBED_FRAME = { width: 700, height: 670 } as const;

/**
 * The address the built site is served from (`SITE_URL` at build time): absolute, http(s), ending
 * in a slash. Open Graph images and oEmbed responses need absolute addresses; a static build cannot
 * know its host. Unset: the address `npm run preview` serves, so the tags are valid and work locally.
 */
export const DEFAULT_SITE_URL = "http://127.0.0.1:4173/";

export function siteUrlOf(setting: string | undefined): string {
  const value = setting?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `SITE_URL must be an absolute address such as https://example.org/graphics/minerals/, not "${value}"`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`SITE_URL must be an http(s) address, not "${value}"`);
  }
  if (url.search || url.hash) throw new Error(`SITE_URL must not carry a query or fragment: "${value}"`);
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url.href;
}

export interface PageMeta {
  /** [attribute, name, content]: `property` for Open Graph, `name` for Twitter. */
  tags: [attr: "property" | "name", key: string, content: string][];
  oembed: { href: string; title: string };
}

/** The link-preview tags of the page a bare address serves (the default view's still). */
export function pageMeta(still: Still, siteUrl: string): PageMeta {
  const image = new URL(previewPath(still.view), siteUrl).href;
  const alt = pictureAlt(still);
  return {
    tags: [
      ["property", "og:type", "website"],
      ["property", "og:site_name", SITE_NAME],
      ["property", "og:title", still.headline],
      ["property", "og:description", still.summary],
      ["property", "og:url", new URL(still.href, siteUrl).href],
      ["property", "og:image", image],
      ["property", "og:image:type", "image/png"],
      ["property", "og:image:width", String(STILL_WIDTH)],
      ["property", "og:image:height", String(STILL_HEIGHT)],
      ["property", "og:image:alt", alt],
      ["name", "twitter:card", "summary_large_image"],
      ["name", "twitter:title", still.headline],
      ["name", "twitter:description", still.summary],
      ["name", "twitter:image", image],
      ["name", "twitter:image:alt", alt],
    ],
    oembed: { href: new URL(OEMBED_PATH, siteUrl).href, title: `${still.headline} — ${SITE_NAME}` },
  };
}

/** The picture's alternative text: what it is, then what it shows. */
export function pictureAlt(still: Pick<Still, "legendTitle" | "summary">): string {
  return `World map, ${still.legendTitle}. ${still.summary}`;
}

/**
 * oEmbed 1.0 `rich` response for the default view: the plain snippet of the share dialog (an
 * iframe with `fit=1`, which WordPress's filter keeps: src, size, title, scrolling), and the
 * preview picture as thumbnail.
 */
export function oembedOf(still: Still, siteUrl: string): Record<string, string | number> {
  const title = `${still.headline} — ${SITE_NAME}`;
  const { width, height } = OEMBED_FRAME;
  const html = embedSnippet({ href: new URL(still.href, siteUrl).href, title, height, autoHeight: false });
  return {
    version: "1.0",
    type: "rich",
    provider_name: SITE_NAME,
    provider_url: siteUrl,
    title,
    html,
    width,
    height,
    thumbnail_url: new URL(previewPath(still.view), siteUrl).href,
    thumbnail_width: STILL_WIDTH,
    thumbnail_height: STILL_HEIGHT,
    cache_age: 3600,
  };
}
