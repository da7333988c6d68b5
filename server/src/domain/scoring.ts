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
 * Requests come as columns (requestTable.ts) and are reduced to (theme, account) pairs on
 * typed arrays (pairs.ts); this file turns pairs into rows, their breakdowns and ranks. Output
 * never depends on input order: accounts and themes are indexed in Id order and ties between
 * equally strong requests go to the smallest request Id.
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
import {
  bestRequest,
  bestSideBits,
  collectPairs,
  effectiveThemes,
  Factors,
  Interner,
  numberAccounts,
  pairAccount,
  pairAccounts,
  pairRevenue,
  pairVoice,
  requestCount,
  requestsByTheme,
  revenueFactor,
  sumPairs,
  type AccountNumbers,
  type Pairs,
  type PairSums,
} from './pairs';
import { buildMergeResolver } from './themes/resolve';
import { parseTimestamp, round2, round4 } from './numbers';
import { rankScores } from './ranking';
import {
  buildBreakdown,
  entryHead,
  entryTail,
  factorSetText,
  jsonString,
  type BreakdownEntry,
} from './breakdown';
import { Fingerprint, q4 } from './fingerprint';

/** Imported functions called once per row or pair, read once (see `direct` in pairs.ts for why). */
const direct = { round2, round4, q4, pairAccount } as const;
import { ScoreTable, ScoreTableBuilder, type BreakdownSource, type RowValues } from './scoreTable';
import { isRequestTable, toRequestTable, type RequestTable } from './requestTable';
import { toDealTable, type DealTable } from './dealTable';

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
  /** Deals and roles as records, or `deals` (coded in the request table's dictionaries). */
  opportunities?: readonly OpportunityRecord[];
  committeeMembers?: readonly CommitteeMemberRecord[];
  contactRoles?: readonly ContactRoleRecord[];
  deals?: DealTable;
  /** Requests as records or, as the service reads them, as columns (requestTable.ts). */
  requests: readonly RequestRecord[] | RequestTable;
  themes: readonly ThemeRecord[];
  profile: Profile;
  now: Date | string | number;
  runId?: string | null;
  /** This run's grouping for requests without Theme__c (request Id -> theme Id or suggestion key). */
  themeOf?: ReadonlyMap<string, string>;
}

function nowMs(now: Date | string | number): number {
  const ms =
    now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseTimestamp(now);
  if (!Number.isFinite(ms))
    throw new Error(`computeScores: 'now' must be a date/time, got ${String(now)}`);
  return ms;
}

/** Every score row as an object (see scoreTable for the columns the service compares). */
export function computeScores(input: ScoreInput): ScoreRow[] {
  return scoreTable(input).rows();
}

/** Every score row's values and rank, as columns (scoreTable.ts). */
export function scoreTable(input: ScoreInput): ScoreTable {
  const { profile } = input;
  const table = isRequestTable(input.requests)
    ? input.requests
    : toRequestTable(input.requests as readonly RequestRecord[], 'none');
  const now = nowMs(input.now);
  const deals =
    input.deals ??
    toDealTable(
      {
        opportunities: input.opportunities ?? [],
        committeeMembers: input.committeeMembers ?? [],
        contactRoles: input.contactRoles ?? [],
      },
      { ids: table.ids, picklists: table.picklists },
    );
  if (deals.ids !== table.ids || deals.picklists !== table.picklists)
    throw new Error("computeScores: the deal table must share the request table's dictionaries");
  const sides = buildSideIndex(deals, profile.roleSides);
  const factors = new Factors(profile, table.picklists.values, Math.floor(now / 86400000));
  const resolveTheme = buildMergeResolver(input.themes);

  const themes = new Interner(input.themes.map((t) => resolveTheme(t.Id)));
  const reqTheme = effectiveThemes(table, factors.isCounted, input.themeOf, resolveTheme, themes);
  const accounts = numberAccounts(
    table,
    reqTheme,
    input.accounts.map((a) => a.Id),
  );
  const accountOf = accounts.ofCode;
  // Requests in theme blocks, then pairs in (theme, account) order: every read of a request
  // is sequential (pairs.ts).
  const byTheme = requestsByTheme(table, reqTheme, themes.ids.length, accountOf, factors, sides);
  const pairs = collectPairs(byTheme, themes.ids.length, table.id, accounts.ids, profile);

  const entryOf = breakdownEntries(pairs, table, accounts.ids, factors, profile);
  const rows = buildRows(input, pairs, themes.ids, accounts, entryOf, new Date(now).toISOString());
  const names = new Map<string, string>();
  for (const t of input.themes) names.set(t.Id, t.Name ?? '');
  rankScores(rows.rankColumns, themes.ids, names);
  return rows;
}

