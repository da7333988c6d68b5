import {
  ALL_SEGMENTS,
  buildHeatMap,
  drilldownRows,
  drilldownWhere,
  explainScore,
  heatLevel,
  sortRows,
  splitByThemeStatus,
  trendOf,
  strongestRequestIds,
  themeRowsFor,
  withAccountNames,
} from 'c/demandModel';
import { nodesOf } from 'c/graphqlNodes';

const report = require('../../demandReport/__tests__/data/demandReport.json');
const requests = require('../../demandDrilldown/__tests__/data/requests.json');

const scores = nodesOf(report.uiapi.query.Segment_Demand_Score__c);
const S1 = 'a0B000000000001AAA';
const S2 = 'a0B000000000002AAA';
describe('themeRowsFor', () => {
  it('keeps the all-accounts rows (blank segment) in rank order with percent as a fraction', () => {
    const rows = themeRowsFor(scores, ALL_SEGMENTS);
    expect(rows.map((r) => r.themeName)).toEqual([
      'SSO with SAML',
      'Audit log export',
      'Offline mode',
      'CSV export',
    ]);
    expect(rows[0]).toMatchObject({
      score: 7.5,
      accounts: 6,
      penetration: 0.006,
      revenue: 1200000,
      decisionBacked: 4,
      dealBlockers: 2,
      neededBy: '2026-12-01',
      quorumReached: true,
      quorumIcon: 'utility:groups',
    });
    expect(rows[2].quorumIcon).toBeNull();
  });

  it('reads the normalised score, the theme status and the 90-day changes', () => {
    const [sso, audit, offline, csv] = themeRowsFor(scores, ALL_SEGMENTS);
    expect(sso).toMatchObject({
      normalized: 0.75,
      themeStatus: 'Open',
      isClosed: false,
      scoreChange: 1.5,
      accountChange: 2,
      trend: 'up',
      trendIcon: 'utility:arrowup',
    });
    expect(audit).toMatchObject({ trend: 'down', trendIcon: 'utility:arrowdown' });
    expect(offline).toMatchObject({ trend: null, trendIcon: null });
    expect(csv).toMatchObject({ themeStatus: 'Delivered', isClosed: true, rank: null });
  });

  it('sets Delivered and Declined themes apart from the ranked open demand', () => {
    const { open, closed } = splitByThemeStatus(themeRowsFor(scores, ALL_SEGMENTS));
    expect(open.map((r) => r.themeName)).toEqual([
      'SSO with SAML',
      'Audit log export',
      'Offline mode',
    ]);
    expect(closed.map((r) => [r.themeName, r.rank])).toEqual([['CSV export', null]]);
    const declined = { ...closed[0], id: 'x', themeName: 'Blockchain', isClosed: true, score: 9 };
    expect(splitByThemeStatus([...closed, declined]).closed.map((r) => r.themeName)).toEqual([
      'Blockchain',
      'CSV export',
    ]);
  });

  it('says a flat change is flat', () => {
    expect(trendOf(0)).toEqual({ trend: 'flat', trendIcon: 'utility:dash' });
  });

  it('treats an ALL: key as all accounts even when a segment id is present', () => {
    const odd = [
      {
        Id: 'x',
        Score_Key__c: { value: 'ALL:t' },
        Segment__c: { value: S1 },
        Theme__c: { value: 't' },
        Score__c: { value: 1 },
        Rank__c: { value: 1 },
      },
    ];
    expect(themeRowsFor(odd, ALL_SEGMENTS)).toHaveLength(1);
    expect(themeRowsFor(odd, S1)).toHaveLength(0);
  });

  it('filters one segment', () => {
    expect(themeRowsFor(scores, S1).map((r) => [r.themeName, r.score, r.penetration])).toEqual([
      ['SSO with SAML', 5, 0.1],
      ['Audit log export', 2, 0.025],
      ['CSV export', 2, 0.05],
    ]);
  });
});

