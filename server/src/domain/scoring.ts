/**
 * Segment demand scores (DESIGN.md § Scoring). For each theme and each segment (and once over
 * all accounts) the score is the sum of account voices, where an account's voice is its
 * strongest request's weight scaled by the log of its revenue at stake, capped:
 *
 *   w        = urgency × source × side × decay × (deal blocker ? blocker : 1)
 *   decay    = max(floor, 0.5 ^ (age_days / half_life)), age in UTC calendar days since CreatedDate
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
import { dayNumber, parseTimestamp, round2, round4 } from './numbers';
import { rankRows } from './ranking';
import {
  buildBreakdown,
  entryHead,
  entryTail,
  factorSetText,
  jsonString,
  type BreakdownEntry,
} from './breakdown';
import { Fingerprint, q2, q4 } from './fingerprint';

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
/** Ages (days) whose decay is remembered: ten years covers nearly every request. */
const DECAY_DAYS = 3660;

function nowMs(now: Date | string | number): number {
  const ms =
    now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseTimestamp(now);
  if (!Number.isFinite(ms))
    throw new Error(`computeScores: 'now' must be a date/time, got ${String(now)}`);
  return ms;
}

/**
 * Interns Ids as numbers in Id order: the known Ids (accounts, themes) first, then Ids only
 * requests mention, also sorted. Numbers therefore never depend on input order.
 */
class Interner {
  readonly index = new Map<string, number>();
  readonly ids: string[];
  private readonly extra = new Set<string>();
  constructor(known: Iterable<string>) {
    this.ids = [...new Set(known)].sort();
    for (let i = 0; i < this.ids.length; i++) this.index.set(this.ids[i], i);
  }
  /** Number of an Id, or -1 (and remembered) when it is not known yet. */
  peek(id: string): number {
    const n = this.index.get(id);
    if (n !== undefined) return n;
    this.extra.add(id);
    return -1;
  }
  /** Adds the remembered unknown Ids in sorted order. */
  seal(): void {
    for (const id of [...this.extra].sort()) {
      this.index.set(id, this.ids.length);
      this.ids.push(id);
    }
    this.extra.clear();
  }
}

