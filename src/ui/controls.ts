/** View tabs, the forum picker, the arcs switch and the country search. */

import { h, setChildren } from "../dom.ts";
import { STAGE_LABELS } from "../model/minerals.ts";
import { resolveSearch, type Searchable, searchPlaces } from "../model/search.ts";
import type { MineralOptions } from "../present/controls.ts";
import { type AppState, FORUM_VIEWS, type ForumView, type View } from "../state/state.ts";
import type { MineralInfo, Stage } from "../types.ts";

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
  onTable(show: boolean): void;
  onMineral(patch: Partial<Pick<AppState, "mineral" | "stage" | "year" | "blocForge" | "blocPax">>): void;
}

export type { MineralOptions };

export interface Controls {
  /** The Table button (its code is prefetched when the reader reaches for it). */
  tableToggle: HTMLElement;
  render(state: AppState, minerals: MineralOptions | null): void;
}

export function mountControls(
  tabs: HTMLElement,
  panel: HTMLElement,
  places: readonly Searchable[],
  minerals: readonly MineralInfo[],
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
    "aria-describedby": "country-search-status",
  });
  const options = h("datalist", { id: listId });
  // Said on screen (and to screen readers) when Enter finds nothing or more than one place.
  const status = h("p", { id: "country-search-status", class: "search-status", role: "status" });
  const say = (message: string) => {
    status.textContent = message;
    status.hidden = message === "";
  };
  say("");
  const open = (iso3: string) => {
    handlers.onCountry(iso3);
    search.value = "";
    say("");
  };
  const choose = () => {
    if (!search.value.trim()) return;
    const outcome = resolveSearch(places, search.value);
    if (outcome.kind === "open") open(outcome.hit.iso3);
    else say(outcome.message);
  };
  search.addEventListener("input", () => {
    say("");
    const hits = searchPlaces(places, search.value);
    setChildren(options, ...hits.map((hit) => h("option", { value: hit.name }, hit.matched ?? "")));
    // Picking an option from the list sets the exact name: go there at once.
    const picked = hits.find((hit) => hit.name === search.value);
    if (picked) open(picked.iso3);
  });
  search.addEventListener("blur", () => say(""));
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") choose();
  });
  const groups = [...new Set(minerals.map((m) => m.group))];
  const mineral = h(
    "select",
    { id: "mineral-select" },
    ...groups.map((group) =>
      h(
        "optgroup",
        { label: group },
        ...minerals
          .filter((m) => m.group === group)
          .map((m) => h("option", { value: m.slug }, m.stages.length ? m.name : `${m.name} (no country data)`)),
      ),
    ),
  );
  mineral.addEventListener("change", () => handlers.onMineral({ mineral: mineral.value, year: null }));
  const stage = h("select", { id: "stage-select" });
  stage.addEventListener("change", () => handlers.onMineral({ stage: stage.value as Stage, year: null }));
  const year = h("select", { id: "year-select" });
  year.addEventListener("change", () => handlers.onMineral({ year: Number(year.value) }));
  const stageField = h("label", { class: "field" }, h("span", {}, "Stage"), stage);
  const yearField = h("label", { class: "field" }, h("span", {}, "Year"), year);
  const blocForge = h("input", { type: "checkbox", id: "bloc-forge" });
  blocForge.addEventListener("change", () => handlers.onMineral({ blocForge: blocForge.checked }));
  const blocPax = h("input", { type: "checkbox", id: "bloc-pax" });
  blocPax.addEventListener("change", () => handlers.onMineral({ blocPax: blocPax.checked }));
  const mineralFields = h(
    "div",
    { class: "mineral-fields" },
    h("label", { class: "field" }, h("span", {}, "Mineral"), mineral),
    stageField,
    yearField,
    h(
      "fieldset",
      { class: "bloc-fields" },
      h("legend", {}, "Bloc also includes"),
      h("label", { class: "field" }, blocForge, h("span", {}, "FORGE members")),
      h("label", { class: "field" }, blocPax, h("span", {}, "Pax Silica signatories")),
    ),
  );
  const table = h("button", { type: "button", class: "table-toggle", "aria-pressed": "false" }, "Table");
  table.addEventListener("click", () => handlers.onTable(table.getAttribute("aria-pressed") !== "true"));
  setChildren(
    panel,
    h("div", { class: "field search-field" }, search, options, status),
    forumField,
    arcsField,
    mineralFields,
    table,
  );

  return {
    tableToggle: table,
    render(state, mineralOptions) {
      table.setAttribute("aria-pressed", state.table ? "true" : "false");
      table.textContent = state.table ? "Map" : "Table";
      table.setAttribute("aria-label", state.table ? "Show the map" : "Show the data as a table");
      mineralFields.hidden = state.view !== "minerals" || mineralOptions === null;
      if (mineralOptions) {
        mineral.value = mineralOptions.mineral;
        setChildren(stage, ...mineralOptions.stages.map((st) => h("option", { value: st }, STAGE_LABELS[st])));
        stage.value = mineralOptions.stage;
        stage.disabled = mineralOptions.stages.length < 2;
        stageField.hidden = mineralOptions.stages.length === 0;
        const { years, yearsPending } = mineralOptions;
        yearField.hidden = years.length === 0 && !yearsPending;
        setChildren(
          year,
          ...(yearsPending ? [h("option", { value: "" }, "…")] : []),
          ...years.map((y) => h("option", { value: String(y) }, String(y))),
        );
        year.value = yearsPending ? "" : String(mineralOptions.year ?? "");
        year.disabled = yearsPending || years.length < 2;
        blocForge.checked = state.blocForge;
        blocPax.checked = state.blocPax;
      }
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
