/**
 * The minerals insight card: top producers (a bar chart), concentration figures, the bloc against
 * China for this mineral, and the same comparison across every mineral. Text only, no HTML.
 */
import { CHINA } from "../config.ts";
import type { TablesStatus } from "../data/later.ts";
import { focusRegion, h, redrawInPlace, s, setChildren } from "../dom.ts";
import type { MineralsScene } from "../model/derive.ts";
import { formatDate, formatShare } from "../model/format.ts";
import type { BlocRow } from "../model/insight.ts";
import { STAGE_LABELS } from "../model/minerals.ts";
import type { InsightColours } from "../present/insight.ts";
import type { Source } from "../types.ts";

function sourceLine(source: Source | null): HTMLElement | null {
  if (!source) return null;
  return h(
    "p",
    { class: "insight-source" },
    "Source: ",
    h("a", { href: source.url, target: "_blank", rel: "noopener noreferrer" }, source.title),
    ` — ${source.publisher}, ${formatDate(source.date)}`,
    source.isMirror ? h("span", { class: "badge", title: source.original || "A copy of the original" }, "copy") : null,
  );
}

/**
 * A linear map of `domain` onto `range`, as d3-scale's `scaleLinear().domain(domain).range(range)`
 * computes it (the same arithmetic, so the same numbers), without the ~22 kB of d3 it pulls in.
 */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value) => {
    const t = d1 - d0 ? (value - d0) / (d1 - d0) : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

/** Horizontal bars of the top producers' shares, bloc members marked. */
function producerChart(scene: MineralsScene, colours: InsightColours): SVGSVGElement | null {
  const bars = scene.concentration?.bars ?? [];
  if (bars.length === 0) return null;
  const width = 340;
  const row = 22;
  const labelWidth = 128;
  const x = linear([0, Math.max(...bars.map((b) => b.share), 0.01)], [0, width - labelWidth - 62]);
  const svg = s("svg", {
    class: "producer-chart",
    viewBox: `0 0 ${width} ${bars.length * row}`,
    role: "img",
    "aria-label": `Top producers by share of world: ${bars.map((b) => `${b.name} ${formatShare(b.share)}${b.isEstimate ? " (estimate)" : ""}`).join(", ")}`,
  });
  bars.forEach((bar, i) => {
    const y = i * row;
    svg.append(
      s("text", { x: labelWidth - 6, y: y + 15, "text-anchor": "end", fill: colours.text }, bar.name),
      s("rect", {
        x: labelWidth,
        y: y + 4,
        width: Math.max(1, x(bar.share)),
        height: row - 8,
        fill: bar.inBloc ? colours.blocBar : bar.iso3 === CHINA ? colours.china : colours.bar,
        "data-iso3": bar.iso3,
      }),
      s(
        "text",
        { x: labelWidth + x(bar.share) + 4, y: y + 15, fill: colours.text },
        `${formatShare(bar.share)}${bar.isEstimate ? " est." : ""}`,
      ),
    );
  });
  return svg;
}

/** One stacked bar: China | bloc | rest of the world. */
function stackedBar(row: Pick<BlocRow, "china" | "bloc" | "rest">, colours: InsightColours): HTMLElement {
  const part = (share: number, colour: string, label: string) =>
    share > 0
      ? h("span", {
          class: "stack-part",
          style: `width:${share * 100}%;background:${colour}`,
          title: `${label} ${formatShare(share)}`,
        })
      : null;
  return h(
    "span",
    { class: "stack", "aria-hidden": "true" },
    part(row.china, colours.china, "China"),
    part(row.bloc, colours.bloc, "Bloc"),
    part(row.rest, colours.rest, "Rest of world"),
  );
}

export interface InsightHandlers {
  onMineral(slug: string): void;
}

export function renderInsight(
  el: HTMLElement,
  scene: MineralsScene,
  date: string,
  colours: InsightColours,
  handlers: InsightHandlers,
): void {
  const c = scene.concentration;
  const mineralName = scene.mineral?.name ?? "This mineral";
  const blocSection = c?.bloc
    ? h(
        "section",
        { class: "bloc", "aria-label": "The bloc against China" },
        h("h3", {}, `Bloc vs China, as of ${formatDate(date)}`),
        stackedBar(c.bloc, colours),
        h(
          "p",
          { class: "bloc-figures" },
          h("span", { class: "key china", style: `--key:${colours.china}` }, `China ${formatShare(c.bloc.china)}`),
          h("span", { class: "key bloc", style: `--key:${colours.bloc}` }, `Bloc ${formatShare(c.bloc.bloc)}`),
          h("span", { class: "key rest", style: `--key:${colours.rest}` }, `Rest ${formatShare(c.bloc.rest)}`),
        ),
        c.bloc.withheld.length
          ? h(
              "p",
              { class: "insight-note" },
              `Withheld by the source, so not counted: ${c.bloc.withheld.map((iso3) => scene.names.get(iso3) ?? iso3).join(", ")}.`,
            )
          : null,
        c.bloc.chinaUnlisted
          ? h("p", { class: "insight-note" }, "China is not listed by the source for this table.")
          : null,
        h("p", { class: "insight-note" }, scene.definition),
      )
    : null;

  const stage = scene.choice?.stage ?? "mine";
  const all = scene.allMinerals.map((row) => {
    // Named by its own text (WCAG 2.5.3: the name contains what is seen), the words a screen reader
    // needs around the figures visually hidden.
    const hidden = (text: string) => h("span", { class: "visually-hidden" }, text);
    const button = h(
      "button",
      {
        type: "button",
        class: `all-row${row.mineral === scene.mineral?.slug ? " is-current" : ""}`,
        "data-mineral": row.mineral,
      },
      h("span", { class: "all-name" }, row.name, hidden(` ${row.year}:`)),
      stackedBar(row, colours),
      h(
        "span",
        { class: "all-figures" },
        hidden("China "),
        formatShare(row.china),
        h("span", { "aria-hidden": "true" }, " · "),
        hidden(", bloc "),
        formatShare(row.bloc),
        hidden(`, rest ${formatShare(row.rest)}. Show on the map.`),
      ),
    );
    button.addEventListener("click", () => handlers.onMineral(row.mineral));
    return h("li", {}, button);
  });

  // A row of "Every mineral" picked with the keyboard redraws the card under it: the focus goes to
  // the same mineral's row in the new card (not to <body>, nor to whatever took its place), where
  // the reader left it.
  const sameRow = (old: HTMLElement) => {
    const slug = old.dataset.mineral;
    return slug ? el.querySelector<HTMLElement>(`.all-row[data-mineral="${CSS.escape(slug)}"]`) : null;
  };
  redrawInPlace(
    el,
    () =>
      setChildren(
        el,
        h("h2", { class: "insight-title" }, c?.heading ?? mineralName),
        // The question the map exists for comes first, in sight without scrolling the side column.
        blocSection,
        c
          ? h(
              "dl",
              { class: "insight-stats" },
              ...c.stats.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
            )
          : h("p", { class: "insight-empty" }, scene.mineral?.note || `${mineralName}: no country data published.`),
        c?.bars.length ? h("h3", {}, "Top producers, share of world") : null,
        producerChart(scene, colours),
        c ? sourceLine(c.source) : null,
        ...(c?.notes ?? []).map((note) => h("p", { class: "insight-note" }, note)),
        h(
          "section",
          { class: "all-minerals", "aria-label": "Every mineral: China against the bloc" },
          h("h3", {}, `Every mineral, ${STAGE_LABELS[stage].toLowerCase()}: China · bloc`),
          h("p", { class: "insight-note" }, "Latest year of each; sorted by China's share. Pick one to map it."),
          h("ul", { class: "all-list" }, ...all),
        ),
      ),
    sameRow,
  );
}

/**
 * The mineral tables failed to load: the reason, what that leaves out here (`meaning`), and a
 * "Try again". Pressing it moves the focus to `region` (the card or panel that then says it is
 * loading, and fills in), not to <body> as the button goes. The minerals card's and the sources
 * panel's (src/ui/sources.ts) words, so the two say the same.
 */
export function tablesFailure(
  region: HTMLElement,
  error: string,
  meaning: string,
  onRetry: () => void,
  className = "",
): HTMLElement {
  const retry = h("button", { type: "button", class: "link-button" }, "Try again");
  retry.addEventListener("click", () => {
    focusRegion(region);
    onRetry();
  });
  return h(
    "p",
    { class: `tables-failed ${className}`.trim(), role: "alert" },
    `The mineral data could not be shown. ${error} ${meaning}`,
    " ",
    retry,
  );
}

/** The mineral tables on their way, as a status line. */
export function tablesLoading(className = ""): HTMLElement {
  return h("p", { class: `tables-loading ${className}`.trim(), role: "status" }, "Loading the mineral data…");
}

/**
 * The card while the mineral tables are on their way (minerals.json loads when first needed), or
 * after they failed: a status line, or the reason and a button that tries again (.is-pending
 * keeps the card's usual height, so nothing below jumps when the tables arrive).
 */
export function renderInsightPending(
  el: HTMLElement,
  scene: MineralsScene,
  status: TablesStatus,
  onRetry: () => void,
): void {
  const title = h("h2", { class: "insight-title" }, scene.mineral?.name ?? "Minerals");
  setChildren(
    el,
    title,
    status.state === "failed"
      ? tablesFailure(el, status.error, "The other views still work.", onRetry, "insight-pending insight-failed")
      : tablesLoading("insight-pending"),
  );
}
