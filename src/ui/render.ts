/**
 * The one render: every surface drawn from the store's state and session, each redrawn only when
 * what it shows changed (the view models are memoised, so unchanged means identical).
 */
import type { TablesStatus } from "../data/later.ts";
import { byId, redrawInPlace } from "../dom.ts";
import { renderEmbedHeadline } from "../embed/chrome.ts";
import { embedHeadline } from "../embed/embed.ts";
import type { MapView } from "../map/view.ts";
import type { Index, Scene } from "../model/derive.ts";
import type { Theme } from "../model/palette.ts";
import { mineralOptionsOf } from "../present/controls.ts";
import { insightColours } from "../present/insight.ts";
import { legendBuilder } from "../present/legend.ts";
import { pageTitle } from "../present/names.ts";
import { panelOf } from "../present/panel.ts";
import type { Session } from "../state/session.ts";
import type { AppState } from "../state/state.ts";
import type { Store } from "../state/store.ts";
import type { LiveDataset } from "../types.ts";
import type { Controls } from "./controls.ts";
import { type Chunk, drawWhenLoaded } from "./lazy.ts";
import { renderLegend } from "./legend.ts";
import { renderInsight, renderInsightPending } from "./minerals.ts";
import { renderPanel } from "./panel.ts";
import type { TimelineControl } from "./timeline.ts";

/** The surfaces mounted elsewhere; the others are index.html's #legend, #insight, #panel, #summary, #table-view and #methodology. */
export interface Mounted {
  controls: Controls;
  timeline: TimelineControl;
  /** Draws the map's view on whichever renderer is up (src/map/renderers.ts). */
  map: (view: MapView) => void;
}

export interface RenderInputs {
  /** The dataset as it stands: it gains the mineral tables once (src/data/later.ts). */
  dataset: () => LiveDataset;
  /** Where the mineral tables are: the minerals card and the sources panel show it until they arrive. */
  tables: () => TablesStatus;
  onRetryTables: () => void;
  index: Index;
  store: Store;
  themeOf: (state: AppState) => Theme;
  sceneOf: (state: AppState) => Scene;
  mapViewOf: (state: AppState, session: Session) => MapView;
  /** The table's and the sources panel's code, loaded on first use (src/ui/lazy.ts). */
  table: Chunk<typeof import("./table.ts")>;
  sources: Chunk<typeof import("./sources.ts")>;
  /** An embed shows a one-line headline for its view. */
  headline: boolean;
  onMineral: (mineral: string, stage?: AppState["stage"]) => void;
  onCloseSources: () => void;
}

export function renderer(mounted: Mounted, inputs: RenderInputs): () => void {
  const { index, store } = inputs;
  const surfaces = {
    ...mounted,
    legend: byId("legend"),
    insight: byId("insight"),
    panel: byId("panel"),
    summary: byId("summary"),
    table: byId("table-view"),
    methodology: byId("methodology"),
  };
  const dispatch = store.dispatch;
  const legendOf = legendBuilder(inputs.dataset(), index);
  let drawn: {
    state: AppState | null;
    theme: Theme | null;
    session: Session | null;
    legend: unknown;
    code: { table: unknown; sources: unknown };
    dataset: LiveDataset | null;
    tables: TablesStatus | null;
  } = {
    state: null,
    theme: null,
    session: null,
    legend: null,
    code: { table: null, sources: null },
    dataset: null,
    tables: null,
  };
  const render = () => {
    const state = store.get();
    const session = store.session();
    const theme = inputs.themeOf(state);
    const current = inputs.sceneOf(state);
    const dataset = inputs.dataset();
    const tables = inputs.tables();
    const stateChanged = state !== drawn.state || theme !== drawn.theme || dataset !== drawn.dataset;
    // The tables' loading status shows on the minerals card and in the open sources panel (redrawn
    // in place): nothing else is rebuilt under the reader when it changes.
    if (stateChanged || tables !== drawn.tables) {
      if (current.minerals?.pending) {
        renderInsightPending(surfaces.insight, current.minerals, tables, inputs.onRetryTables);
      } else if (current.minerals) {
        renderInsight(surfaces.insight, current.minerals, current.date, insightColours(theme), {
          onMineral: inputs.onMineral,
        });
      }
      surfaces.insight.hidden = !current.minerals;
      surfaces.insight.classList.toggle("is-pending", !!current.minerals?.pending);
    }
    if (stateChanged) {
      document.documentElement.dataset.theme = theme;
      surfaces.controls.render(state, mineralOptionsOf(current, state));
      surfaces.timeline.render(current.date);
      surfaces.summary.textContent = current.summary;
      document.title = pageTitle(current, state);
      if (inputs.headline) renderEmbedHeadline(embedHeadline(current));
      renderPanel(surfaces.panel, panelOf(dataset, index, current, state.country), {
        onClose: () => dispatch({ type: "select-country", iso3: null }),
        onMineral: inputs.onMineral,
      });
    }
    const legend = legendOf(current, state.view, session.legendFilter);
    if (legend !== drawn.legend) {
      renderLegend(surfaces.legend, legend.choropleth, legend, {
        onHover: (key) => dispatch({ type: "legend-hover", key }),
        onToggle: (key) => dispatch({ type: "legend-toggle", key }),
      });
    }
    const previous = drawn.session;
    // A surface whose code has just arrived is drawn now (it showed "Loading…" until then).
    const code = { table: inputs.table.module, sources: inputs.sources.module };
    const tableChanged = session.tableSort !== previous?.tableSort || session.tableQuery !== previous?.tableQuery;
    if (stateChanged || tableChanged || code.table !== drawn.code.table) {
      surfaces.table.hidden = !state.table;
      if (state.table && code.table)
        code.table.drawTable(surfaces.table, { dataset, index, scene: current, state, session, dispatch });
      else if (state.table) drawWhenLoaded(surfaces.table, inputs.table, "the table", render);
    }
    const open = session.methodologyOpen;
    if (
      open !== previous?.methodologyOpen ||
      code.sources !== drawn.code.sources ||
      (open && (dataset !== drawn.dataset || tables !== drawn.tables))
    ) {
      if (code.sources) {
        // Redrawn in place when the mineral tables arrive (or fail) while it is open: the reader's place stays.
        const sources = code.sources;
        redrawInPlace(surfaces.methodology, () =>
          sources.drawSources(
            surfaces.methodology,
            open ? dataset : null,
            { onClose: inputs.onCloseSources, onRetryTables: inputs.onRetryTables },
            tables,
          ),
        );
      } else if (open) {
        surfaces.methodology.hidden = false;
        // Its heading's words (src/ui/sources.ts), the panel's name while its code loads.
        drawWhenLoaded(
          surfaces.methodology,
          inputs.sources,
          "the sources and methodology",
          render,
          "Sources and methodology",
        );
      } else surfaces.methodology.hidden = true;
    }
    surfaces.map(inputs.mapViewOf(state, session));
    drawn = { state, theme, session, legend, code, dataset, tables };
  };
  return render;
}
