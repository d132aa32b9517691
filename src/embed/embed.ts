/**
 * Embedding, the pure part: how the app adapts when embedded (from the URL flag and whether it is
 * framed), the messages of the embed protocol (DESIGN §3), and the full map's address. No DOM, no
 * window: tested in Node.
 */
import type { Scene } from "../model/derive.ts";
import { formatDate, formatShare } from "../model/format.ts";

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

/** Parameters about the frame, not the view: the full map and the shared link leave them out. */
export const EMBED_ONLY_PARAMS = ["embed", "parts", "fit", "initialWidth", "childId", "parentTitle", "parentUrl"];

// ── Addresses ────────────────────────────────────────────────────────────────────────────────

/** The address to share or to open in a new tab: the same state, without the embed flag. */
export function fullMapUrl(href: string): string {
  const url = new URL(href);
  // The embed's own parameters (parts.ts), and those a Pym.js parent adds, describe the frame only.
  for (const key of EMBED_ONLY_PARAMS) url.searchParams.delete(key);
  url.hash = "";
  return url.href;
}

// ── Headline ─────────────────────────────────────────────────────────────────────────────────

/**
 * The embed's one-line headline: what the map shows and as of when (minerals: the table's year,
 * and China's share against the bloc's, whose members depend on the timeline date). The article around an embed has its own headline; this line keeps a frame
 * readable on its own, in a screenshot too.
 */
export function embedHeadline(scene: Pick<Scene, "date" | "minerals" | "choropleth">): string {
  const concentration = scene.minerals?.concentration;
  if (scene.minerals) {
    const title = concentration?.heading ?? scene.choropleth.title;
    const bloc = concentration?.bloc;
    if (!bloc || bloc.chinaUnlisted) return title;
    return `${title} · China ${formatShare(bloc.china)}, bloc ${formatShare(bloc.bloc)} of world supply`;
  }
  return `${scene.choropleth.title}, as of ${formatDate(scene.date)}`;
}

// The embed's own address helpers (the iframe's address, the host script, the snippets) live in
// snippet.ts, which only the share dialog loads.
