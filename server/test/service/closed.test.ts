/**
 * A new ask for a need the product already Delivered, end to end through real jsforce against
 * the emulator: the run attaches the unthemed request to the Delivered theme (Suggested_Theme__c
 * and a reason naming the status), creates no Suggested theme duplicating it, counts it in the
 * theme's unranked row, and the PM report lists the theme under "asked again after delivery".
 * A second run over its own output writes nothing.
 */
import { buildReport } from '../../src/jobs/report';
import { recordBook, startHarness, type Harness } from './harness';

describe('a new ask for a Delivered need', () => {
  let h: Harness;
  const { id, create, query } = recordBook(() => h);
  const requests = async () =>
    new Map(
      (
        await query(
          'SELECT Id, Theme__c, Suggested_Theme__c, Suggestion_Reason__c FROM Escalated_Request__c',
        )
      ).map((r) => [r.Id, r]),
    );

  beforeAll(async () => {
    h = await startHarness({ seed: 'empty' });
    for (let a = 1; a <= 7; a++) await create('Account', `A${a}`, { Name: `Account ${a}` });
    await create('Demand_Theme__c', 'MFA', {
      Name: 'Multi-factor authentication',
      Description__c: 'A second factor at login: authenticator apps and FIDO2 hardware keys.',
      Status__c: 'Delivered',
      Origin__c: 'Manual',
    });
    await create('Demand_Theme__c', 'Excel', {
      Name: 'Export reports to Excel',
      Status__c: 'Open',
      Origin__c: 'Manual',
    });
    const ask = (key: string, account: string, extra: Record<string, unknown>) =>
      create('Escalated_Request__c', key, {
        Account__c: id[account],
        Status__c: 'New',
        Urgency__c: 'High',
        Source__c: 'Account Team',
        ...extra,
      });
    // What account teams put in the Delivered theme before it shipped (answered since).
    await ask('L1', 'A1', {
      Name: 'Enforce MFA for all users',
      Description__c: 'Security requires a second factor (MFA) for every login.',
      Theme__c: id.MFA,
      Status__c: 'Delivered',
    });
    await ask('L2', 'A2', {
      Name: 'Hardware key (FIDO2) MFA',
      Description__c: 'Admins log in with FIDO2 hardware keys as their second factor.',
      Theme__c: id.MFA,
      Status__c: 'Delivered',
    });
    await ask('L3', 'A3', {
      Name: 'Two-factor authentication with authenticator apps',
      Description__c: 'MFA with an authenticator app as the second factor.',
      Theme__c: id.MFA,
      Status__c: 'Delivered',
    });
    // Two accounts ask again, unthemed: alone, they would be a new Suggested theme.
    await ask('U1', 'A4', {
      Name: 'MFA with FIDO2 hardware keys',
      Description__c: 'Our admins must log in with a FIDO2 hardware key as second factor.',
    });
    await ask('U2', 'A5', {
      Name: 'Enforce MFA at login',
      Description__c:
        'Every user needs a second factor (MFA) at login, FIDO2 keys or an authenticator app.',
    });
    // Open demand beside it, ranked.
    await ask('E1', 'A6', { Name: 'Export the pipeline report to Excel', Theme__c: id.Excel });
    await ask('E2', 'A7', { Name: 'Excel export of reports', Theme__c: id.Excel });
    const first = await h.service.runner.runToEnd('Full');
    expect(first.outcome.status).toBe('Succeeded');
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('attaches the new asks to the Delivered theme, with a reason that says so', async () => {
    const r = await requests();
    for (const key of ['U1', 'U2']) {
      expect(r.get(id[key])!.Suggested_Theme__c).toBe(id.MFA);
      expect(r.get(id[key])!.Suggestion_Reason__c).toMatch(
        /^matches "Multi-factor authentication" \(Delivered\): shares .*MFA/,
      );
    }
  });

  it('creates no suggested theme that duplicates it', async () => {
    const themes = await query('SELECT Id, Name, Status__c, Origin__c FROM Demand_Theme__c');
    expect(themes.map((t) => t.Id).sort()).toEqual([id.MFA, id.Excel].sort());
  });

  it("counts them in the theme's unranked row, and the report lists it as asked again", async () => {
    const [row] = await query(
      `SELECT Score__c, Rank__c, Account_Count__c, Theme_Status__c FROM Segment_Demand_Score__c WHERE Score_Key__c = 'ALL:${id.MFA}'`,
    );
    // The labelled requests are Delivered (never counted): the two new asks are the demand.
    expect(row).toMatchObject({ Rank__c: null, Account_Count__c: 2, Theme_Status__c: 'Delivered' });
    expect(row.Score__c as number).toBeGreaterThan(0);
    const report = await buildReport(h.org);
    const all = report.segments[0];
    expect(all.open.map((t) => t.theme)).toEqual(['Export reports to Excel']);
    expect(all.delivered).toEqual([
      expect.objectContaining({ theme: 'Multi-factor authentication', accounts: 2, rank: null }),
    ]);
    expect(report.suggested).toEqual([]);
  });

  it('writes nothing on a second run over its own output', async () => {
    const before = await requests();
    const again = await h.service.runner.runToEnd('Full');
    expect(again.outcome.status).toBe('Succeeded');
    expect(again.result).toMatchObject({
      requestsUpdated: 0,
      themesUpserted: 0,
      scoresWritten: 0,
      scoresDeleted: 0,
    });
    expect(await requests()).toEqual(before);
  });
});
