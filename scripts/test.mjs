#!/usr/bin/env node
// The whole suite, in the order a contributor needs it: data check, type-check, lint, unit tests,
// production build, then browser tests against that build in real Chromium, and in Firefox ESR and
// WebKitGTK under a virtual display (xvfb-run). Every step runs even if an earlier one failed, so
// one run reports everything; the last line counts passed and failed. A missing engine is a failure,
// never a skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const resultsDir = join("test-results");
mkdirSync(resultsDir, { recursive: true });

/** @type {{name: string, passed: number, failed: number}[]} */
const results = [];

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "1" } });
  const ok = child.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, command, args) {
  const ok = run(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/**
 * The browser tests need the system Chromium. On a fresh Debian/Ubuntu machine where we may install
 * packages (root), install it; otherwise the browser tests fail later with instructions.
 */
function ensureChromium() {
  const known = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  if (known.some((path) => path && existsSync(path))) return;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) return;
  console.log("Chromium is missing: installing Debian's chromium package for the browser tests");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-dejavu-core"], { stdio: "inherit", env });
}

/** Runs one Vitest project (under `wrapper`, e.g. xvfb-run, when given) and counts its tests from the JSON report. */
function vitest(name, project, wrapper = []) {
  const report = join(resultsDir, `${project}.json`);
  rmSync(report, { force: true });
  const [command, ...prefix] = [...wrapper, "npx"];
  const ok = run(name, command, [
    ...prefix,
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A suite that failed to load has no tests but must still count as a failure.
    if (!ok && failed === 0) failed = 1;
    if (passed + failed === 0) failed = 1; // ran no test: never green
  } catch {
    failed = Math.max(failed, 1);
  }
  results.push({ name, passed, failed });
  return ok && failed === 0;
}

ensureChromium();
check("data is up to date", "npx", ["tsx", "data/build.ts", "--check"]);
check("type-check", "npx", ["tsc", "--noEmit"]);
check("lint and format", "npx", ["biome", "ci", "."]);
vitest("unit tests", "unit");
const ENGINES = "browser tests (Firefox, WebKit)";
if (check("production build", "npx", ["vite", "build", "--logLevel", "warn"])) {
  vitest("browser tests (Chromium)", "e2e");
  if (existsSync("/usr/bin/xvfb-run") || spawnSync("which", ["xvfb-run"]).status === 0) {
    // A virtual display large enough for every desktop size the engines are checked at.
    vitest(ENGINES, "engines", ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24"]);
  } else {
    console.log(
      `\n✘ ${ENGINES}: xvfb-run is missing. On Debian: sudo apt-get install -y firefox-esr webkit2gtk-driver xvfb`,
    );
    results.push({ name: ENGINES, passed: 0, failed: 1 });
  }
} else {
  results.push({ name: "browser tests (Chromium)", passed: 0, failed: 1 });
  results.push({ name: ENGINES, passed: 0, failed: 1 });
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log("\nSummary");
for (const r of results) console.log(`  ${r.failed ? "✘" : "✔"} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
