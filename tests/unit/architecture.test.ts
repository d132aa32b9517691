/**
 * Import boundaries (DESIGN §4): the pure layers never touch the DOM, WebGL, the network, timers or
 * the clock, so they run and are tested in Node. Side effects live in a few named files only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

const PURE = [
  ...files("src/model"),
  ...files("src/state").filter((f) => !f.endsWith("store.ts")),
  "src/map/style.ts",
  "src/map/layers.ts",
  "src/embed/embed.ts",
  "src/data/csv.ts",
  "src/data/topology.ts",
  "src/types.ts",
];

const SIDE_EFFECTS = [
  /\bwindow\b/,
  /\bdocument\b/,
  /\bfetch\(/,
  /\blocalStorage\b/,
  /\bset(Timeout|Interval)\(/,
  /\brequestAnimationFrame\(/,
  /\bDate\.now\(/,
  /\bnew Date\(\)/,
  /\bMath\.random\(/,
  /^import (?!type ).*from "maplibre-gl"/m,
  /from "node:/,
];

/** Source without comments, so a comment that mentions `window` does not trip the check. */
function code(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

describe("architecture", () => {
  it.each(PURE)("%s is pure (no DOM, network, timers, clock or WebGL)", (path) => {
    const source = code(path);
    const found = SIDE_EFFECTS.filter((pattern) => pattern.test(source)).map(String);
    expect(found).toEqual([]);
  });

  it("only src/map/overlay.ts constructs the deck.gl overlay", () => {
    const users = files("src").filter((f) => /@deck\.gl\/mapbox/.test(code(f)));
    expect(users).toEqual([join("src", "map", "overlay.ts")]);
  });

  it("never builds HTML from strings", () => {
    const offenders = files("src").filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it("no source file carries an absolute machine path", () => {
    const offenders = [...files("src"), ...files("data"), ...files("tests")].filter((f) =>
      /["'`]\/(work|home|root|Users)\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
