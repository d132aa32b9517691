import { describe, expect, it, vi } from "vitest";
import { DEFAULT_STATE, resolvedTheme, update } from "../../../src/state/state.ts";
import { createStore } from "../../../src/state/store.ts";

describe("update", () => {
  it("returns the same object when nothing changes, so renders can be skipped", () => {
    expect(update(DEFAULT_STATE, { type: "set", patch: { view: "pacts" } })).toBe(DEFAULT_STATE);
    expect(update(DEFAULT_STATE, { type: "select-country", iso3: null })).toBe(DEFAULT_STATE);
  });

  it("applies a patch and a selection", () => {
    const next = update(DEFAULT_STATE, { type: "set", patch: { view: "forums", forum: "msp" } });
    expect(next).toEqual({ ...DEFAULT_STATE, view: "forums", forum: "msp" });
    expect(update(next, { type: "select-country", iso3: "JPN" }).country).toBe("JPN");
  });
});

describe("resolvedTheme", () => {
  it("follows the system in auto, and the reader's choice otherwise", () => {
    expect(resolvedTheme("auto", true)).toBe("dark");
    expect(resolvedTheme("auto", false)).toBe("light");
    expect(resolvedTheme("light", true)).toBe("light");
    expect(resolvedTheme("dark", false)).toBe("dark");
  });
});

describe("createStore", () => {
  it("notifies subscribers and mirrors the state in the URL", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, history, { pathname: "/map/", hash: "" });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: "set", patch: { view: "forums" } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(history.pushState).toHaveBeenCalledWith(null, "", "/map/?view=forums");
    store.dispatch({ type: "set", patch: { view: "forums" } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("gives views and countries their own history entry, and replaces the entry while the timeline moves", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, history, { pathname: "/", hash: "" });
    store.dispatch({ type: "set", patch: { date: "2025-10-20" } });
    store.dispatch({ type: "set", patch: { date: "2025-10-21" } });
    expect(history.replaceState).toHaveBeenCalledTimes(2);
    expect(history.pushState).not.toHaveBeenCalled();
    store.dispatch({ type: "select-country", iso3: "AUS" });
    expect(history.pushState).toHaveBeenLastCalledWith(null, "", "/?date=2025-10-21&country=AUS");
  });

  it("does not write the URL when the state comes from the URL (Back/Forward)", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, history, { pathname: "/", hash: "" });
    store.dispatch({ type: "replace", state: { ...DEFAULT_STATE, view: "forums" } });
    expect(store.get().view).toBe("forums");
    expect(history.pushState).not.toHaveBeenCalled();
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});
