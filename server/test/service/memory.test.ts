import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { constants } from 'node:perf_hooks';
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

  it('lets the heap grow well past what survived before collecting in full again', () => {
    // Lasting objects worth 40% of the live heap after a release: V8 alone would start a full
    // collection at 10% (which would find nothing to free). Measured in a process of its own
    // (processes/heapGrowth.ts): in the test runner's process the heap holds every earlier test
    // file too, and there V8 made full collections however the release was tuned.
    expect(GROWTH_AFTER_RELEASE_PERCENT).toBeGreaterThanOrEqual(60);
    const child = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), path.join(__dirname, 'processes/heapGrowth.ts')],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    const { released, kept, kinds } = JSON.parse(child.stdout) as {
      released: boolean;
      kept: number;
      kinds: number[];
    };
    expect(released).toBe(true);
    expect(kept).toBeGreaterThan(0);
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

  // A whole full run and the engine's own computation on the same data, with grouping's
  // multilingual text handling: 2-4 s alone, more beside other suites on two cores.
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
    // A full run plus four full garbage collections (one per phase): 5 s alone at load 12, and
    // once over 30 s in a loaded full-suite run, so it keeps the file's limit from
    // jest.timeouts.js (120 s) rather than a tighter one of its own.
  });
});