describe('sortRows', () => {
  it('sorts numbers both ways with blanks last', () => {
    const rows = splitByThemeStatus(themeRowsFor(scores, ALL_SEGMENTS)).open;
    expect(sortRows(rows, 'revenue', 'asc').map((r) => r.revenue)).toEqual([250000, 1200000, null]);
    expect(sortRows(rows, 'revenue', 'desc').map((r) => r.revenue)).toEqual([
      1200000,
      250000,
      null,
    ]);
    expect(sortRows(rows, 'themeName', 'asc').map((r) => r.themeName)).toEqual([
      'Audit log export',
      'Offline mode',
      'SSO with SAML',
    ]);
  });
});

describe('buildHeatMap', () => {
  const map = buildHeatMap(
    scores,
    [
      { id: S1, name: 'EU Banks' },
      { id: S2, name: 'Retail' },
    ],
    'All accounts',
  );

  it('has the all-accounts column first, then segments in the given order', () => {
    expect(map.columns.map((c) => c.name)).toEqual(['All accounts', 'EU Banks', 'Retail']);
  });

  it('shows every score as text and shades it by the segment-normalised score', () => {
    expect(map.normalized).toBe(true);
    expect(map.max).toBe(2.5);
    const table = map.rows.map((row) => [
      row.themeName,
      ...row.cells.map((c) => `${c.text}|${c.className.match(/heat-(\d)/)[1]}`),
    ]);
    // EU Banks (40 accounts) asking for SSO is the darkest cell, darker than all accounts' 7.50.
    expect(table).toEqual([
      ['SSO with SAML', '7.50|2', '5.00|4', '2.50|1'],
      ['Audit log export', '4.25|1', '2.00|2', '2.25|1'],
      ['CSV export', '3.50|1', '2.00|2', '|0'],
      ['Offline mode', '1.00|1', '|0', '|0'],
    ]);
    expect(map.rows[3].cells[1].isBlank).toBe(true);
  });

  it('marks closed themes with their status', () => {
    const csv = map.rows.find((row) => row.themeName === 'CSV export');
    expect(csv).toMatchObject({ isClosed: true, statusLabel: 'Delivered' });
    expect(map.rows[0]).toMatchObject({ isClosed: false, statusLabel: null });
  });

  it('falls back to the score on rows written before the normalised score', () => {
    const old = scores.map((node) => ({ ...node, Normalized_Score__c: { value: null } }));
    const fallback = buildHeatMap(old, [{ id: S1, name: 'EU Banks' }], 'All');
    expect(fallback.normalized).toBe(false);
    expect(fallback.max).toBe(7.5);
    expect(fallback.rows[0].cells.map((c) => c.className)).toEqual([
      'heat-cell heat-4',
      'heat-cell heat-3',
    ]);
  });

  it('gives a legend step per shade, covering 0 to the strongest value', () => {
    expect(map.legend.map((step) => [step.level, step.from, step.to])).toEqual([
      [1, 0, 0.625],
      [2, 0.625, 1.25],
      [3, 1.25, 1.875],
      [4, 1.875, 2.5],
    ]);
    expect(heatLevel(0, 2.5)).toBe(0);
    expect(heatLevel(0.01, 2.5)).toBe(1);
    expect(heatLevel(null, 2.5)).toBe(0);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('ignores scores of segments that are not columns', () => {
    const only = buildHeatMap(scores, [], 'All');
    expect(only.rows.every((row) => row.cells.length === 1)).toBe(true);
  });
});

describe('explainScore', () => {
  const explanation = require('../../demandExplanation/__tests__/data/breakdown.json');
  const names = require('../../demandExplanation/__tests__/data/strongestRequests.json');
  const text = explanation.uiapi.query.Segment_Demand_Score__c.edges[0].node.Breakdown__c.value;

  it('reads a format-3 breakdown with the shared reader, strongest voice first', () => {
    const explained = explainScore(text);
    expect(explained.ok).toBe(true);
    expect(explained.accounts.map((a) => [a.account, a.voice])).toEqual([
      ['001000000000001AAA', 3],
      ['001000000000002AAA', 0.6718],
      ['001000000000003AAA', 0.3536],
    ]);
    expect(explained).toMatchObject({ cap: 3, accountCount: 3, score: 4.0254 });
    expect(explained.total).toBeCloseTo(explained.score, 9);
  });

  it('orders by voice whatever the order of the text', () => {
    const parsed = JSON.parse(text);
    parsed.accounts.reverse();
    expect(explainScore(JSON.stringify(parsed)).accounts.map((a) => a.account)).toEqual(
      explainScore(text).accounts.map((a) => a.account),
    );
  });

  it('lists the strongest requests and adds the names the viewer can see', () => {
    const explained = explainScore(text);
    expect(strongestRequestIds(explained, 2)).toEqual(['a0R000000000002AAA', 'a0R000000000001AAA']);
    const named = withAccountNames(explained, nodesOf(names.uiapi.query.Escalated_Request__c));
    expect(named.accounts.map((a) => a.name)).toEqual(['Acme', 'Globex', undefined]);
  });

  it('reports blank, malformed and older breakdowns as unreadable', () => {
    expect(explainScore('')).toEqual({ ok: false });
    expect(explainScore(null)).toEqual({ ok: false });
    expect(explainScore('{"accounts": [')).toEqual({ ok: false });
    expect(explainScore('{"format":2,"accounts":[]}')).toEqual({ ok: false });
    expect(strongestRequestIds({ ok: false }, 5)).toEqual([]);
  });
});

describe('drill-down', () => {
  it('filters on the effective theme and the segment', () => {
    expect(drilldownWhere('t1', 's1')).toEqual({
      and: [
        {
          or: [
            { Theme__c: { eq: 't1' } },
            { Theme__r: { Merged_Into__c: { eq: 't1' } } },
            {
              and: [
                { Theme__c: { eq: null } },
                {
                  or: [
                    { Suggested_Theme__c: { eq: 't1' } },
                    { Suggested_Theme__r: { Merged_Into__c: { eq: 't1' } } },
                  ],
                },
              ],
            },
          ],
        },
        { Segment__c: { eq: 's1' } },
      ],
    });
    expect(drilldownWhere('t1', null)).toEqual({
      or: [
        { Theme__c: { eq: 't1' } },
        { Theme__r: { Merged_Into__c: { eq: 't1' } } },
        {
          and: [
            { Theme__c: { eq: null } },
            {
              or: [
                { Suggested_Theme__c: { eq: 't1' } },
                { Suggested_Theme__r: { Merged_Into__c: { eq: 't1' } } },
              ],
            },
          ],
        },
      ],
    });
  });

  it('groups rows by account, latest ask first, and counts distinct accounts', () => {
    const { rows, accountCount } = drilldownRows(
      nodesOf(requests.uiapi.query.Escalated_Request__c),
    );
    expect(accountCount).toBe(2);
    expect(rows.map((r) => `${r.accountName}/${r.title}/${r.askedOn}`)).toEqual([
      'Acme/SSO blocks the renewal/2026-11-20',
      'Acme/Okta SAML login/2026-03-10',
      'Globex/SAML for the EU tenant/2026-09-01',
    ]);
    expect(rows[0]).toMatchObject({
      urgency: 'Critical',
      dealBlocker: true,
      revenue: 900000,
    });
    // No hand-built record URL: the drill-down asks NavigationMixin for it.
    expect(rows[0].url).toBeUndefined();
  });

  it('puts a request without an Asked on date after the dated ones of its account', () => {
    const node = (Id, askedOn) => ({
      Id,
      Name: { value: Id },
      Account__c: { value: 'A1' },
      Asked_On__c: { value: askedOn },
    });
    const { rows } = drilldownRows([
      node('r1', null),
      node('r2', '2026-01-05'),
      node('r3', '2026-06-01'),
    ]);
    expect(rows.map((r) => [r.title, r.askedOn])).toEqual([
      ['r3', '2026-06-01'],
      ['r2', '2026-01-05'],
      ['r1', null],
    ]);
  });

  it('shows why a request was suggested, only while people have not themed it', () => {
    const node = (Id, theme) => ({
      Id,
      Name: { value: Id },
      Account__c: { value: 'A1' },
      Theme__c: { value: theme },
      Suggestion_Reason__c: { value: 'shares: SAML, 单点登录 with 3 requests' },
    });
    const { rows } = drilldownRows([node('r1', null), node('r2', 'a0T1')]);
    expect(rows.map((r) => r.suggestionReason)).toEqual([
      'shares: SAML, 单点登录 with 3 requests',
      null,
    ]);
  });
});
