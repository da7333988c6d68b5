import { releaseMemory } from '../../src/jobs/memory';
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
  });
});
