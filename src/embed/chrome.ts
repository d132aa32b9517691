/**
 * The embed's own chrome: the parts an editor chose (classes on <html>, read from the address),
 * a one-line headline above the map, and a one-line source credit with a "View full map" link
 * that opens the same state, without the embed flag, in a new tab. Mounted only in the compact
 * (embed) layout.
 */
import "../styles/embed.css";
import { h, setChildren } from "../dom.ts";
import { fullMapUrl } from "./embed.ts";
import { parseEmbedParams, partClasses } from "./parts.ts";

/** The credit in one line; the full list stays in the page's credit (its title) and the full map. */
export const SHORT_CREDIT = "Sources: State Dept., news, USGS, IEA, WNA · Map: Natural Earth";

/**
 * Switches on the parts named in the address (`parts=`, `fit=`; see parts.ts) before the first
 * render, and warns once for each value it ignores.
 */
export function applyEmbedParts(search: string): void {
  const params = parseEmbedParams(search);
  for (const warning of params.warnings) console.warn(warning);
  document.documentElement.classList.add(...partClasses(params));
}

/** Sets the one-line headline above the map (index.html keeps its room from the first paint). */
export function renderEmbedHeadline(text: string): void {
  const headline = document.getElementById("embed-headline");
  if (headline && headline.textContent !== text) headline.textContent = text;
}

/**
 * Replaces the contents of `credit` (the footer's credit line) with the short credit and the link.
 * `getHref` returns the app's current address; the link follows the state as it changes.
 */
export function mountEmbedChrome(credit: HTMLElement, getHref: () => string): HTMLAnchorElement {
  const full = credit.textContent?.replace(/\s+/g, " ").trim() ?? "";
  const link = h(
    "a",
    { class: "full-map-link", href: fullMapUrl(getHref()), target: "_blank", rel: "noopener" },
    "View full map",
    h("span", { "aria-hidden": "true" }, " ↗"),
    h("span", { class: "visually-hidden" }, " (opens in a new tab)"),
  );
  // The state lives in the URL, which changes as the reader explores: refresh the link just before
  // it can be followed (pointer, keyboard, middle click or context menu).
  const refresh = () => {
    link.href = fullMapUrl(getHref());
  };
  for (const type of ["pointerenter", "pointerdown", "focus", "click", "auxclick", "contextmenu"]) {
    link.addEventListener(type, refresh);
  }
  setChildren(credit, h("span", { class: "credit-text", title: full || undefined }, SHORT_CREDIT), link);
  credit.classList.add("embed-credit");
  return link;
}
