import { describe, expect, it } from "vitest";
import { MARKER_AREA_KM2 } from "../../../src/config.ts";
import { blocDefinition } from "../../../src/model/bloc.ts";
import { formatNumber } from "../../../src/model/format.ts";
import { methodologyModel } from "../../../src/model/methodology.ts";
import { STATUS_LABELS, STATUSES } from "../../../src/model/status.ts";
import type { Dataset } from "../../../src/types.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const model = methodologyModel(dataset);
const section = (title: string) => {
  const found = model.sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section ${title}`);
  return found;
};
const textOf = (title: string) => {
  const s = section(title);
  return [...s.paragraphs, ...s.definitions.flat()].join("\n");
};

describe("methodologyModel: sources", () => {
  it("lists every source of the dataset exactly once", () => {
    const ids = model.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(dataset.sources.map((s) => s.id).sort());
    expect(model.sources).toHaveLength(105);
  });

  it("sorts them by publisher", () => {
    const publishers = model.sources.map((s) => s.publisher);
    const sorted = [...publishers].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    expect(publishers).toEqual(sorted);
  });

  it("counts the records citing each source (hand-checked)", () => {
    const used = (id: string) => model.sources.find((s) => s.id === id)?.usedBy;
    // 82 mineral tables each from MCS 2026 and MCS 2025; 6 IEA refining tables; 1 WNA uranium table.
    expect(used("usgs-mcs2026")).toBe(82);
    expect(used("usgs-mcs2025")).toBe(82);
    expect(used("iea-cmd-2025")).toBe(6);
    expect(used("wna-uranium-production")).toBe(1);
    expect(used("state-2026-02-04-ministerial-factsheet")).toBe(87);
    expect(used("abccolor-2026-02-05-pry-mou")).toBe(1);
    // Every source is cited somewhere (data/README.md: "every source cited anywhere").
    expect(model.sources.every((s) => s.usedBy >= 1)).toBe(true);
  });

  it("keeps publisher, formatted date, link, licence, and the original of a copy", () => {
    const iea = model.sources.find((s) => s.id === "iea-cmd-2025");
    expect(iea).toMatchObject({
      publisher: "International Energy Agency",
      date: "May 2025",
      isMirror: true,
      licence: "CC BY 4.0",
    });
    expect(iea?.original).toMatch(/^IEA Critical Minerals Dataset/);
    expect(iea?.url).toMatch(/^https:\/\//);
    expect(model.sources.find((s) => s.id === "usgs-mcs2026")?.date).toBe("6 Feb 2026");
    expect(model.sources.find((s) => s.id === "state-archive-msp-page")?.date).toBe("undated");
    for (const s of model.sources) {
      if (s.isMirror) expect(s.original).not.toBe("");
      else expect(s.original).toBe("");
    }
  });
});

describe("methodologyModel: definitions and gaps", () => {
  it("gives the data's as-of date", () => {
    expect(model.asOf).toBe(dataset.asOf);
    expect(model.asOf).toBe("2026-05-26");
    expect(textOf("About the data")).toMatch(/The data run to 26 May 2026/);
  });

  it("defines every pact status the map uses, and the four cohorts", () => {
    const terms = section("Pact status and cohorts").definitions.map(([term]) => term);
    for (const status of STATUSES.filter((s) => s !== "none")) expect(terms).toContain(STATUS_LABELS[status]);
    for (const cohort of ["earlier", "pre-ministerial", "ministerial", "post-ministerial"]) {
      expect(terms).toContain(`Cohort: ${cohort}`);
    }
  });

  it("defines the bloc with the model's own sentence", () => {
    expect(section("The bloc").paragraphs[0]).toBe(blocDefinition({ forge: false, paxSilica: false }));
    expect(textOf("The bloc")).toMatch(/China is never in the bloc/);
  });

  it("defines shares and the HHI with the thresholds of hhiReading", () => {
    const text = textOf("Shares and concentration");
    expect(text).toMatch(/published world total \(not the sum of the rows\)/);
    expect(text).toMatch(/named countries only/);
    expect(text).toMatch(/lower bound/);
    expect(text).toMatch(
      /Above 0\.18: highly concentrated; 0\.10 to 0\.18: moderately concentrated; below 0\.10: unconcentrated/,
    );
  });

  it("states the announced numbers: 11 at the ministerial, 10 before, 17 concluded", () => {
    const defs = new Map(section("Numbers officials announced").definitions.map(([k, v]) => [v, k]));
    const value = (label: RegExp) => [...defs].find(([text]) => label.test(text))?.[1];
    expect(value(/^New bilateral critical-minerals frameworks\/MOUs the US signed at/)).toBe("11");
    expect(value(/^Similar bilateral frameworks/)).toBe("10");
    expect(value(/^Additional countries with which the US had concluded negotiations/)).toBe("17");
    expect(textOf("Numbers officials announced")).toMatch(/3 unresolved: Cambodia, Rwanda and Kenya/);
  });

  it("lists the known gaps, with numbers computed from the dataset", () => {
    const gaps = textOf("Known gaps");
    expect(gaps).toMatch(/The 17 countries that concluded negotiations are not named in any source/);
    expect(gaps).toMatch(/The 10 pacts signed before the ministerial were never listed\. 7 are likely and 3/);
    expect(gaps).toMatch(/FORGE has no official roster\. 15 of its 17 membership records are inferred/);
    expect(gaps).toMatch(
      /Mongolia, low confidence: joined on or after 4 Feb 2026 \(date not published; not on the timeline\)/,
    );
    expect(gaps).toMatch(/Germanium has no country data/);
    // Facts computed, not typed: the latest source, the unnamed 11th, the totals without US output.
    expect(gaps).toMatch(/The latest source behind a pact, forum or tally record is dated 2 Jun 2026; nothing later/);
    expect(gaps).toMatch(
      /The State Department named 10 of the 11 ministerial agreements\. Recorded as the rest, from other sources: United Kingdom \(medium confidence, 5 sources\)\./,
    );
    expect(gaps).toMatch(
      /For lithium, silicon metal, ferrosilicon, bauxite and titanium \(sponge metal\) the USGS notes say the world total excludes/,
    );
    expect(gaps).toMatch(
      /Japan: “US–Japan Action Plan .*\(planned\)” \(reported for 19 Mar 2026\) is left out\. Planned, not signed/,
    );
    expect(gaps).toMatch(/Kenya: .* has no published date/);
    expect(gaps).toMatch(/Morocco's instrument has no published title/);
    expect(gaps).toMatch(/20 country values are withheld by the source and 73 are not available/);
    expect(gaps).toMatch(/13 tables give the world total only as a lower bound/);
    expect(gaps).toMatch(/Refining by country for lithium, cobalt, nickel, graphite and rare earths comes only/);
    expect(gaps).toMatch(/add up to 0\.9624/);
  });

  it("follows the data, not fixed text: change a tally and the words change", () => {
    const edited: Dataset = {
      ...dataset,
      tallies: dataset.tallies.map((t) => (t.id === "negotiations-concluded" ? { ...t, value: 18 } : t)),
      agreements: dataset.agreements.filter((a) => a.date !== null),
    };
    const gaps = methodologyModel(edited)
      .sections.find((s) => s.title === "Known gaps")
      ?.paragraphs.join("\n");
    expect(gaps).toMatch(/The 18 countries that concluded negotiations/);
    expect(gaps).not.toMatch(/Kenya/);
  });

  it("computes its facts from the records: the unnamed 11th, the latest source, the marker threshold", () => {
    const named: Dataset = {
      ...dataset,
      agreements: dataset.agreements.map((a) =>
        a.iso3 === "GBR" ? { ...a, sources: [...a.sources, "state-2026-02-04-ministerial-factsheet"] } : a,
      ),
      sources: dataset.sources.map((s) =>
        s.id === "aljazeera-gadg-2026-06-02-ind-framework" ? { ...s, date: "2026-05-30" } : s,
      ),
      minerals: dataset.minerals.map((m) => (m.slug === "bauxite" ? { ...m, note: "" } : m)),
    };
    const gaps = methodologyModel(named)
      .sections.find((s) => s.title === "Known gaps")
      ?.paragraphs.join("\n");
    expect(gaps).toMatch(/The State Department named 11 of the 11 ministerial agreements\.\n/);
    expect(gaps).toMatch(/is dated 30 May 2026/);
    expect(gaps).toMatch(/For lithium, silicon metal, ferrosilicon and titanium \(sponge metal\) the USGS/);
    expect(textOf("The map")).toMatch(new RegExp(`States under ${formatNumber(MARKER_AREA_KM2)} km²`));
    expect(formatNumber(MARKER_AREA_KM2)).toBe("15,000");
  });

  it("is pure: the same dataset gives an equal model", () => {
    expect(methodologyModel(dataset)).toEqual(model);
  });
});

describe("methodologyModel before the mineral tables arrive", () => {
  const early = methodologyModel({ ...dataset, mineralTables: null });
  const text = (m: typeof early, title: string) => {
    const s = m.sections.find((x) => x.title === title);
    return [...(s?.paragraphs ?? []), ...(s?.definitions.flat() ?? [])].join("\n");
  };

  it("says they are still loading, and tells no table figure it cannot know", () => {
    expect(text(early, "About the data")).toMatch(
      /the published mineral tables covering \d+ of \d+ minerals \(still loading/,
    );
    expect(text(model, "About the data")).toMatch(/\d+ published mineral tables covering/);
    const gaps = text(early, "Known gaps");
    expect(gaps).not.toMatch(/country values are withheld/);
    expect(gaps).not.toMatch(/lower bound/);
    expect(gaps).toMatch(/Germanium has no country data/); // from the catalogue, in dataset.json
    expect(gaps).toMatch(/China \(CHN\) is shown apart/);
  });

  it("after a failure says they were not loaded, not that they are still loading", () => {
    const failed = methodologyModel({ ...dataset, mineralTables: null }, true);
    const about = text(failed, "About the data");
    expect(about).toMatch(/mineral tables covering \d+ of \d+ minerals \(not loaded: the counts here leave them out\)/);
    expect(about).not.toMatch(/still loading/);
    // Once in, the tables are counted whatever happened before.
    expect(text(methodologyModel(dataset, true), "About the data")).toMatch(/\d+ published mineral tables covering/);
  });

  it("counts only the records it has: the tables' sources gain their citations when they arrive", () => {
    const usedBy = (m: typeof early, id: string) => m.sources.find((s) => s.id === id)?.usedBy;
    expect(usedBy(early, "iea-cmd-2025")).toBeLessThan(usedBy(model, "iea-cmd-2025") ?? 0);
    expect(usedBy(early, "state-2026-02-04-ministerial-factsheet")).toBe(
      usedBy(model, "state-2026-02-04-ministerial-factsheet"),
    );
  });
});
