/** Keyboard shortcuts: one table for the handler and the help popover, so they cannot disagree. Pure. */
import type { View } from "../config.ts";

export type ShortcutCommand =
  | { type: "view"; view: View }
  | { type: "search" }
  | { type: "table" }
  | { type: "previous-event" }
  | { type: "next-event" }
  | { type: "play" }
  | { type: "help" };

export interface Shortcut {
  key: string;
  /** How the key is shown to readers. */
  label: string;
  description: string;
  command: ShortcutCommand;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: "1", label: "1", description: "Pacts view", command: { type: "view", view: "pacts" } },
  { key: "2", label: "2", description: "Forums view", command: { type: "view", view: "forums" } },
  { key: "3", label: "3", description: "Minerals view", command: { type: "view", view: "minerals" } },
  { key: "/", label: "/", description: "Find a country", command: { type: "search" } },
  { key: "t", label: "T", description: "Switch between the map and the table", command: { type: "table" } },
  { key: "[", label: "[", description: "Timeline: previous event", command: { type: "previous-event" } },
  { key: "]", label: "]", description: "Timeline: next event", command: { type: "next-event" } },
  { key: "p", label: "P", description: "Timeline: play or pause", command: { type: "play" } },
  { key: "?", label: "?", description: "Show or hide these shortcuts", command: { type: "help" } },
];

/** Keys the map and the page already handle, listed in the help but not bound here. */
export const BUILT_IN_KEYS: readonly { label: string; description: string }[] = [
  { label: "Tab", description: "Move between controls, the map and the table" },
  { label: "← → ↑ ↓", description: "On the map: pan. On the timeline: move a day" },
  { label: "+ −", description: "On the map: zoom in and out" },
  { label: "Esc", description: "Close the country panel or the sources panel" },
];

/**
 * The command for a key press, or null. Ignored while typing in a field or with a modifier held,
 * so shortcuts never take a letter from the search box or a browser shortcut.
 */
export function shortcutFor(
  key: string,
  modifiers: { ctrl: boolean; meta: boolean; alt: boolean },
  typing: boolean,
): ShortcutCommand | null {
  if (typing || modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  return SHORTCUTS.find((s) => s.key === key.toLowerCase() || s.key === key)?.command ?? null;
}
