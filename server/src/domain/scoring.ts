/**
 * Segment demand scores (DESIGN.md § Scoring). For each theme and each segment (and once over
 * all accounts) the score is the sum of account voices, where an account's voice is its
 * strongest request's weight scaled by the log of its revenue at stake, capped:
 *
 *   w        = urgency × source × side × decay × (deal blocker ? blocker : 1)
 *   decay    = max(floor, 0.5 ^ (age_days / half_life))
 *   voice(a) = min(cap, max w × (1 + λ·log10(1 + revenue(a) / R0)))
 *
 * Counts on the rows (per segment and theme, over counted requests only):
 * - Account_Count__c: distinct requesting accounts; Request_Count__c: counted requests;
 * - Revenue_At_Stake__c: sum over accounts of each account's largest revenue at stake on the
 *   theme (one account, one voice: repeated requests don't multiply the money);
 * - Decision_Backed_Count__c: accounts whose strongest side on the theme is Decision;
 * - Use_Only_Count__c: accounts where every request on the theme came from the Use side (only
 *   users asked; an Unknown side does not count as Use);
 * - Deal_Blocker_Count__c: accounts with at least one deal-blocking request on the theme.
 *
 * The hot path works on typed arrays indexed by account and theme; records are never parsed
 * one by one. Output never depends on input order: accounts and themes are indexed in Id order
 * and ties between equally strong requests go to the smallest request Id.
 */
import type { Profile } from './profile';
import type {
  AccountRecord,
  CommitteeMemberRecord,
  ContactRoleRecord,
  OpportunityRecord,
  RequestRecord,
  ScoreRow,
  ThemeRecord,
} from './records';
import { buildSideIndex, SIDE_BY_RANK } from './sides';
import { buildMergeResolver } from './themes/resolve';
import { daysBetween, parseTimestamp, round2, round4 } from './numbers';
import { rankRows } from './ranking';
import { buildBreakdown, breakdownEntry, type BreakdownParts } from './breakdown';

export interface ScoredSegment {
  segmentId: string;
  accountCount: number;
  status?: 'Valid' | 'Invalid';
  active?: boolean;
}

export interface ScoreInput {
  accounts: readonly AccountRecord[];
  accountSegment: ReadonlyMap<string, string | null>;
  /** Segments to score (invalid or inactive ones, if given, are skipped) with their sizes. */
  segments: readonly ScoredSegment[];
  opportunities: readonly OpportunityRecord[];
  committeeMembers: readonly CommitteeMemberRecord[];
  contactRoles: readonly ContactRoleRecord[];
  requests: readonly RequestRecord[];
  themes: readonly ThemeRecord[];
  profile: Profile;
  now: Date | string | number;
  runId?: string | null;
  /** This run's grouping for requests without Theme__c (request Id -> theme Id or suggestion key). */
  themeOf?: ReadonlyMap<string, string>;
}

const ALL = 'ALL';

function nowMs(now: Date | string | number): number {
  const ms =
    now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseTimestamp(now);
  if (!Number.isFinite(ms))
    throw new Error(`computeScores: 'now' must be a date/time, got ${String(now)}`);
  return ms;
}

function sortedIndex(ids: Iterable<string>): Map<string, number> {
  const list = [...new Set(ids)].sort();
  const index = new Map<string, number>();
  for (let i = 0; i < list.length; i++) index.set(list[i], i);
  return index;
}

