#!/usr/bin/env node
// `npm run bench`: builds the site (data check + production build into bench-results/app, so a
// build in dist/ by a test run never changes under it), the floor page (bench/floor/ into
// bench-results/floor), MapLibre alone (bench/maplibre/) and the d3 anchor (bench/d3/), then measures them in headless Chromium and runs Lighthouse (bench/run.ts).
// Options are passed on: `npm run bench -- --runs 3 --no-lighthouse --record`; `--skip-build` reuses
// the last builds. Results: bench-results/latest.{json,md}; `--record` also updates BENCHMARKS.md.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const started = Date.now();

function run(name, command, commandArgs, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${commandArgs.join(" ")}`);
  const child = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...env } });
  if (child.status !== 0) {
    console.error(`✘ ${name} failed`);
    process.exit(child.status ?? 1);
  }
}

if (!args.includes("--skip-build")) {
  run("data is up to date", "npx", ["tsx", "data/build.ts", "--check"]);
  run("app build", "npx", ["vite", "build", "--outDir", "bench-results/app", "--emptyOutDir", "--logLevel", "warn"]);
  run("floor build", "npx", ["vite", "build", "--config", "bench/floor/vite.config.ts"]);
  run("MapLibre-alone build", "npx", ["vite", "build", "--config", "bench/maplibre/vite.config.ts"]);
  run("d3 anchor build", "npx", ["vite", "build", "--config", "bench/d3/vite.config.ts"]);
}
const passOn = args.filter((a) => a !== "--skip-build");
run("benchmark", "npx", ["tsx", "bench/run.ts", ...passOn], {
  BENCH_COMMAND: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
});
console.log(`\nBenchmark done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
