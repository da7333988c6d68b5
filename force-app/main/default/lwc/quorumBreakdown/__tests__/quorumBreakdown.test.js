import { COLUMNS, FACTOR_COLUMNS, readBreakdown, sumOfVoices } from '../quorumBreakdown';

const text = JSON.stringify({
  format: 3,
  score: 4.5,
  requests: 3,
  cap: 3,
  factorColumns: FACTOR_COLUMNS,
  factorSets: [
    [
      'High',
      1.5,
      'Support',
      1.25,
      'Decision',
      'Decision Maker',
      false,
      1.5,
      'High',
      1.2,
      'None',
      1,
      1.5,
    ],
    ['Low', 0.5, 'Account Team', 1, 'Unknown', null, false, 1, null, 1, null, 1, 1],
  ],
  columns: COLUMNS,
  accounts: [
    ['001A', 'a01', 2, 0, '2026-01-01', 10, 0.9905, 5.0148, 200000, 1.2386, true, 3],
    ['001B', 'a02', 1, 1, '2026-01-05', 6, 0.9943, 0.4972, 0, 1, false, 0.5],
  ],
  others: { accounts: 2, voice: 1 },
});

describe('readBreakdown', () => {
  it('gives one object per account with every factor', () => {
    const b = readBreakdown(text);
    expect(b.score).toBe(4.5);
    expect(b.accounts[0]).toMatchObject({
      account: '001A',
      urgency: 'High',
      role: 'Decision Maker',
      influenceWeight: 1.2,
      ageDays: 10,
      capped: true,
      voice: 3,
    });
    expect(b.accounts[1].side).toBe('Unknown');
    expect(sumOfVoices(b)).toBeCloseTo(4.5, 9);
  });

  it('refuses text of another format', () => {
    expect(() => readBreakdown('{"format":2,"accounts":[]}')).toThrow(/format 3/);
    expect(() => readBreakdown('not json')).toThrow();
  });
});
