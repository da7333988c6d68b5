/** A run's plan, checked without an org: what it writes, in which shape, and what it leaves. */
import {
  planHistory,
  planScores,
  planSegments,
  planThemes,
  stampRequests,
  writeBudget,
} from '../../src/jobs/plan';
import { baselineFrom, historyMonths, monthOf } from '../../src/domain/history';
import { scoreTable, toRequestTable, type SegmentAssignment } from '../../src/domain';
import { DEFAULTS, req, theme } from '../domain/world';

const NOW = new Date('2026-06-15T12:00:00Z');

function table(requests = [req({ Account__c: 'A1' }), req({ Account__c: 'A2', Theme__c: 'T2' })]) {
  return scoreTable({
    accounts: [{ Id: 'A1' }, { Id: 'A2' }],
    memberships: new Map([
      ['A1', ['S1', 'S2']],
      ['A2', ['S2']],
    ]),
    segments: [
      { segmentId: 'S1', accountCount: 1 },
      { segmentId: 'S2', accountCount: 2 },
    ],
    requests,
    themes: [theme('T1'), theme('T2', 'T2', { Status__c: 'Delivered' })],
    profile: DEFAULTS,
    now: NOW,
    runId: 'RUN',
  });
}

describe('planSegments', () => {
  const assignment: SegmentAssignment = {
    segments: [
      {
        segmentId: 'S1',
        name: 'Banks',
        status: 'Valid',
        message: null,
        active: true,
        accountCount: 3,
      },
      {
        segmentId: 'S2',
        name: 'Bad',
        status: 'Invalid',
        message: 'x'.repeat(400),
        active: true,
        accountCount: 0,
      },
    ],
    accountSegment: new Map(),
    memberships: new Map(),
  };
  it('writes only segments whose status, message or member count changed, messages cut to the field', () => {
    const plan = planSegments(assignment, [
      { Id: 'S1', Status__c: 'Valid', Status_Message__c: null, Account_Count__c: 3 },
      { Id: 'S2', Status__c: 'Valid', Account_Count__c: 0 },
    ]);
    expect(plan.updates).toEqual([
      { Id: 'S2', Status__c: 'Invalid', Status_Message__c: 'x'.repeat(255), Account_Count__c: 0 },
    ]);
    expect(plan.invalid).toEqual([{ id: 'S2', name: 'Bad', message: 'x'.repeat(400) }]);
  });
});

describe('planThemes', () => {
  it('creates new suggestions whole and refreshes only the terms of known ones', () => {
    const grouping = {
      attachments: new Map(),
      reasons: new Map(),
      deferred: 0,
      suggestions: [
        { key: 'k1', name: 'SSO', description: 'd', terms: ['sso', 'saml'], requestIds: ['r1'] },
        {
          key: 'k2',
          name: 'Renamed by a PM',
          description: 'd',
          terms: ['pdf'],
          requestIds: ['r2'],
        },
        { key: 'k3', name: 'Same', description: 'd', terms: ['x'], requestIds: ['r3'] },
      ],
    };
    expect(
      planThemes(grouping, [
        { Id: 'T2', Theme_Key__c: 'k2', Match_Terms__c: 'old' },
        { Id: 'T3', Theme_Key__c: 'k3', Match_Terms__c: 'x' },
      ]),
    ).toEqual([
      {
        Theme_Key__c: 'k1',
        Name: 'SSO',
        Description__c: 'd',
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
        Match_Terms__c: 'sso, saml',
      },
      { Theme_Key__c: 'k2', Match_Terms__c: 'pdf' },
    ]);
  });
});

