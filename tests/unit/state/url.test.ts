import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, STAGES } from "../../../src/state/state.ts";
import { CODECS, type Codec, carries, isIsoDate, parseSearch, toSearch } from "../../../src/state/url.ts";

describe("parseSearch / toSearch", () => {
  it("the default state is the empty query, and the empty query is the default state", () => {
    expect(toSearch(DEFAULT_STATE)).toBe("");
    expect(parseSearch("")).toEqual({ state: DEFAULT_STATE, warnings: [], given: new Map() });
  });

  it("round-trips every parameter of DESIGN §3, each in the view that uses it", () => {
    const minerals =
      "?view=minerals&mineral=rare-earths&stage=reserves&year=2024&date=2026-02-04&bloc=forge~pax-silica&country=AUS&embed=1&theme=dark&table=1";
    const { state, warnings, given } = parseSearch(minerals);
    expect(warnings).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_STATE,
      view: "minerals",
      mineral: "rare-earths",
      stage: "reserves",
      year: 2024,
      date: "2026-02-04",
      blocForge: true,
      blocPax: true,
      country: "AUS",
      embed: true,
      theme: "dark",
      table: true,
    });
    expect([...given.keys()]).toEqual([
      "view",
      "mineral",
      "stage",
      "year",
      "date",
      "bloc",
      "country",
      "embed",
      "theme",
      "table",
    ]);
    expect(toSearch(state)).toBe(minerals);
    for (const search of ["?view=forums&forum=overlap&date=2025-10-20", "?arcs=0&country=JPN"]) {
      expect(toSearch(parseSearch(search).state)).toBe(search);
    }
  });

  it("writes only the parameters of the view: a forums URL never carries mineral or stage", () => {
    const state = {
      ...DEFAULT_STATE,
      mineral: "rare-earths",
      stage: "reserves" as const,
      arcs: false,
      forum: "msp" as const,
    };
    expect(toSearch({ ...state, view: "forums" })).toBe("?view=forums&forum=msp");
    expect(toSearch({ ...state, view: "pacts" })).toBe("?arcs=0");
    expect(toSearch({ ...state, view: "minerals" })).toBe("?view=minerals&mineral=rare-earths&stage=reserves");
    expect(carries("forums", "mineral")).toBe(false);
    expect(carries("forums", "country")).toBe(true);
  });

  it("every codec reads back what it writes", () => {
    const state = {
      ...DEFAULT_STATE,
      view: "minerals" as const,
      year: 2025,
      date: "2026-01-01",
      country: "FIN",
      blocPax: true,
      arcs: false,
      embed: true,
      table: true,
      theme: "light" as const,
      forum: "overlap" as const,
      stage: "reserves" as const,
      mineral: "cobalt",
    };
    for (const codec of Object.values(CODECS) as Codec[]) {
      const written = codec.write(state);
      expect(written).not.toBeNull();
      const read = codec.read(written ?? "");
      expect(read).not.toBeNull();
      expect(Object.keys(read ?? {}).sort()).toEqual([...codec.fields].sort());
      for (const field of codec.fields) expect(read?.[field]).toBe(state[field]);
    }
  });

  it.each([
    ["view=globe", "view"],
    ["forum=nato", "forum"],
    ["mineral=<script>", "mineral"],
    ["stage=smelting", "stage"],
    ["year=20x5", "year"],
    ["date=2026-02-30", "date"],
    ["arcs=yes", "arcs"],
    ["country=Australia", "country"],
    ["embed=true", "embed"],
    ["theme=sepia", "theme"],
    ["bloc=nato", "bloc"],
    ["table=yes", "table"],
    ["zoom=3", "zoom"],
  ])("ignores %s with one warning and keeps the defaults", (query, key) => {
    const { state, warnings } = parseSearch(`?${query}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(key);
  });

  it("keeps the valid parameters when others are invalid", () => {
    const { state, warnings } = parseSearch("?view=forums&forum=bogus&country=fra");
    expect(state.view).toBe("forums");
    expect(state.forum).toBe(DEFAULT_STATE.forum);
    expect(state.country).toBe("FRA");
    expect(warnings).toHaveLength(1);
  });

  it.each([
    ["%EF%AC%81n", "ﬁn"],
    ["%C4%B1nd", "ınd"],
    ["%C3%A5us", "åus"],
  ])("accepts only ASCII country codes: country=%s is not FIN or IND", (encoded) => {
    const { state, warnings } = parseSearch(`?country=${encoded}`);
    expect(state.country).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("ISO 3166-1");
  });

  it("warns once about each repeated parameter and uses the last", () => {
    const { state, warnings } = parseSearch("?country=ZZZ&country=AUS");
    expect(state.country).toBe("AUS");
    expect(warnings).toEqual([
      'Ignoring URL parameter country="ZZZ": country is given again later in the URL; the last one is used.',
    ]);
    const three = parseSearch("?view=forums&view=minerals&view=bogus");
    expect(three.state.view).toBe(DEFAULT_STATE.view);
    expect(three.warnings).toHaveLength(3);
  });

  it("escapes control characters in unknown keys as in values", () => {
    const { warnings } = parseSearch("?zo%01om%0A=1&view=x%01%0A");
    expect(warnings).toEqual([
      'Ignoring unknown URL parameter "zo\\u0001om\\n".',
      'Ignoring URL parameter view="x\\u0001\\n": expected pacts, forums, minerals.',
    ]);
    for (const warning of warnings) expect([...warning].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it("truncates what it echoes in warnings", () => {
    const { warnings } = parseSearch(`?view=${"x".repeat(500)}`);
    expect(warnings[0]?.length).toBeLessThan(160);
  });
});

describe("mineral and stage in the URL", () => {
  const minerals = { ...DEFAULT_STATE, view: "minerals" as const };
  const slugs = ["lithium", "cobalt", "rare-earths", "gallium"];

  it("a bare minerals URL opens on the default pair, written as nothing", () => {
    expect(parseSearch("?view=minerals").state).toMatchObject({
      mineral: DEFAULT_STATE.mineral,
      stage: DEFAULT_STATE.stage,
    });
    expect(toSearch(minerals)).toBe("?view=minerals");
  });

  // Links written while lithium and mine production were the defaults left out whichever was.
  const formerly = (mineral: string, stage: string) =>
    `?view=minerals${mineral === "lithium" ? "" : `&mineral=${mineral}`}${stage === "mine" ? "" : `&stage=${stage}`}`;

  it.each(
    slugs.flatMap((mineral) => STAGES.map((stage) => [mineral, stage] as const)),
  )("a link written for %s, %s before the defaults changed reads as it did", (mineral, stage) => {
    const link = formerly(mineral, stage);
    if (link === "?view=minerals") return; // the one link whose meaning the new default takes
    const { state, warnings } = parseSearch(link);
    expect(warnings).toEqual([]);
    expect(state).toMatchObject({ mineral, stage });
    // Written back unchanged, but for the new default pair, which needs no parameters now.
    const isDefault = mineral === DEFAULT_STATE.mineral && stage === DEFAULT_STATE.stage;
    expect(toSearch(state)).toBe(isDefault ? "?view=minerals" : link);
  });

  it("every pair round-trips, the former defaults included", () => {
    for (const mineral of slugs)
      for (const stage of STAGES) {
        const written = toSearch({ ...minerals, mineral, stage });
        expect(parseSearch(written).state, written).toMatchObject({ mineral, stage });
      }
    expect(toSearch({ ...minerals, mineral: "lithium", stage: "mine" })).toBe("?view=minerals&mineral=lithium");
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-02-04", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2026-13-01", false],
    ["2026-2-4", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
