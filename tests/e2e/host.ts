/**
 * A news site for the embed tests: serves host pages from their own origin (another 127.0.0.1
 * port than the app), so every embed is a cross-origin iframe as on a real article page.
 */
import { createServer, type Server } from "node:http";

export interface HostServer {
  /** Origin of the host site, e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  /** Serves `html` at `path` (e.g. "/article.html") and returns its full URL. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function serveHost(): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const html = pages.get(path);
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    if (html === undefined) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(html);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ArticleEmbed {
  /** Column width in CSS pixels (the iframe fills it). */
  width: number;
  /** The embed code as a newsroom would paste it. */
  snippet: string;
}

/**
 * An article page: a paragraph, then the embeds side by side (each in a column of its width), then
 * enough text to scroll. Side by side, all of them are in view: Chromium does not draw frames of
 * cross-origin iframes out of view, so an embed below the fold becomes ready only when scrolled to.
 * A test-only script records every message the page receives (origin, type, which iframe sent it).
 */
export function articlePage(embeds: readonly ArticleEmbed[], extra = ""): string {
  const paragraph =
    "<p>Lorem ipsum: the article text around the embeds, long enough that the page scrolls past them.</p>";
  const blocks = embeds.map(
    (embed, i) => `<figure id="embed-${i}" style="width:${embed.width}px;margin:0">\n${embed.snippet}\n</figure>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<style>body{margin:0;padding:0 20px;font:16px/1.5 serif;background:#fff;color:#111}</style>
<script>
  window.received = [];
  addEventListener("message", (event) => {
    const frames = [...document.querySelectorAll("iframe")];
    received.push({ origin: event.origin, type: event.data && event.data.type, height: event.data && event.data.height,
      frame: frames.findIndex((f) => f.contentWindow === event.source), at: performance.timeOrigin + performance.now() });
  });
</script></head>
<body><h1>Host article</h1>${paragraph}
<div style="display:flex;flex-wrap:wrap;align-items:flex-start;gap:24px;margin:24px 0">
${blocks.join("\n")}
</div>
${extra}
${paragraph.repeat(60)}
</body></html>`;
}
