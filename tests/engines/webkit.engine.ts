/** The app in WebKitGTK's MiniBrowser under a display (WebGL through Mesa's llvmpipe), driven over W3C WebDriver. */
import { describeEngine } from "./suite.ts";

// Layout not compared yet: at 390×844 WebKit reports problems Chromium does not (under study).
describeEngine("webkit", { renderer: "webgl", layout: false });
