/**
 * Share and embed: a button that opens a dialog with the link to the current view, the embed code
 * (auto-height iframe + host script, or a plain iframe for hosts that forbid scripts) and a live
 * preview of what the code gives. Everything is built with text nodes; nothing becomes HTML. The
 * button is index.html's; this module loads on its first use (src/ui/lazy.ts) and builds the dialog then.
 */

import { h } from "../dom.ts";
import { fullMapUrl, parseEmbedMessage } from "../embed/embed.ts";
import { EMBED_PARTS, type EmbedPart, PART_LABELS } from "../embed/parts.ts";
import {
  BREAKPOINT_WIDTHS,
  clampHeight,
  DEFAULT_EMBED_HEIGHT,
  embedSnippet,
  embedSrc,
  type MeasuredHeight,
  MIN_EMBED_HEIGHT,
} from "../embed/snippet.ts";

const PREVIEW_WIDTHS = [
  ["320", "320 px (small phone)"],
  ["375", "375 px (phone)"],
  ["480", "480 px"],
  ["700", "700 px (article column)"],
  ["full", "Full width"],
] as const;

/** Copies text to the clipboard; falls back to selecting the field so the reader can copy it. */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    try {
      // Deprecated but still the only way where the async clipboard is refused (plain http, frames).
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

let opener: (() => void) | null = null;

/** Opens the dialog (built on the first call) with the link and embed code of the view shown now. */
export function openShare(getUrl: () => string, getTitle: () => string): void {
  opener ??= shareDialog(getUrl, getTitle);
  opener();
}

function shareDialog(getUrl: () => string, getTitle: () => string): () => void {
  const close = h("button", { type: "button", class: "share-close", "aria-label": "Close" }, "×");
  const link = h("input", {
    id: "share-link",
    class: "share-field",
    type: "text",
    readonly: true,
    spellcheck: "false",
  });
  const copyLink = h("button", { type: "button", class: "share-copy" }, "Copy link");

  const auto = h("input", { type: "radio", name: "share-variant", value: "auto", checked: true });
  const plain = h("input", { type: "radio", name: "share-variant", value: "plain" });
  const height = h("input", {
    id: "share-height",
    class: "share-height-input",
    type: "number",
    min: String(MIN_EMBED_HEIGHT),
    max: "2000",
    step: "10",
    value: String(DEFAULT_EMBED_HEIGHT),
  });
  const partBoxes = EMBED_PARTS.map(
    (part) => [part, h("input", { type: "checkbox", name: "share-part", value: part })] as const,
  );
  const code = h("textarea", {
    id: "share-code",
    class: "share-field share-code",
    readonly: true,
    rows: "5",
    spellcheck: "false",
  });
  const copyCode = h("button", { type: "button", class: "share-copy" }, "Copy embed code");
  const help = h("p", { class: "share-help" });

  const width = h(
    "select",
    { id: "share-preview-width" },
    ...PREVIEW_WIDTHS.map(([value, label]) => h("option", { value }, label)),
  );
  width.value = "480";
  const togglePreview = h(
    "button",
    { type: "button", class: "share-preview-toggle", "aria-expanded": "false" },
    "Show preview",
  );
  const preview = h("div", { class: "share-preview", hidden: true });
  const status = h("p", { class: "share-status", role: "status", "aria-live": "polite" });

  const dialog = h(
    "dialog",
    { class: "share-dialog", "aria-labelledby": "share-title" },
    h("div", { class: "share-head" }, h("h2", { id: "share-title" }, "Share this map"), close),
    h("p", { class: "share-note" }, "The link and the embed show the map as you see it now: view, date and selection."),
    h(
      "section",
      { class: "share-section" },
      h("label", { for: "share-link", class: "share-label" }, "Link to this view"),
      h("div", { class: "share-row" }, link, copyLink),
    ),
    h(
      "section",
      { class: "share-section" },
      h("h3", { class: "share-label" }, "Embed in an article"),
      h(
        "fieldset",
        { class: "share-variants" },
        h("legend", { class: "visually-hidden" }, "Kind of embed code"),
        h("label", {}, auto, " Auto-height: iframe and our small script"),
        h("label", {}, plain, " Plain iframe, no script"),
      ),
      h(
        "fieldset",
        { class: "share-parts" },
        h("legend", {}, "Also show (the map, legend, headline and credit always show)"),
        ...partBoxes.map(([part, box]) => h("label", {}, box, ` ${PART_LABELS[part]}`)),
      ),
      h("label", { class: "share-height", for: "share-height" }, "Height ", height, " px"),
      h("label", { for: "share-code", class: "visually-hidden" }, "Embed code"),
      code,
      h("div", { class: "share-row share-row-end" }, copyCode),
      help,
    ),
    h(
      "section",
      { class: "share-section" },
      h("h3", { class: "share-label" }, "Preview"),
      h("div", { class: "share-row" }, h("label", { for: "share-preview-width" }, "Width "), width, togglePreview),
      preview,
    ),
    status,
  );

  const isAuto = () => auto.checked;
  const parts = () => new Set<EmbedPart>(partBoxes.filter(([, box]) => box.checked).map(([part]) => part));
  /** The editor typed a height: the dialog no longer writes the measured one over it. */
  let heightTyped = false;
  /** The preview's view measured at several widths: the plain snippet's breakpoints. */
  let measured: MeasuredHeight[] = [];
  const snippet = () =>
    embedSnippet({
      href: getUrl(),
      title: getTitle(),
      height: Number(height.value),
      autoHeight: isAuto(),
      parts: parts(),
      // A height the editor typed is theirs at every width.
      measured: heightTyped ? [] : measured,
    });

  let frame: HTMLIFrameElement | null = null;
  /** The height the preview's map last posted (auto-height follows it). */
  let posted: number | null = null;
  const sizePreview = () => {
    if (!frame) return;
    frame.style.width = width.value === "full" ? "100%" : `${width.value}px`;
    // Plain: the height the newsroom chose. Auto: the start height, until the map posts its own.
    frame.style.height = `${isAuto() && posted !== null ? posted : clampHeight(Number(height.value))}px`;
  };
  const hidePreview = () => {
    frame?.remove();
    frame = null;
    preview.hidden = true;
    togglePreview.textContent = "Show preview";
    togglePreview.setAttribute("aria-expanded", "false");
  };
  /**
   * Lays the preview's view out at each breakpoint width and reads its height, all in one task
   * (nothing is painted in between, so the preview does not flicker). The preview is on our own
   * origin, so its layout can be read directly; its height depends on CSS alone, not on scripts.
   */
  const measureBreakpoints = () => {
    const target = frame;
    const app = target?.contentDocument?.getElementById("app");
    const root = target?.contentDocument?.documentElement;
    if (!target || !app || !root) return;
    const shown = target.style.width;
    // Wider than the dialog too (its stylesheet keeps the preview within it).
    target.style.maxWidth = "none";
    measured = BREAKPOINT_WIDTHS.map((w) => {
      target.style.width = `${w}px`;
      target.getBoundingClientRect(); // lays this page out first: the frame takes its new width
      // The width the view was laid out at, as it was: a measurement is never put at another.
      return { width: root.clientWidth, height: Math.ceil(app.getBoundingClientRect().height) };
    });
    target.style.width = shown;
    target.style.maxWidth = "";
    code.dataset.breakpoints = measured.map((m) => `${m.width}:${m.height}`).join(" ");
    code.value = snippet();
  };
  const showPreview = () => {
    posted = null;
    measured = [];
    delete code.dataset.breakpoints;
    // The preview always sizes itself (auto-height), so it measures the view at the chosen width.
    const src = embedSrc({ href: getUrl(), autoHeight: true, parts: parts() });
    frame = h("iframe", { class: "share-preview-frame", src, title: `Preview: ${getTitle()}` });
    preview.replaceChildren(frame);
    preview.hidden = false;
    sizePreview();
    togglePreview.textContent = "Hide preview";
    togglePreview.setAttribute("aria-expanded", "true");
  };

  const refresh = () => {
    link.value = fullMapUrl(getUrl());
    code.value = snippet();
    help.textContent = isAuto()
      ? "The script sizes the frame to the map as it changes (the height above is where it starts). It loads nothing else and sends no data."
      : "For sites that forbid scripts. With the preview shown, the view is measured from 280 to 1,200 px wide and the code's few lines of CSS give the frame the height it needs at its width; where a site strips them, the frame keeps the height above and the map compacts to fit, never scrolling inside.";
    sizePreview();
  };

  const say = (message: string) => {
    status.textContent = message;
  };
  copyLink.addEventListener("click", async () => {
    say((await copyText(link.value, link)) ? "Link copied." : "Press Ctrl+C (⌘C) to copy the selected link.");
  });
  copyCode.addEventListener("click", async () => {
    say((await copyText(code.value, code)) ? "Embed code copied." : "Press Ctrl+C (⌘C) to copy the selected code.");
  });
  for (const input of [auto, plain, height]) input.addEventListener("change", refresh);
  height.addEventListener("input", () => {
    heightTyped = true;
    refresh();
  });
  // Another width or other parts: measure again in a fresh preview.
  const remeasure = () => {
    refresh();
    if (frame) showPreview();
  };
  width.addEventListener("change", remeasure);
  for (const [, box] of partBoxes) box.addEventListener("change", remeasure);
  togglePreview.addEventListener("click", () => (frame ? hidePreview() : showPreview()));

  // The preview's map sizes itself by the same protocol as any embed.
  window.addEventListener("message", (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
    const message = parseEmbedMessage(event.data);
    if (message?.type === "critical-minerals-map:ready") measureBreakpoints();
    if (message?.type === "critical-minerals-map:resize") {
      posted = message.height;
      // The plain snippet gets the height the view needs at the preview's width.
      if (!heightTyped) {
        height.value = String(clampHeight(posted));
        height.dataset.measuredWidth = width.value;
        code.value = snippet();
      }
      sizePreview();
    }
  });

  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content box) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  // Closing frees the preview's map (and its WebGL contexts).
  dialog.addEventListener("close", hidePreview);

  document.body.append(dialog);
  return () => {
    say("");
    refresh();
    dialog.showModal();
  };
}
