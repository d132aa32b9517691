/**
 * Byte budgets: the gzip bytes (level 6, 1 kB = 1000 bytes) the embed view (`?embed=1`) may load
 * until it is ready (`data-ready="true"`: the interactive SVG map is on screen; MapLibre and deck.gl
 * are not fetched until the reader reaches for them), per kind. Enforced by tests/e2e/budgets.e2e.ts
 * (part of `npm test`) and reported by `npm run bench`. Set a little above the figures of the build
 * they were set on (noted beside each); lower a limit when the bundle shrinks, raise one only with a
 * reason in BENCHMARKS.md.
 */
export const EMBED_BUDGETS = {
  // 36.9 kB when set: the app's own chunk with topojson-client and d3-geo's great-circle arcs (its
  // projections and paths load with the downloads since the SVG map draws without them: 44.3 kB
  // before). Not counted, as they load on demand: the WebGL map's chunk (≈ 502 kB with MapLibre and
  // deck.gl) and, since they load on first use (src/ui/lazy.ts), the table, sources, share and
  // download chunks (≈ 22 kB together), which took the first chunk from 62.7 kB (with d3-scale,
  // gone since) to 42.5 kB.
  js: 39_000,
  // 4.5 kB when set: ours (MapLibre's styles come with its chunk).
  css: 5_500,
  // 94.9 kB when set: data/world.json (68.9 kB) + data/dataset.json (26.0 kB). The mineral tables
  // (data/minerals.json, 19.0 kB) load after ready, or when the minerals view needs them.
  data: 100_000,
} as const;

export type BudgetKind = keyof typeof EMBED_BUDGETS;
