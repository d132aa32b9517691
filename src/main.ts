/**
 * Composition root: read the URL, load and check the data, create the store, mount the map and the
 * controls, and re-render on every state change. The only orchestrator; reads top to bottom.
 */
import "./styles/app.css";
import "./styles/tables.css";
import { CHINA, CREDIT } from "./config.ts";
import { loadData } from "./data/load.ts";
import { countryFeatures, withD3Winding } from "./data/topology.ts";
import { applyEmbedParts, mountEmbedChrome, renderEmbedHeadline } from "./embed/chrome.ts";
import { embedHeadline, embedOptions } from "./embed/embed.ts";
import { postReady, watchHeight } from "./embed/messages.ts";
import { fallbackProjection, posterProjection } from "./map/frame.ts";
import { mountSvgMap } from "./map/svg.ts";
import {
  arcPaths,
  type MapRenderer,
  type MapTarget,
  type MapView,
  type Marker,
  NO_MAP,
  type RendererOptions,
} from "./map/view.ts";
import { isWebglUnavailable, mayHaveWebgl, watchWebglContext } from "./map/webgl.ts";
import { WASHINGTON } from "./model/arcs.ts";
import type { Choropleth } from "./model/choropleth.ts";
import { deriveScene, indexOf, memoize, type Scene } from "./model/derive.ts";
import { arcTooltip, countryTooltip, panelModel, type TooltipModel } from "./model/describe.ts";
import { formatDate } from "./model/format.ts";
import { countryMinerals, mineralTooltipRows } from "./model/insight.ts";
import { methodologyModel } from "./model/methodology.ts";
import { derivedNotes } from "./model/notes.ts";
import { BASE_PALETTE, hexToRgba, MINERAL_COLOURS, PACT_COLOURS, type Theme } from "./model/palette.ts";
import { type ShortcutCommand, shortcutFor } from "./model/shortcuts.ts";
import { STATUS_LABELS } from "./model/status.ts";
import { nextSort, type TableSort, tableModel } from "./model/table.ts";
import { nextEvent, previousEvent } from "./model/timeline.ts";
import { resolve, resolveState } from "./state/resolve.ts";
import { type AppState, resolvedTheme, type View } from "./state/state.ts";
import { createStore } from "./state/store.ts";
import { parseSearch } from "./state/url.ts";
import { mountControls } from "./ui/controls.ts";
import { exportSvg, saveBlob, svgText, svgToPng } from "./ui/export.ts";
import { mountHelp } from "./ui/help.ts";
import { renderLegend } from "./ui/legend.ts";
import { renderInsight } from "./ui/minerals.ts";
import { renderPanel } from "./ui/panel.ts";
import { mountShare } from "./ui/share.ts";
import { downloadLinks, renderMethodology } from "./ui/sources.ts";
import { loadWithStatus, markReady, renderUnexpected } from "./ui/status.ts";
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
  const fatal = element("fatal");
  // What the page can know before the data arrive (layout, theme); the data decide the rest (resolve).
  const parsed = parseSearch(window.location.search);
  const initial = parsed.state;

  const framed = window.self !== window.top;
  const embed = embedOptions(initial.embed, framed);
  document.documentElement.classList.toggle("is-embed", embed.compact);
  if (embed.compact) applyEmbedParts(window.location.search);
  if (embed.messageParent) watchHeight(element("app"));

  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  const themeOf = (state: AppState): Theme => resolvedTheme(state.theme, darkQuery.matches);
  document.documentElement.dataset.theme = themeOf(initial);

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
    fatal,
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

  // Transient UI state: not part of the URL.
  let hovered: MapTarget = null;
  let legendHover: string | null = null;
  let legendFilter: string | null = null;

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
  const sceneOf = (state: AppState): Scene =>
    scene(
      state.view,
      state.forum,
      state.date,
      state.arcs,
      state.mineral,
      state.stage,
      state.year,
      state.blocForge,
      state.blocPax,
      themeOf(state),
    );

  /** Colours and dashed outlines change with the scene or the legend filter, not on hover. */
  const coloursOf = memoize((choropleth: Choropleth, filter: string | null) => {
    const colours = new Map<string, string>();
    for (const entry of choropleth.countries.values()) {
      if (filter === null || filter === entry.key) colours.set(entry.iso3, entry.colour);
    }
    const uncertain = [...choropleth.countries.values()]
      .filter((e) => e.uncertain && colours.has(e.iso3))
      .map((e) => e.iso3);
    return { colours, uncertain };
  });

  // The same inputs give the same MapView object, so renderers can skip a redraw by identity.
  const mapViewOf = (state: AppState): MapView =>
    mapViewFor(
      sceneOf(state),
      themeOf(state),
      state.view,
      state.country,
      legendFilter,
      legendHover,
      hovered?.iso3 ?? null,
      hovered?.kind === "arc" ? hovered.id : null,
    );
  const mapViewFor = memoize(
    (
      current: Scene,
      theme: Theme,
      view: AppState["view"],
      country: string | null,
      legendFilter: string | null,
      legendHover: string | null,
      hoveredIso3: string | null,
      hoveredArc: string | null,
    ): MapView => {
      const palette = BASE_PALETTE[theme];
      const { colours, uncertain } = coloursOf(current.choropleth, legendFilter);
      const markers: Marker[] = [];
      for (const place of dataset.places) {
        const colour = colours.get(place.iso3);
        if (place.marker && colour) {
          markers.push({
            iso3: place.iso3,
            position: place.label,
            fill: hexToRgba(colour),
            outline: palette.markerOutline,
          });
        }
      }
      const highlight = new Set<string>();
      if (country) highlight.add(country);
      if (hoveredIso3) highlight.add(hoveredIso3);
      if (legendHover) {
        for (const entry of current.choropleth.countries.values()) {
          if (entry.key === legendHover) highlight.add(entry.iso3);
        }
      }
      const pactColours = PACT_COLOURS[theme];
      return {
        theme,
        colours,
        land: palette.land,
        uncertain,
        highlight: [...highlight],
        arcs: arcPaths(
          current.arcs.filter((arc) => legendFilter === null || legendFilter === arc.status),
          (arc) => hexToRgba(pactColours[arc.status] ?? palette.land, 200),
          hoveredArc,
        ),
        markers,
        hub:
          view === "pacts"
            ? { position: WASHINGTON, fill: hexToRgba(pactColours.hub ?? "#000000"), outline: palette.markerOutline }
            : null,
      };
    },
  );

  const tooltipOf = (state: AppState, target: MapTarget): TooltipModel | null => {
    if (!target) return null;
    const name = index.names.get(target.iso3) ?? target.iso3;
    if (target.kind === "arc") {
      const agreement = dataset.agreements.find((a) => a.id === target.id);
      return agreement ? arcTooltip(agreement, name, index.sources) : null;
    }
    const current = sceneOf(state);
    const table = current.minerals?.choice?.table;
    if (current.minerals) {
      if (!table) return { title: name, rows: [["Data", "No country data published for this mineral"]] };
      return { title: name, rows: mineralTooltipRows(table, target.iso3, index.sources.get(table.source) ?? null) };
    }
    const entry = current.choropleth.countries.get(target.iso3);
    const label = entry ? (current.choropleth.categories.find((c) => c.key === entry.key)?.label ?? null) : null;
    const memberships = dataset.memberships.filter((m) => m.iso3 === target.iso3);
    return countryTooltip(name, current.statuses.get(target.iso3), memberships, label);
  };

  const tooltipEl = element("tooltip");
  const mapEl = element("map");
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
      const changed =
        target?.kind !== hovered?.kind ||
        target?.iso3 !== hovered?.iso3 ||
        (target?.kind === "arc" && hovered?.kind === "arc" && target.id !== hovered.id);
      hovered = target;
      renderTooltip(tooltipEl, tooltipOf(store.get(), target), point);
      if (changed) map.update(mapViewOf(store.get()));
    },
    onClick: (target) => dispatch({ type: "select-country", iso3: target?.iso3 ?? null }),
  };

  // The map drawn so far: nothing until the page around it has been laid out (below).
  const posterEl = element("poster");
  let poster: MapRenderer | null = null;
  let map: MapRenderer = NO_MAP;

  // 2. Without WebGL (disabled, blocked, or lost for good), the SVG map is the map: Equal Earth.
  let fellBack = false;
  const useSvgFallback = (reason: string) => {
    fellBack = true;
    poster?.destroy();
    poster = null;
    posterEl.hidden = true;
    map.destroy();
    document.documentElement.classList.add("is-svg-fallback");
    // A WebGL map that failed half-way may have left its canvas behind: start from an empty box.
    mapEl.replaceChildren();
    mapEl.className = "map";
    element("fallback-note").hidden = false;
    element("fallback-note").textContent = `Showing a simplified map: ${reason}`;
    map = mountSvgMap(mapEl, svgCountries, mapViewOf(store.get()), fallbackProjection, {
      ...rendererOptions,
      label: "World map",
      onReady: announceReady,
    });
  };

  // When the browser takes the WebGL context away (too many maps on the page, a GPU reset), draw
  // the same view in SVG over the canvas until the map is drawn again (its onRestored).
  let stand: MapRenderer | null = null;
  const fallbackNote = element("fallback-note");
  watchWebglContext(mapEl, {
    onLost: () => {
      fallbackNote.hidden = false;
      fallbackNote.textContent = "The interactive map is paused by the browser; showing a static copy.";
      // Lost before the first frame: the poster is still up and is the drawn map.
      if (!posterEl.hidden || stand) {
        announceReady();
        return;
      }
      posterEl.hidden = false;
      stand = mountSvgMap(posterEl, svgCountries, mapViewOf(store.get()), posterProjection, {
        ...rendererOptions,
        label: "World map (static while the interactive map is paused)",
      });
      announceReady();
    },
    onRestored: () => undefined,
  });
  const endPause = () => {
    fallbackNote.hidden = true;
    if (!stand) return;
    stand.destroy();
    stand = null;
    posterEl.hidden = true;
  };

  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = {
    project: (lon: number, lat: number) => map.project(lon, lat),
    posterProject: (lon: number, lat: number) => {
      const box = mapEl.getBoundingClientRect();
      return posterProjection(box.width, box.height)([lon, lat]);
    },
  };

  const controls = mountControls(
    element("views"),
    element("controls"),
    dataset.places,
    dataset.minerals,
    AVAILABLE_VIEWS,
    {
      onMineral: (patch) => {
        legendFilter = null;
        dispatch({ type: "set", patch });
      },
      onView: (view) => {
        legendFilter = null;
        dispatch({ type: "set", patch: { view } });
      },
      onForum: (forum) => {
        legendFilter = null;
        dispatch({ type: "set", patch: { forum } });
      },
      onArcs: (arcs) => dispatch({ type: "set", patch: { arcs } }),
      onTable: (table) => dispatch({ type: "set", patch: { table } }),
      onCountry: (iso3) => {
        dispatch({ type: "select-country", iso3 });
        const place = index.places.get(iso3);
        if (place) map.flyTo(place.label[0], place.label[1]);
      },
    },
  );
  const timeline = mountTimeline(
    element("timeline"),
    index.timeline,
    (date) => dispatch({ type: "set", patch: { date: date === index.timeline.end ? null : date } }),
    () => motionQuery.matches,
  );

  // The table view and the sources panel: transient sort, query and open state.
  const tableEl = element("table-view");
  let tableSort: { key: string; sort: TableSort } | null = null;
  let tableQuery = "";
  const renderTableView = (state: AppState) => {
    tableEl.hidden = !state.table;
    if (!state.table) return;
    const model = tableModel(dataset, index, sceneOf(state), state.view, state.forum);
    const key = `${state.view}:${state.forum}`; // columns differ per view: a new view resets the sort
    const sort = tableSort?.key === key ? tableSort.sort : model.sort;
    renderTable(
      tableEl,
      model,
      { sort, query: tableQuery },
      {
        onSort: (column) => {
          tableSort = { key, sort: nextSort(model, sort, column) };
          renderTableView(store.get());
        },
        onQuery: (query) => {
          tableQuery = query;
          renderTableView(store.get());
        },
        onCountry: (iso3) => dispatch({ type: "select-country", iso3 }),
      },
    );
  };
  // Built when first opened: sorting every source is work the first paint does not need.
  const methodologyNow = memoize(() => methodologyModel(dataset));
  const methodologyEl = element("methodology");
  const sourcesButton = element("sources-button");
  let methodologyOpen = false;
  const renderSources = () =>
    renderMethodology(
      methodologyEl,
      methodologyOpen ? methodologyNow() : null,
      {
        onClose: () => {
          methodologyOpen = false;
          renderSources();
          sourcesButton.focus();
        },
      },
      downloadLinks(import.meta.env.BASE_URL),
    );
  sourcesButton.addEventListener("click", () => {
    methodologyOpen = !methodologyOpen;
    renderSources();
    if (methodologyOpen) methodologyEl.querySelector<HTMLElement>(".methodology-close")?.focus();
  });

  // Sharing: the link and embed code of the current view; in an embed, a one-line credit and a
  // "View full map" link that opens the same state in a new tab.
  mountShare(
    element("share"),
    () => window.location.href,
    () => document.title,
  );
  const credit = document.querySelector<HTMLElement>(".credit");
  if (embed.compact && credit) mountEmbedChrome(credit, () => window.location.href);

  // Downloads of the current view (the CSVs are linked from the sources panel).
  const exportImage = () => {
    const state = store.get();
    const current = sceneOf(state);
    const view = { ...mapViewOf(state), highlight: [] };
    const text = {
      title: current.minerals?.concentration?.heading ?? current.choropleth.title,
      summary: current.summary,
      legendTitle: current.choropleth.title,
      categories: current.choropleth.categories,
      notes: derivedNotes(dataset, state.view, current.date, index.drawable),
      credit: `${CREDIT} Critical Minerals Map, as of ${formatDate(current.date)}.`,
    };
    return { svg: exportSvg(view, svgCountries, text), name: `critical-minerals-${state.view}-${current.date}` };
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
  const openMineral = (mineral: string, stage?: AppState["stage"]) => {
    legendFilter = null;
    dispatch({ type: "set", patch: { view: "minerals", mineral, year: null, ...(stage ? { stage } : {}) } });
  };
  const panelEl = element("panel");
  const summaryEl = element("summary");

  const render = (state: AppState) => {
    document.documentElement.dataset.theme = themeOf(state);
    const current = sceneOf(state);
    const choice = current.minerals?.choice ?? null;
    controls.render(
      state,
      current.minerals
        ? {
            mineral: current.minerals.mineral?.slug ?? state.mineral,
            stage: choice?.stage ?? state.stage,
            stages: current.minerals.mineral?.stages ?? [],
            year: choice?.year ?? null,
            years: choice?.years ?? [],
          }
        : null,
    );
    if (current.minerals) {
      const theme = themeOf(state);
      const pact = PACT_COLOURS[theme];
      renderInsight(
        insightEl,
        current.minerals,
        current.date,
        {
          bar: MINERAL_COLOURS[theme]["class-3"] ?? "",
          blocBar: pact.ministerial ?? "",
          china: pact.china ?? "",
          bloc: pact.ministerial ?? "",
          rest: BASE_PALETTE[theme].border,
          text: BASE_PALETTE[theme].text,
        },
        { onMineral: (slug) => openMineral(slug) },
      );
    }
    insightEl.hidden = !current.minerals;
    timeline.render(current.date);
    renderLegend(
      legendEl,
      current.choropleth,
      { notes: derivedNotes(dataset, state.view, current.date, index.drawable), filter: legendFilter },
      {
        onHover: (key) => {
          legendHover = key;
          map.update(mapViewOf(store.get()));
        },
        onToggle: (key) => {
          legendFilter = legendFilter === key ? null : key;
          render(store.get());
        },
      },
    );
    summaryEl.textContent = current.summary;
    if (embed.compact) renderEmbedHeadline(embedHeadline(current));
    const iso3 = state.country;
    const status = iso3 ? current.statuses.get(iso3) : undefined;
    const statusText =
      iso3 === CHINA
        ? "China: the supplier the bloc is built to counter"
        : status
          ? STATUS_LABELS[status.status]
          : "No pact with the US in our sources";
    renderPanel(
      panelEl,
      iso3
        ? panelModel(
            dataset,
            iso3,
            index.names.get(iso3) ?? iso3,
            statusText,
            index.sources,
            countryMinerals(dataset, iso3),
          )
        : null,
      {
        onClose: () => dispatch({ type: "select-country", iso3: null }),
        onMineral: (mineral, stage) => openMineral(mineral, stage),
      },
    );
    renderTableView(state);
    const view = mapViewOf(state);
    map.update(view);
    if (poster !== map) poster?.update(view);
    stand?.update(view);
  };

  store.subscribe(render);
  render(store.get());

  // The WebGL map replaces the poster when its first complete frame is drawn.
  const startWebgl = ({ mountMap }: MountModule) => {
    try {
      map = mountMap(mapEl, countries, mapViewOf(store.get()), {
        ...rendererOptions,
        onRestored: endPause,
        onReady: () => {
          poster?.destroy();
          poster = null;
          posterEl.hidden = true;
          announceReady();
        },
      });
    } catch (error) {
      webglFailed(error);
    }
  };
  const webglFailed = (error: unknown) => {
    if (isWebglUnavailable(error)) {
      console.warn("WebGL is unavailable: showing the SVG map.");
      useSvgFallback("this browser cannot draw WebGL maps.");
      return;
    }
    console.error(error);
    useSvgFallback("the interactive map could not start.");
  };
  // Its code usually arrives with the data: then it starts first, so MapLibre's worker and the GPU
  // get to work while the main thread paints the poster.
  const arrived = mountArrived as MountModule | null;
  if (arrived) startWebgl(arrived);
  // 1. Once the controls, legend and timeline are laid out around it, so it is drawn once at its
  // final size: a poster of the current view, where the WebGL map will draw, shown until then.
  if (mountModule && !fellBack) {
    poster = mountSvgMap(posterEl, svgCountries, mapViewOf(store.get()), posterProjection, {
      ...rendererOptions,
      label: "World map (loading the interactive map)",
      picture: "bitmap",
    });
    if (!arrived) map = poster;
  }
  if (!mountModule) useSvgFallback("this browser cannot draw WebGL maps.");
  else if (!arrived) mountModule.then(startWebgl).catch(webglFailed);
  darkQuery.addEventListener("change", () => render(store.get()));
  window.addEventListener("popstate", () => {
    const { state, warnings } = resolve(parseSearch(window.location.search), dataset, resolveOptions);
    for (const warning of warnings) console.warn(warning);
    dispatch({ type: "replace", state });
  });
  const runShortcut = (command: ShortcutCommand) => {
    const state = store.get();
    const date = sceneOf(state).date;
    const toDate = (next: string) =>
      dispatch({ type: "set", patch: { date: next === index.timeline.end ? null : next } });
    switch (command.type) {
      case "view":
        legendFilter = null;
        dispatch({ type: "set", patch: { view: command.view } });
        break;
      case "search":
        element("country-search").focus();
        break;
      case "table":
        dispatch({ type: "set", patch: { table: !state.table } });
        break;
      case "previous-event":
        toDate(previousEvent(index.timeline, date));
        break;
      case "next-event":
        toDate(nextEvent(index.timeline, date));
        break;
      case "play":
        element("timeline").querySelector<HTMLButtonElement>(".timeline-play")?.click();
        break;
      case "help":
        help.toggle();
        break;
    }
  };
  const help = mountHelp(element("help-button"), element("help"));
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
    else if (methodologyOpen) {
      methodologyOpen = false;
      renderSources();
      sourcesButton.focus();
    } else if (store.get().country) dispatch({ type: "select-country", iso3: null });
  });
}

start().catch((error: unknown) => renderUnexpected(element("fatal"), error));
