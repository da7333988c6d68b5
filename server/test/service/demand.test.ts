/**
 * The demand semantics end to end, through real jsforce against the emulator: overlapping
 * segments with a primary (and a quoted value holding a comma), the full request weight
 * (influence, veto, workaround, the latest ask from Asked_On__c), open demand only (a theme
 * turned Delivered leaves the ranking on the next incremental run), the normalised score and
 * theme status on every row, the breakdown naming every factor, and monthly history.
 */
import { readBreakdown } from '../../../force-app/main/default/lwc/quorumBreakdown/quorumBreakdown';
import { recordBook, startHarness, type Harness } from './harness';

const DAY = 86400000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

describe('open, overlapping, fully weighted demand', () => {
  let h: Harness;
  const { id, create, query } = recordBook(() => h);
  const scores = async () =>
    new Map(
      (
        await query(
          'SELECT Score_Key__c, Segment__c, Theme__c, Score__c, Rank__c, Account_Count__c, Segment_Account_Count__c, Normalized_Score__c, Theme_Status__c, Score_Change_90d__c, Breakdown__c FROM Segment_Demand_Score__c',
        )
      ).map((r) => [r.Score_Key__c as string, r]),
    );
  const key = (segment: string | null, theme: string) =>
    `${segment ? id[segment] : 'ALL'}:${id[theme]}`;

  beforeAll(async () => {
    h = await startHarness({ seed: 'empty' });
    await create('Account', 'B1', {
      Name: 'Bank One',
      Industry: 'Banking',
      BillingCountry: 'Japan',
    });
    await create('Account', 'B2', {
      Name: 'Bank Two',
      Industry: 'Banking',
      BillingCountry: 'Japan',
    });
    await create('Account', 'B3', {
      Name: 'Bank Three',
      Industry: 'Banking',
      BillingCountry: 'US',
    });
    await create('Account', 'M1', {
      Name: 'Studio',
      Industry: 'Media, Entertainment & Games',
      BillingCountry: 'US',
    });
    await create('Account', 'R1', { Name: 'Shop', Industry: 'Retail', BillingCountry: 'Japan' });
    await create('Segment__c', 'Banks', { Name: 'Banks', Priority__c: 10, Active__c: true });
    await create('Segment__c', 'APAC', { Name: 'APAC', Priority__c: 20, Active__c: true });
    await create('Segment__c', 'Consumer', { Name: 'Consumer', Priority__c: 30, Active__c: true });
    const criterion = (segment: string, field: string, operator: string, value: string) =>
      create('Segment_Criterion__c', `${segment}-1`, {
        Segment__c: id[segment],
        Number__c: 1,
        Field__c: field,
        Operator__c: operator,
        Value__c: value,
      });
    await criterion('Banks', 'Industry', 'equals', 'Banking');
    await criterion('APAC', 'BillingCountry', 'in', 'Japan, China');
    await criterion('Consumer', 'Industry', 'in', '"Media, Entertainment & Games", Retail');
    for (const t of ['SSO', 'Audit', 'Dark'])
      await create('Demand_Theme__c', t, { Name: t, Status__c: 'Open', Origin__c: 'Manual' });
    await create('Opportunity', 'O1', {
      Name: 'Bank One renewal',
      AccountId: id.B1,
      StageName: 'Negotiation',
      CloseDate: ago(-30),
    });
    await create('Contact', 'C1', { LastName: 'Vetoing user', AccountId: id.B1 });
    await create('Buying_Committee_Member__c', 'Member', {
      Opportunity__c: id.O1,
      Contact__c: id.C1,
      Role__c: 'End User',
      Influence__c: 'High',
      Has_Veto__c: true,
      Member_Key__c: `${id.O1}:${id.C1}`,
    });
    const ask = (key: string, account: string, theme: string, extra: Record<string, unknown>) =>
      create('Escalated_Request__c', key, {
        Name: `${theme} for ${account}`,
        Account__c: id[account],
        Theme__c: id[theme],
        Status__c: 'New',
        Urgency__c: 'High',
        Source__c: 'Account Team',
        ...extra,
      });
    await ask('r1', 'B1', 'SSO', {
      Opportunity__c: id.O1,
      Requested_By__c: id.C1,
      Asked_On__c: ago(300),
    });
    await ask('r2', 'B2', 'SSO', {}); // Asked_On__c defaults to today
    await ask('r3', 'B3', 'SSO', { Asked_On__c: ago(10) });
    await ask('r4', 'M1', 'Audit', { Asked_On__c: ago(5) });
    await ask('r5', 'R1', 'Audit', {
      Asked_On__c: ago(5),
      Workaround__c: 'Customer Can Self-Serve',
    });
    await ask('r6', 'B1', 'Dark', { Urgency__c: 'Critical', Asked_On__c: ago(1) });
    await ask('r7', 'B2', 'Dark', { Urgency__c: 'Critical', Asked_On__c: ago(1) });
    await ask('r8', 'B3', 'Dark', { Urgency__c: 'Critical', Status__c: 'Declined' });
    const first = await h.service.runner.runToEnd('Full');
    expect(first.outcome.status).toBe('Succeeded');
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('counts an account in every segment it matches and stamps its requests with the primary', async () => {
    const segments = new Map(
      (await query('SELECT Id, Account_Count__c, Status__c FROM Segment__c')).map((s) => [s.Id, s]),
    );
    expect(segments.get(id.Banks)!.Account_Count__c).toBe(3);
    expect(segments.get(id.APAC)!.Account_Count__c).toBe(3);
    // The quoted value with a comma matched the studio.
    expect(segments.get(id.Consumer)).toMatchObject({ Account_Count__c: 2, Status__c: 'Valid' });
    const stamps = new Map(
      (await query('SELECT Id, Segment__c FROM Escalated_Request__c')).map((r) => [r.Id, r]),
    );
    expect(stamps.get(id.r1)!.Segment__c).toBe(id.Banks); // Banks before APAC by priority
    expect(stamps.get(id.r5)!.Segment__c).toBe(id.APAC); // APAC before Consumer
    const s = await scores();
    expect(s.get(key('Banks', 'SSO'))!.Account_Count__c).toBe(3);
    expect(s.get(key('APAC', 'SSO'))!.Account_Count__c).toBe(2);
    expect(s.get(key('Consumer', 'Audit'))!.Account_Count__c).toBe(2);
    expect(s.get(key('APAC', 'Audit'))!.Account_Count__c).toBe(1);
  });

  it('weighs every factor: veto on the Decision side, influence, workaround, the latest ask', async () => {
    const [r2] = await query(`SELECT Asked_On__c FROM Escalated_Request__c WHERE Id = '${id.r2}'`);
    expect(r2.Asked_On__c).toBe(ago(0));
    const s = await scores();
    const sso = s.get(key(null, 'SSO'))!;
    const b = readBreakdown(sso.Breakdown__c as string);
    const b1 = b.accounts.find((a: { account: string }) => a.account === id.B1);
    expect(b1).toMatchObject({
      side: 'Decision',
      role: 'End User',
      veto: true,
      influence: 'High',
      influenceWeight: 1.2,
      ageDays: 300,
      decay: Math.round(0.5 ** (300 / 730) * 1e4) / 1e4,
    });
    const audit = readBreakdown(s.get(key(null, 'Audit'))!.Breakdown__c as string);
    const shop = audit.accounts.find((a: { account: string }) => a.account === id.R1);
    expect(shop).toMatchObject({ workaround: 'Customer Can Self-Serve', workaroundWeight: 0.5 });
    for (const row of s.values()) {
      const read = readBreakdown(row.Breakdown__c as string);
      const sum = read.accounts.reduce((x: number, a: { voice: number }) => x + a.voice, 0);
      expect(Math.abs(sum - (row.Score__c as number))).toBeLessThan(1e-6);
    }
  });

  it('gives every row its theme status and a score normalised by segment size', async () => {
    for (const row of (await scores()).values()) {
      expect(row.Theme_Status__c).toBe('Open');
      const size = row.Segment_Account_Count__c as number;
      expect(row.Normalized_Score__c).toBeCloseTo(((row.Score__c as number) * 100) / size, 3);
    }
    // Declined requests do not count by default: Dark has two accounts, not three.
    expect((await scores()).get(key(null, 'Dark'))!.Account_Count__c).toBe(2);
  });

  it('writes one history row per score for this month, and none again when nothing changed', async () => {
    const history = await query(
      'SELECT History_Key__c, Score_Key__c, Month__c FROM Segment_Demand_History__c',
    );
    const s = await scores();
    expect(history.map((r) => r.Score_Key__c).sort()).toEqual([...s.keys()].sort());
    const month = new Date().toISOString().slice(0, 7);
    expect(history.every((r) => r.History_Key__c === `${r.Score_Key__c}:${month}`)).toBe(true);
    await h.conn.sobject('Account').update({ Id: id.M1, Description: 'touched' } as never);
    const again = await h.service.runner.runToEnd('Incremental');
    expect(again.outcome.status).toBe('Succeeded');
    expect(again.result?.historyWritten ?? 0).toBe(0);
    expect(again.result?.scoresWritten ?? 0).toBe(0);
  });

  it('moves a theme turned Delivered out of the ranking on the next incremental run', async () => {
    const before = await scores();
    expect(before.get(key(null, 'Dark'))!.Rank__c).toBe(2);
    await h.conn
      .sobject('Demand_Theme__c')
      .update({ Id: id.Dark, Status__c: 'Delivered' } as never);
    const run = await h.service.runner.runToEnd('Incremental');
    expect(run.outcome.status).toBe('Succeeded');
    const after = await scores();
    const dark = after.get(key(null, 'Dark'))!;
    expect(dark).toMatchObject({ Rank__c: null, Theme_Status__c: 'Delivered' });
    expect(dark.Score__c).toBe(before.get(key(null, 'Dark'))!.Score__c); // figures kept
    const ranks = [...after.values()]
      .filter((r) => r.Segment__c === null && r.Rank__c !== null)
      .map((r) => r.Rank__c)
      .sort();
    expect(ranks).toEqual([1, 2]);
  });

  it('records a score that lost all its demand as a zero history row, once', async () => {
    const auditKeys = [key(null, 'Audit'), key('Consumer', 'Audit'), key('APAC', 'Audit')];
    for (const r of ['r4', 'r5'])
      await h.conn
        .sobject('Escalated_Request__c')
        .update({ Id: id[r], Status__c: 'Declined' } as never);
    const run = await h.service.runner.runToEnd('Incremental');
    expect(run.outcome.status).toBe('Succeeded');
    expect(run.result?.scoresDeleted).toBe(3);
    const s = await scores();
    for (const k of auditKeys) expect(s.has(k)).toBe(false);
    const month = new Date().toISOString().slice(0, 7);
    const history = new Map(
      (
        await query(
          'SELECT History_Key__c, Segment__c, Theme__c, Score__c, Account_Count__c, Request_Count__c, Revenue_At_Stake__c FROM Segment_Demand_History__c',
        )
      ).map((r) => [r.History_Key__c as string, r]),
    );
    // This month's row held the figures of the first run; it now records the drop.
    for (const k of auditKeys)
      expect(history.get(`${k}:${month}`)).toMatchObject({
        Theme__c: id.Audit,
        Score__c: 0,
        Account_Count__c: 0,
        Request_Count__c: 0,
        Revenue_At_Stake__c: 0,
      });
    expect(history.get(`${key(null, 'Audit')}:${month}`)!.Segment__c).toBeNull();
    expect(run.result?.historyWritten).toBe(3);
    // Written once: a later run with the same demand writes no history.
    await h.conn.sobject('Account').update({ Id: id.M1, Description: 'again' } as never);
    const again = await h.service.runner.runToEnd('Incremental');
    expect(again.outcome.status).toBe('Succeeded');
    expect(again.result?.historyWritten ?? 0).toBe(0);
  });

  it('stamps who asked: the committee row and side the scoring used, written only when changed', async () => {
    const stamp = async (r: string) =>
      (
        await query(
          `SELECT Requester_Member__c, Requester_Side__c, Requester_Member__r.Role__c FROM Escalated_Request__c WHERE Id = '${id[r]}'`,
        )
      )[0];
    // An End User with a veto counts on the Decision side; the report reaches the role through
    // the lookup.
    expect(await stamp('r1')).toMatchObject({
      Requester_Member__c: id.Member,
      Requester_Side__c: 'Decision',
      Requester_Member__r: { Role__c: 'End User' },
    });
    expect(await stamp('r2')).toMatchObject({ Requester_Member__c: null, Requester_Side__c: null });

    // A contact with only a standard opportunity contact role: the side, no member row.
    await create('Opportunity', 'O2', {
      Name: 'Bank Two expansion',
      AccountId: id.B2,
      StageName: 'Prospecting',
      CloseDate: ago(-60),
    });
    await create('Contact', 'C2', { LastName: 'Buyer', AccountId: id.B2 });
    await create('OpportunityContactRole', 'OCR', {
      OpportunityId: id.O2,
      ContactId: id.C2,
      Role: 'Economic Buyer',
    });
    await h.conn.sobject('Escalated_Request__c').update({
      Id: id.r2,
      Opportunity__c: id.O2,
      Requested_By__c: id.C2,
    } as never);
    // The veto is withdrawn: the member's End User role puts r1 on the Use side.
    await h.conn
      .sobject('Buying_Committee_Member__c')
      .update({ Id: id.Member, Has_Veto__c: false } as never);
    const run = await h.service.runner.runToEnd('Incremental');
    expect(run.outcome.status).toBe('Succeeded');
    expect(run.result?.requestsUpdated).toBe(2);
    expect(await stamp('r1')).toMatchObject({
      Requester_Member__c: id.Member,
      Requester_Side__c: 'Use',
    });
    expect(await stamp('r2')).toMatchObject({
      Requester_Member__c: null,
      Requester_Side__c: 'Decision',
    });
    // The same side the score's breakdown gives that account.
    const sso = readBreakdown((await scores()).get(key(null, 'SSO'))!.Breakdown__c as string);
    const sides = Object.fromEntries(
      sso.accounts.map((a: { account: string; side: string }) => [a.account, a.side]),
    );
    expect(sides).toMatchObject({ [id.B1]: 'Use', [id.B2]: 'Decision' });

    // Deleting the member row clears the lookup (SetNull); the side falls back to unknown.
    await h.conn.sobject('Buying_Committee_Member__c').destroy(id.Member);
    const after = await h.service.runner.runToEnd('Incremental');
    expect(after.outcome.status).toBe('Succeeded');
    expect(await stamp('r1')).toMatchObject({ Requester_Member__c: null, Requester_Side__c: null });

    // Steady state: nothing changed, no request is written.
    await h.conn.sobject('Account').update({ Id: id.M1, Description: 'once more' } as never);
    const steady = await h.service.runner.runToEnd('Incremental');
    expect(steady.outcome.status).toBe('Succeeded');
    expect(steady.result?.requestsUpdated ?? 0).toBe(0);
  });
});
