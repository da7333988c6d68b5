import { DEFAULTS, NOW, breakdownOf, daysAgo, req, row, score, theme } from './world';
import { resolveProfile } from '../../src/domain';

const one = (fields: Parameters<typeof req>[0]) =>
  row(score({ requests: [req(fields)] }), 'S1:T1')?.Score__c;

describe('request weights (the defaults of docs/SCORING.md)', () => {
  it.each([
    ['Critical', 2],
    ['High', 1.5],
    ['Medium', 1],
    ['Low', 0.5],
  ])('urgency %s weighs %d', (Urgency__c, w) => {
    expect(one({ Account__c: 'A', Urgency__c })).toBe(w);
  });

  it.each([
    ['Account Team', 1],
    ['Inside Sales', 1.25],
    ['Customer Success', 1],
    ['Support', 1.25],
    ['Partner', 0.75],
  ])('source %s weighs %d', (Source__c, w) => {
    expect(one({ Account__c: 'A', Source__c })).toBe(w);
  });

  it('a deal blocker multiplies by 1.5', () => {
    expect(one({ Account__c: 'A', Deal_Blocker__c: true })).toBe(1.5);
  });

  it.each([
    ['Decision Maker', 1.5],
    ['Economic Buyer', 1.5],
    ['Executive Sponsor', 1.5],
    ['Technical Evaluator', 1.2],
    ['Influencer', 1.2],
    ['Procurement', 1.2],
    ['Legal & Security', 1.2],
    ['End User', 1],
  ])('committee role %s gives side weight %d', (Role__c, w) => {
    const rows = score({
      requests: [req({ Account__c: 'A', Opportunity__c: 'O1', Requested_By__c: 'C1' })],
      opportunities: [{ Id: 'O1', AccountId: 'A', IsClosed: false }],
      committeeMembers: [{ Opportunity__c: 'O1', Contact__c: 'C1', Role__c }],
    });
    expect(row(rows, 'S1:T1')?.Score__c).toBe(w);
  });

  it('uses OpportunityContactRole for contacts without a committee row, and the committee row when both exist', () => {
    const base = {
      opportunities: [{ Id: 'O1', AccountId: 'A', IsClosed: false }],
      contactRoles: [
        { OpportunityId: 'O1', ContactId: 'C1', Role: 'Economic Decision Maker' },
        { OpportunityId: 'O1', ContactId: 'C2', Role: 'Decision Maker' },
      ],
      committeeMembers: [{ Opportunity__c: 'O1', Contact__c: 'C2', Role__c: 'End User' }],
    };
    const viaRole = score({
      ...base,
      requests: [req({ Account__c: 'A', Opportunity__c: 'O1', Requested_By__c: 'C1' })],
    });
    expect(row(viaRole, 'S1:T1')?.Score__c).toBe(1.5);
    const viaMember = score({
      ...base,
      requests: [req({ Account__c: 'A', Opportunity__c: 'O1', Requested_By__c: 'C2' })],
    });
    expect(row(viaMember, 'S1:T1')?.Score__c).toBe(1);
    expect(row(viaMember, 'S1:T1')?.Use_Only_Count__c).toBe(1);
  });

  it('falls back to the strongest role on an open opportunity of the account, never a closed one', () => {
    const r = req({ Account__c: 'A', Requested_By__c: 'C1' });
    const rows = score({
      requests: [r],
      opportunities: [
        { Id: 'O1', AccountId: 'A', IsClosed: false },
        { Id: 'O2', AccountId: 'A', IsClosed: true },
      ],
      committeeMembers: [
        { Opportunity__c: 'O1', Contact__c: 'C1', Role__c: 'Influencer' },
        { Opportunity__c: 'O2', Contact__c: 'C1', Role__c: 'Decision Maker' },
      ],
    });
    expect(row(rows, 'S1:T1')?.Score__c).toBe(1.2);
    expect(breakdownOf(row(rows, 'S1:T1')!).accounts[0].side).toBe('Influence');
  });

  it('profile weights replace the defaults', () => {
    const { profile, errors } = resolveProfile({
      Urgency_High__c: 4,
      Source_Partner__c: 2,
      Side_Unknown__c: 0.5,
    });
    expect(errors).toEqual([]);
    const rows = score({
      requests: [req({ Account__c: 'A', Urgency__c: 'High', Source__c: 'Partner' })],
      profile,
    });
    expect(row(rows, 'S1:T1')?.Score__c).toBe(3); // 4 × 2 × 0.5 = 4, capped at 3
    const uncapped = resolveProfile({
      Urgency_High__c: 4,
      Source_Partner__c: 2,
      Side_Unknown__c: 0.25,
    }).profile;
    expect(
      row(
        score({
          requests: [req({ Account__c: 'A', Urgency__c: 'High', Source__c: 'Partner' })],
          profile: uncapped,
        }),
        'S1:T1',
      )?.Score__c,
    ).toBe(2);
  });
});

