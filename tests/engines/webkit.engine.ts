/** The app in WebKitGTK's MiniBrowser under a display (WebGL through Mesa's llvmpipe), driven over W3C WebDriver. */
import { describeEngine } from "./suite.ts";

describeEngine("webkit", { renderer: "webgl" });
