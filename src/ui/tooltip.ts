/**
 * The hover tooltip: a title and label/value rows, as text, placed next to the pointer. For a mouse
 * only: a finger has no hover, and on a phone a tooltip after a tap covered most of the map while
 * the tap's own answer (the country panel) opened elsewhere. After a touch the panel alone answers.
 */

import { h, setChildren } from "../dom.ts";
import type { TooltipModel } from "../model/describe.ts";

/** Whether the latest pointer was a finger (or pen), not a mouse. */
let touching = false;
if (typeof document !== "undefined") {
  const note = (event: PointerEvent) => {
    touching = event.pointerType !== "mouse";
  };
  document.addEventListener("pointerdown", note, { capture: true, passive: true });
  document.addEventListener("pointermove", note, { capture: true, passive: true });
}

/** The most of the map a tooltip may cover; beyond it, only its first row, the view's own fact. */
export const TOOLTIP_MAX_COVER = 0.3;

function fill(el: HTMLElement, model: TooltipModel, rows: TooltipModel["rows"]): void {
  setChildren(
    el,
    h("strong", { class: "tooltip-title" }, model.title),
    h("dl", {}, ...rows.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])),
  );
}

export function renderTooltip(el: HTMLElement, model: TooltipModel | null, point: { x: number; y: number }): void {
  if (!model || touching) {
    el.hidden = true;
    return;
  }
  fill(el, model, model.rows);
  el.hidden = false;
  const parent = el.offsetParent?.getBoundingClientRect();
  // On a small map (a phone-sized window with a mouse) the whole record hid most of the map; the
  // click that opens the panel gives the rest.
  if (parent && el.offsetWidth * el.offsetHeight > TOOLTIP_MAX_COVER * parent.width * parent.height)
    fill(el, model, model.rows.slice(0, 1));
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const maxX = (parent?.width ?? window.innerWidth) - width - 8;
  const maxY = (parent?.height ?? window.innerHeight) - height - 8;
  const x = point.x + 14 > maxX ? point.x - width - 14 : point.x + 14;
  const y = Math.min(point.y + 14, maxY);
  el.style.transform = `translate(${Math.max(8, x)}px, ${Math.max(8, y)}px)`;
}
