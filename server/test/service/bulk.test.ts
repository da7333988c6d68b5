import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

describe('Bulk API 2.0 paths (low threshold)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 60, pageSize: 200, runner: { bulkThreshold: 50, bulkPageSize: 37 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads by Bulk query (paged results) and writes by Bulk ingest with the same result', async () => {
    const expected = expectedScores(await snapshot(h));
    const statsBefore = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    const byRoute = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const used = (route: string) => (byRoute[route] ?? 0) - (statsBefore[route] ?? 0);
    expect(used('POST jobs/query')).toBeGreaterThan(0);
    expect(used('GET jobs/query/:id/results')).toBeGreaterThan(used('POST jobs/query'));
    expect(used('POST jobs/ingest')).toBeGreaterThan(0);
    expect(result!.scoresWritten).toBe(expected.length);
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
    const again = await h.service.runner.runToEnd('Full');
    expect(again.result).toMatchObject({ scoresWritten: 0, requestsUpdated: 0 });
  });
});
