/** The tooltip and panel texts (src/model/describe.ts) for records of the committed dataset. */
import { describe, expect, it } from "vitest";
import { MINISTERIAL_DATE } from "../../../src/config.ts";
import {
  arcTooltip,
  confidenceReason,
  countryTooltip,
  instrumentForm,
  membershipLine,
  panelModel,
  TYPE_LABELS,
} from "../../../src/model/describe.ts";
import { CONFIDENCE_LABELS, formatDate } from "../../../src/model/format.ts";
import { activeMemberships } from "../../../src/model/forums.ts";
import { STATUS_LABELS, statusByCountry } from "../../../src/model/status.ts";
import { dataset, index } from "../present/fixture.ts";

const agreementOf = (id: string) => {
  const found = dataset.agreements.find((a) => a.id === id);
  if (!found) throw new Error(`no agreement ${id}`);
  return found;
};
const australia = agreementOf("aus-2025-10-20-framework");

describe("instrumentForm and membershipLine", () => {
  it("name an instrument's form, or say it is not published", () => {
    expect(instrumentForm(australia)).toBe(TYPE_LABELS.framework);
    expect(instrumentForm({ ...australia, type: null })).toBe("Form not published");
  });

  it("say a forum, role and start in one line", () => {
    const japan = dataset.memberships.find((m) => m.iso3 === "JPN" && m.forum === "pax-silica");
    if (!japan) throw new Error("no Pax Silica membership for Japan");
    const line = membershipLine(japan);
    expect(line.startsWith("Pax Silica signatory")).toBe(true);
    if (japan.since) expect(line).toContain(`since ${formatDate(japan.since)}`);
    expect(membershipLine({ ...japan, basis: "inferred", until: "2026-07-01" })).toMatch(
      /^Pax Silica signatory \(inferred\), .*, until 1 Jul 2026$/,
    );
  });
});

describe("countryTooltip", () => {
  const statuses = statusByCountry(dataset, MINISTERIAL_DATE);
  const memberships = activeMemberships(dataset.memberships, MINISTERIAL_DATE);
  const of = (iso3: string) => memberships.filter((m) => m.iso3 === iso3);

  it("lists a country's status, each agreement by date and its forums", () => {
    const tip = countryTooltip("Australia", statuses.get("AUS"), of("AUS"), null);
    expect(tip.title).toBe("Australia");
    expect(tip.rows[0]).toEqual(["Status", STATUS_LABELS.before]);
    for (const a of statuses.get("AUS")?.agreements ?? []) {
      expect(tip.rows).toContainEqual([formatDate(a.date), `${instrumentForm(a)}: ${a.instrument}`]);
    }
    const forums = tip.rows.find(([key]) => key === "Forums")?.[1] ?? "";
    expect(forums).toContain("FORGE member");
    expect(forums).toContain("Pax Silica signatory");
    // The ministerial delegation is the status's business, not a forum.
    expect(forums).not.toContain("Ministerial");
  });

  it("explains each record of lower confidence, and says when there is no record", () => {
    const [iso3, status] = [...statuses].find(([, s]) => s.agreements.some((a) => a.confidence !== "high")) ?? [];
    if (!iso3 || !status) throw new Error("every record is of high confidence");
    const doubtful = status.agreements.find((a) => a.confidence !== "high");
    const tip = countryTooltip(iso3, status, [], null);
    expect(tip.rows).toContainEqual([
      "",
      `${CONFIDENCE_LABELS[doubtful?.confidence ?? "low"]}: ${confidenceReason(doubtful ?? australia)}`,
    ]);
    expect(countryTooltip("Nowhere", undefined, [], null).rows).toEqual([["Status", "No pact or forum record"]]);
    expect(countryTooltip("Japan", statuses.get("JPN"), [], "Signatory").rows[0]).toEqual(["Status", "Signatory"]);
  });

  it("gives the first sentence of a record's note as the reason", () => {
    const note = { ...australia, dateNote: "", notes: "Reported by one outlet. Not confirmed." };
    expect(confidenceReason(note)).toBe("Reported by one outlet.");
    expect(confidenceReason({ ...australia, dateNote: "", notes: "" })).toBe("the sources disagree or are indirect");
  });
});

describe("arcTooltip and panelModel", () => {
  it("names an arc's partner, signing, form and first source", () => {
    const tip = arcTooltip(australia, "Australia", index.sources);
    const source = index.sources.get(australia.sources[0] ?? "");
    expect(tip.title).toBe("United States – Australia");
    expect(tip.rows).toContainEqual(["Signed", "20 Oct 2025"]);
    expect(tip.rows).toContainEqual(["Instrument", `Framework: ${australia.instrument}`]);
    expect(tip.rows.find(([key]) => key === "Source")?.[1]).toContain(source?.publisher ?? "no source");
  });

  it("gathers every record of a country with its sources resolved", () => {
    const panel = panelModel(dataset, "AUS", "Australia", STATUS_LABELS.before, index.sources, []);
    expect(panel.agreements.map((a) => a.agreement.id)).toEqual(
      dataset.agreements.filter((a) => a.iso3 === "AUS").map((a) => a.id),
    );
    expect(panel.memberships).toHaveLength(dataset.memberships.filter((m) => m.iso3 === "AUS").length);
    for (const { agreement, sources } of panel.agreements) {
      expect(sources.map((s) => s.id)).toEqual(agreement.sources);
    }
  });
});
