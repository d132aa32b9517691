/**
 * Composition root: read the URL, load and check the data, create the store, mount the map,
 * and re-render on every state change. The only orchestrator; reads top to bottom.
 */
import "./styles/app.css";
import { loadData } from "./data/load.ts";
import { countryFeatures } from "./data/topology.ts";
import { embedOptions } from "./embed/embed.ts";
import { postReady, watchHeight } from "./embed/messages.ts";
import { markerLayer } from "./map/layers.ts";
import { type MapView, mountMap } from "./map/mount.ts";
import { BASE_PALETTE } from "./model/palette.ts";
import { type AppState, resolvedTheme } from "./state/state.ts";
import { createStore } from "./state/store.ts";
import { parseSearch } from "./state/url.ts";
import type { Place } from "./types.ts";
import { markReady, renderFatal } from "./ui/status.ts";

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}

async function start(): Promise<void> {
  const fatal = element("fatal");
  const { state: initial, warnings } = parseSearch(window.location.search);
  for (const warning of warnings) console.warn(warning);

  const framed = window.self !== window.top;
  const embed = embedOptions(initial.embed, framed);
  document.documentElement.classList.toggle("is-embed", embed.compact);
  if (embed.messageParent) watchHeight(element("app"));

  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const themeOf = (state: AppState) => resolvedTheme(state.theme, darkQuery.matches);
  document.documentElement.dataset.theme = themeOf(initial);

  const loaded = await loadData();
  if (!loaded.ok) {
    renderFatal(fatal, `The map's data could not be loaded: ${loaded.error}`);
    return;
  }
  const { world, places } = loaded.value;
  const store = createStore(initial, window.history, window.location);

  const viewOf = (state: AppState): MapView => {
    const theme = themeOf(state);
    const palette = BASE_PALETTE[theme];
    const markers = places
      .filter((p: Place) => p.marker)
      .map((p) => ({ iso3: p.iso3, position: p.label, fill: palette.marker, outline: palette.markerOutline }));
    return { theme, fill: palette.land, layers: [markerLayer(markers)] };
  };

  let map: ReturnType<typeof mountMap>;
  try {
    map = mountMap(element("map"), countryFeatures(world), viewOf(initial), {
      cooperativeGestures: embed.cooperativeGestures,
      onReady: () => {
        markReady();
        if (embed.messageParent) postReady();
      },
      onError: (message) => console.error(message),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    renderFatal(fatal, `This browser could not start the interactive map (${reason}).`);
    return;
  }
  (window as unknown as { criticalMineralsMap: unknown }).criticalMineralsMap = { project: map.project };

  store.subscribe((state) => {
    document.documentElement.dataset.theme = themeOf(state);
    map.update(viewOf(state));
  });
  darkQuery.addEventListener("change", () => map.update(viewOf(store.get())));
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error);
  renderFatal(element("fatal"), `Something went wrong: ${message}`);
});
