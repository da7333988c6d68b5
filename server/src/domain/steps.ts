/**
 * Long engine work as steps: a generator that yields now and then, and returns its result.
 * The engine stays pure and synchronous (`drain` runs the steps at once: tests, bench, demo);
 * the service drives the same steps in time slices (jobs/pauses.ts) so that it keeps answering
 * health checks and renewing its lease while a large run computes. The result is the same
 * however the steps are driven.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Items of a loop between two yields: small enough to keep a slice near its length. */
export const STEP_ITEMS = 256;
