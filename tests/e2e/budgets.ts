/**
 * Byte budgets: the gzip bytes (level 6, 1 kB = 1000 bytes) the embed view (`?embed=1`) may load
 * until it is ready, per kind. Enforced by tests/e2e/budgets.e2e.ts (part of `npm test`) and
 * reported by `npm run bench`. Set a little above the figures of the build they were set on (noted
 * beside each); lower a limit when the bundle shrinks, raise one only with a reason in BENCHMARKS.md.
 */
export const EMBED_BUDGETS = {
  // 538 kB when set: the app chunk (MapLibre ≈ 270 kB, deck.gl ≈ 225 kB, our code) + luma.gl's WebGL chunk.
  js: 560_000,
  // 12.4 kB when set: our styles and MapLibre's.
  css: 14_000,
  // 113 kB when set: data/world.json (68.9 kB) + data/dataset.json (44.0 kB).
  data: 125_000,
} as const;

export type BudgetKind = keyof typeof EMBED_BUDGETS;