export function computeScores(input: ScoreInput): ScoreRow[] {
  const { profile, requests } = input;
  const now = nowMs(input.now);
  const today = Math.floor(now / 86400000);
  const computedAt = new Date(now).toISOString();
  const counted = new Set(profile.countedStatuses.filter((s) => s !== 'Delivered'));
  const urgency = profile.urgency as Record<string, number>;
  const source = profile.source as Record<string, number>;
  const sideWeight = SIDE_BY_RANK.map((s) => profile.side[s]);
  const halfLife = profile.halfLifeDays;
  const lambda = profile.revenueWeight;
  const r0 = profile.referenceRevenue;
  const cap = profile.accountVoiceCap;
  const floor = profile.decayFloor;
  const blockerFactor = profile.dealBlockerFactor;
  const medium = profile.urgency.Medium;
  const resolveTheme = buildMergeResolver(input.themes);
  const sides = buildSideIndex({ ...input, roleSides: profile.roleSides });

  // Decay depends on the age in whole days only: computed once per distinct age.
  const decayOfAge = new Float64Array(DECAY_DAYS).fill(-1);

  // Pass 1: counted requests, their effective (merge-resolved) theme and their account.
  const n = requests.length;
  const accounts = new Interner(input.accounts.map((a) => a.Id));
  const themes = new Interner(input.themes.map((t) => resolveTheme(t.Id)));
  const themeNo = new Map<string, number>(); // raw theme Id -> number after merges
  const reqTheme = new Int32Array(n).fill(-2); // -2: not counted
  const reqAccount = new Int32Array(n);
  // Each request's own factors, computed in input order (sequential memory access) so the
  // per-pair pass below touches typed arrays only.
  const reqW = new Float64Array(n);
  const reqAge = new Int32Array(n);
  const reqSide = new Int8Array(n);
  const reqRev = new Float64Array(n);
  const reqNeeded = new Int32Array(n);
  // Fingerprint of each request's printed factors (Breakdown_Digest__c, see fingerprint.ts).
  const fp = new Fingerprint();
  const reqF1 = new Int32Array(n);
  const reqF2 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = requests[i];
    const status = r.Status__c || 'New';
    if (!counted.has(status)) continue;
    const raw = r.Theme__c || input.themeOf?.get(r.Id) || r.Suggested_Theme__c;
    if (!raw) continue;
    let t = themeNo.get(raw);
    if (t === undefined) {
      t = themes.peek(resolveTheme(raw));
      if (t >= 0) themeNo.set(raw, t);
    }
    reqTheme[i] = t;
    reqAccount[i] = accounts.peek(r.Account__c);
    const side = sides.rankOf(r.Account__c, r.Opportunity__c, r.Requested_By__c);
    // Age in calendar days (UTC) from CreatedDate to now: runs on the same day give the same
    // scores, so a steady state rewrites nothing. No or a future CreatedDate: age 0.
    const created = r.CreatedDate ? dayNumber(r.CreatedDate) : -1;
    const age = created >= 0 && created < today ? today - created : 0;
    let decay = age < DECAY_DAYS ? decayOfAge[age] : -1;
    if (decay < 0) {
      decay = Math.max(floor, Math.pow(0.5, age / halfLife));
      if (age < DECAY_DAYS) decayOfAge[age] = decay;
    }
    const u = urgency[r.Urgency__c as string] ?? medium;
    const s = source[r.Source__c as string] ?? 1;
    const bits = r.Deal_Blocker__c === true ? side | 4 : side; // bit 2: deal blocker
    const sw = sideWeight[side];
    const blocker = bits & 4 ? blockerFactor : 1;
    reqW[i] = u * s * sw * decay * blocker;
    reqAge[i] = age;
    reqSide[i] = bits;
    // The request and its factors as the breakdown prints them (the side's name follows from
    // its rank), here where requests are read in order rather than later by random access.
    fp.reset(0x51ed270b, 0x2545f491).str(r.Id).num(q4(u)).num(q4(s)).int(side).num(q4(sw));
    fp.num(q4(decay)).num(q4(blocker));
    reqF1[i] = fp.h1;
    reqF2[i] = fp.h2;
    const rv = r.Revenue_At_Stake__c;
    reqRev[i] = typeof rv === 'number' && rv > 0 ? rv : 0;
    reqNeeded[i] = r.Needed_By__c ? dayNumber(r.Needed_By__c) : -1;
  }
  themes.seal();
  accounts.seal();
  const nAcc = accounts.ids.length;
  const nThemes = themes.ids.length;

  // Counted requests in (theme, account) order by two stable counting sorts: every pair of a
  // theme and an account is then one run, and no hash map is needed on the hot path.
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (reqTheme[i] === -2) continue;
    const r = requests[i];
    if (reqTheme[i] === -1)
      reqTheme[i] = themes.index.get(
        resolveTheme((r.Theme__c || input.themeOf?.get(r.Id) || r.Suggested_Theme__c) as string),
      ) as number;
    if (reqAccount[i] === -1) reqAccount[i] = accounts.index.get(r.Account__c) as number;
    m++;
  }
  const byAccount = countingSort(
    n,
    m,
    nAcc,
    (i) => (reqTheme[i] === -2 ? -1 : reqAccount[i]),
    null,
  );
  const order = countingSort(n, m, nThemes, (i) => reqTheme[i], byAccount);

  // One slot per (theme, account) pair: strongest weight, largest revenue, counts.
  const pAccount = new Int32Array(m);
  const pTheme = new Int32Array(m);
  const pBest = new Int32Array(m);
  const pW = new Float64Array(m);
  const pRev = new Float64Array(m);
  const pCount = new Int32Array(m);
  const pMaxSide = new Int8Array(m);
  const pMinSide = new Int8Array(m);
  const pBlocker = new Uint8Array(m);
  const pEarliest = new Int32Array(m);
  let pairs = 0;
  let p = -1;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const t = reqTheme[i];
    const a = reqAccount[i];
    const w = reqW[i];
    const side = reqSide[i] & 3;
    const blocker = reqSide[i] & 4;
    const rev = reqRev[i];
    const needed = reqNeeded[i];
    if (p < 0 || pTheme[p] !== t || pAccount[p] !== a) {
      p = pairs++;
      pTheme[p] = t;
      pAccount[p] = a;
      pBest[p] = i;
      pW[p] = w;
      pRev[p] = rev;
      pCount[p] = 1;
      pMaxSide[p] = side;
      pMinSide[p] = side;
      pBlocker[p] = blocker ? 1 : 0;
      pEarliest[p] = needed;
      continue;
    }
    if (w > pW[p] || (w === pW[p] && requests[i].Id < requests[pBest[p]].Id)) {
      pW[p] = w;
      pBest[p] = i;
    }
    if (rev > pRev[p]) pRev[p] = rev;
    pCount[p] += 1;
    if (side > pMaxSide[p]) pMaxSide[p] = side;
    if (side < pMinSide[p]) pMinSide[p] = side;
    if (blocker) pBlocker[p] = 1;
    if (needed >= 0 && (pEarliest[p] < 0 || needed < pEarliest[p])) pEarliest[p] = needed;
  }

  // Voices, and the breakdown entry of a pair (built only when a row's breakdown is read).
  const pVoice = new Float64Array(pairs);
  const pFactor = new Float64Array(pairs);
  // Each pair's breakdown entry as a fingerprint: account, count, strongest request and its
  // factors (reqF), the pair's numbers.
  const pH1 = new Int32Array(pairs);
  const pH2 = new Int32Array(pairs);
  const accH1 = new Int32Array(nAcc);
  const accH2 = new Int32Array(nAcc);
  for (let a = 0; a < nAcc; a++) {
    fp.reset(0x3c6ef372, 0x6a09e667).str(accounts.ids[a]);
    accH1[a] = fp.h1;
    accH2[a] = fp.h2;
  }
  for (let q = 0; q < pairs; q++) {
    pFactor[q] = 1 + lambda * Math.log10(1 + pRev[q] / r0);
    pVoice[q] = round4(Math.min(cap, pW[q] * pFactor[q]));
    const i = pBest[q];
    fp.reset(accH1[pAccount[q]], accH2[pAccount[q]])
      .int(pCount[q])
      .int(reqF1[i])
      .int(reqF2[i])
      .num(q4(pW[q]))
      .num(q2(pRev[q]))
      .num(q4(pFactor[q]))
      .num(q4(pVoice[q]));
    pH1[q] = fp.h1;
    pH2[q] = fp.h2;
  }
  // Account Ids as JSON text, made once per account (an account is listed in many rows).
  const accountJson: (string | undefined)[] = new Array<string | undefined>(accounts.ids.length);
  const decayAt = (age: number): number =>
    age < DECAY_DAYS && decayOfAge[age] >= 0
      ? decayOfAge[age]
      : Math.max(floor, Math.pow(0.5, age / halfLife));
  // Factor sets (urgency, source, side, side weight, blocker) come from few combinations of
  // the urgency and source values, the side and the deal blocker flag: each gets an id and
  // its text once.
  const codes = new Map<string, number>();
  const codeOf = (value: string | null | undefined): number => {
    const key = value ?? '';
    let c = codes.get(key);
    if (c === undefined) codes.set(key, (c = codes.size));
    return c;
  };
  const setIds = new Map<number, number>();
  const setTexts: string[] = [];
  const factorSetOf = (best: RequestRecord, bits: number): number => {
    const key = (codeOf(best.Urgency__c) * 4096 + codeOf(best.Source__c)) * 8 + bits;
    let id = setIds.get(key);
    if (id === undefined) {
      id = setTexts.length;
      setIds.set(key, id);
      setTexts.push(
        factorSetText({
          urgency: urgency[best.Urgency__c as string] ?? medium,
          source: source[best.Source__c as string] ?? 1,
          side: SIDE_BY_RANK[bits & 3],
          sideWeight: sideWeight[bits & 3],
          blocker: bits & 4 ? blockerFactor : 1,
        }),
      );
    }
    return id;
  };
  const buildEntry = (q: number): BreakdownEntry => {
    const i = pBest[q];
    const best = requests[i];
    return {
      head: entryHead(
        (accountJson[pAccount[q]] ??= jsonString(accounts.ids[pAccount[q]])),
        best.Id,
        pCount[q],
      ),
      tail: entryTail(decayAt(reqAge[i]), pW[q], pRev[q], pFactor[q], pVoice[q]),
      factorSet: factorSetOf(best, reqSide[i]),
      voice: pVoice[q],
    };
  };
  // A pair's entry is listed in its segment's row and in the ALL row of the same theme, and
  // a row's text may be read more than once (a check, then the write). Rows are read theme by
  // theme, so the entries of the theme last read are kept: each entry is built once, and
  // memory stays bounded by the largest theme.
  const themeStart = new Int32Array(nThemes + 1);
  for (let q = 0; q < pairs; q++) themeStart[pTheme[q] + 1] = q + 1;
  for (let t = 0; t < nThemes; t++)
    if (themeStart[t + 1] < themeStart[t]) themeStart[t + 1] = themeStart[t];
  let cachedTheme = -1;
  let cached: (BreakdownEntry | undefined)[] = [];
  const entryOf = (q: number): BreakdownEntry => {
    const t = pTheme[q];
    if (t !== cachedTheme) {
      cachedTheme = t;
      cached = new Array<BreakdownEntry | undefined>(themeStart[t + 1] - themeStart[t]);
    }
    const slot = q - themeStart[t];
    return (cached[slot] ??= buildEntry(q));
  };
  const factorSetJson = (id: number): string => setTexts[id];

  // Segments of accounts (only scored segments get a number, in segment Id order).
  const scored = input.segments
    .filter((s) => s.status !== 'Invalid' && s.active !== false)
    .slice()
    .sort((x, y) => (x.segmentId < y.segmentId ? -1 : x.segmentId > y.segmentId ? 1 : 0));
  const segIndex = new Map(scored.map((s, i) => [s.segmentId, i] as const));
  const accSeg = new Int32Array(nAcc).fill(-1);
  for (let a = 0; a < nAcc; a++) {
    const s = input.accountSegment.get(accounts.ids[a]);
    if (s) accSeg[a] = segIndex.get(s) ?? -1;
  }

  // Rows: pairs are in (theme, account) order; one row per scored segment and one for ALL.
  const rows: ScoreRow[] = [];
  const dates = new Map<number, string>();
  const base: RowBase = {
    computedAt,
    runId: input.runId ?? null,
    quorum: profile.quorumSize,
    entryOf,
    factorSetJson,
    pH1,
    pH2,
    fp,
    last: null,
    lastText: '',
    dateText: (day) => {
      let text = dates.get(day);
      if (text === undefined) {
        text = new Date(day * 86400000).toISOString().slice(0, 10);
        dates.set(day, text);
      }
      return text;
    },
  };
  const acc: (Accumulator | null)[] = scored.map(() => null);
  const touched: number[] = [];
  const add = (x: Accumulator, q: number): void => {
    x.pairs.push(q);
    x.sum += pVoice[q];
    x.requests += pCount[q];
    x.revenue += pRev[q];
    if (pMaxSide[q] === 3) x.decision += 1;
    if (pMaxSide[q] === 1 && pMinSide[q] === 1) x.useOnly += 1;
    if (pBlocker[q]) x.blockers += 1;
    if (pEarliest[q] >= 0 && (x.earliest < 0 || pEarliest[q] < x.earliest))
      x.earliest = pEarliest[q];
  };
  for (let start = 0; start < pairs;) {
    const t = pTheme[start];
    let end = start;
    const all = newAccumulator();
    while (end < pairs && pTheme[end] === t) {
      add(all, end);
      const s = accSeg[pAccount[end]];
      if (s >= 0) {
        let x = acc[s];
        if (!x) {
          x = acc[s] = newAccumulator();
          touched.push(s);
        }
        add(x, end);
      }
      end++;
    }
    const themeId = themes.ids[t];
    touched.sort((x, y) => x - y);
    for (const s of touched) {
      rows.push(
        toRow(acc[s] as Accumulator, scored[s].segmentId, themeId, scored[s].accountCount, base),
      );
      acc[s] = null;
    }
    touched.length = 0;
    rows.push(toRow(all, null, themeId, input.accounts.length, base));
    start = end;
  }
  const names = new Map<string, string>();
  for (const t of input.themes) names.set(t.Id, t.Name ?? '');
  return rankRows(rows, names);
}

