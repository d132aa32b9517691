import { describe, expect, it } from "vitest";
import { CHINA, CREDIT } from "../../../src/config.ts";
import { embedHeadline } from "../../../src/embed/embed.ts";
import { deriveScene } from "../../../src/model/derive.ts";
import { formatDate } from "../../../src/model/format.ts";
import { MINERAL_COLOURS, PACT_COLOURS } from "../../../src/model/palette.ts";
import { STATUS_LABELS } from "../../../src/model/status.ts";
import { mineralOptionsOf } from "../../../src/present/controls.ts";
import { exportName, exportTextOf } from "../../../src/present/export.ts";
import { insightColours } from "../../../src/present/insight.ts";
import { legendBuilder } from "../../../src/present/legend.ts";
import { panelOf, statusText } from "../../../src/present/panel.ts";
import { tooltipOf } from "../../../src/present/tooltip.ts";
import { DEFAULT_STATE } from "../../../src/state/state.ts";
import { dataset, index, sceneFor } from "./fixture.ts";

const pacts = sceneFor();

describe("tooltipOf", () => {
  it("names the country and its pact status in the pacts view", () => {
    const status = pacts.statuses.get("JPN");
    expect(status).toBeDefined();
    const tooltip = tooltipOf(dataset, index, pacts, { kind: "country", iso3: "JPN" });
    expect(tooltip?.title).toBe("Japan");
    expect(JSON.stringify(tooltip?.rows)).toContain(STATUS_LABELS[status?.status ?? "none"]);
    expect(tooltipOf(dataset, index, pacts, null)).toBeNull();
  });

  it("names an arc's instrument, and nothing for an arc not in the data", () => {
    const arc = pacts.arcs[0];
    expect(arc).toBeDefined();
    const tooltip = tooltipOf(dataset, index, pacts, { kind: "arc", id: arc?.id ?? "", iso3: arc?.iso3 ?? "" });
    expect(tooltip?.rows[0]?.[0]).toBe("Signed");
    expect(tooltipOf(dataset, index, pacts, { kind: "arc", id: "no-such-arc", iso3: "AUS" })).toBeNull();
  });

  it("leads with the shown forum's own record in the forums view, a pact's date marked as its signing", () => {
    const scene = sceneFor({ view: "forums", forum: "pax-silica" });
    const tooltip = tooltipOf(dataset, index, scene, { kind: "country", iso3: "AUS" });
    const pax = dataset.memberships.find((m) => m.iso3 === "AUS" && m.forum === "pax-silica");
    const pact = dataset.agreements.find((a) => a.iso3 === "AUS" && a.kind === "pact");
    expect(pax?.since).toBeTruthy();
    expect(pact?.date).toBeTruthy();
    expect(pax?.since).not.toBe(pact?.date);
    expect(tooltip?.rows[0]).toEqual(["Pax Silica", `Signatory, since ${formatDate(pax?.since ?? null)}`]);
    // No label reads as a date: under a forum's status it was taken for the forum's date.
    expect(tooltip?.rows.filter(([label]) => /\d{4}/.test(label))).toEqual([]);
    const pactRow = tooltip?.rows.find(([label]) => label === "US pact");
    expect(pactRow?.[1]).toContain(`signed ${formatDate(pact?.date ?? null)}`);
    expect(tooltip?.rows.findIndex(([label]) => label === "US pact")).toBeGreaterThan(0);
  });

  it("counts forums first in the overlap view, and says when a country has no record of the shown forum", () => {
    const overlap = tooltipOf(dataset, index, sceneFor({ view: "forums", forum: "overlap" }), {
      kind: "country",
      iso3: "AUS",
    });
    const count = sceneFor({ view: "forums", forum: "overlap" }).choropleth.countries.get("AUS")?.key;
    expect(overlap?.rows[0]).toEqual(["Forums", `${count} of 4 forums`]);
    const usa = tooltipOf(dataset, index, sceneFor({ view: "forums", forum: "ministerial" }), {
      kind: "country",
      iso3: "USA",
    });
    expect(usa?.rows[0]).toEqual(["Ministerial", "No record"]);
  });

  it("gives share rows in the minerals view, and says so for a mineral without country data", () => {
    const lithium = tooltipOf(dataset, index, sceneFor({ view: "minerals", mineral: "lithium", stage: "mine" }), {
      kind: "country",
      iso3: "AUS",
    });
    expect(JSON.stringify(lithium?.rows)).toContain("%");
    const germanium = tooltipOf(dataset, index, sceneFor({ view: "minerals", mineral: "germanium" }), {
      kind: "country",
      iso3: "AUS",
    });
    expect(germanium?.rows).toEqual([["Data", "No country data published for this mineral"]]);
  });
});

describe("the minerals view at first sight", () => {
  it("opens where China's leverage is plainest: China far ahead of the bloc, on every mineral of the stage", () => {
    const first = sceneFor({ view: "minerals" }).minerals;
    const bloc = first?.concentration?.bloc;
    expect(first?.choice?.stage).toBe(DEFAULT_STATE.stage);
    expect(bloc?.china).toBeGreaterThan(0.5);
    expect(bloc?.china).toBeGreaterThan(5 * (bloc?.bloc ?? 1));
    // The chart beside it, every mineral at the same stage: China leads the bloc in each.
    expect(first?.allMinerals.length).toBeGreaterThan(5);
    expect(first?.allMinerals.filter((row) => row.china <= row.bloc)).toEqual([]);
  });

  it("keeps the counter-examples one choice away: in mining the bloc leads China in some minerals", () => {
    const mining = sceneFor({ view: "minerals", stage: "mine" }).minerals?.allMinerals ?? [];
    expect(mining.filter((row) => row.bloc > row.china).map((row) => row.mineral)).toEqual(
      expect.arrayContaining(["lithium", "cobalt"]),
    );
  });
});

