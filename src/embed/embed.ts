/** How the app adapts when embedded: derived from the URL flag and whether it is framed. Pure. */
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
export type EmbedMessage =
  | { type: `${typeof MESSAGE_NAMESPACE}:ready` }
  | { type: `${typeof MESSAGE_NAMESPACE}:resize`; height: number };

export function readyMessage(): EmbedMessage {
  return { type: `${MESSAGE_NAMESPACE}:ready` };
}

export function resizeMessage(height: number): EmbedMessage {
  return { type: `${MESSAGE_NAMESPACE}:resize`, height: Math.ceil(height) };
}
