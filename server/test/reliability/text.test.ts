/**
 * Items 3 and 10 of the reliability issue, through full runs: a criterion field typed in
 * another case selects the same accounts as its canonical spelling, and people's text with
 * escape codes, CR/LF and NUL reaches no log line, run log or theme name raw.
 */
import fc from 'fast-check';
import { cleanText, isClean } from '../../src/text/clean';
import { startHarness, type Harness } from '../service/harness';
import { figure, printFigures } from './support';

// eslint-disable-next-line no-control-regex -- the characters cleanText must remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE =
  '\u001b[31mRed\u001b[0m\r\nFAKE 2026-01-01 Run failed\u0000\u0007\u001b]0;title\u0007\u202e';

describe('reliability: field names and hostile text', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 20 });
  });
  afterAll(async () => {
    await h.close();
    printFigures();
  });

  it('item 3: `billingcity` selects the accounts `BillingCity` selects', async () => {
    const city = (
      await h.conn.query<{ BillingCity: string }>(
        'SELECT BillingCity FROM Account WHERE BillingCity != null LIMIT 1',
      )
    ).records[0].BillingCity;
    const seg = (await h.conn.sobject('Segment__c').create({
      Name: 'Case probe',
      Active__c: true,
      Priority__c: 1,
    })) as unknown as { id: string };
    const crit = (await h.conn.sobject('Segment_Criterion__c').create({
      Segment__c: seg.id,
      Number__c: 1,
      Field__c: 'billingcity',
      Operator__c: 'equals',
      Value__c: city,
    })) as unknown as { id: string };
    const counts: Record<string, [string, number]> = {};
    for (const spelling of ['billingcity', 'BILLINGCITY', 'BillingCity']) {
      await h.conn
        .sobject('Segment_Criterion__c')
        .update({ Id: crit.id, Field__c: spelling } as never);
      const { outcome } = await h.service.runner.runToEnd('Full');
      expect(outcome.status).not.toBe('Failed');
      const s = await h.conn.sobject('Segment__c').retrieve(seg.id);
      counts[spelling] = [String(s.Status__c), Number(s.Account_Count__c)];
    }
    const canonical = counts.BillingCity;
    const held = Object.values(counts).filter(
      (c) => c[0] === canonical[0] && c[1] === canonical[1],
    ).length;
    figure('3 case-insensitive criterion field', 3, held, JSON.stringify(counts));
    expect(canonical[0]).toBe('Valid');
    expect(canonical[1]).toBeGreaterThan(0);
    expect(counts.billingcity).toEqual(canonical);
    expect(counts.BILLINGCITY).toEqual(canonical);
  }, 60_000);

  it('item 10: hostile names reach the run log, Log__c and theme names cleaned', async () => {
    const seg = (await h.conn.sobject('Segment__c').create({
      Name: `Bad${HOSTILE}`.slice(0, 80),
      Active__c: true,
      Priority__c: 2,
    })) as unknown as { id: string };
    await h.conn.sobject('Segment_Criterion__c').create({
      Segment__c: seg.id,
      Number__c: 1,
      Field__c: 'No_Such_Field__c',
      Operator__c: 'equals',
      Value__c: 'x',
    });
    const accounts = (await h.conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 4')).records;
    for (const a of accounts)
      await h.conn.sobject('Escalated_Request__c').create({
        Name: `Export ${HOSTILE} audit trail`.slice(0, 80),
        Description__c: `Export the audit trail ${HOSTILE} as CSV for compliance reviews`,
        Account__c: a.Id,
        Urgency__c: 'High',
        Status__c: 'New',
      });
    const { id, outcome } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).not.toBe('Failed');
    const run = await h.conn.sobject('Demand_Run__c').retrieve(id);
    const log = String(run.Log__c);
    const lines = log.split('\n');
    const themes = (await h.conn.query<{ Name: string }>('SELECT Name FROM Demand_Theme__c'))
      .records;
    const checks = [
      // every line of the run log is one stamped line: no forged line, no escape code
      lines.every((l) => /^\d{4}-\d\d-\d\dT/.test(l) && isClean(l)),
      log.includes("Segment 'BadRed"),
      themes.every((t) => isClean(t.Name)),
    ];
    figure(
      '10 hostile text cleaned (run log, Log__c, theme names)',
      checks.length,
      checks.filter(Boolean).length,
      `${themes.length} themes`,
    );
    expect(checks).toEqual([true, true, true]);
  }, 60_000);

  it('item 10: cleanText removes every control character and keeps all other text', () => {
    let tried = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        tried += 1;
        const out = cleanText(s);
        expect(out).not.toMatch(CONTROL);
        expect(cleanText(out)).toBe(out);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const printable = s.replace(new RegExp(CONTROL.source, 'g'), '');
        expect(cleanText(printable)).toBe(printable);
      }),
    );
    figure('10 cleanText property (any string)', tried, tried);
  });
});
