/** Jobs in slices (src/slices.ts): run whole, or paused whenever a slice has used its budget. */
import { describe, expect, it } from "vitest";
import { finish, inSlices, type Job } from "../../src/slices.ts";

/** A job of `steps` steps that logs each one and advances a fake clock by `cost` ms per step. */
function counting(steps: number, clock: { t: number }, log: string[], cost = 1): Job<number> {
  return (function* () {
    for (let i = 0; i < steps; i++) {
      clock.t += cost;
      log.push(`step ${i}`);
      yield;
    }
    return steps;
  })();
}

describe("finish", () => {
  it("runs every step at once and returns the job's result", () => {
    const log: string[] = [];
    expect(finish(counting(5, { t: 0 }, log))).toBe(5);
    expect(log).toHaveLength(5);
  });
});

describe("inSlices", () => {
  it("pauses each time a slice has run its budget, and only then", async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    const pause = async () => {
      log.push("pause");
    };
    const result = await inSlices(counting(10, clock, log, 3), 8, pause, () => clock.t);
    expect(result).toBe(10);
    // 3 ms a step, 8 ms a slice: a pause after every third step (9 ms), never at the end.
    expect(log.filter((l) => l === "pause")).toHaveLength(3);
    expect(log.indexOf("pause")).toBe(3);
    expect(log.at(-1)).toBe("step 9");
  });

  it("never pauses a job that fits in one slice", async () => {
    const clock = { t: 0 };
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    await inSlices(counting(7, clock, [], 1), 8, pause, () => clock.t);
    expect(pauses).toBe(0);
  });

  it("lets other work run between slices (the pause ends the task)", async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    const pause = () =>
      new Promise<void>((resume) =>
        setTimeout(() => {
          log.push("other task");
          resume();
        }, 0),
      );
    await inSlices(counting(4, clock, log, 10), 8, pause, () => clock.t);
    expect(log.slice(0, 7)).toEqual(["step 0", "other task", "step 1", "other task", "step 2", "other task", "step 3"]);
  });
});