describe('decay', () => {
  it('halves a request after one half-life', () => {
    expect(one({ Account__c: 'A', CreatedDate: daysAgo(730) })).toBe(0.5);
  });
  it('never goes below the floor', () => {
    expect(one({ Account__c: 'A', CreatedDate: daysAgo(365 * 5) })).toBe(0.25);
    const { profile } = resolveProfile({ Decay_Floor__c: 0.1, Half_Life_Days__c: 30 });
    expect(
      row(
        score({ requests: [req({ Account__c: 'A', CreatedDate: daysAgo(60) })], profile }),
        'S1:T1',
      )?.Score__c,
    ).toBe(0.25);
    expect(
      row(
        score({ requests: [req({ Account__c: 'A', CreatedDate: daysAgo(3000) })], profile }),
        'S1:T1',
      )?.Score__c,
    ).toBe(0.1);
  });
  it('treats requests created after now as fresh', () => {
    expect(one({ Account__c: 'A', CreatedDate: '2027-01-01T00:00:00.000+0000' })).toBe(1);
  });
});

describe('one account, one voice', () => {
  it('an account counts its strongest request only, and revenue on a log scale', () => {
    const rows = score({
      requests: [
        req({ Account__c: 'A', Urgency__c: 'Low' }),
        req({ Account__c: 'A', Urgency__c: 'High', Revenue_At_Stake__c: 900000 }),
        req({ Account__c: 'A', Urgency__c: 'Medium' }),
      ],
    });
    const r = row(rows, 'S1:T1')!;
    expect(r.Score__c).toBe(Math.round(1.5 * (1 + 0.5 * Math.log10(1 + 9)) * 1e4) / 1e4); // 2.25
    expect(r.Account_Count__c).toBe(1);
    expect(r.Request_Count__c).toBe(3);
    expect(r.Revenue_At_Stake__c).toBe(900000);
  });
  it('caps one account at the voice cap', () => {
    expect(
      one({
        Account__c: 'A',
        Urgency__c: 'Critical',
        Source__c: 'Support',
        Deal_Blocker__c: true,
        Revenue_At_Stake__c: 1e9,
      }),
    ).toBe(3);
  });
  it('six ordinary accounts outrank any single account with the defaults', () => {
    const loud = req({
      Account__c: 'RICH',
      Theme__c: 'T1',
      Urgency__c: 'Critical',
      Source__c: 'Inside Sales',
      Deal_Blocker__c: true,
      Revenue_At_Stake__c: 1e12,
    });
    const broad = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((a) =>
      req({ Account__c: a, Theme__c: 'T2' }),
    );
    const rows = score({ requests: [loud, ...broad] });
    expect(row(rows, 'S1:T2')!.Score__c).toBeGreaterThan(row(rows, 'S1:T1')!.Score__c);
    expect(row(rows, 'S1:T2')!.Rank__c).toBe(1);
    expect(row(rows, 'S1:T2')!.Quorum_Reached__c).toBe(true);
    expect(row(rows, 'S1:T1')!.Quorum_Reached__c).toBe(false);
  });
});

