/**
 * Long work in slices. A job is a generator that yields wherever it may pause; `finish` runs one to
 * the end at once, `inSlices` lets the browser in (input, rendering, other tasks) whenever a slice
 * has run for `budget` ms. Why: the first map is a few hundred ms of arithmetic and DOM building
 * on a slow phone, and one task that long blocks every tap meanwhile (Lighthouse's Total Blocking
 * Time counts each task's time beyond 50 ms; a slice of a few ms counts nothing).
 */
export type Job<T> = Generator<void, T, void>;

/** Runs a job to its end now (where nothing waits on the screen: downloads, a resize, tests). */
export function finish<T>(job: Job<T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/**
 * At most this long a slice (ms): well under the 50 ms that makes a long task, even on a phone 4×
 * slower than the machine a trace was taken on (Lighthouse simulates exactly that).
 */
export const SLICE_MS = 8;

/** Runs a job, pausing (`pause`) each time it has run `budget` ms since the last pause. */
export async function inSlices<T>(
  job: Job<T>,
  budget: number = SLICE_MS,
  pause: () => Promise<void> = yieldToBrowser,
  now: () => number = () => performance.now(),
): Promise<T> {
  let start = now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (now() - start >= budget) {
      await pause();
      start = now();
    }
  }
}

/**
 * Ends the task and continues in a new one at once: `scheduler.yield()` where the browser has it
 * (the continuation goes ahead of other queued tasks), else a message to ourselves (no timer
 * clamping, unlike a chain of `setTimeout(0)`).
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}
