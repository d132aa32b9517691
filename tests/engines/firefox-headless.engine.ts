/**
 * Headless Firefox has no WebGL: readers with WebGL switched off or unavailable get the SVG map,
 * which must be drawn right and lay out as well.
 */
import { describeEngine } from "./suite.ts";

describeEngine("firefox-headless", { renderer: "svg" });
