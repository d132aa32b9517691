/**
 * Embedding, the pure part: how the app adapts when embedded (from the URL flag and whether it is
 * framed), the messages of the embed protocol (DESIGN §3), and the addresses and snippets that the
 * share dialog hands to a newsroom. No DOM, no window: tested in Node.
 */
export interface EmbedOptions {
  /** Compact layout: no page chrome, one-line credit. */
  compact: boolean;
  /** Map gestures that do not trap the host page's scroll (Ctrl/⌘+wheel, two fingers). */
  cooperativeGestures: boolean;
  /** Post readiness and height messages to the parent window. */
  messageParent: boolean;
}

export function embedOptions(embedParam: boolean, framed: boolean): EmbedOptions {
  return { compact: embedParam || framed, cooperativeGestures: framed, messageParent: framed };
}

export const MESSAGE_NAMESPACE = "critical-minerals-map";
export const READY_TYPE = `${MESSAGE_NAMESPACE}:ready` as const;
export const RESIZE_TYPE = `${MESSAGE_NAMESPACE}:resize` as const;
export type EmbedMessage = { type: typeof READY_TYPE } | { type: typeof RESIZE_TYPE; height: number };

/** Heights outside this range are refused by the host side: a runaway loop cannot eat the page. */
export const MAX_HEIGHT = 10_000;

export function readyMessage(): EmbedMessage {
  return { type: READY_TYPE };
}

export function resizeMessage(height: number): EmbedMessage {
  return { type: RESIZE_TYPE, height: Math.ceil(height) };
}

/**
 * Reads a posted message as one of ours, or null. The same checks as public/embed.js (which
 * cannot import this file): an object, a known type, and for resize a finite height in range.
 */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const { type, height } = data as { type?: unknown; height?: unknown };
  if (type === READY_TYPE) return { type };
  if (type === RESIZE_TYPE && typeof height === "number" && Number.isFinite(height)) {
    if (height > 0 && height <= MAX_HEIGHT) return { type, height: Math.ceil(height) };
  }
  return null;
}

// ── Addresses ────────────────────────────────────────────────────────────────────────────────

/** The address to share or to open in a new tab: the same state, without the embed flag. */
export function fullMapUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("embed");
  url.hash = "";
  return url.href;
}

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

// ── Snippets ─────────────────────────────────────────────────────────────────────────────────

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
 * The embed code: a full-width iframe (lazy-loaded, titled, borderless) and, for auto-height, our
 * host script. Size attributes are set as well as the style, for hosts that strip inline styles.
 */
export function embedSnippet(options: SnippetOptions): string {
  const height = clampHeight(options.height);
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl(options.href))}" title="${escapeAttribute(options.title)}"` +
    ` width="100%" height="${height}" loading="lazy"` +
    ` style="display:block;width:100%;height:${height}px;border:0"></iframe>`;
  if (!options.autoHeight) return iframe;
  return `${iframe}\n<script src="${escapeAttribute(hostScriptUrl(options.href))}" async></script>`;
}
