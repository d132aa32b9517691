import { describe, expect, it } from "vitest";
import {
  breakpointCss,
  breakpointsOf,
  embedSnippet,
  fitMapHeightAt,
  mapHeightAt,
  snippetClass,
} from "../../../src/embed/snippet.ts";

/** A view whose text wraps less as the frame widens: 400 px besides the map at 320, 300 from 560. */
const measured = [
  { width: 700, height: 300 + 700 * (9 / 16) },
  { width: 320, height: 400 + 180 },
  { width: 375, height: 380 + 375 * (9 / 16) },
  { width: 560, height: 300 + 315 },
];

/** The height the CSS gives a frame `width` px wide (what a browser computes from the rules). */
function cssHeight(css: string, width: number): number {
  let height = Number.NaN;
  for (const match of css.matchAll(
    /(?:@container \(min-width:(\d+)px\)\{)?[^{}]*\{height:calc\((\d+)px \+ min\(560px,56\.25cqw\)\)!important\}/g,
  )) {
    const min = Number(match[1] ?? 0);
    if (width >= min) height = Number(match[2]) + Math.min(560, width * 0.5625);
  }
  return height;
}

describe("breakpoints of a plain snippet", () => {
  it("follow the embed's map box: 16∶9, 180 to 560 px as measured, 16∶9 up to 560 px in a fixed frame", () => {
    expect(mapHeightAt(700)).toBeCloseTo(393.75);
    expect(mapHeightAt(200)).toBe(180);
    expect(mapHeightAt(1280)).toBe(560);
    expect(fitMapHeightAt(200)).toBe(112.5);
    expect(fitMapHeightAt(700)).toBe(mapHeightAt(700));
    expect(fitMapHeightAt(1280)).toBe(560);
  });

  it("give each measured width its measured height, from the narrowest up", () => {
    const breakpoints = breakpointsOf(measured);
    // 700 px changes nothing after 560 px: no rule of its own.
    expect(breakpoints.map((b) => b.minWidth)).toEqual([0, 375, 560]);
    expect(breakpoints.map((b) => b.rest)).toEqual([400, 380, 300]);
    const css = breakpointCss("x", breakpoints);
    // At 320 px the measured map had its 180 px floor; a fixed frame draws it at 16∶9.
    for (const m of measured) {
      const rest = Math.ceil(m.height - mapHeightAt(m.width));
      expect(cssHeight(css, m.width)).toBeCloseTo(rest + fitMapHeightAt(m.width), 5);
    }
    // Between two widths the frame grows with its map and never falls short of the view there.
    expect(cssHeight(css, 480)).toBeCloseTo(380 + 270);
    expect(cssHeight(css, 288)).toBe(400 + 162);
    expect(cssHeight(css, 1280)).toBe(860);
  });

  it("add no rule for a width that changes nothing", () => {
    const same = [
      { width: 320, height: 389 + 180 },
      { width: 375, height: 389 + 375 * 0.5625 },
      { width: 480, height: 321 + 270 },
      { width: 480, height: 300 + 270 },
    ];
    expect(breakpointsOf(same)).toEqual([
      { minWidth: 0, rest: 389 },
      { minWidth: 480, rest: 321 },
    ]);
  });

  it("ignore measurements that are not sizes", () => {
    expect(
      breakpointsOf([
        { width: Number.NaN, height: 10 },
        { width: 320, height: 0 },
      ]),
    ).toEqual([]);
  });

  it("go into the plain snippet as a wrapper with a container query, and stay out of the scripted one", () => {
    const href = "https://example.org/minerals/?view=pacts";
    const plain = embedSnippet({ href, title: "Map", autoHeight: false, height: 700, measured });
    const className = /<div class="(cmm-embed-[0-9a-z]+)" style="container-type:inline-size"><style>/.exec(plain)?.[1];
    expect(className).toBeDefined();
    expect(plain).toContain(`.${className}>iframe{height:calc(400px + min(560px,56.25cqw))!important}`);
    expect(plain).toContain("@container (min-width:560px)");
    // The frame's own height stays, for sites that strip the style, and no script is added.
    expect(plain).toContain('height="700"');
    expect(plain).toContain('scrolling="no"');
    expect(plain).not.toContain("<script");
    expect(plain.endsWith("</iframe></div>")).toBe(true);
    // The same snippet, the same class; another snippet, another class (several on one page).
    expect(embedSnippet({ href, title: "Map", autoHeight: false, height: 700, measured })).toBe(plain);
    expect(
      embedSnippet({ href: `${href}&date=2026-02-04`, title: "Map", autoHeight: false, height: 700, measured }),
    ).not.toContain(className);
    expect(embedSnippet({ href, title: "Map", autoHeight: true, measured })).not.toContain("<style>");
    expect(embedSnippet({ href, title: "Map", autoHeight: false, measured: [] })).not.toContain("<div");
    expect(snippetClass("a")).not.toBe(snippetClass("b"));
  });
});
