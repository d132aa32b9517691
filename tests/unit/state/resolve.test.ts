import { describe, expect, it } from "vitest";
import { indexOf } from "../../../src/model/derive.ts";
import { resolve, resolveState } from "../../../src/state/resolve.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { parseSearch, toSearch } from "../../../src/state/url.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const index = indexOf(dataset);
const { start, end } = index.timeline;
const open = (search: string) => resolve(parseSearch(search), dataset, { index });

describe("resolve", () => {
  it("keeps a URL the data can show as written, with no warning", () => {
    const search = "?view=minerals&mineral=graphite&stage=reserves&year=2024&country=AUS";
    const { state, warnings } = open(search);
    expect(warnings).toEqual([]);
    expect(toSearch(state)).toBe(search);
    expect(open("")).toEqual({ state: DEFAULT_STATE, warnings: [] });
  });

  it("a year without a table warns and becomes the year drawn (graphite refining has only 2024)", () => {
    const { state, warnings } = open("?view=minerals&mineral=graphite&stage=refining&year=2025");
    expect(state.year).toBe(2024);
    expect(toSearch(state)).toBe("?view=minerals&mineral=graphite&stage=refining&year=2024");
    expect(warnings).toEqual([
      'Ignoring URL parameter year="2025": no graphite table for refining in 2025; showing 2024.',
    ]);
  });

  it.each(["1900", "2026", "9999"])("year=%s warns once and shows the latest table", (year) => {
    const { state, warnings } = open(`?view=minerals&mineral=lithium&year=${year}`);
    expect(state.year).toBe(2025);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`year="${year}"`);
  });

  it("an unknown mineral warns and falls back to the default mineral, not to an empty select", () => {
    const { state, warnings } = open("?view=minerals&mineral=unobtainium");
    expect(state.mineral).toBe(DEFAULT_STATE.mineral);
    expect(warnings).toEqual([
      `Ignoring URL parameter mineral="unobtainium": no such mineral in the data; showing ${DEFAULT_STATE.mineral}.`,
    ]);
  });

  it("a stage the mineral lacks warns and becomes the stage drawn; an unstated one changes silently", () => {
    const stated = open("?view=minerals&mineral=gallium&stage=mine");
    expect(stated.state.stage).toBe("refining");
    expect(stated.warnings).toHaveLength(1);
    expect(stated.warnings[0]).toContain('stage="mine"');
    const unstated = open("?view=minerals&mineral=gallium");
    expect(unstated.state.stage).toBe("refining");
    expect(unstated.warnings).toEqual([]);
    expect(toSearch(unstated.state)).toBe("?view=minerals&mineral=gallium&stage=refining");
  });

  it("a mineral without country data (germanium) drops a stated year or stage with a warning", () => {
    const { state, warnings } = open("?view=minerals&mineral=germanium&stage=refining&year=2024");
    expect(state).toMatchObject({ mineral: "germanium", stage: "mine", year: null });
    expect(warnings).toHaveLength(2);
  });

  it.each([
    ["1800-01-01", start],
    ["9999-12-31", null],
  ])("date=%s outside the timeline warns and is clamped", (date, shown) => {
    const { state, warnings } = open(`?date=${date}`);
    expect(state.date).toBe(shown);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`date="${date}"`);
  });

  it("the last day of the timeline is the default position (no date in the URL, no warning)", () => {
    const { state, warnings } = open(`?date=${end}`);
    expect(state.date).toBeNull();
    expect(warnings).toEqual([]);
  });

  it("an unknown country warns; a repeated one warns about the value not used", () => {
    expect(open("?country=ZZZ").warnings).toEqual([
      'Ignoring URL parameter country="ZZZ": no such country in the data.',
    ]);
    const twice = open("?country=ZZZ&country=AUS");
    expect(twice.state.country).toBe("AUS");
    expect(twice.warnings).toHaveLength(1);
    expect(open("?country=fin").state.country).toBe("FIN");
  });

  it("country codes are ASCII: %EF%AC%81n (ﬁn) does not open Finland, %C4%B1nd (ınd) not India", () => {
    for (const search of ["?country=%EF%AC%81n", "?country=%C4%B1nd"]) {
      const { state, warnings } = open(search);
      expect(state.country).toBeNull();
      expect(warnings).toHaveLength(1);
    }
  });

  it("parameters of another view warn once each and are dropped from the state and the URL", () => {
    const { state, warnings } = open("?view=forums&forum=msp&mineral=rare-earths&stage=refining&arcs=0");
    expect(toSearch(state)).toBe("?view=forums&forum=msp");
    expect(state).toMatchObject({ mineral: DEFAULT_STATE.mineral, stage: DEFAULT_STATE.stage, arcs: true });
    expect(warnings).toEqual([
      'Ignoring URL parameter mineral="rare-earths": the forums view does not use it.',
      'Ignoring URL parameter stage="refining": the forums view does not use it.',
      'Ignoring URL parameter arcs="0": the forums view does not use it.',
    ]);
  });

  it("a view this build does not offer warns and opens the first one it does", () => {
    const { state, warnings } = resolve(parseSearch("?view=minerals"), dataset, { index, views: ["pacts", "forums"] });
    expect(state.view).toBe("pacts");
    expect(warnings).toEqual(['Ignoring URL parameter view="minerals": this view is not available yet.']);
  });

  it("keeps the syntax warnings of the parse, so every ignored value is told exactly once", () => {
    const { warnings } = open("?view=minerals&mineral=unobtainium&year=20x5&zoom=3&country=ZZZ");
    expect(warnings).toHaveLength(4);
  });

  it("is idempotent: the resolved state resolves to itself", () => {
    for (const search of [
      "?view=minerals&mineral=graphite&stage=refining&year=2025",
      "?date=1800-01-01",
      "?view=minerals&mineral=gallium",
    ]) {
      const once = open(search).state;
      expect(resolveState(once, dataset, { index })).toEqual(once);
      expect(open(toSearch(once))).toEqual({ state: once, warnings: [] });
    }
  });
});

describe("resolveState", () => {
  it("silently moves a state the app produced onto what is drawn (a stage change keeps a year only if it exists)", () => {
    const state = {
      ...DEFAULT_STATE,
      view: "minerals" as const,
      mineral: "graphite",
      stage: "refining" as const,
      year: 2025,
    };
    expect(resolveState(state, dataset, { index })).toEqual({ ...state, year: 2024 });
  });
});

describe("resolve before the mineral tables arrive", () => {
  const early = { ...dataset, mineralTables: null };
  const openEarly = (search: string) => resolve(parseSearch(search), early, { index });

  it("leaves a minerals URL's mineral, stage and year as given, without warning, until they do", () => {
    const search = "?view=minerals&mineral=graphite&stage=refining&year=2025";
    const { state, warnings } = openEarly(search);
    expect(warnings).toEqual([]);
    expect(toSearch(state)).toBe(search);
    // Once they arrive, the same state resolves (silently, as the app does) exactly as the URL would.
    expect(resolveState(state, dataset, { index })).toEqual(open(search).state);
  });

  it("resolves every other view exactly as with them (a pacts URL never needs them)", () => {
    for (const search of ["", "?view=forums&forum=msp", "?date=2025-12-12&country=AUS", "?mineral=cobalt"]) {
      expect(openEarly(search)).toEqual(open(search));
    }
  });
});
