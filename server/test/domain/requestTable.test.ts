/**
 * The engine's columnar inputs: what goes in comes back out, request text is pruned only where
 * grouping cannot read it, and scoring from tables equals scoring from records.
 */
import fc from 'fast-check';
import {
  computeScores,
  groupThemes,
  resolveProfile,
  textRecords,
  toDealTable,
  toRequestTable,
  type RequestRecord,
  type ThemeRecord,
} from '../../src/domain';
import { Dictionary, int32 } from '../../src/domain/columns';
import { dayNumber } from '../../src/domain/numbers';
import { newDictionaries } from '../../src/domain/requestTable';
import { loadFixture } from '../fixtures/grouping/evaluate';

describe('Dictionary and Column', () => {
  it('codes each distinct value once, blank as 0, and finds without adding', () => {
    const d = new Dictionary();
    expect(d.code('a')).toBe(1);
    expect(d.code('b')).toBe(2);
    expect(d.code(['a'].join(''))).toBe(1);
    expect(d.code(null)).toBe(0);
    expect(d.code('')).toBe(0);
    expect(d.find('zz')).toBe(-1);
    expect(d.find(undefined)).toBe(0);
    expect(d.size).toBe(3);
    expect(d.values).toEqual([null, 'a', 'b']);
  });

  it('grows a column past its first block and trims it to its length', () => {
    const c = int32();
    for (let i = 0; i < 5000; i++) c.push(i * 3);
    c.set(7, -1);
    const out = c.done();
    expect(out).toHaveLength(5000);
    expect(out[4999]).toBe(14997);
    expect(out[7]).toBe(-1);
    expect(c.get(10)).toBe(30);
  });
});

const request = fc.record({
  Id: fc.string({ minLength: 1, maxLength: 6 }),
  Account__c: fc.constantFrom('001A', '001B', '001C'),
  Opportunity__c: fc.constantFrom(null, '006A', '006B'),
  Requested_By__c: fc.constantFrom(null, '003A', '003B'),
  Theme__c: fc.constantFrom(null, 't1', 't2'),
  Suggested_Theme__c: fc.constantFrom(null, 't1', 'sugg-x'),
  Urgency__c: fc.constantFrom(null, 'High', 'Low', 'constructor'),
  Source__c: fc.constantFrom(null, 'Partner', 'Support'),
  Status__c: fc.constantFrom(null, 'New', 'Delivered'),
  Revenue_At_Stake__c: fc.option(fc.double({ min: -10, max: 1e7, noNaN: true })),
  Deal_Blocker__c: fc.option(fc.boolean()),
  Needed_By__c: fc.constantFrom(null, '2026-03-01', 'not a date'),
  CreatedDate: fc.constantFrom(null, '2025-01-02T03:04:05.000+0000', '2024-12-31'),
  Name: fc.option(fc.string()),
  Description__c: fc.option(fc.string()),
});

