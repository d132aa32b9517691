/**
 * The two engines beside Chromium that readers use, driven the same way through one small
 * interface: Firefox ESR (Debian's `firefox-esr`) by puppeteer-core over WebDriver BiDi, and
 * WebKitGTK (Debian's `webkit2gtk-driver`, the nearest engine to Safari that runs here) by
 * selenium-webdriver over classic W3C WebDriver, with `WebKitWebDriver` and its `MiniBrowser`.
 * Under a display (xvfb-run) both draw WebGL through Mesa's llvmpipe (LIBGL_ALWAYS_SOFTWARE=1);
 * headless Firefox has no WebGL and gets the app's SVG map.
 *
 * Page errors come from the recorder the engine tests' server adds to every page
 * (tests/e2e/server.ts, PAGE_ERRORS_SCRIPT): classic WebDriver cannot listen to a page.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer from "puppeteer-core";
import { Builder, Capabilities, Origin, type WebDriver } from "selenium-webdriver";

export type EngineName = "firefox" | "firefox-headless" | "webkit";

export const ENGINE_INSTALL_HINT =
  "The engine tests need Firefox ESR, WebKitGTK's WebDriver and Xvfb. On Debian: " +
  "`sudo apt-get install -y firefox-esr webkit2gtk-driver xvfb`, then run them under a display " +
  "(`npm test` and `npm run test:engines` start one with xvfb-run).";

/** A function run in the page: its source is sent to the engine, so it may not close over anything. */
// biome-ignore lint/suspicious/noExplicitAny: arguments are whatever the page function takes
type PageFunction<T, A extends any[]> = (...args: A) => T | Promise<T>;

export interface EnginePage {
  readonly engine: EngineName;
  /** The engine's own name and version, e.g. "firefox/153.8.0". */
  readonly version: string;
  /** Sets the viewport (the page's CSS size, not the window's). */
  resize(width: number, height: number): Promise<void>;
  /** Opens a URL and waits until `<html data-ready>` is "true" (or `expectReady`). */
  goto(url: string, expectReady?: "true" | "error"): Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: see PageFunction
  evaluate<T, A extends any[]>(fn: PageFunction<T, A>, ...args: A): Promise<T>;
  /** Evaluates a JavaScript expression in the page (e.g. tests/e2e/layout-checks.ts's). */
  evaluateExpression<T>(expression: string): Promise<T>;
  /** A real mouse click (press and release) at a point of the viewport, in CSS pixels. */
  click(x: number, y: number): Promise<void>;
  /** The viewport as a PNG, also saved under test-results/screenshots/<name>.png when named. */
  screenshot(name?: string): Promise<PNG>;
  /** Uncaught errors, unhandled rejections and console errors of the page now open. */
  pageErrors(): Promise<string[]>;
  close(): Promise<void>;
}

function which(name: string): string | null {
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export function firefoxPath(): string | null {
  const candidates = [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"];
  return candidates.find((path) => path && existsSync(path)) ?? which("firefox-esr") ?? which("firefox");
}

export function webkitDriverPath(): string | null {
  return process.env.WEBKIT_WEBDRIVER_PATH ?? which("WebKitWebDriver");
}

export function miniBrowserPath(): string | null {
  if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
  // Debian keeps it under the multiarch folder, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/.
  const folders = existsSync("/usr/lib") ? readdirSync("/usr/lib") : [];
  const found = folders.map((folder) => join("/usr/lib", folder, "webkit2gtk-4.1", "MiniBrowser")).find(existsSync);
  return found ?? null;
}

/** What is missing to run every engine, in words a contributor can act on (empty: all there). */
export function missingEngines(): string[] {
  const missing: string[] = [];
  if (!firefoxPath()) missing.push("Firefox (Debian package firefox-esr)");
  if (!webkitDriverPath()) missing.push("WebKitWebDriver (Debian package webkit2gtk-driver)");
  if (!miniBrowserPath()) missing.push("WebKitGTK's MiniBrowser (Debian package webkit2gtk-driver)");
  if (!process.env.DISPLAY) missing.push("a display: run under xvfb-run (Debian package xvfb)");
  return missing;
}

/** Software OpenGL, so that the engines draw WebGL on a machine without a GPU. */
const SOFTWARE_GL = { LIBGL_ALWAYS_SOFTWARE: "1" };

function save(name: string | undefined, png: Buffer): PNG {
  if (name) {
    const dir = join(process.cwd(), "test-results", "screenshots");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), png);
  }
  return PNG.sync.read(png);
}

const READY_TIMEOUT = 90_000;

function withoutDisplay(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, XAUTHORITY: _xauthority, ...rest } = env;
  return rest;
}