/**
 * Stable counting sort of the `m` request indexes whose key (0..range-1) is >= 0, taken from
 * `input` (or 0..n-1). Linear time, typed arrays only.
 */
function countingSort(
  n: number,
  m: number,
  range: number,
  keyOf: (i: number) => number,
  input: Int32Array | null,
): Int32Array {
  const counts = new Int32Array(range + 1);
  const source = input ?? null;
  const len = source ? source.length : n;
  for (let k = 0; k < len; k++) {
    const key = keyOf(source ? source[k] : k);
    if (key >= 0) counts[key + 1]++;
  }
  for (let k = 0; k < range; k++) counts[k + 1] += counts[k];
  const out = new Int32Array(m);
  for (let k = 0; k < len; k++) {
    const i = source ? source[k] : k;
    const key = keyOf(i);
    if (key >= 0) out[counts[key]++] = i;
  }
  return out;
}

interface Accumulator {
  pairs: number[];
  sum: number;
  requests: number;
  revenue: number;
  decision: number;
  useOnly: number;
  blockers: number;
  /** Earliest Needed_By__c as days since 1970-01-01, -1 when none. */
  earliest: number;
}

function newAccumulator(): Accumulator {
  return {
    pairs: [],
    sum: 0,
    requests: 0,
    revenue: 0,
    decision: 0,
    useOnly: 0,
    blockers: 0,
    earliest: -1,
  };
}

