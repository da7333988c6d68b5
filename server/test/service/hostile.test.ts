import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

const HOSTILE = [
  `O'Brien "quoted" \\ back\\slash`,
  `'; DELETE FROM Account; --`,
  `SELECT Id FROM User WHERE Name LIKE '%' OR '1'='1'`,
  `emoji 🚀🔥 👩🏽‍💻 need`,
  `中文需求：单点登录与审计日志`,
  `line\nbreak\ttab \\n literal`,
  `%_ wildcard \\' \\" }{ ]] <script>`,
];
const LONG = Array.from(
  { length: 10_000 },
  (_, i) => HOSTILE.join(' | ')[i % HOSTILE.join(' | ').length],
).join('');

describe('hostile strings in every text field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: 'empty' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('round-trip without harm and score normally', async () => {
    const c = {
      sobject: (type: string) => ({
        create: async (record: Record<string, unknown>): Promise<{ id: string }> => {
          const res = (await h.conn.sobject(type).create(record as never)) as unknown as {
            id?: string;
            success: boolean;
            errors: unknown[];
          };
          if (!res.success || !res.id)
            throw new Error(`create ${type} failed: ${JSON.stringify(res.errors)}`);
          return { id: res.id };
        },
      }),
    };
    const accountIds: string[] = [];
    for (const [i, name] of HOSTILE.entries()) {
      const r = await c.sobject('Account').create({
        Name: name,
        Industry: 'Banking',
        NumberOfEmployees: 1000 + i,
        BillingCountry: name.slice(0, 40),
      } as never);
      accountIds.push(r.id);
    }
    const theme = await c.sobject('Demand_Theme__c').create({
      Name: HOSTILE[0],
      Description__c: LONG,
      Product_Area__c: HOSTILE[1],
      Status__c: 'Open',
      Origin__c: 'Manual',
    });
    const segment = await c
      .sobject('Segment__c')
      .create({ Name: HOSTILE[2], Description__c: LONG, Priority__c: 1, Active__c: true });
    await c.sobject('Segment_Criterion__c').create({
      Segment__c: segment.id,
      Number__c: 1,
      Field__c: 'Name',
      Operator__c: 'contains',
      Value__c: `O'Brien "quoted" \\`,
    });
    const other = await c
      .sobject('Segment__c')
      .create({ Name: HOSTILE[4], Priority__c: 2, Active__c: true });
    await c.sobject('Segment_Criterion__c').create({
      Segment__c: other.id,
      Number__c: 1,
      Field__c: 'Industry',
      Operator__c: 'in',
      Value__c: `Banking, '; DROP`,
    });
    const requestIds: string[] = [];
    for (const [i, text] of HOSTILE.entries()) {
      const themed = await c.sobject('Escalated_Request__c').create({
        Name: text,
        Description__c: LONG,
        Account__c: accountIds[i],
        Theme__c: theme.id,
        Urgency__c: 'High',
        Status__c: 'New',
      });
      const loose = await c.sobject('Escalated_Request__c').create({
        Name: `${text} SSO login`.slice(0, 80),
        Description__c: `${text} single sign-on login ${LONG.slice(0, 500)}`,
        Account__c: accountIds[i],
        Urgency__c: 'Medium',
        Status__c: 'New',
      });
      requestIds.push(themed.id, loose.id);
    }
    const before = await snapshot(h);
    const { outcome } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    const after = await snapshot(h);
    expect(compareScores(expectedScores(before), after)).toEqual([]);

    // Text people wrote is untouched, byte for byte.
    const texts = (snap: typeof before) => ({
      accounts: snap.accounts.map((a) => [a.Id, a.Name, a.BillingCountry]).sort(),
      requests: snap.requests.map((r) => [r.Id, r.Name, r.Description__c]).sort(),
      themes: snap.themes
        .filter((t) => t.Id === theme.id)
        .map((t) => [t.Name, t.Description__c, t.Product_Area__c]),
      segments: snap.segments.map((s) => [s.Id, s.Name, s.Description__c]).sort(),
      criteria: snap.criteria.map((x) => [x.Id, x.Value__c]).sort(),
    });
    expect(texts(after)).toEqual(texts(before));
    expect(after.themes.find((t) => t.Id === theme.id)?.Description__c).toHaveLength(10_000);

    // The hostile rule matched the hostile account; the scores name it in a valid JSON breakdown.
    const seg = after.segments.find((s) => s.Id === segment.id)!;
    expect(seg.Status__c).toBe('Valid');
    expect(seg.Account_Count__c).toBe(1);
    const score = after.scores.find((s) => s.Segment__c === segment.id && s.Theme__c === theme.id);
    expect(score).toBeDefined();
    expect(() => JSON.parse(score!.Breakdown__c ?? '')).not.toThrow();
    for (const s of after.scores) expect(() => JSON.parse(s.Breakdown__c ?? '')).not.toThrow();

    // Runs' own text survives too, and a second run writes nothing.
    const again = await h.service.runner.runToEnd('Full');
    expect(again.result).toMatchObject({
      scoresWritten: 0,
      requestsUpdated: 0,
      themesUpserted: 0,
      segmentsUpdated: 0,
    });
  });
});
