/**
 * Property-based tests: the fast engine equals the readable model (model/reference.ts) on
 * random orgs — values, ranks and breakdowns — and both keep the scoring principles of
 * docs/SCORING.md.
 */
import fc from 'fast-check';
import {
  computeScores,
  resolveProfile,
  scoreModel,
  type ModelInput,
  type RequestRecord,
  type ScoreRow,
  type ThemeRecord,
} from '../../src/domain';
import { DEFAULTS, NOW, breakdownOf, theme } from './world';

const ACCOUNTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];
/** A9 belongs to S1 but never asks. */
const ALL_ACCOUNTS = [...ACCOUNTS, 'A9'];
const OPPS = [
  { Id: 'O1', AccountId: 'A1', IsClosed: false },
  { Id: 'O2', AccountId: 'A2', IsClosed: true },
  { Id: 'O3', AccountId: 'A4', IsClosed: false },
  { Id: 'O4', AccountId: 'A1', IsClosed: false },
];
const MEMBERS = [
  { Opportunity__c: 'O1', Contact__c: 'C1', Role__c: 'Economic Buyer', Influence__c: 'High' },
  { Opportunity__c: 'O1', Contact__c: 'C2', Role__c: 'End User', Has_Veto__c: true },
  { Opportunity__c: 'O3', Contact__c: 'C3', Role__c: 'Influencer', Influence__c: 'Low' },
  { Opportunity__c: 'O4', Contact__c: 'C2', Role__c: 'Technical Evaluator' },
];
const ROLES = [
  { OpportunityId: 'O2', ContactId: 'C4', Role: 'Decision Maker' },
  { OpportunityId: 'O4', ContactId: 'C5', Role: 'Business User' },
  { OpportunityId: 'O1', ContactId: 'C1', Role: 'Business User' },
];

const themeArb = fc.record({
  T1: fc.constantFrom('Open', 'Delivered', 'Declined', 'Suggested', null),
  T3: fc.constantFrom('Open', 'Planned', 'Delivered'),
});
const themesOf = (status: { T1: string | null; T3: string }): ThemeRecord[] => [
  theme('T1', 'Alpha', { Status__c: status.T1 }),
  theme('T2', 'Alpha'),
  theme('T3', 'Beta', { Status__c: status.T3 }),
  theme('T4', 'Gamma', { Merged_Into__c: 'T3' }),
];

const membershipArb = fc.record(
  Object.fromEntries(
    ALL_ACCOUNTS.map((a) => [a, fc.subarray(['S1', 'S2', 'S3'], { minLength: 0 })]),
  ) as Record<string, fc.Arbitrary<string[]>>,
);

const requestArb = fc.record({
  Account__c: fc.constantFrom(...ACCOUNTS),
  Theme__c: fc.constantFrom('T1', 'T2', 'T3', 'T4', null),
  Suggested_Theme__c: fc.constantFrom(null, 'T2'),
  Urgency__c: fc.constantFrom('Critical', 'High', 'Medium', 'Low', null),
  Source__c: fc.constantFrom('Account Team', 'Inside Sales', 'Support', 'Partner', null),
  Status__c: fc.constantFrom('New', 'Under Review', 'Planned', 'Declined', 'Delivered'),
  Workaround__c: fc.constantFrom(null, 'None', 'Partner Can Deliver', 'Customer Can Self-Serve'),
  Deal_Blocker__c: fc.boolean(),
  Revenue_At_Stake__c: fc.constantFrom(null, 0, 10000, 250000, 5e6),
  Opportunity__c: fc.constantFrom(null, 'O1', 'O2', 'O3', 'O4'),
  Requested_By__c: fc.constantFrom(null, 'C1', 'C2', 'C3', 'C4', 'C5'),
  Needed_By__c: fc.constantFrom(null, '2026-07-01', '2026-12-31'),
  askedAgo: fc.option(fc.integer({ min: -3, max: 2000 })),
  createdAgo: fc.integer({ min: 0, max: 2000 }),
});

const day = (ago: number) => new Date(Date.parse(NOW) - ago * 86400000).toISOString();

const toRequests = (list: unknown[]): RequestRecord[] =>
  list.map((raw, i) => {
    const { askedAgo, createdAgo, ...r } = raw as {
      askedAgo: number | null;
      createdAgo: number;
    } & Record<string, unknown>;
    return {
      Id: `R${String(i).padStart(4, '0')}`,
      Name: 'x',
      CreatedDate: day(createdAgo),
      Asked_On__c: askedAgo === null ? null : day(askedAgo).slice(0, 10),
      ...r,
    } as RequestRecord;
  });

interface World {
  requests: RequestRecord[];
  themes: ThemeRecord[];
  memberships: Map<string, string[]>;
  segments?: string[];
  baseline?: Map<string, { score: number; accounts: number }> | null;
  profile?: typeof DEFAULTS;
}

