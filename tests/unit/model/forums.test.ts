import { describe, expect, it } from "vitest";
import { forumsChoropleth, pactsChoropleth } from "../../../src/model/choropleth.ts";
import { activeMemberships, forumStatus, overlapCounts, startText } from "../../../src/model/forums.ts";
import { FORUM_COLOURS, PACT_COLOURS } from "../../../src/model/palette.ts";
import { AGREEMENTS, MEMBERSHIPS, membership, PLACES } from "../../fixtures/tiny.ts";

const tiny = { agreements: AGREEMENTS, memberships: MEMBERSHIPS };
const drawable = new Set([...PLACES.map((p) => p.iso3), "BRA", "NOR", "NLD", "USA", "CHN"]);

describe("activeMemberships", () => {
  it("ends MSP the day FORGE replaced it, and counts an undated member from the day it is known to hold", () => {
    const on = (date: string) => activeMemberships(MEMBERSHIPS, date).map((m) => `${m.iso3}:${m.forum}`);
    expect(on("2026-02-03")).toEqual(expect.arrayContaining(["AUS:msp", "NOR:msp"]));
    expect(on("2026-02-04")).not.toContain("AUS:msp");
    expect(on("2026-02-04")).toContain("AUS:forge");
    // Norway: not before the launch (14 Jun 2022), known by 20 Jan 2025; never counted from the launch.
    expect(on("2022-06-14")).toContain("AUS:msp");
    expect(on("2022-06-14")).not.toContain("NOR:msp");
    expect(on("2025-01-19")).not.toContain("NOR:msp");
    expect(on("2025-01-20")).toContain("NOR:msp");
  });

  it("never counts an undated membership no source shows holding on a given day", () => {
    const unknown = membership({ iso3: "MNG", forum: "forge", since: null, notBefore: "2026-02-04" });
    expect(activeMemberships([unknown], "2030-01-01")).toEqual([]);
  });
});

describe("startText", () => {
  const undated = { role: "signatory" as const, since: null, notBefore: null, knownBy: null };
  it("says what the sources give: a date, a range, a lower bound or nothing", () => {
    expect(startText({ ...undated, since: "2025-12-12" })).toBe("since 12 Dec 2025");
    expect(startText({ ...undated, notBefore: "2026-01-14", knownBy: "2026-02-20" })).toBe(
      "signed by 20 Feb 2026 (not before 14 Jan 2026; exact date not published)",
    );
    expect(startText({ ...undated, role: "member", knownBy: "2025-01-20" })).toBe(
      "joined by 20 Jan 2025 (exact date not published)",
    );
    expect(startText({ ...undated, role: "member", notBefore: "2026-02-04" })).toBe(
      "joined on or after 4 Feb 2026 (date not published; not on the timeline)",
    );
    expect(startText(undated)).toBe("signing date not published (not on the timeline)");
  });
});

describe("forumStatus", () => {
  it("tells signatories from participants in Pax Silica", () => {
    const pax = forumStatus(tiny, "pax-silica", "2026-01-01");
    expect(pax.get("JPN")?.category).toBe("signatory");
    expect(pax.get("NLD")?.category).toBe("participant");
  });

  it("marks inferred FORGE members as inferred", () => {
    expect(forumStatus(tiny, "forge", "2026-03-01").get("AUS")?.category).toBe("member-inferred");
  });
});

describe("overlapCounts", () => {
  it("counts the forums a country belongs to on the date", () => {
    expect(overlapCounts(tiny, "2026-02-04").get("AUS")).toEqual(["forge"]);
    expect(overlapCounts(tiny, "2026-02-04").get("ARG")).toEqual(["ministerial"]);
  });
});

describe("choropleths (the legend's counts and the map's colours come from one table)", () => {
  it("counts pact statuses at the date and colours each country from the palette", () => {
    const before = pactsChoropleth(tiny, "2026-02-03", "light", drawable);
    const after = pactsChoropleth(tiny, "2026-02-04", "light", drawable);
    const count = (c: typeof before, key: string) => c.categories.find((x) => x.key === key)?.count;
    expect(count(before, "ministerial")).toBe(0);
    expect(count(after, "ministerial")).toBe(3);
    expect(count(after, "delegation")).toBe(1);
    expect(after.countries.get("ARG")?.colour).toBe(PACT_COLOURS.light.ministerial);
    expect(after.countries.get("USA")?.key).toBe("hub");
    expect(after.countries.get("CHN")?.key).toBe("china");
    expect(after.countries.get("GBR")?.uncertain).toBe(true);
    for (const category of after.categories) {
      expect(category.colour).toBe(PACT_COLOURS.light[category.key]);
    }
  });

  it("lists a forum view's categories even on a date with no members", () => {
    const early = forumsChoropleth(tiny, "pax-silica", "2025-01-01", "dark", drawable);
    expect(early.categories.map((c) => [c.key, c.count])).toEqual([
      ["signatory", 0],
      ["participant", 0],
    ]);
    const later = forumsChoropleth(tiny, "pax-silica", "2026-01-01", "dark", drawable);
    expect(later.countries.get("JPN")?.colour).toBe(FORUM_COLOURS.dark.signatory);
  });
});
