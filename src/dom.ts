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
 * Redraws `el` keeping the reader's place in it: the focused control (`counterpart` finds it in
 * the new content; by default the one at the same place among its focusable elements), left where
 * it was on screen (what is above it may have grown or shrunk), and the scroll.
 */
export function redrawInPlace(
  el: HTMLElement,
  redraw: () => void,
  counterpart?: (old: HTMLElement) => HTMLElement | null,
): void {
  const focusable = () => [...el.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")];
  const active = document.activeElement as HTMLElement | null;
  const at = focusable().indexOf(active as HTMLElement);
  const top = at >= 0 ? active?.getBoundingClientRect().top : undefined;
  const scroll = el.scrollTop;
  redraw();
  el.scrollTop = scroll;
  if (at < 0 || !active) return;
  const next = counterpart?.(active) ?? focusable()[Math.min(at, focusable().length - 1)];
  if (!next) return;
  next.focus({ preventScroll: true });
  if (top !== undefined) scrollerOf(el).scrollTop += next.getBoundingClientRect().top - top;
}

/** The nearest ancestor of `el` (or `el`) that scrolls its content, else the page. */
function scrollerOf(el: HTMLElement): Element {
  for (let node: HTMLElement | null = el; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === "auto" || overflowY === "scroll") && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement ?? document.documentElement;
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
