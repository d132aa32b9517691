import { describe, expect, it } from "vitest";
import { statusByCountry, statusCounts } from "../../../src/model/status.ts";
import { AGREEMENTS, MEMBERSHIPS } from "../../fixtures/tiny.ts";
import { publishedDataset } from "../published.ts";

const tiny = { agreements: AGREEMENTS, memberships: MEMBERSHIPS };
const statusOn = (date: string) => new Map([...statusByCountry(tiny, date)].map(([k, v]) => [k, v.status]));

describe("statusByCountry", () => {
  it("counts only records dated on or before the date", () => {
    expect(statusOn("2025-10-19").get("AUS")).toBeUndefined();
    expect(statusOn("2025-10-20").get("AUS")).toBe("before");
  });

  it("puts the ministerial first: Cook Islands moves from a related deal to the ministerial cohort", () => {
    expect(statusOn("2026-02-03").get("COK")).toBe("related");
    expect(statusOn("2026-02-04").get("COK")).toBe("ministerial");
  });

  it("marks a delegation without a pact, and lets a pact win over a delegation", () => {
    const on = statusByCountry(tiny, "2026-02-04");
    expect(on.get("BRA")?.status).toBe("delegation");
    expect(on.get("ARG")?.status).toBe("ministerial");
    expect(on.get("ARG")?.delegation?.forum).toBe("ministerial");
  });

  it("carries the confidence of the deciding record", () => {
    expect(statusByCountry(tiny, "2026-02-04").get("GBR")?.confidence).toBe("medium");
  });

  it("leaves undated records off the timeline", () => {
    expect(statusOn("2026-12-31").has("KEN")).toBe(false);
  });

  it("classifies post-ministerial pacts as after", () => {
    expect(statusOn("2026-05-26").get("IND")).toBe("after");
  });
});

describe("the real data", () => {
  const dataset = publishedDataset();
  const counts = (date: string) => statusCounts(statusByCountry(dataset, date));

  it("goes from 0 to 11 ministerial signatories between 3 and 4 Feb 2026, as the State Dept announced", () => {
    const eleven = dataset.tallies.find((t) => t.id === "ministerial-signed")?.value;
    expect(eleven).toBe(11);
    expect(counts("2026-02-03").ministerial).toBe(0);
    expect(counts("2026-02-04").ministerial).toBe(eleven);
  });

  it("dates Australia's framework to 20 Oct 2025", () => {
    expect(statusByCountry(dataset, "2025-10-19").get("AUS")).toBeUndefined();
    expect(statusByCountry(dataset, "2025-10-20").get("AUS")?.status).toBe("before");
  });
});
