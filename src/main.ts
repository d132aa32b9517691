/**
 * Composition root: read the URL, load the data, resolve what to show, create the store, start the
 * map's renderers and the controls, and wire them. One path for every change: event → action →
 * store (resolve, session) → derive (memoised) → present (pure view models) → one render of every
 * surface (src/ui/render.ts).
 */
import "./styles/app.css";
import "./styles/tables.css";
import type { Topology } from "topojson-specification";
import { mineralTables } from "./data/later.ts";
import { DATA_TIMEOUT_MS, loadData, loadMineralTables } from "./data/load.ts";
import { countryFeatures, withD3Winding } from "./data/topology.ts";
import { byId } from "./dom.ts";
import { applyEmbedParts, mountEmbedChrome } from "./embed/chrome.ts";
import { embedOptions } from "./embed/embed.ts";
import { postReady, watchHeight } from "./embed/messages.ts";
import { posterDrawing } from "./map/frame.ts";
import { MAP_DESCRIPTION, startRenderers } from "./map/renderers.ts";
import { indexOf, memoize } from "./model/derive.ts";
import type { ShortcutCommand } from "./model/shortcuts.ts";
import { nextEvent, previousEvent } from "./model/timeline.ts";
import { mapViewBuilder } from "./present/map.ts";
import { embedTitle } from "./present/names.ts";
import { sceneBuilder } from "./present/scene.ts";
import { tooltipOf } from "./present/tooltip.ts";
import { yieldToBrowser } from "./slices.ts";
import { resolve, resolveState } from "./state/resolve.ts";
import { type AppState, resolvedTheme, type View } from "./state/state.ts";
import { createStore } from "./state/store.ts";
import { parseSearch } from "./state/url.ts";
import type { CoreDataset } from "./types.ts";
import { mountControls } from "./ui/controls.ts";
import { mountHelp } from "./ui/help.ts";
import { watchKeys } from "./ui/keys.ts";
import { chunk, onClickWith, prefetchOnIntent, prefetchWhenIdle } from "./ui/lazy.ts";
import { mountPrintLink } from "./ui/print.ts";
import { renderer } from "./ui/render.ts";
import { mountSourcesButton } from "./ui/sources-button.ts";
import { loadWithStatus, markReady, markRenderer, renderUnexpected } from "./ui/status.ts";
import { mountTimeline } from "./ui/timeline.ts";
import { renderTooltip } from "./ui/tooltip.ts";

/** Views this build offers, in tab order. */
const AVAILABLE_VIEWS: View[] = ["pacts", "forums", "minerals"];