export function computeScores(input: ScoreInput): ScoreRow[] {
  const { profile, requests } = input;
  const now = nowMs(input.now);
  const computedAt = new Date(now).toISOString();
  const counted = new Set(profile.countedStatuses.filter((s) => s !== 'Delivered'));
  const urgency = profile.urgency as Record<string, number>;
  const source = profile.source as Record<string, number>;
  const sideWeight = SIDE_BY_RANK.map((s) => profile.side[s]);
  const halfLife = profile.halfLifeDays;
  const lambda = profile.revenueWeight;
  const r0 = profile.referenceRevenue;
  const cap = profile.accountVoiceCap;
  const resolveTheme = buildMergeResolver(input.themes);
  const sides = buildSideIndex({ ...input, roleSides: profile.roleSides });

  // Effective theme of each counted request; unknown accounts/themes still count (ALL row).
  const n = requests.length;
  const themeOfReq: (string | null)[] = new Array(n);
  const themeIds = input.themes.map((t) => resolveTheme(t.Id));
  const accountIds = input.accounts.map((a) => a.Id);
  for (let i = 0; i < n; i++) {
    const r = requests[i];
    const status = r.Status__c || 'New';
    if (!counted.has(status)) {
      themeOfReq[i] = null;
      continue;
    }
    const raw = r.Theme__c || input.themeOf?.get(r.Id) || r.Suggested_Theme__c || null;
    const t = raw ? resolveTheme(raw) : null;
    themeOfReq[i] = t;
    if (t) {
      themeIds.push(t);
      accountIds.push(r.Account__c);
    }
  }
  const themeIndex = sortedIndex(themeIds);
  const accountIndex = sortedIndex(accountIds);
  const themeList = [...themeIndex.keys()];
  const accountList = [...accountIndex.keys()];
  const nAcc = accountList.length;

  // One slot per (theme, account) pair.
  const pairOf = new Map<number, number>();
  const pBest = new Int32Array(n);
  const pW = new Float64Array(n);
  const pRev = new Float64Array(n);
  const pCount = new Int32Array(n);
  const pMaxSide = new Int8Array(n);
  const pMinSide = new Int8Array(n);
  const pBlocker = new Uint8Array(n);
  const pEarliest = new Int32Array(n);
  const pKey = new Float64Array(n);
  const reqDecay = new Float64Array(n);
  const reqSide = new Int8Array(n);
  let pairs = 0;

  for (let i = 0; i < n; i++) {
    const t = themeOfReq[i];
    if (t === null) continue;
    const r = requests[i];
    const a = accountIndex.get(r.Account__c) as number;
    const side = sides.rankOf(r.Account__c, r.Opportunity__c, r.Requested_By__c);
    const created = parseTimestamp(r.CreatedDate);
    const age = Number.isFinite(created) ? Math.max(0, daysBetween(created, now)) : 0;
    const decay = Math.max(profile.decayFloor, Math.pow(0.5, age / halfLife));
    const blocker = r.Deal_Blocker__c === true;
    const w =
      (urgency[r.Urgency__c ?? ''] ?? profile.urgency.Medium) *
      (source[r.Source__c ?? ''] ?? 1) *
      sideWeight[side] *
      decay *
      (blocker ? profile.dealBlockerFactor : 1);
    reqDecay[i] = decay;
    reqSide[i] = side;
    const rev =
      typeof r.Revenue_At_Stake__c === 'number' && r.Revenue_At_Stake__c > 0
        ? r.Revenue_At_Stake__c
        : 0;
    const key = (themeIndex.get(t) as number) * nAcc + a;
    let p = pairOf.get(key);
    if (p === undefined) {
      p = pairs++;
      pairOf.set(key, p);
      pKey[p] = key;
      pBest[p] = i;
      pW[p] = w;
      pRev[p] = rev;
      pCount[p] = 1;
      pMaxSide[p] = side;
      pMinSide[p] = side;
      pBlocker[p] = blocker ? 1 : 0;
      pEarliest[p] = r.Needed_By__c ? i : -1;
      continue;
    }
    if (w > pW[p] || (w === pW[p] && r.Id < requests[pBest[p]].Id)) {
      pW[p] = w;
      pBest[p] = i;
    }
    if (rev > pRev[p]) pRev[p] = rev;
    pCount[p] += 1;
    if (side > pMaxSide[p]) pMaxSide[p] = side;
    if (side < pMinSide[p]) pMinSide[p] = side;
    if (blocker) pBlocker[p] = 1;
    const nb = r.Needed_By__c;
    if (nb && (pEarliest[p] < 0 || nb < (requests[pEarliest[p]].Needed_By__c as string)))
      pEarliest[p] = i;
  }

  // Segments of accounts (only scored segments get an index).
  const scored = input.segments
    .filter((s) => s.status !== 'Invalid' && s.active !== false)
    .slice()
    .sort((x, y) => (x.segmentId < y.segmentId ? -1 : x.segmentId > y.segmentId ? 1 : 0));
  const segIndex = new Map(scored.map((s, i) => [s.segmentId, i] as const));
  const accSeg = new Int32Array(nAcc).fill(-1);
  for (let a = 0; a < nAcc; a++) {
    const s = input.accountSegment.get(accountList[a]);
    if (s) accSeg[a] = segIndex.get(s) ?? -1;
  }

  const order = pKey.subarray(0, pairs).slice().sort();
  const acc = scored.map(() => newAccumulator());
  const all = newAccumulator();
  const touched: number[] = [];
  const rows: ScoreRow[] = [];
  const base = { computedAt, runId: input.runId ?? null, quorum: profile.quorumSize };

  let current = -1;
  const flush = () => {
    if (current < 0) return;
    const themeId = themeList[current];
    touched.sort((x, y) => x - y);
    for (const s of touched) {
      rows.push(toRow(acc[s], scored[s].segmentId, themeId, scored[s].accountCount, base));
      acc[s] = newAccumulator();
    }
    touched.length = 0;
    rows.push(toRow(all, null, themeId, input.accounts.length, base));
    Object.assign(all, newAccumulator());
  };

  for (let k = 0; k < pairs; k++) {
    const key = order[k];
    const t = Math.floor(key / nAcc);
    if (t !== current) {
      flush();
      current = t;
    }
    const p = pairOf.get(key) as number;
    const a = key - t * nAcc;
    const best = requests[pBest[p]];
    const revenueFactor = 1 + lambda * Math.log10(1 + pRev[p] / r0);
    const voice = round4(Math.min(cap, pW[p] * revenueFactor));
    const parts: BreakdownParts = {
      account: accountList[a],
      request: best.Id,
      requests: pCount[p],
      urgency: urgency[best.Urgency__c ?? ''] ?? profile.urgency.Medium,
      source: source[best.Source__c ?? ''] ?? 1,
      side: SIDE_BY_RANK[reqSide[pBest[p]]],
      sideWeight: sideWeight[reqSide[pBest[p]]],
      decay: reqDecay[pBest[p]],
      blocker: best.Deal_Blocker__c === true ? profile.dealBlockerFactor : 1,
      weight: pW[p],
      revenue: pRev[p],
      revenueFactor,
      voice,
    };
    const entry = breakdownEntry(parts);
    const earliest =
      pEarliest[p] >= 0 ? (requests[pEarliest[p]].Needed_By__c as string).slice(0, 10) : null;
    const add = (x: Accumulator) => {
      x.entries.push(entry);
      x.voices.push(voice);
      x.sum += voice;
      x.accounts += 1;
      x.requests += pCount[p];
      x.revenue += pRev[p];
      if (pMaxSide[p] === 3) x.decision += 1;
      if (pMaxSide[p] === 1 && pMinSide[p] === 1) x.useOnly += 1;
      if (pBlocker[p]) x.blockers += 1;
      if (earliest && (x.earliest === null || earliest < x.earliest)) x.earliest = earliest;
    };
    add(all);
    const s = accSeg[a];
    if (s >= 0) {
      if (acc[s].accounts === 0) touched.push(s);
      add(acc[s]);
    }
  }
  flush();
  const names = new Map<string, string>();
  for (const t of input.themes) names.set(t.Id, t.Name ?? '');
  return rankRows(rows, names);
}

