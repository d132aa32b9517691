import { describe, expect, it } from "vitest";
import { deriveScene, indexOf } from "../../../src/model/derive.ts";
import { counted, form, NOUNS } from "../../../src/model/words.ts";
import { DEFAULT_STATE, FORUM_VIEWS } from "../../../src/state/state.ts";
import { publishedDataset } from "../published.ts";

const dataset = publishedDataset();
const index = indexOf(dataset);

describe("counted nouns", () => {
  it("agree with their number, by Intl.PluralRules", () => {
    expect(counted(1, NOUNS.partner)).toBe("1 partner");
    expect(counted(0, NOUNS.partner)).toBe("0 partners");
    expect(counted(21, NOUNS.country)).toBe("21 countries");
    expect(form(1, NOUNS.has)).toBe("has");
    expect(form(2, NOUNS.has)).toBe("have");
  });
});

describe("the summary under the map (also printed in the PNG and SVG downloads)", () => {
  const summaryOf = (patch: Partial<typeof DEFAULT_STATE>) =>
    deriveScene(dataset, index, { ...DEFAULT_STATE, ...patch }, "light").summary;

  it("says “1 partner has” on the day of the first pact, and plural after", () => {
    const first = dataset.agreements
      .filter((a) => a.kind === "pact" && a.date)
      .map((a) => a.date as string)
      .sort()[0];
    const day = summaryOf({ date: first ?? null });
    expect(day).toMatch(/\b1 partner has a critical-minerals pact/);
    expect(summaryOf({})).toMatch(/\b\d+ partners have a critical-minerals pact/);
  });

  it("counts forum members in words that agree: no “11 signatory” or “15 msp forum member”", () => {
    for (const forum of FORUM_VIEWS) {
      const summary = summaryOf({ view: "forums", forum });
      expect(summary, forum).not.toMatch(
        /\b([2-9]|\d\d+) (MSP Forum )?(signatory|member|participant|chair|delegation)\b/i,
      );
      expect(summary, forum).not.toMatch(/\bmsp forum member/);
    }
    expect(summaryOf({ view: "forums", forum: "pax-silica" })).toMatch(
      /\d+ signatories; \d+ participants \(not signatories\)/,
    );
    expect(summaryOf({ view: "forums", forum: "msp" })).toMatch(/\d+ MSP Forum members/);
    expect(summaryOf({ view: "forums", forum: "overlap" })).toMatch(/\d+ countries in 1 of 4 forums/);
  });
});