describe("panel", () => {
  it("says what China is, a pact's status, or that there is none", () => {
    expect(statusText(CHINA, pacts)).toBe("China: the supplier the bloc is built to counter");
    const jpn = pacts.statuses.get("JPN")?.status;
    expect(statusText("JPN", pacts)).toBe(STATUS_LABELS[jpn ?? "none"]);
    const without = dataset.places.find((p) => !pacts.statuses.has(p.iso3) && p.iso3 !== CHINA);
    expect(statusText(without?.iso3 ?? "", pacts)).toBe("No pact with the US in our sources");
  });

  it("is null with no country selected, and names the country otherwise", () => {
    expect(panelOf(dataset, index, pacts, null)).toBeNull();
    expect(panelOf(dataset, index, pacts, "AUS")?.name).toBe("Australia");
  });
});

describe("insightColours", () => {
  it("reads the palette of the theme", () => {
    for (const theme of ["light", "dark"] as const) {
      const colours = insightColours(theme);
      expect(colours.bar).toBe(MINERAL_COLOURS[theme]["class-3"]);
      expect(colours.china).toBe(PACT_COLOURS[theme].china);
      expect(Object.values(colours).every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
    }
    expect(insightColours("dark")).not.toEqual(insightColours("light"));
  });
});

describe("export text", () => {
  it("carries the view's title, summary, legend, date and credit", () => {
    const text = exportTextOf(dataset, index, pacts, "pacts");
    expect(text.title).toBe(pacts.choropleth.title);
    expect(text.summary).toBe(pacts.summary);
    expect(text.categories).toBe(pacts.choropleth.categories);
    expect(text.credit.startsWith(CREDIT)).toBe(true);
    expect(exportName(pacts, { view: "pacts", forum: "forge" })).toBe(`critical-minerals-pacts-${pacts.date}`);
  });

  it("titles a minerals image with the concentration heading", () => {
    const cobalt = sceneFor({ view: "minerals", mineral: "cobalt" });
    expect(exportTextOf(dataset, index, cobalt, "minerals").title).toBe(cobalt.minerals?.concentration?.heading);
  });
});

describe("mineral options", () => {
  it("are null outside the minerals view and show the stage and year drawn inside it", () => {
    expect(mineralOptionsOf(pacts, DEFAULT_STATE)).toBeNull();
    const graphite = sceneFor({ view: "minerals", mineral: "graphite", stage: "refining", year: 2025 });
    expect(mineralOptionsOf(graphite, { mineral: "graphite", stage: "refining" })).toEqual({
      mineral: "graphite",
      stage: "refining",
      stages: ["mine", "refining", "reserves"],
      year: 2024,
      years: [2024],
      yearsPending: false,
    });
  });

  it("keep the year field's place, with no year, while the mineral tables load", () => {
    const early = deriveScene(
      { ...dataset, mineralTables: null },
      index,
      { ...DEFAULT_STATE, view: "minerals" },
      "light",
    );
    expect(mineralOptionsOf(early, DEFAULT_STATE)).toMatchObject({ year: null, years: [], yearsPending: true });
    // Germanium has no table at all: no year field, loading or not.
    const germanium = deriveScene(
      { ...dataset, mineralTables: null },
      index,
      { ...DEFAULT_STATE, view: "minerals", mineral: "germanium" },
      "light",
    );
    expect(mineralOptionsOf(germanium, DEFAULT_STATE)?.yearsPending).toBe(false);
  });
});

describe("legend", () => {
  it("is the same model until the scene, view or filter changes", () => {
    const legendOf = legendBuilder(dataset, index);
    const first = legendOf(pacts, "pacts", null);
    expect(legendOf(pacts, "pacts", null)).toBe(first);
    expect(first.choropleth).toBe(pacts.choropleth);
    const filtered = legendOf(pacts, "pacts", "ministerial");
    expect(filtered).not.toBe(first);
    expect(filtered.filter).toBe("ministerial");
    expect(filtered.notes).toEqual(first.notes);
  });

  it("draws gallium refining's United States as zero, as USGS publishes it (not withheld), Russia under 1%", () => {
    const gallium = sceneFor({ view: "minerals", mineral: "gallium", stage: "refining", year: 2025 });
    expect(gallium.choropleth.countries.get("USA")?.key).toBe("zero");
    expect(gallium.choropleth.countries.get("RUS")?.key).toBe("class-0");
    const zero = gallium.choropleth.categories.find((c) => c.key === "zero");
    expect(zero).toMatchObject({ label: "Zero (published as none)", count: 1 });
    expect(zero?.colour).not.toBe(gallium.choropleth.categories.find((c) => c.key === "withheld")?.colour);
  });

  it("says when its title names the view (pacts, forums), which an embed's headline already says", () => {
    const legendOf = legendBuilder(dataset, index);
    expect(legendOf(pacts, "pacts", null).titleNamesView).toBe(true);
    const pax = sceneFor({ view: "forums", forum: "pax-silica" });
    expect(legendOf(pax, "forums", null).titleNamesView).toBe(true);
    expect(embedHeadline(pax).startsWith(pax.choropleth.title)).toBe(true);
    const cobalt = sceneFor({ view: "minerals", mineral: "cobalt" });
    expect(legendOf(cobalt, "minerals", null).titleNamesView).toBe(false);
    expect(embedHeadline(cobalt)).not.toContain(cobalt.choropleth.title);
  });
});
