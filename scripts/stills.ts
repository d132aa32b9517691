/**
 * The stills, at build time: for each main view, a 1200×630 PNG of its default state drawn from
 * the built data (public/data) by the app's own SVG map code, rasterised with resvg; the block a
 * frame shows where scripts cannot run, written into index.html; the page's link-preview tags and
 * its oEmbed discovery link, with a static oembed.json beside index.html.
 *
 *   SITE_URL=https://example.org/graphics/minerals/ npm run build
 *
 * SITE_URL is the address the site is served from (previews and oEmbed need absolute addresses);
 * unset, it is the address `npm run preview` serves (src/embed/still.ts, DEFAULT_SITE_URL).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { parseDataset, parseMineralTables, parseWorld, withMineralTables } from "../src/data/schema.ts";
import { countryFeatures, withD3Winding } from "../src/data/topology.ts";
import { h } from "../src/dom.ts";
import {
  OEMBED_PATH,
  oembedOf,
  pageMeta,
  previewPath,
  STILL_VIEWS,
  type Still,
  siteUrlOf,
  stillOf,
} from "../src/embed/still.ts";
import { indexOf } from "../src/model/derive.ts";
import { stillBlock, stillSvg, stillTemplate } from "../src/ui/still.ts";

export interface Stills {
  stills: Still[];
  /** previews/<view>.png → PNG bytes. */
  pictures: Map<string, Uint8Array>;
  /** Tags for <head>: link previews and oEmbed discovery. */
  head: string;
  /** The default view's block in <noscript>, then every view's as a template. */
  body: string;
  oembed: string;
  siteUrl: string;
}

/** Runs `draw` with a DOM of happy-dom as the global document (the app's h() and s() build with it). */
async function withDom<T>(draw: (window: import("happy-dom").Window) => T): Promise<T> {
  const { Window } = await import("happy-dom");
  const window = new Window();
  const global = globalThis as { document?: unknown };
  const previous = global.document;
  global.document = window.document;
  try {
    return draw(window);
  } finally {
    global.document = previous;
    await window.happyDOM.close();
  }
}

/** Every still of the data in `root`/public/data, for the site at `siteSetting` (SITE_URL). */
export async function makeStills(root: string, siteSetting: string | undefined): Promise<Stills> {
  const siteUrl = siteUrlOf(siteSetting);
  const read = (name: string) => JSON.parse(readFileSync(join(root, "public", "data", name), "utf8")) as unknown;
  const core = parseDataset(read("dataset.json"));
  // The minerals still draws a mineral table: the page builds with the tables joined back in.
  const dataset = withMineralTables(core, parseMineralTables(read("minerals.json"), core));
  const countries = withD3Winding(countryFeatures(parseWorld(read("world.json"), core)));
  const index = indexOf(dataset);
  const stills = STILL_VIEWS.map((view) => stillOf(dataset, index, view));
  const { Resvg } = await import("@resvg/resvg-js");
  return withDom((window) => {
    const serializer = new window.XMLSerializer();
    const pictures = new Map<string, Uint8Array>();
    for (const still of stills) {
      const svg = serializer.serializeToString(stillSvg(still, countries) as unknown as import("happy-dom").Node);
      // No text in the picture, so no fonts: the same bytes on every machine.
      const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: "original" } }).render().asPng();
      pictures.set(previewPath(still.view), new Uint8Array(png));
    }
    const blocks = stills.map((still) => stillBlock(still, `./${previewPath(still.view)}`));
    // Without scripts, the default view's block (a bare address shows that view). With them, none is
    // in the page: index.html's script takes the chosen view's from its template where the app
    // cannot run, and a reader of the app loads no picture.
    const body = [
      `<noscript>${blocks[0]?.outerHTML ?? ""}</noscript>`,
      ...blocks.map((block) => stillTemplate(block).outerHTML),
    ].join("\n");
    const defaultStill = stills[0] as Still;
    const meta = pageMeta(defaultStill, siteUrl);
    const head = [
      ...meta.tags.map(([attr, key, content]) => h("meta", { [attr]: key, content }).outerHTML),
      h("link", { rel: "alternate", type: "application/json+oembed", href: meta.oembed.href, title: meta.oembed.title })
        .outerHTML,
    ].join("\n    ");
    const oembed = `${JSON.stringify(oembedOf(defaultStill, siteUrl), null, 2)}\n`;
    return { stills, pictures, head, body, oembed, siteUrl };
  });
}

/** Where index.html takes the no-script blocks: just before the app. */
const BODY_MARK = '<div id="app"';

/** The Vite plugin: writes the stills into the production build (the dev server goes without). */
export function stillsPlugin(root: string): Plugin {
  let made: Promise<Stills> | null = null;
  const stills = () => {
    made ??= makeStills(root, process.env.SITE_URL);
    return made;
  };
  let warn = (message: string) => console.warn(message);
  return {
    name: "critical-minerals-stills",
    apply: "build",
    configResolved(config) {
      warn = (message) => config.logger.warn(message);
    },
    async transformIndexHtml(html) {
      const { head, body, siteUrl } = await stills();
      if (!html.includes(BODY_MARK) || !html.includes("</head>")) {
        throw new Error(`index.html has no ${BODY_MARK} or </head> to place the stills at`);
      }
      if (!process.env.SITE_URL) {
        warn(`SITE_URL is not set: link previews and oEmbed point to ${siteUrl} (see README, Build and host)`);
      }
      return html.replace("</head>", `  ${head}\n  </head>`).replace(BODY_MARK, `${body}\n    ${BODY_MARK}`);
    },
    async generateBundle() {
      const { pictures, oembed } = await stills();
      for (const [fileName, source] of pictures) this.emitFile({ type: "asset", fileName, source });
      this.emitFile({ type: "asset", fileName: OEMBED_PATH, source: oembed });
    },
  };
}