describe('statuses, merges and segments', () => {
  it('Delivered requests never count, even when a profile lists Delivered', () => {
    const { profile, errors } = resolveProfile({ Counted_Statuses__c: 'New;Delivered' });
    expect(errors).toEqual([
      'Counted_Statuses__c: Delivered requests never count toward demand; remove Delivered',
    ]);
    const rows = score({
      requests: [
        req({ Account__c: 'A', Status__c: 'Delivered' }),
        req({ Account__c: 'B', Status__c: 'Delivered' }),
      ],
      profile,
    });
    expect(rows).toEqual([]);
  });
  it('counts only the profile statuses', () => {
    const { profile } = resolveProfile({ Counted_Statuses__c: 'New;Planned' });
    const rows = score({
      requests: [
        req({ Account__c: 'A', Status__c: 'Declined' }),
        req({ Account__c: 'B', Status__c: 'Planned' }),
      ],
      profile,
    });
    expect(row(rows, 'S1:T1')?.Account_Count__c).toBe(1);
  });
  it('merged themes count for the theme they were merged into, through chains and cycles', () => {
    const themes = [
      theme('T1', 'One', { Merged_Into__c: 'T2' }),
      theme('T2', 'Two', { Merged_Into__c: 'T3' }),
      theme('T3', 'Three'),
      theme('X', 'X', { Merged_Into__c: 'Y' }),
      theme('Y', 'Y', { Merged_Into__c: 'X' }),
    ];
    const rows = score({
      themes,
      requests: [
        req({ Account__c: 'A', Theme__c: 'T1' }),
        req({ Account__c: 'B', Theme__c: 'T2' }),
        req({ Account__c: 'C', Theme__c: null, Suggested_Theme__c: 'T3' }),
        req({ Account__c: 'D', Theme__c: 'Y' }),
      ],
    });
    expect(rows.map((r) => r.Score_Key__c).sort()).toEqual(['ALL:T3', 'ALL:X', 'S1:T3', 'S1:X']);
    expect(row(rows, 'S1:T3')?.Account_Count__c).toBe(3);
  });
  it('Theme__c wins over Suggested_Theme__c', () => {
    const rows = score({
      requests: [req({ Account__c: 'A', Theme__c: 'T1', Suggested_Theme__c: 'T2' })],
    });
    expect(rows.map((r) => r.Score_Key__c).sort()).toEqual(['ALL:T1', 'S1:T1']);
  });
  it('writes a segment row per segment and one ALL row per theme, with penetration and counts', () => {
    const rows = score({
      accounts: ['A', 'B', 'C', 'D', 'E'],
      segmentOf: { A: 'S1', B: 'S1', C: 'S1', D: 'S2' },
      requests: [
        req({ Account__c: 'A', Needed_By__c: '2026-09-30', Deal_Blocker__c: true }),
        req({ Account__c: 'B', Needed_By__c: '2026-08-15' }),
        req({ Account__c: 'D' }),
        req({ Account__c: 'E', Revenue_At_Stake__c: 100000 }),
      ],
    });
    const s1 = row(rows, 'S1:T1')!;
    expect(s1).toMatchObject({
      Segment__c: 'S1',
      Theme__c: 'T1',
      Account_Count__c: 2,
      Segment_Account_Count__c: 3,
      Penetration__c: 66.67,
      Deal_Blocker_Count__c: 1,
      Earliest_Needed_By__c: '2026-08-15',
      Last_Run__c: 'RUN1',
      Computed_At__c: NOW,
      Rank__c: 1,
    });
    expect(row(rows, 'S2:T1')).toMatchObject({ Account_Count__c: 1, Penetration__c: 100 });
    const all = row(rows, 'ALL:T1')!;
    expect(all).toMatchObject({
      Segment__c: null,
      Account_Count__c: 4,
      Segment_Account_Count__c: 5,
      Penetration__c: 80,
      Revenue_At_Stake__c: 100000,
    });
  });
});

describe('ranks and ties', () => {
  it('ranks by score, then accounts, then theme name, then Id', () => {
    const themes = [
      theme('T1', 'Zebra'),
      theme('T2', 'Alpha'),
      theme('T3', 'Alpha'),
      theme('T4', 'Mid'),
    ];
    const rows = score({
      themes,
      requests: [
        // T1: one account scoring 2; T4: two accounts scoring 1 each (same score, more accounts)
        req({ Account__c: 'A', Theme__c: 'T1', Urgency__c: 'Critical' }),
        req({ Account__c: 'A', Theme__c: 'T4' }),
        req({ Account__c: 'B', Theme__c: 'T4' }),
        // T2 and T3: same score, same accounts, same name -> by Id
        req({ Account__c: 'C', Theme__c: 'T3' }),
        req({ Account__c: 'D', Theme__c: 'T2' }),
      ],
    });
    const order = rows
      .filter((r) => r.Segment__c === 'S1')
      .sort((a, b) => a.Rank__c! - b.Rank__c!)
      .map((r) => r.Theme__c);
    expect(order).toEqual(['T4', 'T1', 'T2', 'T3']);
  });
});