async function start(): Promise<void> {
  // What the page can know before the data arrive (layout, theme); the data decide the rest (resolve).
  const parsed = parseSearch(window.location.search);
  const embed = embedOptions(parsed.state.embed, window.self !== window.top);
  document.documentElement.classList.toggle("is-embed", embed.compact);
  if (embed.compact) applyEmbedParts(window.location.search);
  if (embed.messageParent) watchHeight(byId("app"));
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  const themeOf = (state: AppState) => resolvedTheme(state.theme, darkQuery.matches);
  document.documentElement.dataset.theme = themeOf(parsed.state);
  // Loaded on first use (src/ui/lazy.ts): what the first view does not show. A table the URL asks
  // for is part of the first render, so its code loads beside the data.
  const code = {
    table: chunk(() => import("./ui/table.ts")),
    sources: chunk(() => import("./ui/sources.ts")),
    share: chunk(() => import("./ui/share.ts")),
    exporter: chunk(() => import("./ui/export.ts")),
  };
  if (parsed.state.table) code.table.prefetch();
  // Sharing needs only the address: it works while the data load (the page's first title names no
  // date); once the store is up, the iframe's title names the view (embedTitle).
  const shareButton = byId("share-button");
  let shareTitle = () => document.title;
  onClickWith(shareButton, code.share, "the share dialog", (share) =>
    share.openShare(
      () => window.location.href,
      () => shareTitle(),
    ),
  );

  // The mineral tables come apart (src/data/later.ts): a minerals address fetches them beside the
  // dataset and is drawn, and resolved, with them; every other view loads them later.
  const early = parsed.state.view === "minerals" ? loadMineralTables() : undefined;
  // What needs only the dataset is made while the geometry is still arriving; the map once it has.
  let firstDataset: (dataset: CoreDataset) => void = () => undefined;
  const datasetArrived = new Promise<CoreDataset>((resolve) => {
    firstDataset = resolve;
  });
  const loaded = loadWithStatus(() => loadData(DATA_TIMEOUT_MS, firstDataset), {
    loading: byId("loading"),
    fatal: byId("fatal"),
    busy: byId("map"),
  });
  const dataset = await datasetArrived;
  await yieldToBrowser(); // not in the task that checked the dataset
  const tables = mineralTables(dataset, early);
  // What the first render draws: a minerals address's tables, a table the address opens. Awaited
  // here, before the controls and the store exist, so nothing the reader does can fall in between.
  await Promise.all([
    early ? tables.request() : null,
    parsed.state.table ? code.table.load().catch(() => undefined) : null, // a failure shows in the table
  ]);
  const index = indexOf(dataset);
  const resolveOptions = { index, views: AVAILABLE_VIEWS };
  const resolved = resolve(parsed, tables.dataset(), resolveOptions);
  for (const warning of resolved.warnings) console.warn(warning);
  const store = createStore(resolved.state, {
    history: window.history,
    location: window.location,
    resolve: (state) => resolveState(state, tables.dataset(), resolveOptions),
  });
  const { dispatch } = store;
  const setState = (patch: Partial<AppState>) => dispatch({ type: "set", patch });
  const needsTables = () => {
    const state = store.get();
    return state.view === "minerals" || state.country !== null || store.session().methodologyOpen;
  };
  const scene = sceneBuilder(index);
  const sceneOf = (state: AppState) => scene(tables.dataset(), state, themeOf(state));
  const mapView = mapViewBuilder(dataset.places);
  const mapViewOf = (state: AppState, session = store.session()) =>
    mapView({ scene: sceneOf(state), theme: themeOf(state), view: state.view, country: state.country, ...session });
  shareTitle = () => embedTitle(sceneOf(store.get()), store.get());

  // GeoJSON only when the WebGL map or a download needs it: every SVG map reads the topology.
  let world: Topology | null = null;
  const countries = memoize(() => {
    if (!world) throw new Error("The countries are not loaded yet.");
    return countryFeatures(world);
  });
  const svgCountries = memoize(() => withD3Winding(countries()));
  const mapEl = byId("map");
  const tooltipEl = byId("tooltip");
  const map = startRenderers({
    map: mapEl,
    poster: byId("poster"),
    note: byId("fallback-note"),
    countries,
    view: () => mapViewOf(store.get()),
    renderer: {
      description: MAP_DESCRIPTION,
      cooperativeGestures: embed.cooperativeGestures,
      reducedMotion: motionQuery.matches,
      onReady: () => undefined,
      onError: (message) => console.error(message),
      onHover: (target, point) => {
        dispatch({ type: "hover", target });
        renderTooltip(tooltipEl, tooltipOf(dataset, index, sceneOf(store.get()), target), point);
      },
      onClick: (target) => dispatch({ type: "select-country", iso3: target?.iso3 ?? null }),
    },
    onRenderer: markRenderer,
    onReady: () => {
      markReady();
      if (embed.messageParent) postReady();
      // A country opened by the address needs the tables for its panel: then, not before ready.
      if (needsTables()) void tables.request();
      prefetchWhenIdle([
        [controls.tableToggle, code.table],
        [sourcesButton, code.sources],
        [shareButton, code.share],
        [byId("download-png"), code.exporter],
        [null, { prefetch: () => void tables.request() }],
      ]);
    },
  });
  // For tests and host pages that want to know where a place is drawn.
  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = map.api();

  const openMineral = (mineral: string, stage?: AppState["stage"]) =>
    setState({ view: "minerals", mineral, year: null, ...(stage ? { stage } : {}) });
  const controls = mountControls(
    byId("views"),
    byId("controls"),
    [...dataset.places, ...dataset.organisations],
    dataset.minerals,
    AVAILABLE_VIEWS,
    {
      onMineral: setState,
      onView: (view) => setState({ view }),
      onForum: (forum) => setState({ forum }),
      onArcs: (arcs) => setState({ arcs }),
      onTable: (table) => setState({ table }),
      onCountry: (iso3) => {
        dispatch({ type: "select-country", iso3 });
        const place = index.places.get(iso3);
        if (place) map.flyTo(place.label[0], place.label[1]);
      },
    },
  );
  const toDate = (date: string) => setState({ date: date === index.timeline.end ? null : date });
  const timeline = mountTimeline(byId("timeline"), index.timeline, toDate, () => motionQuery.matches);

  const sourcesButton = byId("sources-button");
  const closeSources = mountSourcesButton(sourcesButton, byId("methodology"), store, code.sources.load);
  prefetchOnIntent(sourcesButton, code.sources);
  prefetchOnIntent(controls.tableToggle, code.table);
  const credit = document.querySelector<HTMLElement>(".credit");
  mountPrintLink(byId("app"), () => window.location.href);
  if (embed.compact && credit) mountEmbedChrome(credit, () => window.location.href);
  for (const format of ["svg", "png"] as const) {
    onClickWith(byId(`download-${format}`), code.exporter, "the downloads", async (exporter) => {
      // A minerals picture waits for its tables: never one with the counts of a map still loading
      // (the click is the reader's: after a failure it tries again; failing, the card says why).
      await loaded; // the countries' outlines
      if (sceneOf(store.get()).minerals?.pending) {
        await tables.want();
        if (sceneOf(store.get()).minerals?.pending) return;
      }
      const state = store.get();
      const view = { ...mapViewOf(state), highlight: [] };
      exporter.download(format, {
        dataset: tables.dataset(),
        index,
        scene: sceneOf(state),
        state,
        view,
        countries: svgCountries(),
      });
    });
  }

  const render = renderer(
    { controls, timeline, map: (view) => map.update(view) },
    {
      dataset: tables.dataset,
      tables: tables.status,
      onRetryTables: tables.retry,
      index,
      store,
      themeOf,
      sceneOf,
      mapViewOf,
      table: code.table,
      sources: code.sources,
      headline: embed.compact,
      onMineral: openMineral,
      onCloseSources: closeSources,
    },
  );
  store.subscribe(render);
  // What needs the mineral tables asks for them; when they arrive the state is resolved with them
  // (a mineral, stage or year left as given) and drawn.
  // A new need is the reader's doing: after a failure it tries again (never on its own).
  let needed = needsTables();
  store.subscribe(() => {
    const now = needsTables();
    if (now && !needed) void tables.want();
    needed = now;
  });
  tables.onChange(() => {
    dispatch({ type: "replace", state: resolveState(store.get(), tables.dataset(), resolveOptions) });
    render();
  });
  render();
  darkQuery.addEventListener("change", render);
  window.addEventListener("popstate", () => {
    const { state, warnings } = resolve(parseSearch(window.location.search), tables.dataset(), resolveOptions);
    for (const warning of warnings) console.warn(warning);
    dispatch({ type: "replace", state });
  });

  const help = mountHelp(byId("help-button"), byId("help"));
  const shortcut = (command: ShortcutCommand) => {
    const state = store.get();
    const date = sceneOf(state).date;
    if (command.type === "view") setState({ view: command.view });
    else if (command.type === "search") byId("country-search").focus();
    else if (command.type === "table") setState({ table: !state.table });
    else if (command.type === "previous-event") toDate(previousEvent(index.timeline, date));
    else if (command.type === "next-event") toDate(nextEvent(index.timeline, date));
    else if (command.type === "play") byId("timeline").querySelector<HTMLButtonElement>(".timeline-play")?.click();
    else help.toggle();
  };
  watchKeys(shortcut, () => {
    if (help.isOpen()) help.toggle(false);
    else if (store.session().methodologyOpen) closeSources();
    else if (store.get().country) dispatch({ type: "select-country", iso3: null });
  });

  // The map, once its geometry is here, in the box the controls, legend and timeline left it.
  world = (await loaded).world;
  map.start(posterDrawing(world, window.devicePixelRatio));
}

start().catch((error: unknown) => renderUnexpected(byId("fatal"), error));