interface Accumulator {
  entries: string[];
  voices: number[];
  sum: number;
  accounts: number;
  requests: number;
  revenue: number;
  decision: number;
  useOnly: number;
  blockers: number;
  earliest: string | null;
}

function newAccumulator(): Accumulator {
  return {
    entries: [],
    voices: [],
    sum: 0,
    accounts: 0,
    requests: 0,
    revenue: 0,
    decision: 0,
    useOnly: 0,
    blockers: 0,
    earliest: null,
  };
}

function toRow(
  x: Accumulator,
  segmentId: string | null,
  themeId: string,
  segmentSize: number,
  base: { computedAt: string; runId: string | null; quorum: number },
): ScoreRow {
  const score = round4(x.sum);
  return {
    Score_Key__c: `${segmentId ?? ALL}:${themeId}`,
    Segment__c: segmentId,
    Theme__c: themeId,
    Score__c: score,
    Rank__c: 0,
    Account_Count__c: x.accounts,
    Segment_Account_Count__c: segmentSize,
    Penetration__c: segmentSize > 0 ? round2(Math.min(100, (100 * x.accounts) / segmentSize)) : 0,
    Request_Count__c: x.requests,
    Revenue_At_Stake__c: round2(x.revenue),
    Decision_Backed_Count__c: x.decision,
    Use_Only_Count__c: x.useOnly,
    Deal_Blocker_Count__c: x.blockers,
    Earliest_Needed_By__c: x.earliest,
    Quorum_Reached__c: x.accounts >= base.quorum,
    Breakdown__c: buildBreakdown(score, x.entries, x.voices, x.requests),
    Computed_At__c: base.computedAt,
    Last_Run__c: base.runId,
  };
}
