/** Side effects of embedding: tell the parent page we are ready, and our height as it changes. */
import { type EmbedMessage, readyMessage, resizeMessage } from "./embed.ts";

function post(message: EmbedMessage): void {
  // The message carries no data worth hiding; any host may embed the map.
  window.parent.postMessage(message, "*");
}

export function postReady(): void {
  post(readyMessage());
}

/** Posts the content height whenever it changes (ResizeObserver, not a timer). */
export function watchHeight(element: HTMLElement): () => void {
  let last = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post(resizeMessage(height));
    }
  });
  observer.observe(element);
  return () => observer.disconnect();
}
