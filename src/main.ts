/**
 * Composition root: read the URL, load the data, resolve what to show, create the store, mount the
 * map and the controls, and wire them. One path for every change: event → action → store (resolve,
 * session) → derive (memoised) → present (pure view models) → one render of every surface.
 */
import "./styles/app.css";
import "./styles/tables.css";
import { loadData } from "./data/load.ts";
import { countryFeatures, withD3Winding } from "./data/topology.ts";
import { applyEmbedParts, mountEmbedChrome, renderEmbedHeadline } from "./embed/chrome.ts";
import { embedHeadline, embedOptions } from "./embed/embed.ts";
import { postReady, watchHeight } from "./embed/messages.ts";
import { fallbackProjection, posterProjection } from "./map/frame.ts";
import { type Effect, type LifecycleInput, startLifecycle, step } from "./map/lifecycle.ts";
import { mountSvgMap } from "./map/svg.ts";
import { type MapRenderer, type MapView, NO_MAP, type RendererOptions } from "./map/view.ts";
import { isWebglUnavailable, mayHaveWebgl, watchWebglContext } from "./map/webgl.ts";
import { deriveScene, indexOf, memoize, type Scene } from "./model/derive.ts";
import { methodologyModel } from "./model/methodology.ts";
import type { Theme } from "./model/palette.ts";
import { type ShortcutCommand, shortcutFor } from "./model/shortcuts.ts";
import { nextSort, tableModel } from "./model/table.ts";
import { nextEvent, previousEvent } from "./model/timeline.ts";
import { mineralOptionsOf } from "./present/controls.ts";
import { exportName, exportTextOf } from "./present/export.ts";
import { insightColours } from "./present/insight.ts";
import { legendBuilder } from "./present/legend.ts";
import { mapViewBuilder } from "./present/map.ts";
import { pageTitle } from "./present/names.ts";
import { panelOf } from "./present/panel.ts";
import { tooltipOf } from "./present/tooltip.ts";
import { resolve, resolveState } from "./state/resolve.ts";
import type { Session } from "./state/session.ts";
import { type AppState, resolvedTheme, type View } from "./state/state.ts";
import { createStore } from "./state/store.ts";
import { parseSearch } from "./state/url.ts";
import { mountControls } from "./ui/controls.ts";
import { exportSvg, saveBlob, svgText, svgToPng } from "./ui/export.ts";
import { mountHelp } from "./ui/help.ts";
import { renderLegend } from "./ui/legend.ts";
import { renderInsight } from "./ui/minerals.ts";
import { renderPanel } from "./ui/panel.ts";
import { mountPrintLink } from "./ui/print.ts";
import { mountShare } from "./ui/share.ts";
import { downloadLinks, renderMethodology } from "./ui/sources.ts";
import { loadWithStatus, markReady, markRenderer, renderUnexpected } from "./ui/status.ts";
import { renderTable } from "./ui/table.ts";
import { mountTimeline } from "./ui/timeline.ts";
import { renderTooltip } from "./ui/tooltip.ts";

/** Views this build offers, in tab order. */
const AVAILABLE_VIEWS: View[] = ["pacts", "forums", "minerals"];

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}

/** The WebGL map's module, loaded on demand. */
type MountModule = typeof import("./map/mount.ts");

