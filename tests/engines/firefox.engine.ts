/** The app in Firefox ESR under a display (WebGL through Mesa's llvmpipe), driven over WebDriver BiDi. */
import { describeEngine } from "./suite.ts";

describeEngine("firefox", { renderer: "webgl" });
