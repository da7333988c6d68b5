/** Property-based tests of DESIGN.md's scoring properties on random inputs. */
import fc from 'fast-check';
import { computeScores, type RequestRecord, type ScoreRow } from '../../src/domain';
import { DEFAULTS, NOW, breakdownOf, theme } from './world';

const ACCOUNTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];
/** A9 is an account in S1 that no generated request comes from. */
const ALL_ACCOUNTS = [...ACCOUNTS, 'A9'];
const THEMES = [
  theme('T1', 'Alpha'),
  theme('T2', 'Alpha'),
  theme('T3', 'Beta'),
  theme('T4', 'Gamma', { Merged_Into__c: 'T3' }),
];
const SEGMENT_OF: Record<string, string | null> = {
  A1: 'S1',
  A2: 'S1',
  A3: 'S1',
  A4: 'S2',
  A5: 'S2',
  A6: null,
  A7: 'S1',
  A9: 'S1',
};
const OPPS = [
  { Id: 'O1', AccountId: 'A1', IsClosed: false },
  { Id: 'O2', AccountId: 'A2', IsClosed: true },
  { Id: 'O3', AccountId: 'A4', IsClosed: false },
];
const MEMBERS = [
  { Opportunity__c: 'O1', Contact__c: 'C1', Role__c: 'Economic Buyer' },
  { Opportunity__c: 'O1', Contact__c: 'C2', Role__c: 'End User' },
  { Opportunity__c: 'O3', Contact__c: 'C3', Role__c: 'Influencer' },
];
const ROLES = [{ OpportunityId: 'O2', ContactId: 'C4', Role: 'Decision Maker' }];

const requestArb = fc.record({
  Account__c: fc.constantFrom(...ACCOUNTS),
  Theme__c: fc.constantFrom('T1', 'T2', 'T3', 'T4'),
  Urgency__c: fc.constantFrom('Critical', 'High', 'Medium', 'Low', null),
  Source__c: fc.constantFrom(
    'Account Team',
    'Inside Sales',
    'Customer Success',
    'Support',
    'Partner',
    null,
  ),
  Status__c: fc.constantFrom('New', 'Under Review', 'Planned', 'Declined', 'Delivered'),
  Deal_Blocker__c: fc.boolean(),
  Revenue_At_Stake__c: fc.constantFrom(null, 0, 10000, 250000, 5e6),
  Opportunity__c: fc.constantFrom(null, 'O1', 'O2', 'O3'),
  Requested_By__c: fc.constantFrom(null, 'C1', 'C2', 'C3', 'C4'),
  Needed_By__c: fc.constantFrom(null, '2026-07-01', '2026-12-31'),
  age: fc.integer({ min: 0, max: 2000 }),
});

const toRequests = (list: unknown[]): RequestRecord[] =>
  list.map((raw, i) => {
    const { age, ...r } = raw as { age: number } & Record<string, unknown>;
    return {
      Id: `R${String(i).padStart(4, '0')}`,
      Name: 'x',
      CreatedDate: new Date(Date.parse(NOW) - age * 86400000).toISOString(),
      ...r,
    } as RequestRecord;
  });

function run(requests: RequestRecord[], opts: { shuffle?: <T>(xs: T[]) => T[] } = {}): ScoreRow[] {
  const sh = opts.shuffle ?? (<T>(xs: T[]) => xs);
  return computeScores({
    accounts: sh(ALL_ACCOUNTS.map((Id) => ({ Id }))),
    accountSegment: new Map(sh(Object.entries(SEGMENT_OF))),
    segments: sh([
      { segmentId: 'S1', accountCount: 5 },
      { segmentId: 'S2', accountCount: 2 },
    ]),
    opportunities: sh(OPPS),
    committeeMembers: sh(MEMBERS),
    contactRoles: sh(ROLES),
    requests: sh(requests),
    themes: sh(THEMES),
    profile: DEFAULTS,
    now: NOW,
    runId: null,
  });
}

const scoreMap = (rows: ScoreRow[]) => new Map(rows.map((r) => [r.Score_Key__c, r.Score__c]));
const requestsArb = fc.array(requestArb, { minLength: 1, maxLength: 25 });
const params = { numRuns: 80 };

