import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

describe('incremental runs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 50 });
    const first = await h.service.runner.runToEnd('Full');
    expect(first.outcome.status).toBe('Succeeded');
  });
  afterAll(async () => {
    await h.close();
  });

  it('after edits (new request, changed account, new rule, merged theme, delivered request) equals a full run', async () => {
    const snap = await snapshot(h);
    const themed = snap.requests.filter((r) => r.Theme__c && r.Status__c !== 'Delivered');
    const manualThemes = snap.themes.filter(
      (t) => t.Origin__c !== 'Suggested' && !t.Merged_Into__c,
    );
    expect(themed.length).toBeGreaterThan(5);
    expect(manualThemes.length).toBeGreaterThan(2);

    // 1. a new request
    const created = await h.conn.sobject('Escalated_Request__c').create({
      Name: 'Needs SCIM provisioning before the Q3 rollout',
      Account__c: snap.accounts[3].Id,
      Theme__c: manualThemes[0].Id,
      Urgency__c: 'Critical',
      Source__c: 'Support',
      Status__c: 'New',
      Revenue_At_Stake__c: 250000,
      Deal_Blocker__c: true,
    });
    expect(created.success).toBe(true);
    // 2. a changed account (moves between segments through its employee count)
    await h.conn.sobject('Account').update({
      Id: snap.accounts[0].Id,
      NumberOfEmployees: 123456,
      AnnualRevenue: 9.9e9,
    } as never);
    // 3. a new segment rule
    const segment = snap.segments.find(
      (s) => s.Status__c === 'Valid' && s.Active__c && (s.Account_Count__c ?? 0) > 0,
    );
    expect(segment).toBeDefined();
    const own = snap.criteria.filter((c) => c.Segment__c === segment!.Id);
    const next = Math.max(0, ...own.map((c) => c.Number__c ?? 0)) + 1;
    await h.conn.sobject('Segment_Criterion__c').create({
      Segment__c: segment!.Id,
      Number__c: next,
      Field__c: 'NumberOfEmployees',
      Operator__c: 'greater than',
      Value__c: '50',
    });
    if (segment!.Filter_Logic__c)
      await h.conn
        .sobject('Segment__c')
        .update({ Id: segment!.Id, Filter_Logic__c: `(${segment!.Filter_Logic__c}) AND ${next}` });
    // 4. a merged theme
    await h.conn
      .sobject('Demand_Theme__c')
      .update({ Id: manualThemes[1].Id, Merged_Into__c: manualThemes[2].Id });
    // 5. a delivered request
    await h.conn
      .sobject('Escalated_Request__c')
      .update({ Id: themed[0].Id, Status__c: 'Delivered' });

    const before = await snapshot(h);
    const expected = expectedScores(before);
    const inc = await h.service.runner.runToEnd('Incremental');
    expect(inc.outcome.status).toBe('Succeeded');
    expect(inc.outcome.log).toMatch(/Changed since/);
    expect(inc.outcome.scoresWritten).toBeGreaterThan(0);
    // What a Full run computes on the same data is the engine's result on `before` (full.test):
    // nothing differs, nothing is missing, nothing is orphaned.
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
    // And it left the org settled: a full run right after writes nothing at all.
    const full = await h.service.runner.runToEnd('Full');
    expect(full.outcome.status).toBe('Succeeded');
    expect(full.result).toMatchObject({
      scoresWritten: 0,
      scoresDeleted: 0,
      requestsUpdated: 0,
      segmentsUpdated: 0,
      themesUpserted: 0,
    });
  });

  it('sees a deleted request as a change', async () => {
    const snap = await snapshot(h);
    const victim = snap.requests.find((r) => r.Theme__c && r.Status__c !== 'Delivered');
    await h.conn.sobject('Escalated_Request__c').destroy(victim!.Id);
    const expected = expectedScores(await snapshot(h));
    const inc = await h.service.runner.runToEnd('Incremental');
    expect(inc.outcome.log).toMatch(/Changed since .*Escalated_Request__c/);
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
  });

  it('does nothing when nothing changed since the last successful run', async () => {
    const inc = await h.service.runner.runToEnd('Incremental');
    expect(inc.outcome.status).toBe('Succeeded');
    expect(inc.outcome.apiCalls).toBeLessThanOrEqual(10);
    expect(inc.outcome.log).toMatch(/Nothing changed/);
  });
});
