import { constants, PerformanceObserver } from 'node:perf_hooks';
import { GROWTH_AFTER_RELEASE_PERCENT, releaseMemory } from '../../src/jobs/memory';
import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

describe('releasing memory between the phases of a large run', () => {
  it('gives the pages of collected objects back to the system (an ordinary collection pools them)', () => {
    const mb = 2 ** 20;
    // About 200 MB of objects, then dropped: V8 keeps their pages for reuse after collecting them.
    let garbage: { i: number; s: string }[] | null = [];
    for (let i = 0; i < 2_500_000; i++) garbage.push({ i, s: `x${i}` });
    const full = process.memoryUsage.rss();
    garbage = null;
    const released = releaseMemory();
    expect(released).not.toBeNull();
    expect(released!.rssBefore).toBeGreaterThanOrEqual(full - 50 * mb);
    expect(released!.rssBefore - released!.rssAfter).toBeGreaterThan(100 * mb);
    // The service's own global scope gets no `gc` from it.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('lets the heap grow well past what survived before collecting in full again', async () => {
    // Lasting objects worth 40% of the live heap after a release: V8 alone would start a full
    // collection at 10% (which would find nothing to free).
    expect(GROWTH_AFTER_RELEASE_PERCENT).toBeGreaterThanOrEqual(60);
    expect(releaseMemory()).not.toBeNull();
    const kinds: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        kinds.push((e as unknown as { detail: { kind: number } }).detail.kind);
    });
    observer.observe({ entryTypes: ['gc'] });
    const target = process.memoryUsage().heapUsed * 1.4;
    const kept: { i: number; s: string }[] = [];
    for (let i = 0; process.memoryUsage().heapUsed < target; i++)
      for (let j = 0; j < 10_000; j++) kept.push({ i: i + j, s: `y${i}:${j}` });
    await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries arrive asynchronously
    observer.disconnect();
    expect(kept.length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MINOR).length).toBeGreaterThan(
      0,
    );
    expect(kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MAJOR)).toEqual([]);
  });

  it('does nothing below the given resident size', () => {
    expect(releaseMemory(Number.MAX_SAFE_INTEGER)).toBeNull();
  });
});

describe('a run that releases memory between phases', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ runner: { releaseMemoryFrom: 1 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('says so in its log and writes the same scores', async () => {
    const expected = expectedScores(await snapshot(h));
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    expect(result?.scoresWritten).toBe(expected.length);
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
    const released = outcome.log
      .split('\n')
      .filter((l) => l.includes('memory-reducing collection'));
    expect(released.map((l) => /Memory before ([a-z ]+):/.exec(l)?.[1])).toEqual([
      'assigning segments',
      'stamping requests',
      'writing segments and requests',
      'writing scores',
    ]);
    // A full run plus four full garbage collections (one per phase): about 5 s on a loaded 2-core
    // machine, so it gets an explicit limit instead of the default 5 s.
  }, 30_000);
});
