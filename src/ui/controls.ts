/** View tabs, the forum picker, the arcs switch and the country search. */
import { searchPlaces } from "../model/search.ts";
import { type AppState, FORUM_VIEWS, type ForumView, type View } from "../state/state.ts";
import type { Place } from "../types.ts";
import { h, setChildren } from "./dom.ts";

const VIEW_LABELS: Record<View, string> = { pacts: "Pacts", forums: "Forums", minerals: "Minerals" };
const FORUM_LABELS: Record<ForumView, string> = {
  forge: "FORGE",
  msp: "Minerals Security Partnership",
  "pax-silica": "Pax Silica",
  ministerial: "Ministerial delegations",
  overlap: "Overlap (how many forums)",
};

export interface ControlHandlers {
  onView(view: View): void;
  onForum(forum: ForumView): void;
  onArcs(show: boolean): void;
  onCountry(iso3: string): void;
}

export interface Controls {
  render(state: AppState): void;
}

export function mountControls(
  tabs: HTMLElement,
  panel: HTMLElement,
  places: readonly Place[],
  views: readonly View[],
  handlers: ControlHandlers,
): Controls {
  const buttons = views.map((view) => {
    const button = h("button", { type: "button", class: "view-tab", "data-view": view }, VIEW_LABELS[view]);
    button.addEventListener("click", () => handlers.onView(view));
    return button;
  });
  setChildren(tabs, ...buttons);

  const forum = h(
    "select",
    { id: "forum-select", class: "forum-select" },
    ...FORUM_VIEWS.map((f) => h("option", { value: f }, FORUM_LABELS[f])),
  );
  forum.addEventListener("change", () => handlers.onForum(forum.value as ForumView));
  const forumField = h("label", { class: "field forum-field" }, h("span", {}, "Forum"), forum);

  const arcs = h("input", { type: "checkbox", id: "arcs-toggle" });
  arcs.addEventListener("change", () => handlers.onArcs(arcs.checked));
  const arcsField = h("label", { class: "field arcs-field" }, arcs, h("span", {}, "Arcs from Washington"));

  const listId = "country-options";
  const search = h("input", {
    type: "search",
    id: "country-search",
    placeholder: "Find a country",
    autocomplete: "off",
    list: listId,
    "aria-label": "Find a country",
  });
  const options = h("datalist", { id: listId });
  const choose = () => {
    const [hit] = searchPlaces(places, search.value, 1);
    if (hit) {
      handlers.onCountry(hit.iso3);
      search.value = "";
    }
  };
  search.addEventListener("input", () => {
    const hits = searchPlaces(places, search.value);
    setChildren(options, ...hits.map((hit) => h("option", { value: hit.name }, hit.matched ?? "")));
    // Picking an option from the list sets the exact name: go there at once.
    if (hits.some((hit) => hit.name === search.value)) choose();
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") choose();
  });
  setChildren(panel, h("div", { class: "field search-field" }, search, options), forumField, arcsField);

  return {
    render(state) {
      for (const button of buttons) {
        const selected = button.dataset.view === state.view;
        button.setAttribute("aria-pressed", selected ? "true" : "false");
      }
      forumField.hidden = state.view !== "forums";
      arcsField.hidden = state.view !== "pacts";
      forum.value = state.forum;
      arcs.checked = state.arcs;
    },
  };
}
