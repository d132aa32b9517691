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
  const at = (search = "") => ({ pathname: "/map/", search, hash: "" });

  it("notifies subscribers and mirrors the state in the URL", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, { history, location: at() });
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
    const store = createStore(DEFAULT_STATE, { history, location: at() });
    store.dispatch({ type: "set", patch: { date: "2025-10-20" } });
    store.dispatch({ type: "set", patch: { date: "2025-10-21" } });
    expect(history.replaceState).toHaveBeenCalledTimes(2);
    expect(history.pushState).not.toHaveBeenCalled();
    store.dispatch({ type: "select-country", iso3: "AUS" });
    expect(history.pushState).toHaveBeenLastCalledWith(null, "", "/map/?date=2025-10-21&country=AUS");
  });

  it("leaves a URL from Back/Forward alone when it already says what is drawn", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const store = createStore(DEFAULT_STATE, { history, location: at("?view=forums") });
    history.replaceState.mockClear();
    store.dispatch({ type: "replace", state: { ...DEFAULT_STATE, view: "forums" } });
    expect(store.get().view).toBe("forums");
    expect(history.pushState).not.toHaveBeenCalled();
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it("writes the resolved state back (replaced, not pushed) at start and after Back/Forward", () => {
    const history = { replaceState: vi.fn(), pushState: vi.fn() };
    const location = at("?view=forums&mineral=cobalt&forum=msp");
    createStore({ ...DEFAULT_STATE, view: "forums", forum: "msp" }, { history, location });
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/map/?view=forums&forum=msp");
    const back = at();
    const store = createStore(DEFAULT_STATE, { history, location: back });
    history.replaceState.mockClear();
    back.search = "?year=2025";
    store.dispatch({ type: "replace", state: DEFAULT_STATE });
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/map/");
    expect(history.pushState).not.toHaveBeenCalled();
  });

  it("applies its resolve step after every action, so the state is what is drawn", () => {
    const store = createStore(DEFAULT_STATE, {
      resolve: (state) => (state.year === 1900 ? { ...state, year: null } : state),
    });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: "set", patch: { year: 1900 } });
    expect(store.get()).toBe(DEFAULT_STATE);
    expect(listener).not.toHaveBeenCalled();
  });
});
