/**
 * Import boundaries (DESIGN §4): the pure layers never touch the DOM, WebGL, the network, timers or
 * the clock, so they run and are tested in Node. Side effects live in a few named files only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
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
  "src/embed/still.ts",
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

/**
 * The layers, lowest first (README, Layout). A file may import from its own layer and the layers
 * below it, never from one above: the model knows nothing of the state, the map nothing of the UI.
 */
const LAYERS: { name: string; holds: (path: string) => boolean }[] = [
  { name: "foundation", holds: (f) => ["src/config.ts", "src/types.ts", "src/dom.ts", "src/slices.ts"].includes(f) },
  { name: "data", holds: (f) => f.startsWith("src/data/") },
  { name: "model", holds: (f) => f.startsWith("src/model/") },
  { name: "state", holds: (f) => f.startsWith("src/state/") },
  { name: "map", holds: (f) => f.startsWith("src/map/") },
  { name: "present", holds: (f) => f.startsWith("src/present/") },
  { name: "embed", holds: (f) => f.startsWith("src/embed/") },
  { name: "ui", holds: (f) => f.startsWith("src/ui/") },
  { name: "main", holds: (f) => f === "src/main.ts" },
];

function layerOf(path: string): number {
  const posix = path.split("\\").join("/");
  const layer = LAYERS.findIndex((l) => l.holds(posix));
  if (layer === -1) throw new Error(`${posix} is in no layer: add it to LAYERS and the README`);
  return layer;
}

/** "src/map/svg.ts imports src/ui/dom.ts (map → ui)" for every import that runs up the layers. */
function importsUp(path: string, source: string): string[] {
  const from = layerOf(path);
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+)"/g)];
  const dynamic = [...source.matchAll(/import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)];
  return [...specifiers, ...dynamic].flatMap((match) => {
    const target = normalize(join(dirname(path), match[1] ?? ""));
    if (!target.endsWith(".ts")) return [];
    const to = layerOf(target);
    return to > from ? [`${path} imports ${target} (${LAYERS[from]?.name} → ${LAYERS[to]?.name})`] : [];
  });
}

describe("architecture", () => {
  it("every import runs down the layers (or stays in its own)", () => {
    const offenders = files("src").flatMap((f) => importsUp(f, code(f)));
    expect(offenders).toEqual([]);
  });

  it("the import check catches an import that runs up", () => {
    expect(importsUp("src/map/svg.ts", 'import { s } from "../ui/dom.ts";')).toEqual([
      "src/map/svg.ts imports src/ui/dom.ts (map → ui)",
    ]);
    expect(importsUp("src/ui/panel.ts", 'import type { Source } from "../types.ts";')).toEqual([]);
    expect(importsUp("src/model/derive.ts", 'import type {\n  AppState,\n} from "../state/state.ts";')).toHaveLength(1);
    expect(importsUp("src/data/load.ts", 'const m = import("../map/mount.ts");')).toHaveLength(1);
  });

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