describe('RequestTable', () => {
  it('keeps every field the engine reads, by code', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (records) => {
        const t = toRequestTable(records as RequestRecord[]);
        expect(t.length).toBe(records.length);
        records.forEach((r, i) => {
          expect(t.id[i]).toBe(r.Id);
          expect(t.ids.values[t.account[i]]).toBe(r.Account__c);
          expect(t.ids.values[t.opportunity[i]]).toBe(r.Opportunity__c);
          expect(t.ids.values[t.requestedBy[i]]).toBe(r.Requested_By__c);
          expect(t.themes.values[t.theme[i]]).toBe(r.Theme__c);
          expect(t.themes.values[t.suggestedTheme[i]]).toBe(r.Suggested_Theme__c);
          expect(t.picklists.values[t.urgency[i]]).toBe(r.Urgency__c);
          expect(t.picklists.values[t.status[i]]).toBe(r.Status__c);
          expect(t.askedDay[i]).toBe(r.CreatedDate ? dayNumber(r.CreatedDate) : -1);
          expect(t.neededDay[i]).toBe(r.Needed_By__c ? dayNumber(r.Needed_By__c) : -1);
          expect(t.revenue[i]).toBe(r.Revenue_At_Stake__c ?? NaN);
          expect(t.dealBlocker[i]).toBe(r.Deal_Blocker__c === true ? 1 : 0);
          expect(t.name[i]).toBe(r.Name);
          expect(t.textKept[i]).toBe(1);
        });
      }),
    );
  });

  it("keeps the text of every request grouping can sample, whatever the merges ('grouping')", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 9999 }),
            theme: fc.integer({ min: 0, max: 4 }),
            themed: fc.boolean(),
          }),
          { maxLength: 120 },
        ),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        (rows, mergeTarget) => {
          const seen = new Set<number>();
          const records = rows
            .filter((r) => !seen.has(r.n) && seen.add(r.n))
            .map((r) => ({
              Id: `a04${String(r.n).padStart(15, '0')}`,
              Account__c: '001',
              Theme__c: r.themed ? `t${r.theme}` : null,
              Name: `name ${r.n}`,
              Description__c: `text ${r.n}`,
            }));
          const t = toRequestTable(records, 'grouping');
          const kept = new Set(textRecords(t).map((r) => r.Id));
          for (let i = 0; i < t.length; i++) expect(t.textKept[i] === 1).toBe(t.name[i] !== null);
          // Any merge: theme i counts for theme mergeTarget[i]. Grouping samples, per resolved
          // theme, the first 10 requests by Id among Theme__c.
          const byResolved = new Map<string, string[]>();
          for (const r of [...records].sort((a, b) => (a.Id < b.Id ? -1 : 1))) {
            if (!r.Theme__c) continue;
            const key = `t${mergeTarget[Number(r.Theme__c.slice(1))]}`;
            const list = byResolved.get(key) ?? [];
            if (list.length < 10) list.push(r.Id);
            byResolved.set(key, list);
          }
          for (const list of byResolved.values())
            for (const id of list) expect(kept.has(id)).toBe(true);
          // Unthemed requests always keep their text; at most 10 per Theme__c value do.
          for (const r of records) if (!r.Theme__c) expect(kept.has(r.Id)).toBe(true);
          expect(kept.size).toBeLessThanOrEqual(records.filter((r) => !r.Theme__c).length + 50);
        },
      ),
    );
  });

  it('groups the kept text exactly as all requests would be grouped, also after a merge', () => {
    const fixture = loadFixture();
    const themes: ThemeRecord[] = fixture.themes.map((t, i) =>
      i === 1 ? { ...t, Merged_Into__c: fixture.themes[0].Id } : t,
    );
    // Many more themed requests than a theme samples, with Ids before and after the fixture's.
    const extra: RequestRecord[] = [];
    for (let k = 0; k < 40; k++) {
      for (const [j, theme] of fixture.themes.entries()) {
        const source = fixture.requests[(k * 7 + j) % fixture.requests.length];
        extra.push({
          ...source,
          Id: `${k % 2 ? 'a00' : 'zzz'}${String(k).padStart(4, '0')}${j}`,
          Theme__c: theme.Id,
        });
      }
    }
    const records = [...fixture.requests, ...extra];
    const table = toRequestTable(records, 'grouping');
    const pruned = textRecords(table);
    expect(records.length - pruned.length).toBeGreaterThan(100); // text was dropped
    expect(groupThemes({ requests: pruned, themes })).toEqual(
      groupThemes({ requests: records, themes }),
    );
  });
});

