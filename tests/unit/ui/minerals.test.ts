import { describe, expect, it } from "vitest";
import { linear } from "../../../src/ui/minerals.ts";

/**
 * What d3-scale 4.0.2's scaleLinear().domain([0, max]).range([0, 150]) gave for the producer chart's
 * bars (the top producers' shares of three minerals in the dataset, and the chart's 150 px of bar),
 * recorded before the chart stopped using it: the same numbers, to the last bit.
 */
const D3: [number, number[], number[]][] = [
  [
    0.3172,
    [0.3172, 0.2138, 0.1931, 0.0966, 0.0793, 0.0414, 0.0324, 0.0193],
    [
      150, 101.10340479192939, 91.31462799495587, 45.68095838587642, 37.5, 19.577553593947037, 15.32156368221942,
      9.126733921815891,
    ],
  ],
  [0.7023, [0.7023, 0.2039, 0.0545, 0.0179], [150, 43.54976505766766, 11.640324647586501, 3.82315249893208]],
  [
    0.6667,
    [0.6667, 0.0692, 0.0513, 0.0359, 0.0359, 0.0308, 0.0179, 0.0115],
    [
      150, 15.569221538923054, 11.541922903854807, 8.07709614519274, 8.07709614519274, 6.929653517324135,
      4.027298635068246, 2.5873706314684264,
    ],
  ],
];

describe("linear", () => {
  it.each(D3)("gives the numbers d3's scaleLinear gave (domain [0, %d], range [0, 150])", (max, shares, widths) => {
    const x = linear([0, max], [0, 150]);
    expect(shares.map(x)).toEqual(widths);
  });

  it("maps any domain onto any range, and a collapsed domain to the range's middle (as d3)", () => {
    expect(linear([10, 20], [100, 0])(15)).toBe(50);
    expect(linear([10, 20], [0, 1])(25)).toBe(1.5); // not clamped, as d3's default
    expect(linear([0, 0], [0, 150])(0)).toBe(75);
  });
});
