/**
 * Byte budgets: the gzip bytes (level 6, 1 kB = 1000 bytes) the embed view (`?embed=1`) may load
 * until it is ready, per kind. Enforced by tests/e2e/budgets.e2e.ts (part of `npm test`) and
 * reported by `npm run bench`. Set a little above the figures of the build they were set on (noted
 * beside each); lower a limit when the bundle shrinks, raise one only with a reason in BENCHMARKS.md.
 */
export const EMBED_BUDGETS = {
  // 553.1 kB when set: the map chunk (MapLibre ≈ 270 kB + deck.gl's core and ScatterplotLayer =
  // 499.1 kB) + the app's own 51.5 kB + the small chunks it loads.
  js: 565_000,
  // 13.7 kB when set: MapLibre's styles (10.1 kB) + ours (3.6 kB).
  css: 15_000,
  // 112.9 kB when set: data/world.json (68.9 kB) + data/dataset.json (44.0 kB).
  data: 120_000,
} as const;

export type BudgetKind = keyof typeof EMBED_BUDGETS;