function modelInput(w: World): ModelInput {
  const segments = w.segments ?? ['S1', 'S2', 'S3'];
  return {
    accounts: ALL_ACCOUNTS,
    memberships: new Map(
      [...w.memberships].map(([a, list]) => [a, list.filter((s) => segments.includes(s))]),
    ),
    segments: segments.map((segmentId) => ({
      segmentId,
      accountCount: [...w.memberships.values()].filter((l) => l.includes(segmentId)).length,
    })),
    opportunities: OPPS,
    committeeMembers: MEMBERS,
    contactRoles: ROLES,
    requests: w.requests,
    themes: w.themes,
    profile: w.profile ?? DEFAULTS,
    now: new Date(NOW),
    themeOf: new Map([['R0001', 'T3']]),
    baseline: w.baseline ?? null,
  };
}

function engine(w: World, shuffle: <T>(xs: T[]) => T[] = (xs) => xs): ScoreRow[] {
  const m = modelInput(w);
  return computeScores({
    accounts: shuffle(ALL_ACCOUNTS.map((Id) => ({ Id }))),
    memberships: new Map(shuffle([...m.memberships])),
    segments: shuffle(m.segments.map((s) => ({ ...s, status: 'Valid' as const, active: true }))),
    opportunities: shuffle([...OPPS]),
    committeeMembers: shuffle([...MEMBERS]),
    contactRoles: shuffle([...ROLES]),
    requests: shuffle([...w.requests]),
    themes: shuffle([...w.themes]),
    profile: m.profile,
    now: NOW,
    runId: 'RUN1',
    themeOf: m.themeOf,
    baseline: m.baseline,
  });
}

const worldArb = fc.record({
  requests: fc.array(requestArb, { maxLength: 40 }).map(toRequests),
  themes: themeArb.map(themesOf),
  memberships: membershipArb.map((m) => new Map(Object.entries(m))),
});

const byKey = (rows: ScoreRow[]) => new Map(rows.map((r) => [r.Score_Key__c, r]));
const CONFIG = { numRuns: 150 };

describe('the fast engine equals the readable model', () => {
  it('on values, ranks and every factor of every breakdown', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.option(fc.constant(new Map([['ALL:T3', { score: 1, accounts: 1 }]]))),
        (w, baseline) => {
          const world = { ...w, baseline };
          const model = scoreModel(modelInput(world));
          const rows = engine(world);
          expect(rows.map((r) => r.Score_Key__c).sort()).toEqual(model.map((r) => r.key).sort());
          const got = byKey(rows);
          for (const m of model) {
            const r = got.get(m.key)!;
            expect({
              score: r.Score__c,
              rank: r.Rank__c,
              accounts: r.Account_Count__c,
              size: r.Segment_Account_Count__c,
              penetration: r.Penetration__c,
              normalized: r.Normalized_Score__c,
              requests: r.Request_Count__c,
              revenue: r.Revenue_At_Stake__c,
              decision: r.Decision_Backed_Count__c,
              useOnly: r.Use_Only_Count__c,
              blockers: r.Deal_Blocker_Count__c,
              earliest: r.Earliest_Needed_By__c,
              quorum: r.Quorum_Reached__c,
              status: r.Theme_Status__c,
              change: r.Score_Change_90d__c,
              accountChange: r.Account_Change_90d__c,
            }).toEqual({
              score: m.score,
              rank: m.rank,
              accounts: m.accounts,
              size: m.segmentAccounts,
              penetration: m.penetration,
              normalized: m.normalizedScore,
              requests: m.requests,
              revenue: m.revenue,
              decision: m.decisionBacked,
              useOnly: m.useOnly,
              blockers: m.dealBlockers,
              earliest: m.earliestNeededBy,
              quorum: m.quorumReached,
              status: m.themeStatus,
              change: m.scoreChange90d,
              accountChange: m.accountChange90d,
            });
            const b = breakdownOf(r);
            expect(b.accounts).toEqual(
              m.voices.map((v) => ({
                ...v,
                urgencyWeight: round4(v.urgencyWeight),
                sourceWeight: round4(v.sourceWeight),
                sideWeight: round4(v.sideWeight),
                influenceWeight: round4(v.influenceWeight),
                workaroundWeight: round4(v.workaroundWeight),
                blocker: round4(v.blocker),
                decay: round4(v.decay),
                weight: round4(v.weight),
                revenue: Math.round(v.revenue * 100) / 100,
                revenueFactor: round4(v.revenueFactor),
              })),
            );
          }
        },
      ),
      CONFIG,
    );
  });
});

const round4 = (x: number) => Math.round(x * 10000) / 10000;

