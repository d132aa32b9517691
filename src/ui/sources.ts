/**
 * The sources and methodology panel: the data's "as of" date, the definitions, the known gaps, the
 * downloads and every source with its publisher, date, licence and link. Text only, no HTML.
 * Idempotent: the same model gives the same DOM.
 */

import type { TablesStatus } from "../data/later.ts";
import { h, setChildren } from "../dom.ts";
import { formatDate } from "../model/format.ts";
import {
  type MethodologyModel,
  type MethodologySection,
  type MethodologySource,
  methodologyModel,
} from "../model/methodology.ts";
import type { LiveDataset } from "../types.ts";
import { tablesFailure, tablesLoading } from "./minerals.ts";

export interface MethodologyHandlers {
  onClose(): void;
  /** The mineral tables failed: the reader's "Try again". */
  onRetryTables?(): void;
}

export interface DownloadLink {
  label: string;
  href: string;
  filename: string;
}

/** The three CSV downloads of the built site, relative to `base` (Vite's BASE_URL, "./"). */
export function downloadLinks(base: string): DownloadLink[] {
  const prefix = base === "" || base.endsWith("/") ? base : `${base}/`;
  return [
    { label: "Agreements (CSV)", file: "agreements.csv" },
    { label: "Forum memberships (CSV)", file: "memberships.csv" },
    { label: "Mineral production, refining and reserves (CSV)", file: "minerals.csv" },
  ].map(({ label, file }) => ({ label, href: `${prefix}data/${file}`, filename: file }));
}

function section(s: MethodologySection): HTMLElement {
  return h(
    "section",
    { class: "methodology-section" },
    h("h3", {}, s.title),
    ...s.paragraphs.map((p) => h("p", {}, p)),
    s.definitions.length
      ? h(
          "dl",
          { class: "methodology-terms" },
          ...s.definitions.flatMap(([term, text]) => [h("dt", {}, term), h("dd", {}, text)]),
        )
      : null,
  );
}

function sourceItem(s: MethodologySource): HTMLElement {
  return h(
    "li",
    { "data-source": s.id },
    h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title),
    s.isMirror ? h("span", { class: "badge", title: s.original || "A copy of the original page" }, "copy") : null,
    h("span", { class: "methodology-meta" }, ` — ${s.publisher}, ${s.date}. ${s.licence}.`),
    h("span", { class: "methodology-used" }, ` Cited by ${s.usedBy} ${s.usedBy === 1 ? "record" : "records"}.`),
    s.isMirror && s.original ? h("span", { class: "methodology-original" }, `Original: ${s.original}`) : null,
  );
}

/**
 * Where the mineral tables are, under the panel's heading: loading, or failed with the reason and
 * a "Try again" (the minerals card's words). Once they are in, nothing; but if the panel was saying
 * so, a line of the same height says they are in: what the reader is reading below does not move up
 * under them (and a screen reader hears that they arrived).
 */
function tablesNotice(el: HTMLElement, tables: TablesStatus, onRetry: () => void): HTMLElement | null {
  if (tables.state === "failed")
    return tablesFailure(el, tables.error, "The counts below leave them out.", onRetry, "methodology-tables");
  if (tables.state === "loading") return tablesLoading("methodology-tables");
  if (!el.hidden && el.querySelector(".methodology-tables"))
    return h("p", { class: "methodology-tables tables-loaded", role: "status" }, "Mineral data loaded.");
  return null;
}

/**
 * Renders the panel into `el`; null hides it. `downloads` defaults to the CSVs next to the page
 * (`downloadLinks("./")`), which is where the build puts them. `tables`: where the mineral tables
 * are (src/data/later.ts).
 */
export function renderMethodology(
  el: HTMLElement,
  model: MethodologyModel | null,
  handlers: MethodologyHandlers,
  downloads: DownloadLink[] = downloadLinks("./"),
  tables: TablesStatus = { state: "ready" },
): void {
  if (!model) {
    el.hidden = true;
    setChildren(el);
    return;
  }
  const close = h(
    "button",
    { type: "button", class: "methodology-close", "aria-label": "Close sources and methodology" },
    "×",
  );
  close.addEventListener("click", () => handlers.onClose());
  const mirrors = model.sources.filter((s) => s.isMirror).length;
  setChildren(
    el,
    h(
      "header",
      { class: "methodology-header" },
      h("h2", { id: "methodology-title" }, "Sources and methodology"),
      close,
    ),
    h(
      "p",
      { class: "methodology-asof" },
      "Data as of ",
      h("time", { datetime: model.asOf }, formatDate(model.asOf)),
      ", the latest dated record.",
    ),
    tablesNotice(el, tables, () => handlers.onRetryTables?.()),
    ...model.sections.map(section),
    h(
      "section",
      { class: "methodology-section" },
      h("h3", {}, "Download the data"),
      h(
        "p",
        {},
        "The records behind the map, each with its sources as links. Withheld, not-available, small and lower-bound mineral values are left out of the CSV (it has no column to say why a number is missing).",
      ),
      h(
        "ul",
        { class: "methodology-downloads" },
        ...downloads.map((d) => h("li", {}, h("a", { href: d.href, download: d.filename }, d.label))),
      ),
    ),
    h(
      "section",
      { class: "methodology-section" },
      h("h3", {}, `Sources (${model.sources.length})`),
      h(
        "p",
        {},
        `By publisher. ${mirrors} of ${model.sources.length} links are copies of the original page, marked “copy” with the original named. “Cited by” counts the agreements, memberships, announced numbers and mineral tables that cite the source.`,
      ),
      h("ol", { class: "methodology-sources" }, ...model.sources.map(sourceItem)),
    ),
  );
  el.hidden = false;
}

/** Per dataset, the model while the tables load (or are in) and the one after they failed. */
const models = new WeakMap<LiveDataset, Map<boolean, MethodologyModel>>();

/**
 * The panel as the one render draws it (src/ui/render.ts): the dataset's sources and method, or
 * hidden (null). The model is built when first opened (sorting every source is work the first
 * paint does not need) and kept; this module loads with the panel (src/ui/lazy.ts).
 */
export function drawSources(
  el: HTMLElement,
  dataset: LiveDataset | null,
  handlers: MethodologyHandlers,
  tables: TablesStatus,
): void {
  let model: MethodologyModel | null = null;
  if (dataset) {
    const failed = dataset.mineralTables === null && tables.state === "failed";
    const kept = models.get(dataset) ?? new Map<boolean, MethodologyModel>();
    model = kept.get(failed) ?? methodologyModel(dataset, failed);
    kept.set(failed, model);
    models.set(dataset, kept);
  }
  renderMethodology(el, model, handlers, downloadLinks(import.meta.env.BASE_URL), tables);
}
