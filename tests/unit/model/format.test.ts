import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatShare } from "../../../src/model/format.ts";

describe("format", () => {
  it.each([
    ["2026-02-04", "4 Feb 2026"],
    ["2025-05", "May 2025"],
    ["2025", "2025"],
    [null, "date not published"],
  ])("formatDate(%s) = %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it("formats shares and numbers for readers", () => {
    expect(formatShare(0.4495)).toBe("45%");
    expect(formatShare(0.004)).toBe("0.4%");
    expect(formatShare(null)).toBe("n/a");
    expect(formatNumber(91700)).toBe("91,700");
    expect(formatNumber(196.143)).toBe("196.143");
    expect(formatNumber(1234567)).toBe("1,234,567");
  });
});
