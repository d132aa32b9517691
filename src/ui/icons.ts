/**
 * Icons drawn as inline SVG, never as font symbols: ⏮ ⏭ ⏸ (U+23xx) are missing from common Linux
 * fonts (empty boxes) and turn into colour emoji on some phones. An icon is decoration: the button
 * that holds it carries the accessible name.
 */
import { s } from "../dom.ts";

/** Paths on a 16×16 grid, filled with the text colour. */
const PATHS = {
  play: "M4 2.5v11l9.5-5.5z",
  pause: "M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z",
  previous: "M2.5 2.5h2v11h-2zM14 2.5v11l-8.5-5.5z",
  next: "M11.5 2.5h2v11h-2zM2 2.5v11l8.5-5.5z",
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  return s(
    "svg",
    { class: "icon", viewBox: "0 0 16 16", width: 16, height: 16, "aria-hidden": "true", focusable: "false" },
    s("path", { d: PATHS[name], fill: "currentColor" }),
  );
}