export async function openFirefox(options: { headless?: boolean } = {}): Promise<EnginePage> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error(`No Firefox found. ${ENGINE_INSTALL_HINT}`);
  const headless = options.headless ?? false;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless,
    // Headless means no display at all: under xvfb-run, headless Firefox would otherwise reach
    // Mesa through the virtual display and draw WebGL after all.
    env: headless ? withoutDisplay(process.env) : { ...process.env, ...SOFTWARE_GL },
    // The tests share two cores with other work: no GPU process races, no background updates.
    extraPrefsFirefox: { "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false },
  });
  const page = await browser.newPage();
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(String(error)));
  return {
    engine: headless ? "firefox-headless" : "firefox",
    version: await browser.version(),
    async resize(width, height) {
      try {
        await page.setViewport({ width, height });
      } catch (error) {
        // puppeteer-core sends the screen's orientation beside the viewport, a command Firefox ESR
        // 140 does not know; the viewport itself is set (checked below). Anything else is a failure.
        if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error))) throw error;
      }
      // That command fails as soon as it is sent, before the viewport is in: wait for it.
      const inner = () => page.evaluate(() => window.innerWidth);
      await pollUntil(
        async () => (await inner()) === width,
        10_000,
        async () => `Firefox's viewport is ${await inner()} px wide, not ${width}`,
      );
    },
    async goto(url, expectReady = "true") {
      uncaught.length = 0;
      await page.goto(url);
      // Polled from here, not page.waitForFunction: Firefox ESR 140 runs that through Function(),
      // which the app's Content-Security-Policy (rightly) blocks.
      await pollUntil(
        async () => (await page.evaluate(() => document.documentElement.dataset.ready)) === expectReady,
        READY_TIMEOUT,
        async () =>
          `data-ready is "${await page.evaluate(() => document.documentElement.dataset.ready)}", not "${expectReady}"`,
      );
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args) as never,
    evaluateExpression: (expression) => page.evaluate(expression) as never,
    click: (x, y) => page.mouse.click(x, y),
    async screenshot(name) {
      return save(name, Buffer.from(await page.screenshot({ type: "png" })));
    },
    async pageErrors() {
      const recorded = await page.evaluate(() => (window as unknown as { __pageErrors?: string[] }).__pageErrors);
      return [...uncaught, ...(recorded ?? ["the page-error recorder did not run"])];
    },
    close: () => browser.close(),
  };
}

/** Asks `done` every 200 ms until it says yes; past `timeout` ms fails with what `failure` says. */
async function pollUntil(done: () => Promise<boolean>, timeout: number, failure: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`after ${timeout} ms: ${await failure()}`);
    await new Promise((resume) => setTimeout(resume, 200));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== "object" || !address) throw new Error("no free port");
  return address.port;
}

async function waitForDriver(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const answers = async () => {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}):\n${log()}`);
    try {
      return (await fetch(`${url}/status`)).ok;
    } catch {
      return false; // not listening yet
    }
  };
  await pollUntil(answers, 30_000, async () => `WebKitWebDriver did not answer on ${url}:\n${log()}`);
}

export async function openWebKit(): Promise<EnginePage> {
  const driverPath = webkitDriverPath();
  const binary = miniBrowserPath();
  if (!driverPath || !binary) throw new Error(`No WebKitGTK WebDriver found. ${ENGINE_INSTALL_HINT}`);
  const port = await freePort();
  let output = "";
  const child = spawn(driverPath, [`--port=${port}`, "--host=127.0.0.1"], {
    env: { ...process.env, ...SOFTWARE_GL },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  let driver: WebDriver;
  try {
    await waitForDriver(url, child, () => output);
    const capabilities = new Capabilities({
      browserName: "MiniBrowser",
      // Full screen: no toolbar, whose minimum width (447 px) would keep the viewport off phone widths.
      "webkitgtk:browserOptions": { binary, args: ["--automation", "--full-screen"] },
    });
    driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
  } catch (error) {
    child.kill();
    throw error;
  }
  const version = String((await driver.getCapabilities()).get("browserVersion") ?? "");
  const inPage = <T>(fn: () => T) => driver.executeScript<T>(fn);
  return {
    engine: "webkit",
    version: `MiniBrowser/${version}`,
    async resize(width, height) {
      // WebDriver sizes the window; the toolbar and borders take the difference from the viewport.
      const browserWindow = driver.manage().window();
      await browserWindow.setRect({ width, height });
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const [innerWidth, innerHeight] = await inPage(() => [window.innerWidth, window.innerHeight]);
        if (innerWidth === width && innerHeight === height) return;
        const rect = await browserWindow.getRect();
        await browserWindow.setRect({
          width: rect.width + width - innerWidth,
          height: rect.height + height - innerHeight,
        });
      }
      const [innerWidth, innerHeight] = await inPage(() => [window.innerWidth, window.innerHeight]);
      if (innerWidth !== width || innerHeight !== height) {
        throw new Error(`WebKit's viewport is ${innerWidth}×${innerHeight}, not ${width}×${height}`);
      }
    },
    async goto(target, expectReady = "true") {
      await driver.get(target);
      await driver.wait(
        async () =>
          (await driver.executeScript(
            (expected: string) => document.documentElement.dataset.ready === expected,
            expectReady,
          )) === true,
        READY_TIMEOUT,
        `${target} did not reach data-ready="${expectReady}" in WebKit`,
        200,
      );
    },
    evaluate: (fn, ...args) => driver.executeScript(fn, ...args),
    evaluateExpression: (expression) => driver.executeScript(`return ${expression};`),
    async click(x, y) {
      // WebDriver actions take whole pixels from the viewport's top left.
      const point = { x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT };
      await driver.actions({ async: true }).move(point).click().perform();
    },
    async screenshot(name) {
      return save(name, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    async pageErrors() {
      const recorded = await inPage(() => (window as unknown as { __pageErrors?: string[] }).__pageErrors ?? null);
      return recorded ?? ["the page-error recorder did not run"];
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        child.kill();
      }
    },
  };
}

export function openEngine(engine: EngineName): Promise<EnginePage> {
  if (engine === "webkit") return openWebKit();
  return openFirefox({ headless: engine === "firefox-headless" });
}