describe('breakdown', () => {
  it('lists every contributing account with its factors and sums to the score', () => {
    const rows = score({
      requests: [
        req({
          Account__c: 'A',
          Urgency__c: 'High',
          CreatedDate: daysAgo(100),
          Revenue_At_Stake__c: 50000,
        }),
        req({ Account__c: 'B', Urgency__c: 'Low', Source__c: 'Support', Deal_Blocker__c: true }),
      ],
    });
    const r = row(rows, 'S1:T1')!;
    const b = breakdownOf(r);
    expect(b.accounts.map((a) => a.account)).toEqual(['A', 'B']);
    expect(b.accounts[1]).toMatchObject({
      urgency: 'Low',
      urgencyWeight: 0.5,
      source: 'Support',
      sourceWeight: 1.25,
      blocker: 1.5,
      side: 'Unknown',
      decay: 1,
      voice: 0.9375,
    });
    const sum = b.accounts.reduce((s, a) => s + (a.voice as number), 0);
    expect(Math.round(sum * 1e4) / 1e4).toBe(r.Score__c);
    expect(b.score).toBe(r.Score__c);
    // Format 3: accounts as rows under columns, each distinct factor set listed once.
    const raw = JSON.parse(r.Breakdown__c);
    expect(raw).toMatchObject({ format: 3, columns: expect.arrayContaining(['factorSet']) });
    expect(raw.factorSets).toEqual([
      ['High', 1.5, 'Account Team', 1, 'Unknown', null, false, 1, null, 1, null, 1, 1],
      ['Low', 0.5, 'Support', 1.25, 'Unknown', null, false, 1, null, 1, null, 1, 1.5],
    ]);
  });
  it('lists known accounts in Id order, then accounts only requests name, also in Id order', () => {
    const rows = score({
      // Known accounts arrive out of order and once twice; X1 and W1 are not among them.
      accounts: ['C', 'A', 'B', 'A'],
      segmentOf: { A: 'S1', B: 'S1', C: 'S1' },
      requests: ['X1', 'C', 'W1', 'A', 'B'].map((Account__c) => req({ Account__c })),
    });
    const all = row(rows, 'ALL:T1')!;
    expect(breakdownOf(all).accounts.map((a) => a.account)).toEqual(['A', 'B', 'C', 'W1', 'X1']);
    expect(breakdownOf(row(rows, 'S1:T1')!).accounts.map((a) => a.account)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(all.Account_Count__c).toBe(5);
  });
  it('summarises the weakest accounts when the list would not fit the field, still summing to the score', () => {
    const requests = Array.from({ length: 6000 }, (_, i) =>
      req({ Account__c: `ACC${String(i).padStart(4, '0')}`, Urgency__c: i % 2 ? 'High' : 'Low' }),
    );
    const r = row(score({ requests }), 'S1:T1')!;
    expect(r.Breakdown__c.length).toBeLessThanOrEqual(131072);
    const b = breakdownOf(r);
    expect(b.others!.accounts + b.accounts.length).toBe(6000);
    const sum = b.accounts.reduce((s, a) => s + (a.voice as number), 0) + b.others!.voice;
    expect(Math.round(sum * 1e4) / 1e4).toBe(r.Score__c);
    expect(Math.min(...b.accounts.map((a) => a.voice as number))).toBeGreaterThanOrEqual(0.5);
  });
});

it('rejects a now that is not a date', () => {
  expect(() => score({ requests: [req({ Account__c: 'A' })], now: 'yesterday' })).toThrow(
    "computeScores: 'now' must be a date/time, got yesterday",
  );
  expect(DEFAULTS.quorumSize).toBe(6);
});
