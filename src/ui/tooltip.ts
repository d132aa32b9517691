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

export function renderTooltip(el: HTMLElement, model: TooltipModel | null, point: { x: number; y: number }): void {
  if (!model || touching) {
    el.hidden = true;
    return;
  }
  setChildren(
    el,
    h("strong", { class: "tooltip-title" }, model.title),
    h("dl", {}, ...model.rows.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])),
  );
  el.hidden = false;
  const parent = el.offsetParent?.getBoundingClientRect();
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const maxX = (parent?.width ?? window.innerWidth) - width - 8;
  const maxY = (parent?.height ?? window.innerHeight) - height - 8;
  const x = point.x + 14 > maxX ? point.x - width - 14 : point.x + 14;
  const y = Math.min(point.y + 14, maxY);
  el.style.transform = `translate(${Math.max(8, x)}px, ${Math.max(8, y)}px)`;
}