describe('stampRequests', () => {
  it('stamps the primary segment and this run’s suggestion, and nothing already right', () => {
    const t = toRequestTable([
      req({ Id: 'r1', Account__c: 'A1', Segment__c: 'S1' } as never),
      req({ Id: 'r2', Account__c: 'A2', Theme__c: null } as never),
    ]);
    const updates = stampRequests(
      t,
      new Map([
        ['A1', 'S1'],
        ['A2', 'S2'],
      ]),
      new Map([['r2', 'T9']]),
    );
    // An unthemed request's reason is written with its suggestion (none known here: blank).
    expect(updates).toEqual([
      { Id: 'r2', Segment__c: 'S2', Suggested_Theme__c: 'T9', Suggestion_Reason__c: null },
    ]);
  });

  it('writes the reason with the suggestion, and leaves a themed request’s reason alone', () => {
    const t = toRequestTable([
      req({ Id: 'r1', Account__c: 'A1', Segment__c: 'S1', Theme__c: 'T1' } as never),
      req({ Id: 'r2', Account__c: 'A1', Segment__c: 'S1', Theme__c: null } as never),
    ]);
    const updates = stampRequests(
      t,
      new Map([['A1', 'S1']]),
      new Map([['r2', 'T9']]),
      new Map([
        ['r1', 'shares: sso'],
        ['r2', 'shares: SAML, 单点登录 with 3 requests'],
      ]),
    );
    expect(updates).toEqual([
      {
        Id: 'r2',
        Segment__c: 'S1',
        Suggested_Theme__c: 'T9',
        Suggestion_Reason__c: 'shares: SAML, 单点登录 with 3 requests',
      },
    ]);
  });
});

describe('planScores', () => {
  it('upserts new rows, keeps unchanged ones, deletes stale keys by Id; closed themes have no rank', () => {
    const scores = table();
    const first = planScores(scores, [{ Id: 'X1', Score_Key__c: 'S9:T1' }]);
    expect(first.upserts.map((r) => r.Score_Key__c).sort()).toEqual([
      'ALL:T1',
      'ALL:T2',
      'S1:T1',
      'S2:T1',
      'S2:T2',
    ]);
    expect(first.deleteIds).toEqual(['X1']);
    expect(first.gone).toEqual([{ Score_Key__c: 'S9:T1', Segment__c: null, Theme__c: null }]);
    expect(first.upserts.find((r) => r.Score_Key__c === 'S2:T2')!.Rank__c).toBeNull();
    expect(first.upserts.find((r) => r.Score_Key__c === 'S2:T1')!.Rank__c).toBe(1);
    const stored = first.upserts.map((r, i) => ({ ...r, Id: `Y${i}` }));
    expect(planScores(scores, stored)).toEqual({ upserts: [], deleteIds: [], gone: [] });
  });
});

