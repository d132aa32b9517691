import { describe, expect, it } from "vitest";
import {
  embedOptions,
  fullMapUrl,
  MAX_HEIGHT,
  parseEmbedMessage,
  readyMessage,
  resizeMessage,
} from "../../../src/embed/embed.ts";
import {
  clampHeight,
  DEFAULT_EMBED_HEIGHT,
  embedSnippet,
  embedUrl,
  escapeAttribute,
  hostScriptUrl,
  MIN_EMBED_HEIGHT,
} from "../../../src/embed/snippet.ts";

describe("embedOptions", () => {
  it("is compact when asked by URL or when framed; only a frame changes gestures and messages", () => {
    expect(embedOptions(false, false)).toEqual({ compact: false, cooperativeGestures: false, messageParent: false });
    expect(embedOptions(true, false)).toEqual({ compact: true, cooperativeGestures: false, messageParent: false });
    expect(embedOptions(false, true)).toEqual({ compact: true, cooperativeGestures: true, messageParent: true });
  });
});

describe("messages", () => {
  it("are namespaced as DESIGN §3 says, with whole-pixel heights", () => {
    expect(readyMessage()).toEqual({ type: "critical-minerals-map:ready" });
    expect(resizeMessage(412.2)).toEqual({ type: "critical-minerals-map:resize", height: 413 });
  });
});

describe("parseEmbedMessage", () => {
  it("accepts our two messages and whole-pixel heights in range", () => {
    expect(parseEmbedMessage({ type: "critical-minerals-map:ready" })).toEqual({ type: "critical-minerals-map:ready" });
    expect(parseEmbedMessage({ type: "critical-minerals-map:resize", height: 640.2 })).toEqual({
      type: "critical-minerals-map:resize",
      height: 641,
    });
  });

  it("rejects anything else", () => {
    for (const data of [
      null,
      undefined,
      "critical-minerals-map:ready",
      { type: "critical-minerals-map:other" },
      { type: "critical-minerals-map:resize" },
      { type: "critical-minerals-map:resize", height: "640" },
      { type: "critical-minerals-map:resize", height: Number.NaN },
      { type: "critical-minerals-map:resize", height: 0 },
      { type: "critical-minerals-map:resize", height: MAX_HEIGHT + 1 },
    ]) {
      expect(parseEmbedMessage(data)).toBeNull();
    }
  });
});

describe("addresses", () => {
  const app = "https://example.org/graphics/minerals/";

  it("shares the same state without the embed flag, and embeds it with the flag", () => {
    expect(fullMapUrl(`${app}?view=forums&embed=1&country=JPN#x`)).toBe(`${app}?view=forums&country=JPN`);
    expect(fullMapUrl(`${app}?embed=1`)).toBe(app);
    expect(embedUrl(`${app}?view=forums`)).toBe(`${app}?view=forums&embed=1`);
    expect(embedUrl(`${app}?embed=1&view=forums`)).toBe(`${app}?view=forums&embed=1`);
  });

  it("finds the host script next to the app, under any sub-path", () => {
    expect(hostScriptUrl(`${app}?view=forums`)).toBe(`${app}embed.js`);
    expect(hostScriptUrl(`${app}index.html?view=forums`)).toBe(`${app}embed.js`);
    expect(hostScriptUrl("http://127.0.0.1:5173/")).toBe("http://127.0.0.1:5173/embed.js");
  });
});

describe("embedSnippet", () => {
  const href = "https://example.org/minerals/?view=forums&forum=msp";

  it("is a titled, lazy, full-width iframe with our host script", () => {
    expect(
      embedSnippet({ href, title: "Minerals Security Partnership — Critical Minerals Map", autoHeight: true }),
    ).toBe(`<iframe src="https://example.org/minerals/?view=forums&amp;forum=msp&amp;embed=1" \
title="Minerals Security Partnership — Critical Minerals Map" width="100%" height="${DEFAULT_EMBED_HEIGHT}" \
loading="lazy" style="display:block;width:100%;height:${DEFAULT_EMBED_HEIGHT}px;border:0"></iframe>
<script src="https://example.org/minerals/embed.js" async></script>`);
  });

  it("has a plain variant without any script, at the height asked for (within bounds)", () => {
    const plain = embedSnippet({ href, title: "Map", autoHeight: false, height: 900 });
    expect(plain).not.toContain("<script");
    expect(plain).toContain('height="900"');
    // The layout compacts to the frame's height (fit=1): it never scrolls inside.
    expect(plain).toContain('src="https://example.org/minerals/?view=forums&amp;forum=msp&amp;embed=1&amp;fit=1"');
    expect(plain).toContain('scrolling="no"');
    expect(embedSnippet({ href, title: "Map", autoHeight: true, parts: new Set(["notes", "timeline"]) })).toContain(
      'forum=msp&amp;embed=1&amp;parts=timeline~notes"',
    );
    expect(embedSnippet({ href, title: "Map", autoHeight: false, height: 12 })).toContain(
      `height="${MIN_EMBED_HEIGHT}"`,
    );
    expect(clampHeight(Number.NaN)).toBe(DEFAULT_EMBED_HEIGHT);
  });

  it("escapes the title and the address for an HTML attribute", () => {
    const code = embedSnippet({ href: `${href}&x="><script>`, title: `"A" & <B>`, autoHeight: false });
    expect(code).toContain('title="&quot;A&quot; &amp; &lt;B&gt;"');
    expect(code).not.toContain("<script");
    expect(escapeAttribute(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});