interface EntryReader {
  entryOf: (pair: number) => BreakdownEntry;
  factorSetJson: (id: number) => string;
}

/**
 * The breakdown entry of a pair, built only when a row's breakdown is read. A pair's entry is
 * listed in its segment's row and in the ALL row of the same theme, and a row's text may be
 * read more than once (a check, then the write). Rows are read theme by theme, so the entries
 * of the theme last read are kept: each entry is built once, and memory stays bounded by the
 * largest theme.
 */
function breakdownEntries(
  pairs: Pairs,
  table: RequestTable,
  accountIds: readonly string[],
  factors: Factors,
  profile: Profile,
): EntryReader {
  // Account Ids as JSON text, made once per account (an account is listed in many rows).
  const accountJson: (string | undefined)[] = new Array<string | undefined>(accountIds.length);
  // Factor sets (urgency, source, side, side weight, blocker) come from few combinations of
  // the urgency and source values, the side and the deal blocker flag: each gets an id and
  // its text once.
  const setIds = new Map<number, number>();
  const setTexts: string[] = [];
  const codes = table.picklists.size;
  const factorSetOf = (q: number): number => {
    const i = bestRequest(pairs, q);
    const bits = bestSideBits(pairs, q);
    const key = (table.urgency[i] * codes + table.source[i]) * 8 + bits;
    let id = setIds.get(key);
    if (id === undefined) {
      id = setTexts.length;
      setIds.set(key, id);
      setTexts.push(
        factorSetText({
          urgency: factors.urgencyOf[table.urgency[i]],
          source: factors.sourceOf[table.source[i]],
          side: SIDE_BY_RANK[bits & 3],
          sideWeight: factors.sideWeight[bits & 3],
          blocker: bits & 4 ? factors.blocker : 1,
        }),
      );
    }
    return id;
  };
  const buildEntry = (q: number): BreakdownEntry => {
    const i = bestRequest(pairs, q);
    const a = pairAccount(pairs, q);
    const revenue = pairRevenue(pairs, q);
    return {
      head: entryHead(
        (accountJson[a] ??= jsonString(accountIds[a])),
        table.id[i],
        requestCount(pairs, q),
      ),
      tail: entryTail(
        factors.decay(factors.age(table.createdDay[i])),
        factors.weight(table, i, bestSideBits(pairs, q)),
        revenue,
        revenueFactor(revenue, profile.revenueWeight, profile.referenceRevenue),
        pairVoice(pairs, q),
      ),
      factorSet: factorSetOf(q),
      voice: pairVoice(pairs, q),
    };
  };
  // Entries of the theme whose pairs `from..to` were read last.
  let from = 0;
  let to = 0;
  let cached: (BreakdownEntry | undefined)[] = [];
  return {
    entryOf: (q) => {
      if (q < from || q >= to) {
        let lo = 0;
        let hi = pairs.themeStart.length - 1;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (pairs.themeStart[mid] <= q) lo = mid;
          else hi = mid;
        }
        // Themes without pairs share a start: take the last one starting at or before q.
        from = pairs.themeStart[lo];
        to = pairs.themeStart[lo + 1];
        cached = new Array<BreakdownEntry | undefined>(to - from);
      }
      return (cached[q - from] ??= buildEntry(q));
    },
    factorSetJson: (id) => setTexts[id],
  };
}

/**
 * Rows: pairs are in (theme, account) order. A theme's ALL row lists its pairs as they are;
 * its segment rows (only valid, active segments, in segment Id order) list them grouped by
 * segment, by a stable counting sort within the theme (accounts stay in order), each row one
 * slice of `grouped`.
 */
