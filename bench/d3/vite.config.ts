/** The benchmark's d3 anchor page: a plain d3-geo SVG map of the same geometry. Built by scripts/bench.mjs (see ../page-config.ts). */
import { benchPageConfig } from "../page-config.ts";

export default benchPageConfig("d3");
