/** The hover tooltip: a title and label/value rows, as text, placed next to the pointer. */

import { h, setChildren } from "../dom.ts";
import type { TooltipModel } from "../model/describe.ts";

export function renderTooltip(el: HTMLElement, model: TooltipModel | null, point: { x: number; y: number }): void {
  if (!model) {
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
