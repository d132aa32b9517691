/** The benchmark's MapLibre-alone page. Built by scripts/bench.mjs (see ../page-config.ts). */
import { benchPageConfig } from "../page-config.ts";

export default benchPageConfig("maplibre");
