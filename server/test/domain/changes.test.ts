import { diffScores, scoreTable, type ScoreRow, type ScoreTable } from '../../src/domain';
import { req, scoreInput } from './world';

const input = scoreInput({
  accounts: ['A', 'B', 'C'],
  requests: [
    req({ Account__c: 'A', Needed_By__c: '2026-10-01', Revenue_At_Stake__c: 12345.67 }),
    req({ Account__c: 'B', Theme__c: 'T2', Urgency__c: 'High' }),
  ],
});
const table = scoreTable(input);
const computed = table.rows();

/** What the org returns: extra fields, other Computed_At/Last_Run, no Breakdown__c (not read). */
const asStored = (rows: typeof computed) =>
  rows.map((r) => ({
    ...r,
    Id: `a0S${r.Score_Key__c}`,
    attributes: { type: 'Segment_Demand_Score__c' },
    Computed_At__c: '2020-01-01T00:00:00.000+0000',
    Last_Run__c: 'OLDRUN',
    Breakdown__c: undefined,
  }));

/*
 * The service hands diffScores the run's table (only changed rows become objects); callers
 * with rows pass them as they are. Every case runs on both and must give the same answer.
 */
describe.each<[string, readonly ScoreRow[] | ScoreTable]>([
  ['rows', computed],
  ['a score table', table],
])('diffScores on %s', (_, form) => {
  it('writes nothing in a steady state', () => {
    expect(diffScores(form, asStored(computed))).toEqual({ upserts: [], deleteKeys: [] });
  });

  it('ignores differences below field precision', () => {
    const stored = asStored(computed).map((r) => ({
      ...r,
      Score__c: r.Score__c + 0.00004,
      Penetration__c: r.Penetration__c - 0.004,
      Revenue_At_Stake__c: r.Revenue_At_Stake__c + 0.001,
    }));
    expect(diffScores(form, stored).upserts).toEqual([]);
  });

  it('upserts changed or new rows and deletes stale keys, sorted', () => {
    const stored = asStored(computed);
    stored[0] = { ...stored[0], Score__c: stored[0].Score__c + 0.0002 };
    const stale = [
      { ...stored[1], Score_Key__c: 'S9:T9' },
      { ...stored[1], Score_Key__c: 'S0:T9' },
    ];
    const missing = stored.pop()!;
    const diff = diffScores(form, [...stored, ...stale]);
    expect(diff.upserts.map((r) => r.Score_Key__c)).toEqual([
      computed[0].Score_Key__c,
      missing.Score_Key__c,
    ]);
    // Whole rows, breakdown text included, whichever form they came from.
    expect(diff.upserts).toEqual([computed[0], computed[computed.length - 1]]);
    expect(computed[computed.length - 1].Score_Key__c).toBe(missing.Score_Key__c);
    expect(diff.deleteKeys).toEqual(['S0:T9', 'S9:T9']);
  });

  it.each([
    ['Rank__c', 99],
    ['Earliest_Needed_By__c', '2026-10-02'],
    ['Quorum_Reached__c', true],
    ['Segment__c', null],
    ['Breakdown_Digest__c', 'b1:0000000000000000'],
    ['Breakdown_Digest__c', null],
    ['Account_Count__c', null],
  ])('notices a change of %s', (field, value) => {
    const stored = asStored(computed);
    stored[0] = { ...stored[0], [field]: value };
    expect(diffScores(form, stored).upserts.map((r) => r.Score_Key__c)).toEqual([
      computed[0].Score_Key__c,
    ]);
  });
});
