/**
 * Gives memory the process no longer uses back to the system between the phases of a large run.
 *
 * V8 keeps the heap pages an ordinary collection frees in a pool for reuse and returns them to
 * the system only in a collection that reduces memory (its memory reducer runs one after about
 * eight idle seconds, which a busy run never has). So a run's resident size never falls below
 * the largest heap it has had so far: at a million requests, about 140 MB of pooled pages sat
 * under the peak while the scores were uploaded. One memory-reducing collection between phases
 * (a full collection that also releases the pool) costs well under a second at that size.
 *
 * The collection is V8's `gc({ flavor: 'last-resort' })`, made available to this module alone:
 * `--expose-gc` is set only while a fresh context is created (the service's own global scope has
 * no `gc`), so it works however the process was started (npm start, recompute, demo, tests).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Runs that read at least this many records release memory between phases: such a run holds
 * hundreds of MB that the next phase no longer needs.
 */
export const RELEASE_MEMORY_FROM = 200_000;

/**
 * How far (in percent) the heap may grow past what survives a release before V8 collects in
 * full again. A memory-reducing collection otherwise sets that limit at 1.1 times the live
 * heap, so the next phase's first ~20 MB of lasting objects started a full collection that
 * found nothing to free (at a million requests: 206 of 207 MB still live, 85-150 ms paused,
 * early in scoring). Growth up to twice the live heap is what scoring needs, and the next
 * release sets the limit again.
 */
export const GROWTH_AFTER_RELEASE_PERCENT = 100;

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let collect: Gc | null | undefined;

function gcFunction(): Gc | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return (collect = exposed as Gc);
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    collect = typeof fn === 'function' ? (fn as Gc) : null;
  } catch {
    collect = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

export interface Released {
  rssBefore: number;
  rssAfter: number;
  ms: number;
}

/**
 * A memory-reducing full collection when the process is resident above `above` bytes; what it
 * gave back, or null when it did not run (small process, or no collection available).
 */
export function releaseMemory(above = 0): Released | null {
  const rssBefore = process.memoryUsage.rss();
  if (rssBefore < above) return null;
  const gc = gcFunction();
  if (!gc) return null;
  const t0 = Date.now();
  setFlagsFromString(`--heap-growing-percent=${GROWTH_AFTER_RELEASE_PERCENT}`);
  try {
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } finally {
    setFlagsFromString('--heap-growing-percent=0'); // V8's own heuristics for every later collection
  }
  return { rssBefore, rssAfter: process.memoryUsage.rss(), ms: Date.now() - t0 };
}
