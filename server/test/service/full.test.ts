import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

describe('full run through jsforce against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes exactly the scores the engine computes on the same data', async () => {
    const before = await snapshot(h);
    const expected = expectedScores(before);
    expect(expected.length).toBeGreaterThan(10);
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    expect(result?.scoresWritten).toBe(expected.length);
    const after = await snapshot(h);
    expect(compareScores(expected, after)).toEqual([]);
    // Requests are stamped with their segment; suggested themes exist with their terms.
    const segOf = new Map<string, string | null>();
    for (const r of after.requests) segOf.set(r.Id, r.Segment__c);
    expect(after.requests.some((r) => r.Segment__c)).toBe(true);
    const suggested = after.themes.filter((t) => t.Origin__c === 'Suggested');
    for (const t of suggested) {
      expect(t.Status__c).toBe('Suggested');
      expect(t.Theme_Key__c).toBeTruthy();
    }
    // The run record tells the story.
    const run = (
      await h.conn.query<{
        Status__c: string;
        Api_Calls__c: number;
        Log__c: string;
        Lock_Key__c: string | null;
        Watermark__c: string | null;
      }>('SELECT Status__c, Api_Calls__c, Log__c, Lock_Key__c, Watermark__c FROM Demand_Run__c')
    ).records;
    expect(run).toHaveLength(1);
    expect(run[0].Status__c).toBe('Succeeded');
    expect(run[0].Api_Calls__c).toBeGreaterThan(5);
    expect(run[0].Lock_Key__c).toBeNull();
    expect(run[0].Watermark__c).toBeTruthy();
    expect(run[0].Log__c).toMatch(/Read \d+ records/);
    // A small run does not stop for a memory-reducing collection (only large ones: memory.ts).
    expect(run[0].Log__c).not.toMatch(/memory-reducing collection/);
  });

  it('reports an Invalid segment and still scores the others', async () => {
    const snap = await snapshot(h);
    const invalid = snap.segments.filter((s) => s.Status__c === 'Invalid');
    const valid = snap.segments.filter((s) => s.Status__c === 'Valid' && s.Active__c);
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0].Status_Message__c).toBeTruthy();
    expect(valid.length).toBeGreaterThan(0);
    for (const s of valid)
      expect(snap.scores.some((x) => x.Segment__c === s.Id) || s.Account_Count__c === 0).toBe(true);
    for (const s of invalid) expect(snap.scores.some((x) => x.Segment__c === s.Id)).toBe(false);
  });

  it('writes nothing on a second full run', async () => {
    const stamps = (snap: Awaited<ReturnType<typeof snapshot>>) =>
      [...snap.scores, ...snap.requests, ...snap.segments, ...snap.themes]
        .map((r) => `${r.Id}@${r.SystemModstamp}`)
        .sort();
    const before = await snapshot(h);
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    expect(result).toMatchObject({
      scoresWritten: 0,
      scoresDeleted: 0,
      requestsUpdated: 0,
      segmentsUpdated: 0,
      themesUpserted: 0,
    });
    // Not one record the run reads was modified: only the run record itself changed.
    expect(stamps(await snapshot(h))).toEqual(stamps(before));
  });

  it('finishes a no-change incremental run in a handful of calls with no writes', async () => {
    const { outcome, result } = await h.service.runner.runToEnd('Incremental');
    expect(outcome.status).toBe('Succeeded');
    expect(result).toBeUndefined();
    expect(outcome.apiCalls).toBeLessThanOrEqual(10);
    expect(outcome.scoresWritten).toBe(0);
  });
});
