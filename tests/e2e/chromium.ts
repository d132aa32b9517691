/**
 * Finds and launches the system Chromium (Debian's package) through playwright-core, with the
 * flags that give headless WebGL through SwiftShader on a machine without a GPU or internet
 * (playwright gives each launch a fresh temporary profile).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const INSTALL_HINT =
  "Browser tests need Chromium. On Debian/Ubuntu: `sudo apt-get install -y chromium` " +
  "(or set CHROMIUM_PATH to a Chromium/Chrome executable).";

/** The Chromium executable: $CHROMIUM_PATH, /usr/bin/chromium, or the first on PATH. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export interface LaunchOptions {
  /** Start Chromium with WebGL switched off, as a locked-down browser would be. */
  disableWebgl?: boolean;
  /** More command-line switches, e.g. `--max-active-webgl-contexts=4` (embed tests). */
  args?: readonly string[];
}

/**
 * The switches every Chromium of the tests and the benchmark starts with: WebGL through SwiftShader
 * on a machine without a GPU, nothing fetched from the internet, no first-run UI, and no sandbox
 * when running as root (Chromium refuses to start otherwise).
 */
export function chromiumFlags(): string[] {
  return [
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--ignore-gpu-blocklist",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  ];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const args = chromiumFlags();
  if (options.disableWebgl) args.push("--disable-webgl", "--disable-3d-apis");
  if (options.args) args.push(...options.args);
  return chromium.launch({ executablePath, headless: true, args });
}
