/**
 * Keeping the service responsive while a run computes. The engine's work runs on the one
 * JavaScript thread: while a synchronous stretch runs, `/healthz`, `/readyz`, `/runs/:id` and
 * the lease's renewals wait. Long steps (grouping) come as steps (domain/steps.ts) that
 * `inSlices` drives a slice at a time, letting the event loop in between; `watchPauses`
 * measures the longest stretch that is left, which the run log prints so an operator can set a
 * liveness probe's failure window above it (README, "Running the service in production").
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Steps } from '../domain/steps';

/** How long a slice of computing runs before the event loop gets its turn. */
export const SLICE_MS = 50;

/** Lets the event loop answer what waits (requests, timers) before computing goes on. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs the steps to their result, giving the event loop its turn every `sliceMs`. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() >= until) {
      await breathe();
      until = performance.now() + sliceMs;
    }
  }
}

/** Timer resolution of the watch: pauses shorter than this are not worth reporting. */
const RESOLUTION_MS = 20;

export interface PauseWatch {
  /** Stops watching; the longest pause seen, in milliseconds (0 when none was measurable). */
  stop(): number;
}

export function watchPauses(): PauseWatch {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let longest: number | null = null;
  return {
    stop() {
      if (longest === null) {
        histogram.disable();
        // `max` is in nanoseconds, and 0 when no sample was taken (a run shorter than a tick).
        longest = histogram.count > 0 ? histogram.max / 1e6 : 0;
      }
      return longest;
    },
  };
}
