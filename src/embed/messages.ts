/**
 * Side effects of embedding (DESIGN §3): tell the parent page we are ready, once per load, and our
 * content height whenever it changes, so the host script can size the iframe to fit.
 */
import { type EmbedMessage, readyMessage, resizeMessage } from "./embed.ts";
import { ampEmbedSize, parseEmbedParams, parsePymMessage, pymMessage } from "./parts.ts";

function post(message: EmbedMessage): void {
  // The messages carry no data worth hiding and any site may embed the map, so the target origin
  // is "*"; the host script checks where each message comes from (public/embed.js).
  window.parent.postMessage(message, "*");
}

/** The address as loaded: the app rewrites it as the state settles, and Pym's childId is not state. */
const LOADED_SEARCH = typeof window === "undefined" ? "" : window.location.search;

let readySent = false;
/** Posts the height now if it changed since the last one posted (set by watchHeight). */
let postHeightNow: () => void = () => undefined;

/**
 * Posts the ready message; later calls in the same load do nothing. The height of the page it
 * announces goes first: a host that acts on ready (sizes, scrolls, measures) sees the final height,
 * not the one before the map went in, which the ResizeObserver would post only a frame later.
 */
export function postReady(): void {
  if (readySent) return;
  readySent = true;
  postHeightNow();
  post(readyMessage());
}

/**
 * Posts the content height whenever it changes (ResizeObserver, not a timer). The element must be
 * sized by its content, never by the viewport (see the embed section of app.css), or the height
 * would follow the iframe that follows the height.
 *
 * While the parent sizes the iframe to the height we posted, a host script is at work: the page then
 * shows no scrollbar of its own (html.is-host-sized), because a scrollbar that comes and goes
 * changes the width, the width changes the height, and the frame would never settle. A frame of
 * another height (a plain iframe, no script) keeps its scrollbar.
 */
export function watchHeight(element: HTMLElement): () => void {
  let last = -1;
  const root = document.documentElement;
  // Besides our own message, the protocols hosts already run: Pym.js (when a Pym parent gave us a
  // childId) and AMP's amp-iframe resizable. Each ignores the others' messages.
  const pymId = parseEmbedParams(LOADED_SEARCH || window.location.search).pymChildId;
  const postHeight = (height: number) => {
    post(resizeMessage(height));
    window.parent.postMessage(ampEmbedSize(height), "*");
    if (pymId !== null) window.parent.postMessage(pymMessage(pymId, "height", height), "*");
  };
  const postIfChanged = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      postHeight(height);
    }
  };
  const observer = new ResizeObserver(postIfChanged);
  postHeightNow = postIfChanged;
  const onResize = () => {
    root.classList.toggle("is-host-sized", Math.abs(window.innerHeight - last) <= 1);
  };
  // A Pym parent sends its width when it loads or resizes and expects our height back.
  const onMessage = (event: MessageEvent) => {
    if (pymId === null || event.source !== window.parent || last < 0) return;
    if (parsePymMessage(event.data, pymId)?.type === "width") {
      window.parent.postMessage(pymMessage(pymId, "height", last), "*");
    }
  };
  observer.observe(element);
  window.addEventListener("resize", onResize);
  window.addEventListener("message", onMessage);
  return () => {
    postHeightNow = () => undefined;
    observer.disconnect();
    window.removeEventListener("resize", onResize);
    window.removeEventListener("message", onMessage);
  };
}
