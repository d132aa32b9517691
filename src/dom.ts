/** Tiny DOM helpers. Text goes in as text nodes only: nothing from data or the URL becomes HTML. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Replaces an element's children (text nodes for strings). */
export function setChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children; text as text nodes only. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) if (child) el.append(child);
  return el;
}

/**
 * Redraws `el` keeping the reader's place in it: the focused control (the one at the same place
 * among its focusable elements) and the scroll.
 */
export function redrawInPlace(el: HTMLElement, redraw: () => void): void {
  const focusable = () => [...el.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")];
  const at = focusable().indexOf(document.activeElement as HTMLElement);
  const scroll = el.scrollTop;
  redraw();
  if (at >= 0) focusable()[Math.min(at, focusable().length - 1)]?.focus({ preventScroll: true });
  el.scrollTop = scroll;
}

/**
 * Moves the focus to a region (focusable from script only, tabindex=-1: never a tab stop), for a
 * control about to give way to a status (a "Try again" replaced by "Loading…"): the focus would
 * otherwise fall to <body>, and a keyboard or screen-reader reader would lose their place. The
 * region's content can then be redrawn under it: the focus stays on the region.
 */
export function focusRegion(el: HTMLElement): void {
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
}

/** An element of index.html by its id; missing, it is a bug in the page, not a state to handle. */
export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}