function buildRows(
  input: ScoreInput,
  pairs: Pairs,
  themeIds: readonly string[],
  accounts: AccountNumbers,
  entries: EntryReader,
  computedAt: string,
): ScoreTable {
  const scored = input.segments
    .filter((s) => s.status !== 'Invalid' && s.active !== false)
    .slice()
    .sort((x, y) => (x.segmentId < y.segmentId ? -1 : x.segmentId > y.segmentId ? 1 : 0));
  const accSeg = segmentOfAccounts(accounts, input, scored);
  // Segment rows are slices of `grouped`; ALL rows list the pairs in their own order.
  const grouped = new Int32Array(pairs.count);
  // Group numbers: scored segments in Id order, then ALL.
  const groupSegment = [...scored.map((s) => s.segmentId), null];
  const groupSize = [...scored.map((s) => s.accountCount), input.accounts.length];
  const base = new RowBase(
    new ScoreTableBuilder(
      countRows(pairs, themeIds.length, accSeg, scored.length),
      {
        computedAt,
        runId: input.runId ?? null,
        quorum: input.profile.quorumSize,
        groupSegment,
        groupSize,
        themeIds,
      },
      breakdownSource(grouped, scored.length, entries),
    ),
    pairs,
  );
  const segCount = new Int32Array(scored.length);
  const segEnd = new Int32Array(scored.length);
  // The segments the current theme's pairs fall in (a typed array sorts natively, without a
  // comparator call per comparison).
  const touchedSegments = new Int32Array(scored.length);
  let nTouched = 0;
  // The segment of each pair of the current theme: pairs are read once, in order.
  let segOf = new Int32Array(1024);
  for (let t = 0; t < themeIds.length; t++) {
    const start = pairs.themeStart[t];
    const end = pairs.themeStart[t + 1];
    if (start === end) continue;
    if (end - start > segOf.length) segOf = new Int32Array(Math.max(end - start, 2 * segOf.length));
    pairAccounts(pairs, start, end, segOf);
    for (let k = 0; k < end - start; k++) {
      const s = accSeg[segOf[k]];
      segOf[k] = s;
      if (s >= 0 && segCount[s]++ === 0) touchedSegments[nTouched++] = s;
    }
    const touched = touchedSegments.subarray(0, nTouched).sort();
    let at = start;
    for (let j = 0; j < touched.length; j++) {
      const s = touched[j];
      segEnd[s] = at;
      at += segCount[s];
    }
    for (let q = start; q < end; q++) {
      const s = segOf[q - start];
      if (s >= 0) grouped[segEnd[s]++] = q;
    }
    for (let j = 0; j < touched.length; j++) {
      const s = touched[j];
      addRow(base, grouped, segEnd[s] - segCount[s], segEnd[s], groupSize[s], s, t);
      segCount[s] = 0;
    }
    nTouched = 0;
    addRow(base, null, start, end, groupSize[scored.length], scored.length, t);
  }
  return base.rows.done();
}

/** A row's breakdown text: a slice of `grouped` for a segment row, of the pairs for ALL. */
function breakdownSource(
  grouped: Int32Array,
  allGroup: number,
  entries: EntryReader,
): BreakdownSource {
  return {
    text(group, from, to, score, requests) {
      const pairs = group === allGroup ? null : grouped;
      const slice: BreakdownEntry[] = new Array<BreakdownEntry>(to - from);
      for (let j = from; j < to; j++) slice[j - from] = entries.entryOf(pairs ? pairs[j] : j);
      return buildBreakdown(score, requests, slice, entries.factorSetJson);
    },
  };
}

/**
 * How many rows buildRows makes: per theme with pairs, one per segment its accounts fall in,
 * plus ALL. Counted first so that the table's columns are allocated once, at their size.
 */
function countRows(pairs: Pairs, nThemes: number, accSeg: Int32Array, nSegments: number): number {
  // lastTheme[s]: the last theme (plus one) whose pairs had segment s.
  const lastTheme = new Int32Array(nSegments);
  let rows = 0;
  for (let t = 0; t < nThemes; t++) {
    const start = pairs.themeStart[t];
    const end = pairs.themeStart[t + 1];
    if (start < end) rows += 1 + segmentsOfTheme(pairs, start, end, accSeg, lastTheme, t + 1);
  }
  return rows;
}

