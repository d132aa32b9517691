/**
 * The one render: every surface drawn from the store's state and session, each redrawn only when
 * what it shows changed (the view models are memoised, so unchanged means identical).
 */
import type { TablesStatus } from "../data/later.ts";
import { byId } from "../dom.ts";
import { renderEmbedHeadline } from "../embed/chrome.ts";
import { embedHeadline } from "../embed/embed.ts";
import type { MapView } from "../map/view.ts";
import type { Index, Scene } from "../model/derive.ts";
import type { MethodologyModel } from "../model/methodology.ts";
import type { Theme } from "../model/palette.ts";
import { nextSort, tableModel } from "../model/table.ts";
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
import { renderLegend } from "./legend.ts";
import { renderInsight, renderInsightPending } from "./minerals.ts";
import { renderPanel } from "./panel.ts";
import { downloadLinks, renderMethodology } from "./sources.ts";
import { renderTable } from "./table.ts";
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
  /** Where the mineral tables are: the minerals card shows it until they arrive. */
  tables: () => TablesStatus;
  onRetryTables: () => void;
  index: Index;
  store: Store;
  themeOf: (state: AppState) => Theme;
  sceneOf: (state: AppState) => Scene;
  mapViewOf: (state: AppState, session: Session) => MapView;
  methodology: () => MethodologyModel;
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
    dataset: LiveDataset | null;
    tables: TablesStatus | null;
  } = { state: null, theme: null, session: null, legend: null, dataset: null, tables: null };
  return () => {
    const state = store.get();
    const session = store.session();
    const theme = inputs.themeOf(state);
    const current = inputs.sceneOf(state);
    const dataset = inputs.dataset();
    const tables = inputs.tables();
    const stateChanged =
      state !== drawn.state || theme !== drawn.theme || dataset !== drawn.dataset || tables !== drawn.tables;
    if (stateChanged) {
      document.documentElement.dataset.theme = theme;
      surfaces.controls.render(state, mineralOptionsOf(current, state));
      if (current.minerals?.pending) {
        renderInsightPending(surfaces.insight, current.minerals, tables, inputs.onRetryTables);
      } else if (current.minerals) {
        renderInsight(surfaces.insight, current.minerals, current.date, insightColours(theme), {
          onMineral: inputs.onMineral,
        });
      }
      surfaces.insight.hidden = !current.minerals;
      surfaces.insight.classList.toggle("is-pending", !!current.minerals?.pending);
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
    if (stateChanged || session.tableSort !== previous?.tableSort || session.tableQuery !== previous?.tableQuery) {
      surfaces.table.hidden = !state.table;
      if (state.table) {
        const model = tableModel(dataset, index, current);
        const key = `${state.view}:${state.forum}`; // columns differ per view: a new view resets the sort
        const sort = session.tableSort?.key === key ? session.tableSort.sort : model.sort;
        renderTable(
          surfaces.table,
          model,
          { sort, query: session.tableQuery },
          {
            onSort: (column) => dispatch({ type: "table-sort", key, sort: nextSort(model, sort, column) }),
            onQuery: (query) => dispatch({ type: "table-query", query }),
            onCountry: (iso3) => dispatch({ type: "select-country", iso3 }),
          },
        );
      }
    }
    if (
      session.methodologyOpen !== previous?.methodologyOpen ||
      (session.methodologyOpen && dataset !== drawn.dataset)
    ) {
      // Redrawn in place when the mineral tables arrive while it is open: keep the reader's focus in it.
      const focused = session.methodologyOpen && surfaces.methodology.contains(document.activeElement);
      renderMethodology(
        surfaces.methodology,
        session.methodologyOpen ? inputs.methodology() : null,
        { onClose: inputs.onCloseSources },
        downloadLinks(import.meta.env.BASE_URL),
      );
      if (focused) surfaces.methodology.querySelector<HTMLElement>(".methodology-close")?.focus();
    }
    surfaces.map(inputs.mapViewOf(state, session));
    drawn = { state, theme, session, legend, dataset, tables };
  };
}
