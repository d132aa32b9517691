/** The legend: one row per category with its colour and count; hover highlights, click filters. */

import { h, setChildren } from "../dom.ts";
import type { Choropleth } from "../model/choropleth.ts";

export interface LegendHandlers {
  onHover(key: string | null): void;
  onToggle(key: string): void;
}

export interface LegendExtras {
  /** Lines under the items: what the map cannot show, what dashed outlines mean. */
  notes: string[];
  /** The category the map is filtered to, if any. */
  filter: string | null;
  /** The title repeats the view's name (an embed's headline says it: embed.css hides it there). */
  titleNamesView?: boolean;
}

/** Idempotent: the same choropleth and extras give the same DOM. */
export function renderLegend(
  el: HTMLElement,
  choropleth: Choropleth,
  extras: LegendExtras,
  handlers: LegendHandlers,
): void {
  const items = choropleth.categories.map((category) => {
    const active = extras.filter === null || extras.filter === category.key;
    const button = h(
      "button",
      {
        type: "button",
        class: `legend-item${active ? "" : " is-dimmed"}`,
        "aria-pressed": extras.filter === category.key ? "true" : "false",
        "data-key": category.key,
        title: extras.filter === category.key ? "Show all categories" : `Show only: ${category.label}`,
      },
      h("span", { class: "swatch", style: `background:${category.colour}`, "aria-hidden": "true" }),
      h("span", { class: "legend-label" }, category.label),
      // No count while the countries are not known yet (the mineral tables loading): not a zero.
      h("span", { class: "legend-count" }, choropleth.pending ? "…" : String(category.count)),
    );
    button.addEventListener("mouseenter", () => handlers.onHover(category.key));
    button.addEventListener("mouseleave", () => handlers.onHover(null));
    button.addEventListener("focus", () => handlers.onHover(category.key));
    button.addEventListener("blur", () => handlers.onHover(null));
    button.addEventListener("click", () => handlers.onToggle(category.key));
    return h("li", {}, button);
  });
  setChildren(
    el,
    h("h2", { class: extras.titleNamesView ? "legend-title names-view" : "legend-title" }, choropleth.title),
    h("ul", { class: "legend-items" }, ...items),
    ...extras.notes.map((note) => h("p", { class: "legend-note" }, note)),
  );
}