interface RowBase {
  computedAt: string;
  runId: string | null;
  quorum: number;
  entryOf: (pair: number) => BreakdownEntry;
  factorSetJson: (id: number) => string;
  /** Fingerprints of the pairs' entries, and a reusable Fingerprint. */
  pH1: Int32Array;
  pH2: Int32Array;
  fp: Fingerprint;
  /** 'YYYY-MM-DD' of a day number (rows share a few dates: each is formatted once). */
  dateText: (day: number) => string;
  /** The row whose breakdown was read last (by its pair list) and that text. */
  last: number[] | null;
  lastText: string;
}

/**
 * A score row. Its Breakdown__c is computed when read (an enumerable getter, so spreading or
 * serialising the row gives the JSON string): a full run has a million account entries, and
 * only rows that changed are ever written.
 */
function toRow(
  x: Accumulator,
  segmentId: string | null,
  themeId: string,
  segmentSize: number,
  base: RowBase,
): ScoreRow {
  const score = round4(x.sum);
  const accounts = x.pairs.length;
  const pairs = x.pairs;
  const requests = x.requests;
  const fp = base.fp.reset(0x1b873593, 0xcc9e2d51).num(q4(score)).int(requests).int(pairs.length);
  for (let i = 0; i < pairs.length; i++) fp.int(base.pH1[pairs[i]]).int(base.pH2[pairs[i]]);
  const digest = fp.text();
  return {
    Score_Key__c: `${segmentId ?? ALL}:${themeId}`,
    Segment__c: segmentId,
    Theme__c: themeId,
    Score__c: score,
    Rank__c: 0,
    Account_Count__c: accounts,
    Segment_Account_Count__c: segmentSize,
    Penetration__c: segmentSize > 0 ? round2(Math.min(100, (100 * accounts) / segmentSize)) : 0,
    Request_Count__c: requests,
    Revenue_At_Stake__c: round2(x.revenue),
    Decision_Backed_Count__c: x.decision,
    Use_Only_Count__c: x.useOnly,
    Deal_Blocker_Count__c: x.blockers,
    Earliest_Needed_By__c: x.earliest < 0 ? null : base.dateText(x.earliest),
    Quorum_Reached__c: accounts >= base.quorum,
    get Breakdown__c(): string {
      // A row's text is often read twice in a row (a check, then the write or the compare):
      // the last one is remembered, never more, so memory stays flat.
      if (base.last === pairs) return base.lastText;
      const entries: BreakdownEntry[] = new Array<BreakdownEntry>(pairs.length);
      for (let i = 0; i < pairs.length; i++) entries[i] = base.entryOf(pairs[i]);
      base.lastText = buildBreakdown(score, requests, entries, base.factorSetJson);
      base.last = pairs;
      return base.lastText;
    },
    Breakdown_Digest__c: digest,
    Computed_At__c: base.computedAt,
    Last_Run__c: base.runId,
  };
}
