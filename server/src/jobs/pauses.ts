/**
 * How long the service went without answering anything during a run. Segments, grouping,
 * stamping and scoring are synchronous stretches of the one JavaScript thread: while one runs,
 * `/healthz`, `/readyz` and `/runs/:id` wait. An operator sets a liveness probe's failure window
 * above this figure (README, "Deploying"); the run log prints it so they can.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

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
