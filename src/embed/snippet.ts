/**
 * The embed code a newsroom pastes: the iframe's address, the host script's address, and the
 * snippets (auto-height with our script, or a plain iframe). Pure; loaded with the share dialog only.
 */
import { fullMapUrl, MAX_HEIGHT } from "./embed.ts";
import { type EmbedPart, withEmbedParams } from "./parts.ts";

/** The address an iframe loads: the same state, with the embed flag. */
export function embedUrl(href: string): string {
  const url = new URL(fullMapUrl(href));
  url.searchParams.set("embed", "1");
  return url.href;
}

/** The host script, served next to index.html (works under any sub-path). */
export function hostScriptUrl(href: string): string {
  return new URL("embed.js", href).href;
}

/** Height the iframe starts with before the host script sizes it, and the plain variant's height. */
export const DEFAULT_EMBED_HEIGHT = 620;
export const MIN_EMBED_HEIGHT = 240;

export interface SnippetOptions {
  /** Address of the app with the state to embed (any form: embedUrl() is applied). */
  href: string;
  /** Accessible name of the iframe: what the map shows. */
  title: string;
  /** Initial height (responsive) or fixed height (plain), CSS pixels. */
  height?: number;
  /** true: iframe + host script (auto-height); false: a plain iframe for hosts that forbid scripts. */
  autoHeight: boolean;
  /** The optional parts to show (parts.ts); none by default. */
  parts?: ReadonlySet<EmbedPart>;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function clampHeight(height: number | undefined): number {
  if (height === undefined || !Number.isFinite(height)) return DEFAULT_EMBED_HEIGHT;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_EMBED_HEIGHT, height)));
}

/**
 * The iframe's address: the embed flag, the chosen parts, and for a plain iframe `fit=1` (the
 * layout compacts to the frame's height rather than scrolling inside it).
 */
export function embedSrc(options: Pick<SnippetOptions, "href" | "autoHeight" | "parts">): string {
  return withEmbedParams(embedUrl(options.href), options.parts ?? new Set(), !options.autoHeight);
}

/**
 * The embed code: a full-width iframe (lazy-loaded, titled, borderless) and, for auto-height, our
 * host script. Size attributes are set as well as the style, for hosts that strip inline styles.
 */
export function embedSnippet(options: SnippetOptions): string {
  const height = clampHeight(options.height);
  const iframe =
    `<iframe src="${escapeAttribute(embedSrc(options))}" title="${escapeAttribute(options.title)}"` +
    ` width="100%" height="${height}" loading="lazy"${options.autoHeight ? "" : ' scrolling="no"'}` +
    ` style="display:block;width:100%;height:${height}px;border:0"></iframe>`;
  if (!options.autoHeight) return iframe;
  return `${iframe}\n<script src="${escapeAttribute(hostScriptUrl(options.href))}" async></script>`;
}
