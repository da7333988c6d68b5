/**
 * The run log's "longest stretch of computing without answering HTTP" (jobs/pauses.ts): what an
 * operator reads to set a liveness probe's failure window. The figure must not miss a stretch.
 */
import { inSlices, watchPauses } from '../../src/jobs/pauses';
import { groupingSteps, groupThemes, prepareGrouping } from '../../src/domain/themes/group';
import { loadBanking77 } from '../fixtures/grouping/evaluate';
import { startHarness, type Harness } from './harness';

/** Blocks the thread as segments, grouping and scoring do: nothing else runs meanwhile. */
function computeFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('watchPauses', () => {
  it('reports the longest synchronous stretch between awaits, and keeps it once stopped', async () => {
    const watch = watchPauses();
    await tick();
    computeFor(120);
    await tick();
    computeFor(400);
    await tick();
    const longest = watch.stop();
    // At least the 400 ms stretch (the timer that measures it fires when the stretch ends).
    expect(longest).toBeGreaterThanOrEqual(350);
    await tick();
    computeFor(800);
    expect(watch.stop()).toBe(longest);
  });
});

describe('inSlices', () => {
  it('groups exactly as groupThemes does, and lets timers run between its slices', async () => {
    prepareGrouping();
    const input = { requests: loadBanking77('tune').requests, themes: [] };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const atOnce = groupThemes(input);
      expect(ticks).toBe(0); // one synchronous stretch: nothing else ran
      const sliced = await inSlices(groupingSteps(input), 1);
      expect(sliced).toEqual(atOnce);
      expect(sliced.suggestions.length).toBeGreaterThan(0);
      // The timer ran between slices: without them it could not run before grouping was done
      // (an async function that never waits on the event loop resolves in microtasks).
      expect(ticks).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('run log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 20 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('prints the longest stretch a run computed without answering, and returns it', async () => {
    h.service.runner.hooks.checkpoint = (phase) => {
      // A long scoring stretch, as at a million requests.
      if (phase === 'computed') computeFor(600);
    };
    try {
      const finished = await h.service.runner.runToEnd('Full');
      expect(finished.outcome.status).toBe('Succeeded');
      expect(finished.longestPauseMs).toBeGreaterThanOrEqual(550);
      const line =
        /Longest stretch of computing without answering HTTP \(health checks, run status\): (\d+\.\d) s\./.exec(
          finished.outcome.log,
        );
      expect(line).not.toBeNull();
      // The same figure, to the tenth of a second the line prints.
      expect(Math.abs(Number(line![1]) - finished.longestPauseMs! / 1000)).toBeLessThanOrEqual(
        0.051,
      );
    } finally {
      h.service.runner.hooks.checkpoint = undefined;
    }
  });
});
