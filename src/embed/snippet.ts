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
  /**
   * Plain variant: the view's height measured at several frame widths. The snippet then carries
   * a few lines of CSS that give the frame the right height at any width (breakpoints).
   */
  measured?: readonly MeasuredHeight[];
}

/** The content height of the view (CSS px) in a frame `width` px wide. */
export interface MeasuredHeight {
  width: number;
  height: number;
}

/**
 * The frame widths the share dialog measures the view at: phones with the article's margins
 * (280), phones, the widths at which the embed's layout changes (one legend column below 552 px,
 * app.css), an article column, and two wide frames (text still wraps less from 1,000 to 1,200 px).
 */
export const BREAKPOINT_WIDTHS = [280, 320, 375, 480, 560, 700, 1000, 1200] as const;

/**
 * The embed's map box at a frame width as measured (the preview sizes itself: app.css
 * .is-embed .map-area, 16∶9, at least 180 px, at most 560 px).
 */
export function mapHeightAt(width: number): number {
  return Math.min(560, Math.max(180, (width * 9) / 16));
}

/**
 * The map box a fixed-height frame (fit=1, embed.css) gives the map when it has the room: 16∶9
 * up to 560 px, without the 180 px floor. The breakpoints' CSS says the same with `cqw`.
 */
export function fitMapHeightAt(width: number): number {
  return Math.min(560, (width * 9) / 16);
}

export interface Breakpoint {
  /** From this frame width up (0: any width below the next). */
  minWidth: number;
  /** The height of everything but the map (px), at its narrowest width, where text wraps most. */
  rest: number;
}

/**
 * Breakpoints from measured heights: from each measured width up to the next, the frame is the
 * map's 16∶9 box at its width plus the rest as measured there (text wraps less as the frame
 * widens, so the rest only shrinks within a range: the frame never cuts the view short).
 */
export function breakpointsOf(measured: readonly MeasuredHeight[]): Breakpoint[] {
  const sorted = [...measured]
    .filter((m) => Number.isFinite(m.width) && Number.isFinite(m.height) && m.width > 0 && m.height > 0)
    .sort((a, b) => a.width - b.width);
  const breakpoints: Breakpoint[] = [];
  for (const m of sorted) {
    const rest = Math.max(0, Math.ceil(m.height - mapHeightAt(m.width)));
    const previous = breakpoints.at(-1);
    // A width that changes nothing, or a second measurement at the same width, adds no rule.
    if (previous && (previous.rest === rest || previous.minWidth === m.width)) continue;
    breakpoints.push({ minWidth: previous ? m.width : 0, rest });
  }
  return breakpoints;
}

/** A class name for one snippet's style, the same for the same snippet (FNV-1a of its content). */
export function snippetClass(content: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    hash ^= content.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `cmm-embed-${hash.toString(36)}`;
}

/**
 * The CSS of the breakpoints, keyed to the width of the frame's box (a container query on the
 * wrapper), not the host's viewport: right in an article column as on a phone. `cqw` is 1% of
 * that width. Browsers without container queries ignore it and keep the frame's own height.
 */
export function breakpointCss(className: string, breakpoints: readonly Breakpoint[]): string {
  const rule = (b: Breakpoint) => `.${className}>iframe{height:calc(${b.rest}px + min(560px,56.25cqw))!important}`;
  return breakpoints
    .map((b) => (b.minWidth === 0 ? rule(b) : `@container (min-width:${b.minWidth}px){${rule(b)}}`))
    .join("");
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
  if (!options.autoHeight) return withBreakpoints(iframe, options.measured ?? []);
  return `${iframe}\n<script src="${escapeAttribute(hostScriptUrl(options.href))}" async></script>`;
}

/**
 * The plain iframe inside a wrapper whose width the breakpoints query, with their few lines of
 * CSS. Without measurements (or where a CMS strips the style) the frame keeps its fixed height.
 */
function withBreakpoints(iframe: string, measured: readonly MeasuredHeight[]): string {
  const breakpoints = breakpointsOf(measured);
  if (breakpoints.length < 2) return iframe;
  const className = snippetClass(iframe + JSON.stringify(breakpoints));
  return (
    `<div class="${className}" style="container-type:inline-size">` +
    `<style>${breakpointCss(className, breakpoints)}</style>\n${iframe}</div>`
  );
}
