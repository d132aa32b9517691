/** What the minerals controls show: the mineral, stage and year drawn, and the choices. Pure. */
import type { Scene } from "../model/derive.ts";
import type { AppState } from "../state/state.ts";
import type { Stage } from "../types.ts";

export interface MineralOptions {
  mineral: string;
  stage: Stage;
  stages: Stage[];
  year: number | null;
  years: number[];
  /** The years are not known yet (the mineral tables loading): the year field keeps its place, empty. */
  yearsPending: boolean;
}

export function mineralOptionsOf(scene: Scene, state: Pick<AppState, "mineral" | "stage">): MineralOptions | null {
  if (!scene.minerals) return null;
  const choice = scene.minerals.choice;
  return {
    mineral: scene.minerals.mineral?.slug ?? state.mineral,
    stage: choice?.stage ?? state.stage,
    stages: scene.minerals.mineral?.stages ?? [],
    year: choice?.year ?? null,
    years: choice?.years ?? [],
    yearsPending: scene.minerals.pending && (scene.minerals.mineral?.stages.length ?? 0) > 0,
  };
}