describe('scoring properties', () => {
  it('extra requests from an already-counted account never raise the score beyond its strongest', () => {
    fc.assert(
      fc.property(requestsArb, fc.nat(), fc.nat(), (list, pick, copies) => {
        const requests = toRequests(list);
        const before = run(requests);
        const base = requests[pick % requests.length];
        // Duplicates of an existing request (same account, theme, weight) change nothing...
        const dupes = Array.from({ length: (copies % 3) + 1 }, (_, i) => ({
          ...base,
          Id: `Z${i}`,
        }));
        expect(scoreMap(run([...requests, ...dupes]))).toEqual(scoreMap(before));
        // ...and each account's voice is at most the cap and its single strongest request.
        for (const r of before) {
          for (const a of breakdownOf(r).accounts) {
            expect(a.voice as number).toBeLessThanOrEqual(DEFAULTS.accountVoiceCap);
            expect(a.voice as number).toBeCloseTo(
              Math.min(3, (a.weight as number) * (a.revenueFactor as number)),
              3,
            );
          }
        }
      }),
      params,
    );
  });

  it('adding an account never lowers a score', () => {
    fc.assert(
      fc.property(requestsArb, requestArb, (list, extra) => {
        const requests = toRequests(list);
        const newcomer = { ...toRequests([extra])[0], Id: 'NEW', Account__c: 'A9' };
        const before = scoreMap(run(requests));
        const after = scoreMap(run([...requests, newcomer]));
        for (const [key, s] of before) expect(after.get(key) ?? 0).toBeGreaterThanOrEqual(s);
      }),
      params,
    );
  });

  it('input order never changes any output', () => {
    fc.assert(
      fc.property(requestsArb, fc.integer(), (list, seed) => {
        const requests = toRequests(list);
        let s = seed >>> 0;
        const rand = () => {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          return s / 2 ** 32;
        };
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        expect(run(requests, { shuffle })).toEqual(run(requests));
      }),
      params,
    );
  });

  it('the breakdown sums to the score', () => {
    fc.assert(
      fc.property(requestsArb, (list) => {
        for (const r of run(toRequests(list))) {
          const b = breakdownOf(r);
          const sum =
            b.accounts.reduce((acc, a) => acc + (a.voice as number), 0) + (b.others?.voice ?? 0);
          expect(Math.round(sum * 1e4) / 1e4).toBe(r.Score__c);
          expect(b.accounts).toHaveLength(r.Account_Count__c);
        }
      }),
      params,
    );
  });

  it('Delivered requests never count', () => {
    fc.assert(
      fc.property(requestsArb, (list) => {
        const requests = toRequests(list);
        const withoutDelivered = requests.filter((r) => r.Status__c !== 'Delivered');
        expect(run(requests)).toEqual(run(withoutDelivered));
        const delivered = requests.map((r) => ({ ...r, Status__c: 'Delivered' }));
        expect(run(delivered)).toEqual([]);
      }),
      params,
    );
  });

  it('ties rank by accounts, then theme name', () => {
    fc.assert(
      fc.property(requestsArb, (list) => {
        const rows = run(toRequests(list));
        const name = (id: string) => THEMES.find((t) => t.Id === id)?.Name ?? '';
        for (const seg of [null, 'S1', 'S2']) {
          const ranked = rows
            .filter((r) => r.Segment__c === seg)
            .sort((a, b) => a.Rank__c - b.Rank__c);
          ranked.forEach((r, i) => expect(r.Rank__c).toBe(i + 1));
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1], ranked[i]];
            expect(a.Score__c).toBeGreaterThanOrEqual(b.Score__c);
            if (a.Score__c === b.Score__c) {
              expect(a.Account_Count__c).toBeGreaterThanOrEqual(b.Account_Count__c);
              if (a.Account_Count__c === b.Account_Count__c)
                expect(name(a.Theme__c) <= name(b.Theme__c)).toBe(true);
            }
          }
        }
      }),
      params,
    );
  });
});

describe('Breakdown_Digest__c', () => {
  // Change detection compares digests instead of texts: that is only sound if two rows' digests
  // are equal exactly when their Breakdown__c texts are.
  const edits = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), request: requestArb }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), request: requestArb }),
  );
  it('is equal exactly when the breakdown text is, across edits of the requests', () => {
    fc.assert(
      fc.property(requestsArb, fc.array(edits, { maxLength: 3 }), (list, changes) => {
        const after = [...list];
        for (const c of changes) {
          if (c.kind === 'add') after.push(c.request);
          else if (after.length > 1 && c.kind === 'drop') after.splice(c.at % after.length, 1);
          else if (c.kind === 'replace') after[c.at % after.length] = c.request;
        }
        const before = new Map(run(toRequests(list)).map((r) => [r.Score_Key__c, r]));
        for (const r of run(toRequests(after))) {
          const old = before.get(r.Score_Key__c);
          if (!old) continue;
          expect(r.Breakdown_Digest__c === old.Breakdown_Digest__c).toBe(
            r.Breakdown__c === old.Breakdown__c,
          );
        }
      }),
      params,
    );
  });

  it('is equal exactly when the breakdown text is, across profile weights', () => {
    fc.assert(
      fc.property(requestsArb, fc.constantFrom(0.5, 1.1, 2), (list, use) => {
        const requests = toRequests(list);
        const base = run(requests);
        const other = computeScores({
          accounts: ALL_ACCOUNTS.map((Id) => ({ Id })),
          accountSegment: new Map(Object.entries(SEGMENT_OF)),
          segments: [
            { segmentId: 'S1', accountCount: 5 },
            { segmentId: 'S2', accountCount: 2 },
          ],
          opportunities: OPPS,
          committeeMembers: MEMBERS,
          contactRoles: ROLES,
          requests,
          themes: THEMES,
          profile: { ...DEFAULTS, side: { ...DEFAULTS.side, Use: use } },
          now: NOW,
          runId: null,
        });
        const byKey = new Map(other.map((r) => [r.Score_Key__c, r]));
        for (const r of base) {
          const o = byKey.get(r.Score_Key__c) as ScoreRow;
          // A row whose entries are all on other sides prints the same text: same digest.
          expect(o.Breakdown_Digest__c === r.Breakdown_Digest__c).toBe(
            o.Breakdown__c === r.Breakdown__c,
          );
        }
      }),
      params,
    );
  });
});
