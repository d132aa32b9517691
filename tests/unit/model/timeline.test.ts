import { describe, expect, it } from "vitest";
import { addDays, clampDate, daysBetween, nextEvent, previousEvent, timelineOf } from "../../../src/model/timeline.ts";
import { AGREEMENTS, MEMBERSHIPS } from "../../fixtures/tiny.ts";

const timeline = timelineOf({ agreements: AGREEMENTS, memberships: MEMBERSHIPS, asOf: "2026-05-26" });

describe("timelineOf", () => {
  it("runs from the first dated record to the latest, with each event date once", () => {
    expect(timeline.start).toBe("2025-04-30");
    expect(timeline.end).toBe("2026-05-26");
    expect(timeline.events).toEqual([
      "2025-04-30",
      "2025-08-04",
      "2025-10-20",
      "2025-12-12",
      "2026-02-04",
      "2026-05-26",
    ]);
  });

  it("clamps requested dates to the range; no date means the latest", () => {
    expect(clampDate(timeline, null)).toBe("2026-05-26");
    expect(clampDate(timeline, "2020-01-01")).toBe("2025-04-30");
    expect(clampDate(timeline, "2030-01-01")).toBe("2026-05-26");
    expect(clampDate(timeline, "2026-01-01")).toBe("2026-01-01");
  });

  it("steps from event to event", () => {
    expect(nextEvent(timeline, "2026-02-03")).toBe("2026-02-04");
    expect(nextEvent(timeline, "2026-02-04")).toBe("2026-05-26");
    expect(previousEvent(timeline, "2026-02-04")).toBe("2025-12-12");
    expect(previousEvent(timeline, "2025-04-30")).toBe("2025-04-30");
  });
});

describe("date arithmetic", () => {
  it("counts and adds days across months and leap years", () => {
    expect(daysBetween("2025-04-30", "2026-05-26")).toBe(391);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });
});