describe('planHistory and the 90-day change', () => {
  it('writes this month’s row only when a figure changed', () => {
    const scores = table();
    const rows = planHistory(scores, [], NOW, 'RUN');
    expect(rows).toHaveLength(scores.length);
    expect(rows[0]).toMatchObject({ Month__c: '2026-06-01', Last_Run__c: 'RUN' });
    expect(rows.every((r) => r.History_Key__c === `${r.Score_Key__c}:2026-06`)).toBe(true);
    expect(planHistory(scores, rows, NOW, 'RUN2')).toEqual([]);
    const changed = rows.map((r, i) => (i === 0 ? { ...r, Score__c: r.Score__c + 1 } : r));
    expect(planHistory(scores, changed, NOW, 'RUN2')).toHaveLength(1);
    // Last month's rows do not count as this month's.
    const lastMonth = rows.map((r) => ({ ...r, Month__c: '2026-05-01' }));
    expect(planHistory(scores, lastMonth, NOW, 'RUN2')).toHaveLength(scores.length);
  });

  it('records a deleted score’s drop to zero once, in this month’s row', () => {
    const scores = table();
    const stored = [
      ...planScores(scores, []).upserts.map((r, i) => ({ ...r, Id: `Y${i}` })),
      { Id: 'X1', Score_Key__c: 'S2:T9', Segment__c: 'S2', Theme__c: 'T9' },
      { Id: 'X2', Score_Key__c: 'ALL:T9', Segment__c: null, Theme__c: 'T9' },
      // The theme was deleted (its lookup cleared) or the segment was: no trend left to show.
      { Id: 'X3', Score_Key__c: 'S1:T8', Segment__c: 'S1', Theme__c: null },
      { Id: 'X4', Score_Key__c: 'S7:T9', Segment__c: null, Theme__c: 'T9' },
    ];
    const plan = planScores(scores, stored);
    expect(plan.deleteIds.sort()).toEqual(['X1', 'X2', 'X3', 'X4']);
    // Last month the theme had demand; this month's row records it fell to zero.
    const history = [
      { Score_Key__c: 'S2:T9', Month__c: '2026-05-01', Score__c: 3.5, Account_Count__c: 3 },
      ...planHistory(scores, [], NOW, 'RUN'),
    ];
    const rows = planHistory(scores, history, NOW, 'RUN2', plan.gone);
    rows.sort((x, y) => x.History_Key__c.localeCompare(y.History_Key__c));
    expect(rows).toEqual([
      expect.objectContaining({ History_Key__c: 'ALL:T9:2026-06', Segment__c: null, Score__c: 0 }),
      {
        History_Key__c: 'S2:T9:2026-06',
        Score_Key__c: 'S2:T9',
        Segment__c: 'S2',
        Theme__c: 'T9',
        Month__c: '2026-06-01',
        Score__c: 0,
        Account_Count__c: 0,
        Request_Count__c: 0,
        Revenue_At_Stake__c: 0,
        Last_Run__c: 'RUN2',
      },
    ]);
    // Once: a zero row already stored this month is not written again (a stale score kept
    // because a write failed comes back next run).
    expect(planHistory(scores, [...history, ...rows], NOW, 'RUN3', plan.gone)).toEqual([]);
    // A row this month with figures (the score existed earlier this month) is overwritten.
    const earlier = {
      Score_Key__c: 'S2:T9',
      Month__c: '2026-06-01',
      Score__c: 2,
      Account_Count__c: 2,
    };
    expect(
      planHistory(scores, [earlier], NOW, 'RUN3', plan.gone).map((r) => r.History_Key__c),
    ).toContain('S2:T9:2026-06');
  });

  it('compares with the month 90 days back; blank without history that old', () => {
    expect(historyMonths(NOW)).toEqual({ baseline: '2026-03-01', current: '2026-06-01' });
    expect(monthOf(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12-01');
    expect(
      baselineFrom([{ Score_Key__c: 'ALL:T1', Month__c: '2026-05-01', Score__c: 1 }], NOW),
    ).toBeNull();
    const baseline = baselineFrom(
      [{ Score_Key__c: 'ALL:T1', Month__c: '2026-03-01', Score__c: 0.25, Account_Count__c: 1 }],
      NOW,
    );
    const t = scoreTable({
      accounts: [{ Id: 'A1' }, { Id: 'A2' }],
      memberships: new Map(),
      segments: [],
      requests: [req({ Account__c: 'A1' }), req({ Account__c: 'A2' })],
      themes: [theme('T1'), theme('T2')],
      profile: DEFAULTS,
      now: NOW,
      baseline,
    }).rows();
    expect(t.map((r) => [r.Score_Key__c, r.Account_Change_90d__c])).toEqual([['ALL:T1', 1]]);
    expect(t[0].Score_Change_90d__c).toBeCloseTo(t[0].Score__c - 0.25, 4);
  });
});

describe('writeBudget', () => {
  it('grows with every kind of write a run may make', () => {
    const base = {
      themes: 0,
      segments: 0,
      requests: 0,
      segmentCount: 0,
      themeCount: 0,
      storedScores: 0,
    };
    const small = writeBudget(base);
    expect(writeBudget({ ...base, requests: 5000 })).toBeGreaterThan(small);
    expect(writeBudget({ ...base, segmentCount: 9, themeCount: 200 })).toBeGreaterThan(small);
    expect(writeBudget({ ...base, storedScores: 3000 })).toBeGreaterThan(small);
  });
});
