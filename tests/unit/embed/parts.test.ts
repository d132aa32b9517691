import { describe, expect, it } from "vitest";
import { embedHeadline, fullMapUrl } from "../../../src/embed/embed.ts";
import {
  ampEmbedSize,
  parseEmbedParams,
  parsePymMessage,
  partClasses,
  pymMessage,
  withEmbedParams,
} from "../../../src/embed/parts.ts";
import { parseSearch } from "../../../src/state/url.ts";

describe("embed parameters", () => {
  it("reads the parts, fit and Pym's childId, warning once per value it ignores", () => {
    const params = parseEmbedParams("?parts=chart~timeline~nope&fit=1&childId=graphic-1");
    expect([...params.parts]).toEqual(["chart", "timeline"]);
    expect(params.fit).toBe(true);
    expect(params.pymChildId).toBe("graphic-1");
    expect(params.warnings).toEqual([
      'Ignoring embed part "nope" in parts=: expected timeline, concentration, chart, notes.',
    ]);
    expect(partClasses(params)).toEqual(["part-timeline", "part-chart", "is-fit"]);
    expect(parseEmbedParams("?fit=yes").warnings).toHaveLength(1);
    expect(parseEmbedParams("?childId=<b>").pymChildId).toBeNull();
    expect(partClasses(parseEmbedParams(""))).toEqual([]);
  });

  it("accepts Pym's and the embed's own parameters without a warning in the app's URL reader", () => {
    const { warnings } = parseSearch(
      "?embed=1&parts=chart&fit=1&initialWidth=700&childId=g&parentTitle=News&parentUrl=https%3A%2F%2Fnews.example",
    );
    expect(warnings).toEqual([]);
  });

  it("writes parts in a fixed order, and the full map leaves every frame parameter out", () => {
    const href = withEmbedParams(
      "https://x.org/map/?view=minerals&embed=1&parts=notes",
      new Set(["notes", "chart"]),
      true,
    );
    expect(href).toBe("https://x.org/map/?view=minerals&embed=1&parts=chart~notes&fit=1");
    expect(withEmbedParams(href, new Set(), false)).toBe("https://x.org/map/?view=minerals&embed=1");
    expect(fullMapUrl(`${href}&childId=g&initialWidth=700&parentTitle=T&parentUrl=u`)).toBe(
      "https://x.org/map/?view=minerals",
    );
  });
});

describe("Pym.js and AMP messages", () => {
  it("speaks Pym's string format and AMP's embed-size", () => {
    expect(pymMessage("g-1", "height", 812)).toBe("pymxPYMxg-1xPYMxheightxPYMx812");
    expect(parsePymMessage("pymxPYMxg-1xPYMxwidthxPYMx700", "g-1")).toEqual({ type: "width", value: "700" });
    expect(parsePymMessage("pymxPYMxg-2xPYMxwidthxPYMx700", "g-1")).toBeNull();
    expect(parsePymMessage({ type: "width" }, "g-1")).toBeNull();
    expect(ampEmbedSize(811.2)).toEqual({ sentinel: "amp", type: "embed-size", height: 812 });
  });
});

describe("embed headline", () => {
  const choropleth = { title: "Critical-minerals pacts with the US", categories: [], countries: new Map() };
  it("names the view and its date", () => {
    expect(embedHeadline({ date: "2026-05-26", minerals: null, choropleth })).toBe(
      "Critical-minerals pacts with the US, as of 26 May 2026",
    );
  });
});