async function start(): Promise<void> {
  // What the page can know before the data arrive (layout, theme); the data decide the rest (resolve).
  const parsed = parseSearch(window.location.search);
  const framed = window.self !== window.top;
  const embed = embedOptions(parsed.state.embed, framed);
  document.documentElement.classList.toggle("is-embed", embed.compact);
  if (embed.compact) applyEmbedParts(window.location.search);
  if (embed.messageParent) watchHeight(element("app"));
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  const themeOf = (state: AppState): Theme => resolvedTheme(state.theme, darkQuery.matches);
  document.documentElement.dataset.theme = themeOf(parsed.state);

  // Fetch the WebGL map's code while the data load, not after (it is used only if WebGL works).
  const mountModule = mayHaveWebgl() ? import("./map/mount.ts") : null;
  let mountArrived: MountModule | null = null;
  mountModule?.then(
    (module) => {
      mountArrived = module;
    },
    () => undefined,
  );
  const { world, dataset } = await loadWithStatus(loadData, {
    loading: element("loading"),
    fatal: element("fatal"),
    busy: element("map"),
  });
  const index = indexOf(dataset);
  const resolveOptions = { index, views: AVAILABLE_VIEWS };
  const resolved = resolve(parsed, dataset, resolveOptions);
  for (const warning of resolved.warnings) console.warn(warning);
  const store = createStore(resolved.state, {
    history: window.history,
    location: window.location,
    resolve: (state) => resolveState(state, dataset, resolveOptions),
  });
  const dispatch = store.dispatch;

  // Derive once per change of what a scene depends on; other changes (panel, hover) reuse it.
  const scene = memoize(
    (
      view: AppState["view"],
      forum: AppState["forum"],
      date: string | null,
      arcs: boolean,
      mineral: string,
      stage: AppState["stage"],
      year: number | null,
      blocForge: boolean,
      blocPax: boolean,
      theme: Theme,
    ) => deriveScene(dataset, index, { view, forum, date, arcs, mineral, stage, year, blocForge, blocPax }, theme),
  );
  const sceneOf = (s: AppState): Scene =>
    scene(s.view, s.forum, s.date, s.arcs, s.mineral, s.stage, s.year, s.blocForge, s.blocPax, themeOf(s));
  const mapViewFor = mapViewBuilder(dataset.places);
  const mapViewOf = (state: AppState, session: Session): MapView =>
    mapViewFor({ scene: sceneOf(state), theme: themeOf(state), view: state.view, country: state.country, ...session });
  const mapViewNow = () => mapViewOf(store.get(), store.session());
  const legendOf = legendBuilder(dataset, index);

  const tooltipEl = element("tooltip");
  const mapEl = element("map");
  const posterEl = element("poster");
  const fallbackNote = element("fallback-note");
  const countries = countryFeatures(world);
  const svgCountries = withD3Winding(countries);
  let announced = false;
  const announceReady = () => {
    if (announced) return;
    announced = true;
    markReady();
    if (embed.messageParent) postReady();
  };
  const rendererOptions: RendererOptions = {
    description:
      "Interactive world map of the data listed in the legend and the summary below. Arrow keys pan, plus and minus zoom. The Table button lists every country.",
    cooperativeGestures: embed.cooperativeGestures,
    reducedMotion: motionQuery.matches,
    onReady: () => undefined,
    onError: (message) => console.error(message),
    onHover: (target, point) => {
      dispatch({ type: "hover", target });
      renderTooltip(tooltipEl, tooltipOf(dataset, index, sceneOf(store.get()), target), point);
    },
    onClick: (target) => dispatch({ type: "select-country", iso3: target?.iso3 ?? null }),
  };

  // The renderers drawn so far; which of them exist is decided by the life cycle (src/map/lifecycle.ts).
  let poster: MapRenderer | null = null;
  let map: MapRenderer = NO_MAP;
  let stand: MapRenderer | null = null;
  const svgMap = (el: HTMLElement, label: string, extra: Partial<RendererOptions> = {}, bitmap = false) =>
    mountSvgMap(el, svgCountries, mapViewNow(), el === posterEl ? posterProjection : fallbackProjection, {
      ...rendererOptions,
      ...extra,
      label,
      ...(bitmap ? { picture: "bitmap" as const } : {}),
    });
  const run = (effect: Effect) => {
    switch (effect.type) {
      case "mount-webgl":
        if (!mountArrived) return;
        try {
          map = mountArrived.mountMap(mapEl, countries, mapViewNow(), {
            ...rendererOptions,
            onReady: () => send({ type: "first-frame" }),
            onRestored: () => send({ type: "context-restored" }),
          });
        } catch (error) {
          webglFailed(error);
        }
        return;
      case "remove-poster":
        poster?.destroy();
        poster = null;
        posterEl.hidden = true;
        markRenderer("webgl");
        return;
      case "mount-stand-in":
        posterEl.hidden = false;
        stand = svgMap(posterEl, "World map (static while the interactive map is paused)");
        markRenderer("svg");
        return;
      case "remove-stand-in":
        stand?.destroy();
        stand = null;
        posterEl.hidden = true;
        markRenderer("webgl");
        return;
      case "fall-back":
        // Without WebGL (disabled, blocked, or failed), the SVG map is the map: Equal Earth.
        for (const renderer of new Set([poster, stand, map])) renderer?.destroy();
        poster = null;
        stand = null;
        posterEl.hidden = true;
        document.documentElement.classList.add("is-svg-fallback");
        // A WebGL map that failed half-way may have left its canvas behind: start from an empty box.
        mapEl.replaceChildren();
        mapEl.className = "map";
        fallbackNote.hidden = false;
        fallbackNote.textContent = `Showing a simplified map: ${effect.reason}`;
        markRenderer("svg");
        map = svgMap(mapEl, "World map", { onReady: announceReady });
        return;
      case "announce-ready":
        announceReady();
        return;
      case "note":
        fallbackNote.hidden = effect.text === null;
        fallbackNote.textContent = effect.text ?? "";
        return;
    }
  };
  const first = startLifecycle({ webglPossible: mountModule !== null });
  let life = first.state;
  const send = (input: LifecycleInput) => {
    const next = step(life, input);
    life = next.state;
    for (const effect of next.effects) run(effect);
  };
  const webglFailed = (error: unknown) => {
    if (isWebglUnavailable(error)) console.warn("WebGL is unavailable: showing the SVG map.");
    else console.error(error);
    send({
      type: "webgl-refused",
      reason: isWebglUnavailable(error)
        ? "this browser cannot draw WebGL maps."
        : "the interactive map could not start.",
    });
  };
  // When the browser takes the WebGL context away (too many maps on the page, a GPU reset), draw
  // the same view in SVG over the canvas until the context comes back.
  watchWebglContext(mapEl, {
    onLost: () => send({ type: "context-lost" }),
    // The map itself says when it is drawn again after a restore (mountMap's onRestored).
    onRestored: () => undefined,
  });

  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = {
    project: (lon: number, lat: number) => map.project(lon, lat),
    posterProject: (lon: number, lat: number) => {
      const box = mapEl.getBoundingClientRect();
      return posterProjection(box.width, box.height)([lon, lat]);
    },
  };

  const setState = (patch: Partial<AppState>) => dispatch({ type: "set", patch });
  const openMineral = (mineral: string, stage?: AppState["stage"]) =>
    setState({ view: "minerals", mineral, year: null, ...(stage ? { stage } : {}) });
  const controls = mountControls(
    element("views"),
    element("controls"),
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
  const timeline = mountTimeline(element("timeline"), index.timeline, toDate, () => motionQuery.matches);

  // Built when first opened: sorting every source is work the first paint does not need.
  const methodologyNow = memoize(() => methodologyModel(dataset));
  const methodologyEl = element("methodology");
  const sourcesButton = element("sources-button");
  const closeSources = () => {
    dispatch({ type: "methodology", open: false });
    sourcesButton.focus();
  };
  sourcesButton.addEventListener("click", () => {
    dispatch({ type: "methodology", open: !store.session().methodologyOpen });
    if (store.session().methodologyOpen) methodologyEl.querySelector<HTMLElement>(".methodology-close")?.focus();
  });

  // Sharing: the link and embed code of the current view; in an embed, a one-line credit and a
  // "View full map" link that opens the same state in a new tab.
  mountShare(
    element("share"),
    () => window.location.href,
    () => document.title,
  );
  const credit = document.querySelector<HTMLElement>(".credit");
  mountPrintLink(element("app"), () => window.location.href);
  if (embed.compact && credit) mountEmbedChrome(credit, () => window.location.href);

  // Downloads of the current view (the CSVs are linked from the sources panel).
  const exportImage = () => {
    const state = store.get();
    const current = sceneOf(state);
    const view = { ...mapViewNow(), highlight: [] };
    const text = exportTextOf(dataset, index, current, state.view);
    return { svg: exportSvg(view, svgCountries, text), name: exportName(current, state) };
  };
  element("download-svg").addEventListener("click", () => {
    const { svg, name } = exportImage();
    saveBlob(new Blob([svgText(svg)], { type: "image/svg+xml" }), `${name}.svg`);
  });
  element("download-png").addEventListener("click", () => {
    const { svg, name } = exportImage();
    svgToPng(svg, 2)
      .then((png) => saveBlob(png, `${name}.png`))
      .catch((error: unknown) => console.error(error));
  });

  const legendEl = element("legend");
  const insightEl = element("insight");
  const panelEl = element("panel");
  const summaryEl = element("summary");
  const tableEl = element("table-view");

  // The one render: every surface from the current state and session, each redrawn only when
  // what it shows changed (the view models are memoised, so unchanged means identical).
  let drawn: { state: AppState | null; theme: Theme | null; session: Session | null; legend: unknown } = {
    state: null,
    theme: null,
    session: null,
    legend: null,
  };
  const render = () => {
    const state = store.get();
    const session = store.session();
    const theme = themeOf(state);
    const current = sceneOf(state);
    const stateChanged = state !== drawn.state || theme !== drawn.theme;
    if (stateChanged) {
      document.documentElement.dataset.theme = theme;
      controls.render(state, mineralOptionsOf(current, state));
      if (current.minerals) {
        renderInsight(insightEl, current.minerals, current.date, insightColours(theme), { onMineral: openMineral });
      }
      insightEl.hidden = !current.minerals;
      timeline.render(current.date);
      summaryEl.textContent = current.summary;
      document.title = pageTitle(current, state);
      if (embed.compact) renderEmbedHeadline(embedHeadline(current));
      renderPanel(panelEl, panelOf(dataset, index, current, state.country), {
        onClose: () => dispatch({ type: "select-country", iso3: null }),
        onMineral: openMineral,
      });
    }
    const legend = legendOf(current, state.view, session.legendFilter);
    if (legend !== drawn.legend) {
      renderLegend(legendEl, legend.choropleth, legend, {
        onHover: (key) => dispatch({ type: "legend-hover", key }),
        onToggle: (key) => dispatch({ type: "legend-toggle", key }),
      });
    }
    const previous = drawn.session;
    if (stateChanged || session.tableSort !== previous?.tableSort || session.tableQuery !== previous?.tableQuery) {
      tableEl.hidden = !state.table;
      if (state.table) {
        const model = tableModel(dataset, index, current, state.view, state.forum);
        const key = `${state.view}:${state.forum}`; // columns differ per view: a new view resets the sort
        const sort = session.tableSort?.key === key ? session.tableSort.sort : model.sort;
        renderTable(
          tableEl,
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
    if (session.methodologyOpen !== previous?.methodologyOpen) {
      renderMethodology(
        methodologyEl,
        session.methodologyOpen ? methodologyNow() : null,
        { onClose: closeSources },
        downloadLinks(import.meta.env.BASE_URL),
      );
    }
    const view = mapViewOf(state, session);
    map.update(view);
    if (poster !== map) poster?.update(view);
    stand?.update(view);
    drawn = { state, theme, session, legend };
  };
  store.subscribe(render);
  render();

  // Its code usually arrives with the data: then WebGL starts first, so MapLibre's worker and the
  // GPU get to work while the main thread paints the poster.
  const arrived = mountArrived as MountModule | null;
  if (arrived) send({ type: "code-arrived" });
  // Once the controls, legend and timeline are laid out around it, so it is drawn once at its
  // final size: a poster of the current view, where the WebGL map will draw, shown until then.
  if (life.phase === "poster" || life.phase === "starting-webgl") {
    poster = svgMap(posterEl, "World map (loading the interactive map)", {}, true);
    markRenderer("svg");
    if (!arrived) map = poster;
  }
  for (const effect of first.effects) run(effect);
  if (mountModule && !arrived) {
    mountModule.then(
      (module) => {
        mountArrived = module;
        send({ type: "code-arrived" });
      },
      (error: unknown) => webglFailed(error),
    );
  }
  darkQuery.addEventListener("change", render);
  window.addEventListener("popstate", () => {
    const { state, warnings } = resolve(parseSearch(window.location.search), dataset, resolveOptions);
    for (const warning of warnings) console.warn(warning);
    dispatch({ type: "replace", state });
  });

  const help = mountHelp(element("help-button"), element("help"));
  const runShortcut = (command: ShortcutCommand) => {
    const state = store.get();
    const date = sceneOf(state).date;
    switch (command.type) {
      case "view":
        return setState({ view: command.view });
      case "search":
        return element("country-search").focus();
      case "table":
        return setState({ table: !state.table });
      case "previous-event":
        return toDate(previousEvent(index.timeline, date));
      case "next-event":
        return toDate(nextEvent(index.timeline, date));
      case "play":
        return element("timeline").querySelector<HTMLButtonElement>(".timeline-play")?.click();
      case "help":
        return help.toggle();
    }
  };
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing = Boolean(target?.closest("input, select, textarea, [contenteditable]"));
    const command = shortcutFor(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey }, typing);
    if (command) {
      event.preventDefault();
      runShortcut(command);
      return;
    }
    if (event.key !== "Escape") return;
    if (help.isOpen()) help.toggle(false);
    else if (store.session().methodologyOpen) closeSources();
    else if (store.get().country) dispatch({ type: "select-country", iso3: null });
  });
}

start().catch((error: unknown) => renderUnexpected(element("fatal"), error));