/** Distinct scored segments of the pairs start..end, marking each in `last` with `mark`. */
function segmentsOfTheme(
  pairs: Pairs,
  start: number,
  end: number,
  accSeg: Int32Array,
  last: Int32Array,
  mark: number,
): number {
  let n = 0;
  for (let q = start; q < end; q++) {
    const s = accSeg[direct.pairAccount(pairs, q)];
    if (s >= 0 && last[s] !== mark) {
      last[s] = mark;
      n++;
    }
  }
  return n;
}

/** Each account's place in `scored` (by account number), -1 when its segment is not scored. */
function segmentOfAccounts(
  accounts: AccountNumbers,
  input: ScoreInput,
  scored: readonly ScoredSegment[],
): Int32Array {
  const segIndex = new Map(scored.map((s, i) => [s.segmentId, i] as const));
  const inOrder = segmentsInOrder(input, segIndex);
  const accSeg = new Int32Array(accounts.ids.length).fill(-1);
  for (let a = 0; a < accounts.ids.length; a++) {
    const k = accounts.place[a];
    if (inOrder && k >= 0) accSeg[a] = inOrder[k];
    else {
      const s = input.accountSegment.get(accounts.ids[a]);
      if (s) accSeg[a] = segIndex.get(s) ?? -1;
    }
  }
  return accSeg;
}

/**
 * The scored segment of each input account by its place, read from accountSegment in its own
 * order when that is the accounts' order (assignSegments builds it so): no lookup by account
 * Id. Null when the orders differ.
 */
function segmentsInOrder(
  input: ScoreInput,
  segIndex: ReadonlyMap<string, number>,
): Int32Array | null {
  const { accounts, accountSegment } = input;
  if (accountSegment.size !== accounts.length) return null;
  const out = new Int32Array(accounts.length);
  let k = 0;
  let aligned = true;
  accountSegment.forEach((segment, id) => {
    if (!aligned || id !== accounts[k].Id) {
      aligned = false;
      return;
    }
    out[k++] = segment ? (segIndex.get(segment) ?? -1) : -1;
  });
  return aligned ? out : null;
}

/** What the rows of one run are built with: the table's builder and scratch for one row. */
class RowBase {
  readonly fp = new Fingerprint();
  /** Scratch for the sums of one row's pairs, and for the row's values. */
  readonly sums: PairSums = {
    voice: 0,
    requests: 0,
    revenue: 0,
    decision: 0,
    useOnly: 0,
    blockers: 0,
    earliest: -1,
    h1: 0,
    h2: 0,
  };
  readonly values: RowValues = {
    group: 0,
    theme: 0,
    score: 0,
    accounts: 0,
    penetration: 0,
    revenue: 0,
    digest: '',
    from: 0,
  };

  constructor(
    readonly rows: ScoreTableBuilder,
    readonly pairs: Pairs,
  ) {}
}

/**
 * Adds the score row over the pairs list[from..to) (no list: the pairs from..to) of theme
 * `theme` in group `group` (a segment, or ALL) whose segment has `segmentSize` accounts.
 */
function addRow(
  base: RowBase,
  list: Int32Array | null,
  from: number,
  to: number,
  segmentSize: number,
  group: number,
  theme: number,
): void {
  const sums = sumPairs(base.pairs, list, from, to, base.sums);
  const score = direct.round4(sums.voice);
  const accounts = to - from;
  const fp = base.fp.reset(0x1b873593, 0xcc9e2d51).small(direct.q4(score));
  fp.int(sums.requests).int(accounts).int(sums.h1).int(sums.h2);
  const v = base.values;
  v.group = group;
  v.theme = theme;
  v.score = score;
  v.accounts = accounts;
  v.penetration =
    segmentSize > 0 ? direct.round2(Math.min(100, (100 * accounts) / segmentSize)) : 0;
  v.revenue = direct.round2(sums.revenue);
  v.digest = fp.text();
  v.from = from;
  base.rows.add(v, sums);
}