describe('scoring from tables', () => {
  const { profile } = resolveProfile(null);
  const base = {
    accounts: [{ Id: '001A' }, { Id: '001B' }],
    memberships: new Map([
      ['001A', ['S1']],
      ['001B', ['S1']],
    ]),
    segments: [{ segmentId: 'S1', accountCount: 2 }],
    themes: [
      { Id: 't1', Name: 'One' },
      { Id: 't2', Name: 'Two' },
    ],
    profile,
    now: '2026-06-01T00:00:00Z',
  };
  const opportunities = [
    { Id: '006A', AccountId: '001A', IsClosed: false },
    { Id: '006B', AccountId: '001B', StageName: 'Closed Won' },
  ];
  const committeeMembers = [
    { Opportunity__c: '006A', Contact__c: '003A', Role__c: 'Decision Maker' },
  ];
  const contactRoles = [{ OpportunityId: '006B', ContactId: '003B', Role: 'Business User' }];
  const records: RequestRecord[] = [
    {
      Id: 'r1',
      Account__c: '001A',
      Opportunity__c: '006A',
      Requested_By__c: '003A',
      Theme__c: 't1',
      Urgency__c: 'High',
      CreatedDate: '2026-05-01T00:00:00Z',
    },
    {
      Id: 'r2',
      Account__c: '001B',
      Opportunity__c: '006B',
      Requested_By__c: '003B',
      Theme__c: 't1',
      Deal_Blocker__c: true,
      Revenue_At_Stake__c: 50000,
    },
    {
      Id: 'r3',
      Account__c: '001B',
      Requested_By__c: '003A',
      Theme__c: 't2',
      Needed_By__c: '2026-09-01',
    },
  ];

  it('gives the same rows from records and from a request table with a deal table', () => {
    const fromRecords = computeScores({
      ...base,
      opportunities,
      committeeMembers,
      contactRoles,
      requests: records,
    });
    const table = toRequestTable(records, 'none');
    const deals = toDealTable({ opportunities, committeeMembers, contactRoles }, table);
    const fromTables = computeScores({ ...base, deals, requests: table });
    expect(fromTables.map((r) => ({ ...r }))).toEqual(fromRecords.map((r) => ({ ...r })));
    // The Decision maker on an open deal and the Use side through the standard contact role.
    expect(fromRecords.find((r) => r.Score_Key__c === 'ALL:t1')?.Decision_Backed_Count__c).toBe(1);
  });

  it('refuses a deal table coded with other dictionaries', () => {
    const table = toRequestTable(records, 'none');
    const deals = toDealTable({ opportunities, committeeMembers, contactRoles });
    expect(() => computeScores({ ...base, deals, requests: table })).toThrow(/dictionaries/);
  });
});

describe('scoring finds the input accounts by place', () => {
  const { profile } = resolveProfile(null);
  const themes = [
    { Id: 't1', Name: 'One' },
    { Id: 't2', Name: 'Two' },
  ];
  const opportunities = [{ Id: '006A', AccountId: '001A', IsClosed: false }];
  const committeeMembers = [
    { Opportunity__c: '006A', Contact__c: '003A', Role__c: 'Decision Maker' },
  ];
  const plain = (rows: ReturnType<typeof computeScores>) => rows.map((r) => ({ ...r }));
  const membershipsOf = (entries: readonly (readonly [string, string | null])[]) =>
    new Map(entries.filter(([, s]) => s).map(([a, s]) => [a, [s as string]]));

  it('gives the same rows whether the accounts were coded first, in another order or not at all, and whatever order the memberships have', () => {
    fc.assert(
      fc.property(
        fc.array(request, { maxLength: 25 }),
        fc.shuffledSubarray(['001A', '001B', '001C', '001D']),
        fc.array(fc.constantFrom(null, 'S1', 'S2'), { minLength: 4, maxLength: 4 }),
        (records, accountIds, segs) => {
          const entries = accountIds.map((id, i) => [id, segs[i]] as const);
          const input = {
            accounts: accountIds.map((Id) => ({ Id })),
            segments: [
              { segmentId: 'S1', accountCount: 1 },
              { segmentId: 'S2', accountCount: 1 },
            ],
            themes,
            profile,
            now: '2026-06-01T00:00:00Z',
          };
          const expected = plain(
            computeScores({
              ...input,
              memberships: membershipsOf(entries),
              opportunities,
              committeeMembers,
              requests: records as RequestRecord[],
            }),
          );
          const cases: [readonly string[], Map<string, string | null>][] = [
            [accountIds, new Map(entries)], // as the service reads: accounts coded first
            [[...accountIds].reverse(), new Map([...entries].reverse())],
            [[], new Map(entries)],
          ];
          for (const [coded, accountSegment] of cases) {
            const dictionaries = newDictionaries(coded);
            const table = toRequestTable(records as RequestRecord[], 'none', dictionaries);
            const deals = toDealTable(
              { opportunities, committeeMembers, contactRoles: [] },
              dictionaries,
            );
            const rows = computeScores({
              ...input,
              memberships: membershipsOf([...accountSegment]),
              deals,
              requests: table,
            });
            expect(plain(rows)).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
