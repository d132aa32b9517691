/*
 * Critical Minerals Map: host script for embeds (MIT). Sizes each iframe of the map to the height
 * of its content. Add it once anywhere on the page, after or before the iframes:
 *
 *   <script src="https://YOUR-SITE/PATH/embed.js" async></script>
 *
 * Protocol: the map inside an iframe posts {type: "critical-minerals-map:resize", height: <px>}
 * when its content height changes, and {type: "critical-minerals-map:ready"} once per load when
 * it is drawn. This script sizes only the iframe that sent a message, and only when the message
 * comes from the origin this script was served from (the site that serves the map). On ready it
 * sets data-ready="true" on that iframe and fires a "critical-minerals-map:ready" event on it, once
 * per load of the iframe. Iframes inside open shadow roots count too. It loads nothing, stores
 * nothing and sends nothing.
 */
(() => {
  const PREFIX = "critical-minerals-map:";
  const MIN_HEIGHT = 50;
  const MAX_HEIGHT = 10000;
  const script = document.currentScript;
  let origin = null;
  try {
    origin = script?.src ? new URL(script.src, document.baseURI).origin : null;
  } catch {
    origin = null;
  }
  // One listener per serving site, however many times the script is included.
  const key = `__criticalMineralsMapEmbed:${origin}`;
  if (window[key]) return;
  window[key] = true;

  // The iframe whose window sent a message, in the page or in any open shadow root.
  const frameOf = (source, root = document) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.tagName === "IFRAME" && el.contentWindow === source) return el;
      const inner = el.shadowRoot ? frameOf(source, el.shadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  // Loads of each iframe seen, and the load its ready event was fired for: once per load.
  const loads = new WeakMap();
  const readyFor = new WeakMap();

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string" || !data.type.startsWith(PREFIX)) return;
    if (event.origin === "null" || (origin !== null && event.origin !== origin)) return;
    const frame = event.source ? frameOf(event.source) : null;
    if (!frame) return;
    // Without a known script origin, at least require the frame's own address to match.
    if (origin === null) {
      try {
        if (new URL(frame.src, document.baseURI).origin !== event.origin) return;
      } catch {
        return;
      }
    }
    if (!loads.has(frame)) {
      loads.set(frame, 0);
      frame.addEventListener("load", () => loads.set(frame, loads.get(frame) + 1));
    }
    if (data.type === `${PREFIX}resize`) {
      const height = data.height;
      if (typeof height !== "number" || !Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
      // A height of a few px is no map: keep the frame readable.
      frame.style.height = `${Math.max(MIN_HEIGHT, Math.ceil(height))}px`;
    } else if (data.type === `${PREFIX}ready` && readyFor.get(frame) !== loads.get(frame)) {
      readyFor.set(frame, loads.get(frame));
      frame.setAttribute("data-ready", "true");
      frame.dispatchEvent(new CustomEvent(`${PREFIX}ready`, { bubbles: true, composed: true }));
    }
  });
})();
