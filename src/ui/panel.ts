/** The country panel: every record for the selected country, each with its sources. */

import { h, setChildren } from "../dom.ts";
import type { PanelModel } from "../model/describe.ts";
import { formatDate, formatShare } from "../model/format.ts";
import { STAGE_LABELS } from "../model/minerals.ts";
import type { Source, Stage } from "../types.ts";

function sourceList(sources: readonly Source[]): HTMLElement {
  return h(
    "ul",
    { class: "sources" },
    ...sources.map((s) =>
      h(
        "li",
        {},
        h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title),
        ` — ${s.publisher}, ${formatDate(s.date)}`,
        s.isMirror ? h("span", { class: "badge", title: s.original || "A copy of the original page" }, "copy") : null,
      ),
    ),
  );
}

export interface PanelHandlers {
  onClose(): void;
  onMineral(mineral: string, stage: Stage): void;
}

export function renderPanel(el: HTMLElement, model: PanelModel | null, handlers: PanelHandlers): void {
  if (!model) {
    el.hidden = true;
    setChildren(el);
    return;
  }
  const close = h("button", { type: "button", class: "panel-close", "aria-label": "Close details" }, "×");
  close.addEventListener("click", handlers.onClose);
  const agreements = model.agreements.map(({ agreement, form, date, sources }) =>
    h(
      "article",
      { class: `record confidence-${agreement.confidence}` },
      h("h3", {}, agreement.instrument),
      h("p", { class: "record-meta" }, `${form} · ${date} · ${agreement.confidence} confidence`),
      agreement.dateNote ? h("p", { class: "record-note" }, agreement.dateNote) : null,
      agreement.notes ? h("p", {}, agreement.notes) : null,
      sourceList(sources),
    ),
  );
  const memberships = model.memberships.map((m) =>
    h("li", {}, `${m.line} (${m.confidence.toLowerCase()})`, sourceList(m.sources)),
  );
  setChildren(
    el,
    h("header", { class: "panel-header" }, h("h2", { id: "panel-title" }, model.name), close),
    h("p", { class: "panel-status" }, model.status),
    h("h3", { class: "panel-section" }, "Agreements with the US"),
    ...(agreements.length ? agreements : [h("p", {}, "No bilateral critical-minerals record in our sources.")]),
    h("h3", { class: "panel-section" }, "Forums"),
    memberships.length
      ? h("ul", { class: "memberships" }, ...memberships)
      : h("p", {}, "No forum membership in our sources."),
    h("h3", { class: "panel-section" }, "Minerals: at least 1% of world supply"),
    model.minerals === null
      ? h("p", { class: "panel-pending" }, "The mineral data are not loaded yet.")
      : model.minerals.length
        ? h(
            "ul",
            { class: "panel-minerals" },
            ...model.minerals.map((m) => {
              const open = h(
                "button",
                { type: "button", class: "link-button" },
                `${m.name}, ${STAGE_LABELS[m.stage].toLowerCase()} ${m.year}`,
              );
              open.addEventListener("click", () => handlers.onMineral(m.mineral, m.stage));
              return h("li", {}, open, `: ${formatShare(m.share)}${m.rank ? ` (rank ${m.rank})` : ""}`);
            }),
          )
        : h("p", {}, "No mineral where it holds 1% or more of world supply in our sources."),
  );
  el.hidden = false;
}
