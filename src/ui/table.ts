/**
 * The table view: a real <table> of the current view, sortable by every column and searchable by
 * country name. Text only, no HTML. Idempotent: the same model and options give the same DOM. The
 * search input is created once and kept across renders, so focus and caret survive typing; focus on
 * a header or country button is put back on its replacement.
 */

import { h, setChildren } from "../dom.ts";
import type { Index, Scene } from "../model/derive.ts";
import {
  filterRows,
  nextSort,
  rowCount,
  sortRows,
  type TableModel,
  type TableSort,
  tableModel,
} from "../model/table.ts";
import type { Session } from "../state/session.ts";
import type { AppState } from "../state/state.ts";
import type { Store } from "../state/store.ts";
import type { LiveDataset } from "../types.ts";

export interface TableOptions {
  sort: TableSort;
  query: string;
}

export interface TableHandlers {
  onSort(column: number): void;
  onQuery(query: string): void;
  onCountry(iso3: string): void;
}

export interface TableInputs {
  dataset: LiveDataset;
  index: Index;
  scene: Scene;
  state: AppState;
  session: Session;
  dispatch: Store["dispatch"];
}

/**
 * The table surface of the one render (src/ui/render.ts): the scene's rows, sorted and searched as
 * the session has them. Here, not in the render, so its code loads with the table (src/ui/lazy.ts).
 */
export function drawTable(el: HTMLElement, { dataset, index, scene, state, session, dispatch }: TableInputs): void {
  const model = tableModel(dataset, index, scene);
  const key = `${state.view}:${state.forum}`; // columns differ per view: a new view resets the sort
  const sort = session.tableSort?.key === key ? session.tableSort.sort : model.sort;
  renderTable(
    el,
    model,
    { sort, query: session.tableQuery },
    {
      onSort: (column) => dispatch({ type: "table-sort", key, sort: nextSort(model, sort, column) }),
      onQuery: (query) => dispatch({ type: "table-query", query }),
      onCountry: (iso3) => dispatch({ type: "select-country", iso3 }),
    },
  );
}

/** The latest handlers of each container, read by the input's listener (attached once). */
const current = new WeakMap<HTMLElement, TableHandlers>();

export function renderTable(el: HTMLElement, model: TableModel, options: TableOptions, handlers: TableHandlers): void {
  current.set(el, handlers);
  const focusKey = focusedKey(el);
  const tools = toolsOf(el);
  const input = tools.querySelector("input");
  if (input && input.value !== options.query) input.value = options.query;

  const shown = sortRows(filterRows(model.rows, options.query), options.sort.column, options.sort.direction);
  const count = tools.querySelector(".data-table-count");
  if (count) count.textContent = rowCount(shown.length, model.rows.length);

  const headers = model.columns.map((column, i) => {
    const sorted = options.sort.column === i;
    const button = h(
      "button",
      { type: "button", class: "data-table-sort", "data-focus": `sort-${i}` },
      column.label,
      h(
        "span",
        { class: "sort-indicator", "aria-hidden": "true" },
        sorted ? (options.sort.direction === "ascending" ? "▲" : "▼") : "",
      ),
    );
    button.addEventListener("click", () => current.get(el)?.onSort(i));
    return h(
      "th",
      {
        scope: "col",
        class: column.numeric ? "is-numeric" : undefined,
        "aria-sort": sorted ? options.sort.direction : undefined,
      },
      button,
    );
  });

  const body = shown.map((row) => {
    const name = row.text[0] ?? row.iso3;
    const open = h(
      "button",
      {
        type: "button",
        class: "link-button data-table-country",
        "data-iso3": row.iso3,
        "data-focus": `country-${row.iso3}`,
      },
      name,
    );
    open.addEventListener("click", () => current.get(el)?.onCountry(row.iso3));
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, open),
      ...model.columns
        .slice(1)
        .map((column, i) => h("td", { class: column.numeric ? "is-numeric" : undefined }, row.text[i + 1] ?? "")),
    );
  });
  if (body.length === 0) {
    const message = model.rows.length === 0 ? model.empty : `No country matches “${options.query.trim()}”.`;
    body.push(h("tr", {}, h("td", { class: "data-table-empty", colspan: String(model.columns.length) }, message)));
  }

  const table = h(
    "table",
    { class: "data-table" },
    h("caption", {}, model.caption),
    h("thead", {}, h("tr", {}, ...headers)),
    h("tbody", {}, ...body),
  );
  const scroll = el.querySelector(":scope > .data-table-scroll") ?? h("div", { class: "data-table-scroll" });
  setChildren(scroll, table);
  if (scroll.parentElement !== el) el.append(scroll);

  if (focusKey) {
    const again = [...el.querySelectorAll<HTMLElement>("[data-focus]")].find((e) => e.dataset.focus === focusKey);
    again?.focus();
  }
}

/** The search field, count line and their wrapper: created on the first render only. */
function toolsOf(el: HTMLElement): HTMLElement {
  const existing = el.querySelector<HTMLElement>(":scope > .data-table-tools");
  if (existing) return existing;
  const id = `${el.id || "data-table"}-search`;
  const input = h("input", {
    type: "search",
    id,
    class: "data-table-search",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Country name",
  });
  input.addEventListener("input", () => current.get(el)?.onQuery(input.value));
  const tools = h(
    "div",
    { class: "data-table-tools" },
    h("label", { for: id, class: "data-table-label" }, "Find a country"),
    input,
    h("p", { class: "data-table-count", role: "status" }),
  );
  setChildren(el, tools);
  return tools;
}

/** Which header or country button has focus, so its replacement can take it back. */
function focusedKey(el: HTMLElement): string | null {
  const active = el.ownerDocument.activeElement;
  if (!(active instanceof HTMLElement) || !el.contains(active)) return null;
  return active.dataset.focus ?? null;
}
