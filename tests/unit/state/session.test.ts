import { describe, expect, it, vi } from "vitest";
import { followState, INITIAL_SESSION, isSessionAction, updateSession } from "../../../src/state/session.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { createStore } from "../../../src/state/store.ts";

describe("updateSession", () => {
  it("returns the same object when nothing changes, so renders can be skipped", () => {
    expect(updateSession(INITIAL_SESSION, { type: "hover", target: null })).toBe(INITIAL_SESSION);
    const hovering = updateSession(INITIAL_SESSION, { type: "hover", target: { kind: "country", iso3: "AUS" } });
    expect(updateSession(hovering, { type: "hover", target: { kind: "country", iso3: "AUS" } })).toBe(hovering);
    expect(updateSession(INITIAL_SESSION, { type: "legend-hover", key: null })).toBe(INITIAL_SESSION);
    expect(updateSession(INITIAL_SESSION, { type: "table-query", query: "" })).toBe(INITIAL_SESSION);
    expect(updateSession(INITIAL_SESSION, { type: "methodology", open: false })).toBe(INITIAL_SESSION);
  });

  it("tells an arc from the country it ends in, and one arc from another", () => {
    const arc = updateSession(INITIAL_SESSION, { type: "hover", target: { kind: "arc", id: "a", iso3: "AUS" } });
    expect(arc.hovered).toEqual({ kind: "arc", id: "a", iso3: "AUS" });
    expect(updateSession(arc, { type: "hover", target: { kind: "arc", id: "b", iso3: "AUS" } }).hovered).toMatchObject({
      id: "b",
    });
    expect(updateSession(arc, { type: "hover", target: { kind: "country", iso3: "AUS" } }).hovered?.kind).toBe(
      "country",
    );
  });

  it("toggles the legend filter on and off", () => {
    const on = updateSession(INITIAL_SESSION, { type: "legend-toggle", key: "ministerial" });
    expect(on.legendFilter).toBe("ministerial");
    expect(updateSession(on, { type: "legend-toggle", key: "before" }).legendFilter).toBe("before");
    expect(updateSession(on, { type: "legend-toggle", key: "ministerial" }).legendFilter).toBeNull();
  });

  it("keeps the table's sort with the view it was chosen in, and its query", () => {
    const sorted = updateSession(INITIAL_SESSION, {
      type: "table-sort",
      key: "pacts:forge",
      sort: { column: 2, direction: "descending" },
    });
    expect(sorted.tableSort).toEqual({ key: "pacts:forge", sort: { column: 2, direction: "descending" } });
    expect(updateSession(sorted, { type: "table-query", query: "jap" }).tableQuery).toBe("jap");
  });

  it("knows its own actions from the app state's", () => {
    expect(isSessionAction({ type: "legend-toggle" })).toBe(true);
    expect(isSessionAction({ type: "set" })).toBe(false);
    expect(isSessionAction({ type: "select-country" })).toBe(false);
  });
});

describe("followState: a view change clears the legend filter (written once)", () => {
  const filtered = { ...INITIAL_SESSION, legendFilter: "ministerial", legendHover: "before" };
  it.each([
    [{ view: "forums" as const }],
    [{ forum: "msp" as const }],
    [{ mineral: "cobalt" }],
    [{ stage: "reserves" as const }],
    [{ year: 2024 }],
    [{ blocForge: true }],
  ])("%o clears it", (patch) => {
    expect(followState(filtered, DEFAULT_STATE, { ...DEFAULT_STATE, ...patch })).toMatchObject({
      legendFilter: null,
      legendHover: null,
    });
  });

  it("the timeline, a country or the table keep it", () => {
    for (const patch of [{ date: "2025-10-20" }, { country: "JPN" }, { table: true }, { arcs: false }]) {
      expect(followState(filtered, DEFAULT_STATE, { ...DEFAULT_STATE, ...patch })).toBe(filtered);
    }
  });

  it("in the store: switching view by any route clears it; hovering does not touch the URL", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, { history, location: { pathname: "/", search: "", hash: "" } });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: "legend-toggle", key: "ministerial" });
    store.dispatch({ type: "hover", target: { kind: "country", iso3: "AUS" } });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(history.pushState).not.toHaveBeenCalled();
    expect(history.replaceState).not.toHaveBeenCalled();
    store.dispatch({ type: "set", patch: { date: "2025-10-20" } });
    expect(store.session().legendFilter).toBe("ministerial");
    store.dispatch({ type: "replace", state: { ...DEFAULT_STATE, view: "forums" } });
    expect(store.session().legendFilter).toBeNull();
    expect(store.session().hovered).toEqual({ kind: "country", iso3: "AUS" });
  });
});
