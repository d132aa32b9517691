/**
 * public/embed.js, the host script newsrooms add to their pages, in a simulated host page
 * (happy-dom): it sizes only the iframe that sent a message, only from the map's origin, and only
 * for well-formed messages. The real thing runs in Chromium in tests/e2e/embed.e2e.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";

const SOURCE = readFileSync(join(process.cwd(), "public", "embed.js"), "utf8");
const MAPS = "https://maps.example.org";

interface Host {
  window: Window;
  frames: HTMLIFrameElement[];
  /** A stand-in for each iframe's window (the source of its messages). */
  sources: object[];
  post(data: unknown, origin: string, source: object | null): void;
}

let opened: Window[] = [];
afterEach(async () => {
  for (const window of opened) await window.happyDOM.close();
  opened = [];
});

/** A host page with `count` iframes of the map, running embed.js as served from `scriptSrc`. */
function hostPage(count: number, scriptSrc: string | null, includes = 1): Host {
  const window = new Window({ url: "https://news.example/2026/02/minerals.html" });
  opened.push(window);
  const document = window.document as unknown as Document;
  const frames: HTMLIFrameElement[] = [];
  const sources: object[] = [];
  for (let i = 0; i < count; i++) {
    const frame = document.createElement("iframe");
    frame.setAttribute("src", `${MAPS}/graphics/minerals/?embed=1&view=forums`);
    frame.style.height = "620px";
    const source = { name: `frame ${i}` };
    Object.defineProperty(frame, "contentWindow", { get: () => source });
    document.body.append(frame);
    frames.push(frame);
    sources.push(source);
  }
  // Run the script as a classic <script src> would: document.currentScript is its element.
  const script = scriptSrc === null ? null : { src: scriptSrc };
  const doc = new Proxy(document, {
    get(target, key) {
      if (key === "currentScript") return script;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const run = new Function("window", "document", "URL", "CustomEvent", SOURCE);
  for (let i = 0; i < includes; i++) run(window, doc, URL, window.CustomEvent);
  return {
    window,
    frames,
    sources,
    post(data, origin, source) {
      window.dispatchEvent(new window.MessageEvent("message", { data, origin, source: source as never }));
    },
  };
}

const resize = (height: unknown) => ({ type: "critical-minerals-map:resize", height });

describe("public/embed.js", () => {
  it("sizes the iframe that sent the message, and no other", () => {
    const host = hostPage(3, `${MAPS}/graphics/minerals/embed.js`);
    host.post(resize(812.4), MAPS, host.sources[1] ?? null);
    expect(host.frames.map((f) => f.style.height)).toEqual(["620px", "813px", "620px"]);
  });

  it("ignores messages from another origin, from the page itself, or from no iframe", () => {
    const host = hostPage(2, `${MAPS}/graphics/minerals/embed.js`);
    host.post(resize(300), "https://ads.example", host.sources[0] ?? null);
    host.post(resize(300), "https://news.example", host.sources[0] ?? null);
    host.post(resize(300), "null", host.sources[0] ?? null);
    host.post(resize(300), MAPS, { name: "a window that is not one of the iframes" });
    host.post(resize(300), MAPS, null);
    expect(host.frames.map((f) => f.style.height)).toEqual(["620px", "620px"]);
  });

  it("ignores malformed messages and heights out of range", () => {
    const host = hostPage(1, `${MAPS}/graphics/minerals/embed.js`);
    const source = host.sources[0] ?? null;
    for (const data of [
      null,
      "critical-minerals-map:resize",
      { type: "other:resize", height: 300 },
      resize("300"),
      resize(Number.NaN),
      resize(Number.POSITIVE_INFINITY),
      resize(-5),
      resize(0),
      resize(10_001),
    ]) {
      host.post(data, MAPS, source);
    }
    expect(host.frames[0]?.style.height).toBe("620px");
  });

  it("marks the iframe ready and fires an event on it", () => {
    const host = hostPage(2, `${MAPS}/graphics/minerals/embed.js`);
    const seen: string[] = [];
    host.frames[1]?.addEventListener("critical-minerals-map:ready", () => seen.push("ready"));
    host.post({ type: "critical-minerals-map:ready" }, MAPS, host.sources[1] ?? null);
    expect(host.frames.map((f) => f.dataset.ready)).toEqual([undefined, "true"]);
    expect(seen).toEqual(["ready"]);
  });

  it("listens once however many times a page includes it", () => {
    const host = hostPage(1, `${MAPS}/graphics/minerals/embed.js`, 3);
    let events = 0;
    host.frames[0]?.addEventListener("critical-minerals-map:ready", () => {
      events += 1;
    });
    host.post({ type: "critical-minerals-map:ready" }, MAPS, host.sources[0] ?? null);
    expect(events).toBe(1);
  });

  it("without its own address (a loader that hides it), trusts only the iframe's own origin", () => {
    const host = hostPage(1, null);
    host.post(resize(400), "https://ads.example", host.sources[0] ?? null);
    expect(host.frames[0]?.style.height).toBe("620px");
    host.post(resize(400), MAPS, host.sources[0] ?? null);
    expect(host.frames[0]?.style.height).toBe("400px");
  });

  it("keeps a frame at least 50 px tall, whatever tiny height it is sent", () => {
    const host = hostPage(1, `${MAPS}/graphics/minerals/embed.js`);
    host.post(resize(1e-9), MAPS, host.sources[0] ?? null);
    expect(host.frames[0]?.style.height).toBe("50px");
  });

  it("fires ready once per load of the iframe, however many ready messages arrive", () => {
    const host = hostPage(1, `${MAPS}/graphics/minerals/embed.js`);
    const frame = host.frames[0];
    let events = 0;
    frame?.addEventListener("critical-minerals-map:ready", () => {
      events += 1;
    });
    for (let i = 0; i < 1000; i++) host.post({ type: "critical-minerals-map:ready" }, MAPS, host.sources[0] ?? null);
    expect(events).toBe(1);
    frame?.dispatchEvent(new host.window.Event("load") as unknown as Event);
    host.post({ type: "critical-minerals-map:ready" }, MAPS, host.sources[0] ?? null);
    host.post({ type: "critical-minerals-map:ready" }, MAPS, host.sources[0] ?? null);
    expect(events).toBe(2);
  });

  it("sizes and marks an iframe inside a shadow root, and its ready event reaches the document", () => {
    const host = hostPage(0, `${MAPS}/graphics/minerals/embed.js`);
    const document = host.window.document as unknown as Document;
    const widget = document.createElement("div");
    document.body.append(widget);
    const frame = document.createElement("iframe");
    const source = { name: "frame in a shadow root" };
    Object.defineProperty(frame, "contentWindow", { get: () => source });
    widget.attachShadow({ mode: "open" }).append(frame);
    const seen: string[] = [];
    document.addEventListener("critical-minerals-map:ready", () => seen.push("ready"));
    host.post(resize(640), MAPS, source);
    host.post({ type: "critical-minerals-map:ready" }, MAPS, source);
    expect(frame.style.height).toBe("640px");
    expect(frame.dataset.ready).toBe("true");
    expect(seen).toEqual(["ready"]);
  });

  it("stays small", () => {
    expect(Buffer.byteLength(SOURCE)).toBeLessThan(3500);
  });
});
