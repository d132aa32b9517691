/**
 * `npm run look`: screenshots of the production build as a person sees it at first sight (the
 * viewport, not the whole page): every view × size × theme in Chromium, and each other engine
 * (Firefox under a display, headless Firefox with its SVG map, WebKitGTK) at a phone and a desktop
 * size; one HTML contact sheet, test-results/look/index.html (git-ignored), shows them all.
 *
 *   npm run look                     every view, the sizes below, both themes, every engine
 *   LOOK_SIZES=all npm run look      every size the layout test checks (slow)
 *   LOOK_ENGINES=chromium npm run look   only Chromium (no display needed)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../tests/e2e/chromium.ts";
import { APP_VIEWS, EMBED_VIEWS, SIZES } from "../tests/e2e/layout-checks.ts";
import { serveStatic } from "../tests/e2e/server.ts";
import { type EngineName, missingEngines, openEngine } from "../tests/engines/engines.ts";
import { ENGINE_SIZES, ENGINE_VIEWS } from "../tests/engines/suite.ts";

const OUT = join("test-results", "look");
const THEMES = ["light", "dark"] as const;
/** A phone, a tablet and the most common desktop (about four minutes on a loaded two-core machine). */
const DEFAULT_SIZES: readonly [number, number][] = [
  [390, 844],
  [768, 1024],
  [1280, 800],
];
const sizes = process.env.LOOK_SIZES === "all" ? SIZES : DEFAULT_SIZES;
const engines = (process.env.LOOK_ENGINES ?? "chromium,firefox,firefox-headless,webkit").split(",");
const views = [...APP_VIEWS, ...EMBED_VIEWS];

interface Shot {
  engine: string;
  view: string;
  width: number;
  height: number;
  theme: string;
  file: string;
  problem?: string;
}

const shots: Shot[] = [];
const slug = (text: string) =>
  text
    .replace(/^\?/, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "") || "default";
const withTheme = (view: string, theme: string) => `${view}${view ? "&" : "?"}theme=${theme}`;

async function lookInChromium(appUrl: string): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const [width, height] of sizes) {
      for (const theme of THEMES) {
        const context = await browser.newContext({
          viewport: { width, height },
          colorScheme: theme,
          reducedMotion: "reduce",
        });
        const page = await context.newPage();
        for (const view of views) {
          const file = `chromium-${slug(view)}-${width}x${height}-${theme}.png`;
          const shot: Shot = { engine: "chromium", view, width, height, theme, file };
          try {
            await page.goto(`${appUrl}${withTheme(view, theme)}`);
            await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, {
              timeout: 90_000,
            });
            await page.screenshot({ path: join(OUT, file) });
          } catch (error) {
            shot.problem = String(error).split("\n")[0];
          }
          shots.push(shot);
          process.stdout.write(shot.problem ? "✘" : ".");
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

async function lookIn(engine: EngineName, appUrl: string): Promise<void> {
  const page = await openEngine(engine);
  try {
    for (const [width, height] of ENGINE_SIZES) {
      await page.resize(width, height);
      for (const view of ENGINE_VIEWS) {
        const file = `${engine}-${slug(view)}-${width}x${height}-light.png`;
        const shot: Shot = { engine: `${engine} (${page.version})`, view, width, height, theme: "light", file };
        try {
          await page.goto(`${appUrl}${withTheme(view, "light")}`);
          const png = await page.screenshot();
          const { PNG } = await import("pngjs");
          writeFileSync(join(OUT, file), PNG.sync.write(png));
        } catch (error) {
          shot.problem = String(error).split("\n")[0];
        }
        shots.push(shot);
        process.stdout.write(shot.problem ? "✘" : ".");
      }
    }
  } finally {
    await page.close();
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function contactSheet(): string {
  const groups = new Map<string, Shot[]>();
  for (const shot of shots) {
    const key = `${shot.engine} · ${shot.view || "(default: pacts)"}`;
    groups.set(key, [...(groups.get(key) ?? []), shot]);
  }
  const sections = [...groups]
    .map(([title, group]) => {
      const figures = group
        .map((shot) => {
          const caption = `${shot.width}×${shot.height} ${shot.theme}`;
          const body = shot.problem
            ? `<p class="problem">${escapeHtml(shot.problem)}</p>`
            : `<a href="${shot.file}"><img src="${shot.file}" alt="${escapeHtml(`${title}, ${caption}`)}" loading="lazy" style="width:${Math.round(shot.width / 4)}px"></a>`;
          return `<figure>${body}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
        })
        .join("");
      return `<section><h2>${escapeHtml(title)}</h2><div class="row">${figures}</div></section>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Critical Minerals Map: every view</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem;background:#f6f6f6}h2{font-size:15px;margin:1.5rem 0 .5rem}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}figure{margin:0}img{border:1px solid #999;display:block;height:auto}
figcaption{color:#444;font-size:12px}.problem{color:#a00;max-width:320px}</style>
<h1>Critical Minerals Map: every view × size × theme</h1>
<p>${shots.length} screenshots of the production build, each the viewport a reader sees first; click one for full size.</p>
${sections}</html>`;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const server = await serveStatic("dist", "/", { recordPageErrors: true });
try {
  if (engines.includes("chromium")) await lookInChromium(server.url);
  const others = engines.filter((engine) => engine !== "chromium") as EngineName[];
  if (others.length > 0) {
    const missing = missingEngines();
    if (missing.length > 0) throw new Error(`Cannot look in ${others.join(", ")}: missing ${missing.join("; ")}`);
    for (const engine of others) await lookIn(engine, server.url);
  }
} finally {
  await server.close();
  writeFileSync(join(OUT, "index.html"), contactSheet());
  console.log(`\n${shots.length} screenshots: ${join(OUT, "index.html")}`);
}
const failed = shots.filter((shot) => shot.problem);
if (failed.length > 0) {
  console.error(`${failed.length} views did not load:\n${failed.map((s) => `  ${s.file}: ${s.problem}`).join("\n")}`);
  process.exit(1);
}
