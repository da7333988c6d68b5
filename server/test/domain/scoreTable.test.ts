import { computeScores, scoreTable, type ScoreValues } from '../../src/domain';
import { blankValues } from '../../src/domain/scoreTable';
import { breakdownOf, req, scoreInput, theme } from './world';

/*
 * A run's rows live in columns; a row object is made only when asked for. Rows made one by
 * one, in any order, must be the rows computeScores returns, breakdown text included.
 */
const input = scoreInput({
  accounts: ['A', 'B', 'C', 'D'],
  segmentOf: { A: 'S1', B: 'S2', C: 'S1', D: 'S2' },
  themes: [theme('T1', 'Audit log'), theme('T2', 'SSO'), theme('T3', 'Export')],
  requests: [
    req({ Account__c: 'A', Needed_By__c: '2026-10-01', Revenue_At_Stake__c: 12345.67 }),
    req({ Account__c: 'B', Theme__c: 'T2', Urgency__c: 'High' }),
    req({ Account__c: 'C', Theme__c: 'T2', Deal_Blocker__c: true }),
    req({ Account__c: 'D', Theme__c: 'T3', Needed_By__c: '2026-08-15' }),
    req({ Account__c: 'D', Theme__c: 'T1', Urgency__c: 'Critical' }),
  ],
});
const expected = computeScores(input);
const segmentOf = new Map(Object.entries({ A: 'S1', B: 'S2', C: 'S1', D: 'S2' }));

describe('scoreTable', () => {
  it('holds the rows computeScores returns, in the same order', () => {
    const table = scoreTable(input);
    expect(table.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(6); // segment rows and ALL rows of three themes
    for (let i = 0; i < table.length; i++) expect(table.key(i)).toBe(expected[i].Score_Key__c);
  });

  it('makes each row on demand, breakdown included, whatever the order rows are read in', () => {
    const table = scoreTable(input);
    for (let i = table.length - 1; i >= 0; i--)
      expect(JSON.stringify(table.row(i))).toBe(JSON.stringify(expected[i]));
    // Read again, out of order: each text belongs to its own row, not to the last one read.
    expect(table.row(0).Breakdown__c).toBe(expected[0].Breakdown__c);
    expect(table.row(table.length - 1).Breakdown__c).toBe(
      expected[expected.length - 1].Breakdown__c,
    );
  });

  it("lists in each row's breakdown exactly its own segment's accounts and score", () => {
    const table = scoreTable(input);
    for (let i = table.length - 1; i >= 0; i--) {
      const row = table.row(i);
      const text = breakdownOf(row);
      expect(text.score).toBe(row.Score__c);
      expect(text.accounts).toHaveLength(row.Account_Count__c);
      for (const a of text.accounts)
        if (row.Segment__c) expect(segmentOf.get(a.account)).toBe(row.Segment__c);
    }
  });

  it('reads a row into scratch without its breakdown, overwriting every field', () => {
    const table = scoreTable(input);
    const scratch: ScoreValues = blankValues();
    for (let i = 0; i < table.length; i++) {
      const { Breakdown__c: _text, ...values } = expected[i];
      expect({ ...table.values(i, scratch) }).toEqual(values);
    }
    expect(Object.keys(scratch)).not.toContain('Breakdown__c');
  });
});