describe('scoring principles', () => {
  it('a Delivered or Declined theme never has a rank; open themes always do', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const status = new Map(w.themes.map((t) => [t.Id, t.Status__c]));
        for (const r of engine(w)) {
          const closed = ['Delivered', 'Declined'].includes(status.get(r.Theme__c) ?? '');
          expect(r.Rank__c === null).toBe(closed);
        }
      }),
      CONFIG,
    );
  });

  it('input order changes nothing', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (w, seed) => {
        let s = seed;
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) | 0;
            const j = Math.abs(s) % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const plain = engine(w).map((r) => ({ ...r }));
        const shuffled = engine(w, shuffle).map((r) => ({ ...r }));
        expect(byKey(shuffled)).toEqual(byKey(plain));
      }),
      CONFIG,
    );
  });

  it('the breakdown sums to the score', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        for (const r of engine(w)) {
          const b = breakdownOf(r);
          const sum =
            b.accounts.reduce((s, a) => s + (a.voice as number), 0) + (b.others?.voice ?? 0);
          expect(Math.abs(sum - r.Score__c)).toBeLessThan(1e-9);
          expect(b.accounts.length + (b.others?.accounts ?? 0)).toBe(r.Account_Count__c);
        }
      }),
      CONFIG,
    );
  });

  it('adding a segment never changes another segment’s figures', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const without = byKey(engine({ ...w, segments: ['S1', 'S2'] }));
        const withS3 = byKey(engine({ ...w, segments: ['S1', 'S2', 'S3'] }));
        for (const [key, row] of without) {
          if (key.startsWith('ALL:')) continue;
          const { Breakdown__c: a, ...rest } = { ...row, Computed_At__c: '' };
          const other = { ...withS3.get(key)!, Computed_At__c: '' };
          const { Breakdown__c: b, ...restOther } = other;
          expect(restOther).toEqual(rest);
          expect(b).toBe(a);
        }
      }),
      CONFIG,
    );
  });

  it('an account in two segments counts in both', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const rows = engine(w);
        for (const r of rows.filter((x) => x.Segment__c)) {
          for (const a of breakdownOf(r).accounts)
            expect(w.memberships.get(a.account)).toContain(r.Segment__c);
        }
        for (const all of rows.filter((x) => !x.Segment__c)) {
          for (const a of breakdownOf(all).accounts) {
            for (const s of w.memberships.get(a.account) ?? []) {
              const seg = rows.find((x) => x.Score_Key__c === `${s}:${all.Theme__c}`)!;
              expect(breakdownOf(seg).accounts.map((x) => x.account)).toContain(a.account);
            }
          }
        }
      }),
      CONFIG,
    );
  });

  it('a workaround never raises a weight', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Partner Can Deliver', 'Customer Can Self-Serve'),
        fc.record({ w: fc.double({ min: 0, max: 1, noNaN: true }) }),
        (workaround, { w }) => {
          const field =
            workaround === 'Partner Can Deliver'
              ? 'Workaround_Partner__c'
              : 'Workaround_Self_Serve__c';
          const { profile } = resolveProfile({ [field]: w });
          const base = { Account__c: 'A1', Theme__c: 'T3', Status__c: 'New' };
          const score = (extra: Partial<RequestRecord>) =>
            engine({
              requests: toRequests([{ ...base, ...extra, askedAgo: 0, createdAgo: 0 }]),
              themes: themesOf({ T1: 'Open', T3: 'Open' }),
              memberships: new Map(),
              profile,
            }).find((r) => r.Score_Key__c === 'ALL:T3')!.Score__c;
          expect(score({ Workaround__c: workaround })).toBeLessThanOrEqual(
            score({ Workaround__c: 'None' }),
          );
          // A weight above 1 is refused and the default used instead.
          expect(resolveProfile({ [field]: 1.5 }).errors).toHaveLength(1);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('six accounts that asked within the last year outrank three that asked this week', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom('Critical', 'High', 'Medium', 'Low'),
        fc.constantFrom('Account Team', 'Support', 'Partner'),
        (ages, urgency, source) => {
          const ask = (account: string, themeId: string, ago: number) => ({
            Account__c: account,
            Theme__c: themeId,
            Status__c: 'New',
            Urgency__c: urgency,
            Source__c: source,
            askedAgo: ago,
            createdAgo: 0,
          });
          const requests = toRequests([
            ...ages.map((ago, i) => ask(ACCOUNTS[i], 'T3', ago)),
            ask('A1', 'T2', 0),
            ask('A2', 'T2', 0),
            ask('A3', 'T2', 1),
          ]);
          const rows = engine({
            requests,
            themes: themesOf({ T1: 'Open', T3: 'Open' }),
            memberships: new Map(),
          });
          const rank = (t: string) => rows.find((r) => r.Score_Key__c === `ALL:${t}`)!.Rank__c!;
          expect(rank('T3')).toBeLessThan(rank('T2'));
        },
      ),
      { numRuns: 50 },
    );
  });
});
