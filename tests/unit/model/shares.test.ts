import { describe, expect, it } from "vitest";
import { checkShareSum, concentration, halfUnit, type Part, round4, shareOf } from "../../../src/model/shares.ts";

const parts = (values: Record<string, number | null>): Part[] =>
  Object.entries(values).map(([iso3, value]) => ({ iso3, value }));

describe("concentration (hand-checked)", () => {
  it("computes top country, top-3 share and HHI over named countries", () => {
    // World 200: A 100, B 60, C 30, D 10 → shares .5, .3, .15, .05.
    const c = concentration(parts({ C: 30, A: 100, D: 10, B: 60 }), 200);
    expect(c.top).toEqual({ iso3: "A", share: 0.5, tiedWith: [] });
    expect(c.top3Share).toBe(0.95);
    // .25 + .09 + .0225 + .0025
    expect(c.hhi).toBe(0.365);
  });

  it("leaves 'Other countries' out of the HHI, so it is a lower bound", () => {
    // Named A 50, B 20 of world 100; the other 30 (any split) is not in the input.
    const c = concentration(parts({ A: 50, B: 20 }), 100);
    expect(c.hhi).toBe(0.29); // .25 + .04; the true HHI is between .29 and .29 + .3² = .38
    expect(c.top3Share).toBe(0.7);
  });

  it("reproduces cobalt mine 2025 (USGS MCS 2026) by hand", () => {
    const cobalt = parts({
      COD: 230000,
      IDN: 44000,
      RUS: 7700,
      MDG: 3900,
      AUS: 3700,
      PHL: 3700,
      CAN: 3500,
      PNG: 2800,
      CHN: 2000,
      CUB: 2000,
      TUR: 1900,
      USA: 300,
    });
    const c = concentration(cobalt, 310000);
    expect(c.top).toEqual({ iso3: "COD", share: 0.7419, tiedWith: [] }); // 230,000 / 310,000
    expect(c.top3Share).toBe(0.9087); // 281,700 / 310,000
    expect(c.hhi).toBe(0.572); // Σ value² / 310,000² = 54,969,670,000 / 96,100,000,000
  });

  it("names ties in a stable order", () => {
    // Antimony 2024 (MCS 2026): China and Russia both 40,000 t of 119,000 t.
    const c = concentration(parts({ RUS: 40000, CHN: 40000, TJK: 22000 }), 119000);
    expect(c.top).toEqual({ iso3: "CHN", share: 0.3361, tiedWith: ["RUS"] });
  });

  it("skips withheld values and gives nothing without a usable world total", () => {
    expect(concentration(parts({ USA: null, AUS: 10 }), 20).top).toEqual({ iso3: "AUS", share: 0.5, tiedWith: [] });
    expect(concentration(parts({ AUS: 10 }), null)).toEqual({ top: null, top3Share: null, hhi: null });
    expect(concentration(parts({ AUS: 10 }), 0)).toEqual({ top: null, top3Share: null, hhi: null });
    expect(concentration([], 100)).toEqual({ top: null, top3Share: null, hhi: null });
  });

  it("caps the HHI at 1 where rounding pushes it over (gallium 2025)", () => {
    const c = concentration(parts({ CHN: 900000, RUS: 6000, JPN: 3000, USA: 0 }), 900000);
    expect(c.top?.share).toBe(1);
    expect(c.top3Share).toBe(1.01);
    expect(c.hhi).toBe(1);
  });
});

describe("shareOf and round4", () => {
  it("divides by the published world total", () => {
    expect(shareOf(91700, 204000)).toBeCloseTo(0.4495098039, 9);
    expect(round4(91700 / 204000)).toBe(0.4495);
    expect(shareOf(null, 10)).toBeNull();
    expect(shareOf(1, null)).toBeNull();
  });
});

describe("the share-sum tolerance", () => {
  it("is half a unit in the last non-zero digit of each published figure", () => {
    expect(halfUnit("82400")).toBe(50);
    expect(halfUnit("1700000")).toBe(50000);
    expect(halfUnit("1493.2")).toBeCloseTo(0.05, 12);
    expect(halfUnit("2.50")).toBeCloseTo(0.005, 12);
    expect(halfUnit("7")).toBe(0.5);
    expect(halfUnit("0")).toBe(0);
  });

  it("accepts manganese reserves 2025, the largest published gap (1.0576 within ±0.0685)", () => {
    const rows = ["580000", "550000", "300000", "260000", "61000", "34000", "13000", "0"];
    const check = checkShareSum(rows, "1700000");
    expect(check && round4(check.sum)).toBe(1.0576); // 1,798,000 / 1,700,000
    // (5,000 + 5,000 + 50,000 + 5,000 + 500 + 500 + 500 + 0 + 50,000) / 1,700,000
    expect(check && round4(check.tolerance)).toBe(0.0685);
    expect(check?.ok).toBe(true);
  });

  it("rejects a gap rounding cannot explain (nickel refining, IEA 2024: Canada counted twice)", () => {
    const rows = ["1493.2", "1091.077", "126", "113.1", "80", "62", "631.42"];
    const check = checkShareSum(rows, "3483.697");
    expect(check && round4(check.sum)).toBe(1.0325);
    expect(check && round4(check.tolerance)).toBe(0.0018); // 6.1065 / 3483.697
    expect(check?.ok).toBe(false);
  });

  it("catches a transcription slip such as an extra zero", () => {
    expect(checkShareSum(["92000", "69000"], "161000")?.ok).toBe(true);
    expect(checkShareSum(["920000", "69000"], "161000")?.ok).toBe(false);
  });

  it("does not apply without a positive world total", () => {
    expect(checkShareSum(["1"], "0")).toBeNull();
  });
});
