/** The benchmark's floor page: MapLibre + the deck.gl overlay + our geometry, nothing else. Built by scripts/bench.mjs (see ../page-config.ts). */
import { benchPageConfig } from "../page-config.ts";

export default benchPageConfig("floor");
