import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EMBED_ONLY_PARAMS, embedHeadline } from "../../../src/embed/embed.ts";
import {
  DEFAULT_SITE_URL,
  OEMBED_FRAME,
  oembedOf,
  pageMeta,
  previewPath,
  STILL_VIEWS,
  siteUrlOf,
  stillOf,
} from "../../../src/embed/still.ts";
import { dataset, index, sceneFor } from "../present/fixture.ts";

const SITE = "https://example.org/graphics/minerals/";

describe("siteUrlOf (the SITE_URL build setting)", () => {
  it("defaults to the address npm run preview serves", () => {
    expect(siteUrlOf(undefined)).toBe(DEFAULT_SITE_URL);
    expect(siteUrlOf("  ")).toBe(DEFAULT_SITE_URL);
  });

  it("takes an absolute http(s) address and ends it with a slash", () => {
    expect(siteUrlOf(SITE)).toBe(SITE);
    expect(siteUrlOf("https://example.org/graphics/minerals")).toBe(SITE);
    expect(siteUrlOf("http://news.example")).toBe("http://news.example/");
  });

  it("refuses what cannot be a site's address, saying what it needs", () => {
    for (const bad of ["graphics/minerals/", "/graphics/", "ftp://example.org/", "https://example.org/?a=1"]) {
      expect(() => siteUrlOf(bad), bad).toThrow(/SITE_URL/);
    }
  });
});

describe("stillOf", () => {
  it("is each main view in its default state, with the embed's headline and the data's date", () => {
    const pacts = stillOf(dataset, index, "pacts");
    expect(pacts.headline).toBe(embedHeadline(sceneFor({ view: "pacts" })));
    expect(pacts.summary).toBe(sceneFor({ view: "pacts" }).summary);
    expect(pacts.href).toBe("./");
    const minerals = stillOf(dataset, index, "minerals");
    expect(minerals.headline).toBe(embedHeadline(sceneFor({ view: "minerals" })));
    expect(minerals.headline).toMatch(/^Rare earths: refining, \d{4}/);
    expect(minerals.href).toBe("./?view=minerals");
    expect(stillOf(dataset, index, "forums").headline).toMatch(/^FORGE/);
    for (const view of STILL_VIEWS) {
      const still = stillOf(dataset, index, view);
      expect(still.credit).toMatch(/^Sources: .*as of \d{1,2} \w+ \d{4}\.$/);
      expect(still.categories.length).toBeGreaterThan(1);
      for (const category of still.categories) expect(category.count).toBeGreaterThan(0);
      // The picture draws the categories the legend lists.
      const drawn = new Set(still.map.colours.values());
      for (const category of still.categories) expect(drawn, category.label).toContain(category.colour);
      expect(still.map.highlight).toEqual([]);
    }
  });
});

describe("pageMeta: the link-preview tags", () => {
  const still = stillOf(dataset, index, "pacts");
  const tags = new Map(pageMeta(still, SITE).tags.map(([, key, content]) => [key, content]));

  it("point to the preview picture by its absolute address, with its size", () => {
    expect(tags.get("og:image")).toBe(`${SITE}${previewPath("pacts")}`);
    expect(tags.get("twitter:image")).toBe(tags.get("og:image"));
    expect(tags.get("og:image:width")).toBe("1200");
    expect(tags.get("og:image:height")).toBe("630");
    expect(tags.get("twitter:card")).toBe("summary_large_image");
    expect(tags.get("og:url")).toBe(SITE);
  });

  it("say what the map shows", () => {
    expect(tags.get("og:title")).toBe(still.headline);
    expect(tags.get("og:description")).toBe(still.summary);
    expect(tags.get("og:image:alt")).toContain(still.legendTitle);
  });

  it("name the oEmbed response beside index.html", () => {
    expect(pageMeta(still, SITE).oembed.href).toBe(`${SITE}oembed.json`);
  });
});

describe("oembedOf: the static oEmbed response", () => {
  const still = stillOf(dataset, index, "pacts");
  const response = oembedOf(still, SITE);

  it("is a rich response with the plain iframe of the embed, its size and the preview", () => {
    expect(response).toMatchObject({
      version: "1.0",
      type: "rich",
      width: OEMBED_FRAME.width,
      height: OEMBED_FRAME.height,
      thumbnail_url: `${SITE}previews/pacts.png`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
      provider_url: SITE,
    });
    const html = String(response.html);
    expect(html).toMatch(/^<iframe [^>]*><\/iframe>$/);
    const src = /src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? "";
    expect(new URL(src).href).toBe(`${SITE}?embed=1&fit=1`);
    expect(html).toContain(`height="${OEMBED_FRAME.height}"`);
    expect(html).toContain('scrolling="no"');
    expect(html).toContain(`title="${still.headline} — Critical Minerals Map"`);
  });
});

describe("index.html's script for the still", () => {
  const html = readFileSync("index.html", "utf8");

  it("drops the same frame parameters from the full map's address as the app (EMBED_ONLY_PARAMS)", () => {
    const list = /for \(const key of \[([^\]]+)\]\)/.exec(html)?.[1] ?? "";
    const keys = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toEqual(EMBED_ONLY_PARAMS);
  });

  it("is placed after the point where the build writes the stills", () => {
    expect(html.indexOf('<div id="app"')).toBeLessThan(html.indexOf('document.getElementById("app")'));
  });
});
