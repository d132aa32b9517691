// @vitest-environment happy-dom

import { beforeEach, describe, expect, it, vi } from "vitest";
import { deriveScene, indexOf } from "../../../src/model/derive.ts";
import { type TableModel, type TableSort, tableModel } from "../../../src/model/table.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { renderTable, type TableHandlers } from "../../../src/ui/table.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const index = indexOf(dataset);
const scene = deriveScene(
  dataset,
  index,
  { ...DEFAULT_STATE, view: "minerals", mineral: "cobalt", stage: "mine", year: 2025 },
  "light",
);
const cobalt = tableModel(dataset, index, scene);

function handlers(): TableHandlers & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    onSort: vi.fn((column: number) => calls.push(["sort", column])),
    onQuery: vi.fn((query: string) => calls.push(["query", query])),
    onCountry: vi.fn((iso3: string) => calls.push(["country", iso3])),
  };
}

let el: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  el = document.createElement("section");
  el.id = "table";
  document.body.append(el);
});

const byDefault = (model: TableModel, query = "") => ({ sort: model.sort, query });

describe("renderTable", () => {
  it("renders a real table with a caption, column headers and one row per country", () => {
    renderTable(el, cobalt, byDefault(cobalt), handlers());
    const table = el.querySelector("table");
    expect(table?.querySelector("caption")?.textContent).toBe(cobalt.caption);
    const headers = [...el.querySelectorAll("thead th")];
    expect(headers.map((th) => th.getAttribute("scope"))).toEqual(Array(6).fill("col"));
    expect(headers.map((th) => th.querySelector("button")?.textContent?.replace(/[▲▼]/g, ""))).toEqual(
      cobalt.columns.map((c) => c.label),
    );
    const rows = [...el.querySelectorAll("tbody tr")];
    expect(rows).toHaveLength(12);
    expect(rows[0]?.querySelector("th[scope=row]")?.textContent).toBe("Democratic Republic of the Congo");
    expect([...(rows[0]?.querySelectorAll("td") ?? [])].map((td) => td.textContent)).toEqual([
      "230,000",
      "metric tons, cobalt content",
      "74%",
      "1",
      "Yes",
    ]);
    expect(el.querySelector("td.is-numeric")).not.toBeNull();
  });

  it("marks only the sorted header with aria-sort, and sorts the rows", () => {
    renderTable(el, cobalt, byDefault(cobalt), handlers());
    const sorted = () => [...el.querySelectorAll("thead th")].map((th) => th.getAttribute("aria-sort"));
    expect(sorted()).toEqual([null, null, null, "descending", null, null]);
    renderTable(el, cobalt, { sort: { column: 0, direction: "ascending" }, query: "" }, handlers());
    expect(sorted()).toEqual(["ascending", null, null, null, null, null]);
    expect(el.querySelector("tbody th")?.textContent).toBe("Australia");
  });

  it("calls onSort with the column index, onCountry with the ISO code", () => {
    const h = handlers();
    renderTable(el, cobalt, byDefault(cobalt), h);
    el.querySelectorAll<HTMLButtonElement>("thead button")[4]?.click();
    expect(h.onSort).toHaveBeenCalledWith(4);
    el.querySelector<HTMLButtonElement>('button[data-iso3="COD"]')?.click();
    expect(h.onCountry).toHaveBeenCalledWith("COD");
  });

  it("has a labelled search input that keeps its identity, focus and caret across re-renders", () => {
    const h = handlers();
    renderTable(el, cobalt, byDefault(cobalt), h);
    const input = el.querySelector("input");
    if (!input) throw new Error("no input");
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Find a country");
    input.focus();
    input.value = "con";
    input.setSelectionRange(2, 2);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(h.onQuery).toHaveBeenCalledWith("con");
    // The lead re-renders on every keystroke with the new query and new handlers.
    const next = handlers();
    renderTable(el, cobalt, byDefault(cobalt, "con"), next);
    expect(el.querySelector("input")).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(2);
    expect(el.querySelectorAll("input")).toHaveLength(1);
    // The listener attached once calls the latest handlers.
    input.value = "cong";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(next.onQuery).toHaveBeenCalledWith("cong");
    expect(h.onQuery).toHaveBeenCalledTimes(1);
  });

  it("filters by the query and counts the rows shown", () => {
    renderTable(el, cobalt, byDefault(cobalt, "congo"), handlers());
    expect([...el.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual([
      "Democratic Republic of the Congo",
    ]);
    expect(el.querySelector(".data-table-count")?.textContent).toBe("1 of 12 countries");
    expect(el.querySelector("input")?.value).toBe("congo");
    renderTable(el, cobalt, byDefault(cobalt, ""), handlers());
    expect(el.querySelector(".data-table-count")?.textContent).toBe("12 countries");
    renderTable(el, cobalt, byDefault(cobalt, "atlantis"), handlers());
    expect(el.querySelector(".data-table-empty")?.textContent).toBe("No country matches “atlantis”.");
  });

  it("puts focus back on the header the reader sorted by", () => {
    renderTable(el, cobalt, byDefault(cobalt), handlers());
    el.querySelectorAll<HTMLButtonElement>("thead button")[1]?.focus();
    const sort: TableSort = { column: 1, direction: "descending" };
    renderTable(el, cobalt, { sort, query: "" }, handlers());
    expect(document.activeElement).toBe(el.querySelectorAll("thead button")[1]);
  });

  it("is idempotent: the same inputs give the same DOM", () => {
    const options = { sort: { column: 4, direction: "ascending" as const }, query: "a" };
    renderTable(el, cobalt, options, handlers());
    const first = el.innerHTML;
    renderTable(el, cobalt, options, handlers());
    expect(el.innerHTML).toBe(first);
    expect(el.children).toHaveLength(2);
  });

  it("says why a view has no rows at all", () => {
    const empty: TableModel = { ...cobalt, rows: [], empty: "No country data published for this mineral." };
    renderTable(el, empty, byDefault(empty), handlers());
    expect(el.querySelector(".data-table-empty")?.textContent).toBe("No country data published for this mineral.");
    expect(el.querySelector(".data-table-empty")?.getAttribute("colspan")).toBe("6");
  });

  it("puts data in as text, never as HTML", () => {
    const hostile: TableModel = {
      caption: "<b>caption</b>",
      columns: [
        { key: "country", label: "<i>Country</i>", numeric: false },
        { key: "note", label: "Note", numeric: false },
      ],
      rows: [
        {
          iso3: "XXX",
          cells: ["<b>Bold</b>", "<img src=x onerror=alert(1)>"],
          text: ["<b>Bold</b>", "<img src=x onerror=alert(1)>"],
          names: ["<b>Bold</b>"],
        },
      ],
      sort: { column: 0, direction: "ascending" },
      empty: "",
    };
    renderTable(el, hostile, { sort: hostile.sort, query: "" }, handlers());
    expect(el.querySelector("b, i, img")).toBeNull();
    expect(el.querySelector("caption")?.textContent).toBe("<b>caption</b>");
    expect(el.querySelector("tbody th")?.textContent).toBe("<b>Bold</b>");
    expect(el.querySelector("tbody td")?.textContent).toBe("<img src=x onerror=alert(1)>");
    renderTable(el, hostile, { sort: hostile.sort, query: "<b>zzz" }, handlers());
    expect(el.querySelector("b")).toBeNull();
    expect(el.querySelector(".data-table-empty")?.textContent).toBe("No country matches “<b>zzz”.");
  });
});
