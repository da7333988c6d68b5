/**
 * Segment demand scores (docs/SCORING.md): the fast engine. It gives exactly the figures,
 * ranks and breakdowns of the readable model (model/reference.ts) — a property test checks
 * it — but works on the service's columnar tables, so a million requests cost integers and
 * typed arrays, not objects:
 *
 * 1. each counted, themed request gets its weight before decay (urgency × source × side ×
 *    influence × workaround × blocker), from small per-value weight tables and its requester
 *    (sides.ts);
 * 2. requests fold into one voice per (theme, account): the strongest request, the latest ask,
 *    the largest revenue at stake, the counts;
 * 3. each voice is decayed by the age of the account's latest ask, scaled by revenue, capped;
 * 4. rows: per theme, ALL and every scored segment one of its requesting accounts belongs to
 *    (segments overlap), summing the voices in account order; ranks for open themes only.
 *
 * Breakdown__c is built only for rows that are read (written); change detection compares a
 * 64-bit digest of everything the text shows (fingerprint.ts), computed from the numbers.
 */
import type { Profile } from './profile';
import { CLOSED_THEME_STATUSES } from './profile';
import type {
  AccountInput as AccountRecord,
  CommitteeMemberInput as CommitteeMemberRecord,
  ContactRoleInput as ContactRoleRecord,
  OpportunityInput as OpportunityRecord,
  RequestInput as RequestRecord,
  ScoreRow,
  ThemeInput as ThemeRecord,
} from '../schema/inputs';
import { buildRequesterIndex, type Requester } from './sides';
import { buildMergeResolver } from './themes/resolve';
import { parseTimestamp, round2, round4 } from './numbers';
import { rankRows } from './ranking';
import {
  buildBreakdown,
  entryText,
  factorSetText,
  type BreakdownEntry,
  type FactorSet,
} from './breakdown';
import { Fingerprint, q2, q4 } from './fingerprint';
import { dayText, ScoreTable, ScoreTableBuilder, type RowInput } from './scoreTable';
import { isRequestTable, toRequestTable, type RequestTable } from './requestTable';
import { toDealTable, type DealTable } from './dealTable';

export interface ScoredSegment {
  segmentId: string;
  /** Members: every account its rules match (segments overlap). */
  accountCount: number;
  status?: 'Valid' | 'Invalid';
  active?: boolean;
}

export interface ScoreInput {
  accounts: readonly AccountRecord[];
  /** Account Id -> every scored segment it belongs to (segments.ts). */
  memberships: ReadonlyMap<string, readonly string[]>;
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
  /** This run's grouping for requests without Theme__c (request Id -> theme Id). */
  themeOf?: ReadonlyMap<string, string>;
  /** Score key -> figures 90 days ago (history.ts); null or absent: no history that old. */
  baseline?: ReadonlyMap<string, { score: number; accounts: number }> | null;
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

/** A weight per dictionary code of a picklist value; `blank` for values the table lacks. */
function weightsByCode(
  values: readonly (string | null)[],
  table: Readonly<Record<string, number>>,
  blank: number,
): Float64Array {
  return Float64Array.from(values, (v) => (v && Object.hasOwn(table, v) ? table[v] : blank));
}

/** The voices of one run: one per (theme, account), in columns. */
interface Voices {
  count: number;
  theme: Int32Array;
  account: Int32Array;
  /** The strongest request (a table row), its weight before decay, its requester. */
  best: Int32Array;
  baseWeight: Float64Array;
  requester: Int32Array;
  latestAsk: Int32Array;
  revenue: Float64Array;
  requests: Int32Array;
  decision: Uint8Array;
  useOnly: Uint8Array;
  blocker: Uint8Array;
  earliest: Int32Array;
  /** Computed once every request is in. */
  decay: Float64Array;
  weight: Float64Array;
  revenueFactor: Float64Array;
  voice: Float64Array;
  capped: Uint8Array;
  h1: Int32Array;
  h2: Int32Array;
}

/** Every score row's values and rank, as columns (scoreTable.ts). */
export function scoreTable(input: ScoreInput): ScoreTable {
  const { profile: p } = input;
  const table = isRequestTable(input.requests)
    ? input.requests
    : toRequestTable(input.requests as readonly RequestRecord[], 'none');
  const now = nowMs(input.now);
  const today = Math.floor(now / 86400000);
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

  // ---- 1. per-value weights and each request's theme
  const values = table.picklists.values;
  const urgencyW = weightsByCode(values, p.urgency, 1);
  const sourceW = weightsByCode(values, p.source, 1);
  const workaroundW = weightsByCode(values, p.workaround, 1);
  // A blank status (code 0) is the picklist's default, New.
  const counted = Uint8Array.from(values, (v) => (p.countedStatuses.includes(v || 'New') ? 1 : 0));
  const index = buildRequesterIndex(deals, p.roleSides);
  const who = index.requesters;
  const sideW = Float64Array.from(who, (r) => p.side[r.side]);
  const influenceW = Float64Array.from(who, (r) =>
    r.influence && Object.hasOwn(p.influence, r.influence)
      ? p.influence[r.influence as keyof Profile['influence']]
      : p.influence.Unknown,
  );
  const themes = themeNumbers(table, input.themes, input.themeOf, counted);

  // ---- 2. one voice per (theme, account)
  const sides = who.map((r) => r.side);
  const v = foldVoices(table, themes.ofRequest, themes.ids.length, sides, (i, out) => {
    const r = index.requesterOf(table.requestedBy[i], table.account[i], table.opportunity[i]);
    out.requester = r;
    out.weight =
      urgencyW[table.urgency[i]] *
      sourceW[table.source[i]] *
      (r >= 0 ? sideW[r] : p.side.Unknown) *
      (r >= 0 ? influenceW[r] : p.influence.Unknown) *
      workaroundW[table.workaround[i]] *
      (table.dealBlocker[i] ? p.dealBlockerFactor : 1);
  });

  // ---- 3. decay, revenue, cap; the fingerprint of each voice's breakdown entry
  const sets = new FactorSets(table, who, p, { urgencyW, sourceW, workaroundW });
  const fp = new Fingerprint();
  // An entry's fingerprint starts with its account Id: that state is computed once per account.
  const accountH1 = new Int32Array(table.ids.size);
  const accountH2 = new Int32Array(table.ids.size);
  const accountDone = new Uint8Array(table.ids.size);
  for (let q = 0; q < v.count; q++) {
    const age = v.latestAsk[q] < 0 ? 0 : Math.max(0, today - v.latestAsk[q]);
    const decay = Math.max(p.decayFloor, 0.5 ** (age / p.halfLifeDays));
    const weight = v.baseWeight[q] * decay;
    const rf = 1 + p.revenueWeight * Math.log10(1 + v.revenue[q] / p.referenceRevenue);
    const raw = weight * rf;
    v.decay[q] = decay;
    v.weight[q] = weight;
    v.revenueFactor[q] = rf;
    v.capped[q] = raw > p.accountVoiceCap ? 1 : 0;
    v.voice[q] = round4(Math.min(p.accountVoiceCap, raw));
    const set = sets.of(v.best[q], v.requester[q]);
    const a = v.account[q];
    if (!accountDone[a]) {
      fp.reset(0x2f1a, 0x7b3c).ascii(table.ids.values[a] ?? '');
      accountH1[a] = fp.h1;
      accountH2[a] = fp.h2;
      accountDone[a] = 1;
    }
    fp.reset(accountH1[a], accountH2[a])
      .ascii(table.id[v.best[q]])
      .small(v.requests[q])
      .int(sets.h1[set])
      .int(sets.h2[set])
      .small(v.latestAsk[q] + 1)
      .small(age)
      .small(q4(decay))
      .small(q4(weight))
      .small(q2(v.revenue[q]))
      .small(q4(rf))
      .small(v.capped[q])
      .small(q4(v.voice[q]));
    v.h1[q] = fp.h1;
    v.h2[q] = fp.h2;
  }

  // ---- 4. rows
  const scored = input.segments
    .filter((s) => s.status !== 'Invalid' && s.active !== false)
    .slice()
    .sort((x, y) => (x.segmentId < y.segmentId ? -1 : x.segmentId > y.segmentId ? 1 : 0));
  const groupOf = new Map(scored.map((s, g) => [s.segmentId, g] as const));
  const ALL = scored.length;
  const groupsOfAccount = accountGroups(table, input.accounts, input.memberships, groupOf);
  const builder = new ScoreTableBuilder();
  /** Each row's voices, in account order: rowVoices[rowStart[r] .. rowStart[r + 1]). */
  const rowVoices: number[] = [];
  const rowStart: number[] = [];
  const groupSize = [...scored.map((s) => s.accountCount), input.accounts.length];
  const inGroup: number[][] = Array.from({ length: ALL + 1 }, () => []);
  const { baseline } = input;
  for (let t = 0, q = 0; t < themes.ids.length; t++) {
    const from = q;
    while (q < v.count && v.theme[q] === t) q++;
    if (from === q) continue;
    for (let k = from; k < q; k++) {
      inGroup[ALL].push(k);
      const groups = groupsOfAccount[v.account[k]];
      if (groups) for (const g of groups) inGroup[g].push(k);
    }
    for (let g = 0; g <= ALL; g++) {
      const list = inGroup[g];
      if (list.length === 0) continue;
      const key = `${g === ALL ? 'ALL' : scored[g].segmentId}:${themes.ids[t]}`;
      rowStart.push(rowVoices.length);
      for (const k of list) rowVoices.push(k);
      builder.add(rowValues(v, list, g, t, groupSize[g], p.accountVoiceCap, baseline, key, fp));
      list.length = 0;
    }
  }
  rowStart.push(rowVoices.length);

  const names = new Map(input.themes.map((t) => [t.Id, t.Name ?? '']));
  const ranks = rankRows({
    group: builder.column('group'),
    theme: builder.column('theme'),
    score: builder.column('score'),
    accounts: builder.column('accounts'),
    open: themes.status.map((s) => (s && CLOSED_THEME_STATUSES.includes(s) ? 0 : 1)),
    themeIds: themes.ids,
    themeNames: names,
  });

  const entries = new EntryCache(v, table, sets, today);
  const breakdown = (row: number) => {
    const list: BreakdownEntry[] = [];
    let requests = 0;
    let score = 0;
    for (let j = rowStart[row]; j < rowStart[row + 1]; j++) {
      const e = entries.of(rowVoices[j]);
      list.push(e);
      requests += v.requests[rowVoices[j]];
      score += e.voice;
    }
    return buildBreakdown(round4(score), requests, p.accountVoiceCap, list, (id) => sets.text(id));
  };
  return builder.done(
    {
      computedAt: new Date(now).toISOString(),
      runId: input.runId ?? null,
      quorum: p.quorumSize,
      groupSegment: [...scored.map((s) => s.segmentId), null],
      groupSize,
      themeIds: themes.ids,
      themeStatus: themes.status,
    },
    ranks,
    breakdown,
  );
}

/**
 * Theme numbers in Id order, after merges, and each counted request's theme number (-1: not
 * counted or unthemed). A request's theme is its Theme__c, else this run's grouping
 * (`themeOf`), else its Suggested_Theme__c; each distinct value is resolved once.
 */
function themeNumbers(
  table: RequestTable,
  themeRecords: readonly ThemeRecord[],
  themeOf: ReadonlyMap<string, string> | undefined,
  counted: Uint8Array,
): { ids: string[]; status: (string | null)[]; ofRequest: Int32Array } {
  const resolve = buildMergeResolver(themeRecords);
  // Raw values: the table's theme codes, then values only this run's grouping names.
  const values: (string | null)[] = [...table.themes.values];
  const extra = new Map<string, number>();
  const raw = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    if (!counted[table.status[i]]) continue;
    let code = table.theme[i];
    if (code === 0) {
      const grouped = themeOf?.get(table.id[i]);
      if (grouped !== undefined) {
        code = table.themes.find(grouped);
        if (code < 0) {
          code = extra.get(grouped) ?? values.length;
          if (code === values.length) {
            extra.set(grouped, code);
            values.push(grouped);
          }
        }
      } else code = table.suggestedTheme[i];
    }
    raw[i] = code;
  }
  // Each raw value's effective theme, resolved once; numbers in Id order.
  const used = new Uint8Array(values.length);
  for (let i = 0; i < table.length; i++) used[raw[i]] = 1;
  const effective = values.map((v, c) => (c > 0 && used[c] && v ? resolve(v) : null));
  const ids = [...new Set(effective.filter((v): v is string => v !== null))].sort();
  const number = new Map(ids.map((id, k) => [id, k] as const));
  const numberOfCode = Int32Array.from(effective, (v) => (v === null ? -1 : number.get(v)!));
  const ofRequest = new Int32Array(table.length).fill(-1);
  for (let i = 0; i < table.length; i++)
    if (raw[i] > 0 && counted[table.status[i]]) ofRequest[i] = numberOfCode[raw[i]];
  const statusOf = new Map(themeRecords.map((t) => [t.Id, t.Status__c ?? null] as const));
  return { ids, status: ids.map((id) => statusOf.get(id) ?? null), ofRequest };
}

/**
 * Folds requests into voices, in (theme, account Id) order: the order rows list them in.
 * `weigh(i)` gives a request's weight before decay and its requester; `sides[r]` is requester
 * r's side.
 *
 * The counted, themed requests are first put in (theme, account Id) order by two counting
 * sorts (linear in the requests; a comparison sort of the voices cost more than the rest of
 * scoring at a million requests), so each voice's requests arrive together and fold in one
 * pass. Every fold (strongest request, latest ask, largest revenue, counts, flags) is order
 * independent, so the result is the same as folding in arrival order.
 */
function foldVoices(
  table: RequestTable,
  themeOf: Int32Array,
  themeCount: number,
  sides: readonly string[],
  weigh: (i: number, out: { weight: number; requester: number }) => void,
): Voices {
  // Account places in Id order, for the accounts that have a counted, themed request.
  const used = new Uint8Array(table.ids.size);
  let m = 0;
  for (let i = 0; i < table.length; i++) {
    if (themeOf[i] < 0) continue;
    used[table.account[i]] = 1;
    m++;
  }
  const codes: number[] = [];
  for (let c = 0; c < used.length; c++) if (used[c]) codes.push(c);
  const ids = table.ids.values;
  codes.sort((a, b) => ((ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1));
  const place = new Int32Array(table.ids.size);
  codes.forEach((c, k) => (place[c] = k));
  // Requests by account place, then (stably) by theme.
  const counted = new Int32Array(m);
  for (let i = 0, k = 0; i < table.length; i++) if (themeOf[i] >= 0) counted[k++] = i;
  const byPlace = countingSort(counted, codes.length, (i) => place[table.account[i]]);
  const order = countingSort(byPlace, themeCount, (i) => themeOf[i]);

  const f = newVoices(m);
  const w = { weight: 0, requester: -1 };
  let q = -1;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const t = themeOf[i];
    const a = table.account[i];
    weigh(i, w);
    const { weight, requester } = w;
    const side = requester >= 0 ? sides[requester] : 'Unknown';
    const revenue = Number.isNaN(table.revenue[i]) ? 0 : table.revenue[i];
    const asked = table.askedDay[i];
    const needed = table.neededDay[i];
    if (q < 0 || f.theme[q] !== t || f.account[q] !== a) {
      q++;
      f.theme[q] = t;
      f.account[q] = a;
      f.best[q] = i;
      f.baseWeight[q] = weight;
      f.requester[q] = requester;
      f.latestAsk[q] = asked;
      f.revenue[q] = revenue;
      f.requests[q] = 1;
      f.decision[q] = side === 'Decision' ? 1 : 0;
      f.useOnly[q] = side === 'Use' ? 1 : 0;
      f.blocker[q] = table.dealBlocker[i];
      f.earliest[q] = needed;
      continue;
    }
    const b = f.best[q];
    if (weight > f.baseWeight[q] || (weight === f.baseWeight[q] && table.id[i] < table.id[b])) {
      f.best[q] = i;
      f.baseWeight[q] = weight;
      f.requester[q] = requester;
    }
    if (asked > f.latestAsk[q]) f.latestAsk[q] = asked;
    if (revenue > f.revenue[q]) f.revenue[q] = revenue;
    f.requests[q]++;
    if (side === 'Decision') f.decision[q] = 1;
    if (side !== 'Use') f.useOnly[q] = 0;
    if (table.dealBlocker[i]) f.blocker[q] = 1;
    if (needed >= 0 && (f.earliest[q] < 0 || needed < f.earliest[q])) f.earliest[q] = needed;
  }
  return trimVoices(f, q + 1);
}

/** `items` in ascending `key(item)` order (keys in [0, buckets)), stable: a counting sort. */
function countingSort(
  items: Int32Array,
  buckets: number,
  key: (item: number) => number,
): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < items.length; k++) start[key(items[k]) + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[key(items[k])]++] = items[k];
  return out;
}

/** Room for up to n voices. */
function newVoices(n: number): Voices {
  return {
    count: 0,
    theme: new Int32Array(n),
    account: new Int32Array(n),
    best: new Int32Array(n),
    baseWeight: new Float64Array(n),
    requester: new Int32Array(n),
    latestAsk: new Int32Array(n),
    revenue: new Float64Array(n),
    requests: new Int32Array(n),
    decision: new Uint8Array(n),
    useOnly: new Uint8Array(n),
    blocker: new Uint8Array(n),
    earliest: new Int32Array(n),
    decay: new Float64Array(0),
    weight: new Float64Array(0),
    revenueFactor: new Float64Array(0),
    voice: new Float64Array(0),
    capped: new Uint8Array(0),
    h1: new Int32Array(0),
    h2: new Int32Array(0),
  };
}

/** The first n voices, trimmed, with room for what is computed once every request is in. */
function trimVoices(f: Voices, n: number): Voices {
  return {
    count: n,
    theme: f.theme.slice(0, n),
    account: f.account.slice(0, n),
    best: f.best.slice(0, n),
    baseWeight: f.baseWeight.slice(0, n),
    requester: f.requester.slice(0, n),
    latestAsk: f.latestAsk.slice(0, n),
    revenue: f.revenue.slice(0, n),
    requests: f.requests.slice(0, n),
    decision: f.decision.slice(0, n),
    useOnly: f.useOnly.slice(0, n),
    blocker: f.blocker.slice(0, n),
    earliest: f.earliest.slice(0, n),
    decay: new Float64Array(n),
    weight: new Float64Array(n),
    revenueFactor: new Float64Array(n),
    voice: new Float64Array(n),
    capped: new Uint8Array(n),
    h1: new Int32Array(n),
    h2: new Int32Array(n),
  };
}

/**
 * The scored groups (segment numbers) of each account, by its code in the table. The reader
 * codes the accounts first, in the order it read them (newDictionaries), so the k-th account
 * is usually code k + 1: checked by one comparison instead of a lookup among every Id.
 */
function accountGroups(
  table: RequestTable,
  accounts: readonly AccountRecord[],
  memberships: ReadonlyMap<string, readonly string[]>,
  groupOf: ReadonlyMap<string, number>,
): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(table.ids.size);
  const ids = table.ids.values;
  let found = 0;
  const place = (account: string, code: number) => {
    const segments = memberships.get(account);
    if (!segments) return;
    found++;
    if (code <= 0) return;
    const groups = segments.map((s) => groupOf.get(s)).filter((g): g is number => g !== undefined);
    if (groups.length > 0) out[code] = groups;
  };
  for (let k = 0; k < accounts.length; k++) {
    const account = accounts[k].Id;
    place(account, ids[k + 1] === account ? k + 1 : table.ids.find(account));
  }
  // Members missing from `accounts` (callers may pass memberships alone).
  if (found < memberships.size) {
    const listed = new Set(accounts.map((a) => a.Id));
    for (const account of memberships.keys())
      if (!listed.has(account)) place(account, table.ids.find(account));
  }
  return out;
}

/** A row's values from its voices (`list`, in account order). */
function rowValues(
  v: Voices,
  list: readonly number[],
  group: number,
  theme: number,
  size: number,
  cap: number,
  baseline: ScoreInput['baseline'],
  key: string,
  fp: Fingerprint,
): RowInput {
  let score = 0;
  let requests = 0;
  let revenue = 0;
  let decision = 0;
  let useOnly = 0;
  let blockers = 0;
  let earliest = -1;
  for (const q of list) {
    score += v.voice[q];
    requests += v.requests[q];
    revenue += v.revenue[q];
    decision += v.decision[q];
    useOnly += v.useOnly[q];
    blockers += v.blocker[q];
    const e = v.earliest[q];
    if (e >= 0 && (earliest < 0 || e < earliest)) earliest = e;
  }
  score = round4(score);
  const accounts = list.length;
  fp.reset(0x1b873593, 0xcc9e2d51).small(q4(score)).small(requests).small(q4(cap)).small(accounts);
  for (const q of list) fp.int(v.h1[q]).int(v.h2[q]);
  const then = baseline ? (baseline.get(key) ?? { score: 0, accounts: 0 }) : null;
  return {
    group,
    theme,
    score,
    accounts,
    requests,
    revenue: round2(revenue),
    decision,
    useOnly,
    blockers,
    earliest,
    penetration: size > 0 ? round2(Math.min(100, (100 * accounts) / size)) : 0,
    normalized: size > 0 ? round4((score * 100) / size) : 0,
    scoreChange: then ? round4(score - then.score) : NaN,
    accountChange: then ? accounts - then.accounts : NaN,
    digest: fp.text(),
  };
}

/**
 * Factor sets: the factors of an account's strongest request that many accounts share
 * (urgency, source, requester, workaround, blocker), each numbered once with its text and a
 * fingerprint of it.
 */
class FactorSets {
  readonly h1: number[] = [];
  readonly h2: number[] = [];
  private readonly texts: string[] = [];
  private readonly numbers = new Map<number, number>();
  private readonly fp = new Fingerprint();

  constructor(
    private readonly table: RequestTable,
    private readonly who: readonly Requester[],
    private readonly p: Profile,
    private readonly w: {
      urgencyW: Float64Array;
      sourceW: Float64Array;
      workaroundW: Float64Array;
    },
  ) {}

  /** The set of request i asked by requester r (-1: none). */
  of(i: number, r: number): number {
    const t = this.table;
    const codes = t.picklists.size;
    const key =
      (((t.urgency[i] * codes + t.source[i]) * (this.who.length + 1) + r + 1) * codes +
        t.workaround[i]) *
        2 +
      t.dealBlocker[i];
    let n = this.numbers.get(key);
    if (n !== undefined) return n;
    const values = t.picklists.values;
    const who = r >= 0 ? this.who[r] : null;
    const p = this.p;
    const set: FactorSet = {
      urgency: values[t.urgency[i]],
      urgencyWeight: this.w.urgencyW[t.urgency[i]],
      source: values[t.source[i]],
      sourceWeight: this.w.sourceW[t.source[i]],
      side: who?.side ?? 'Unknown',
      role: who?.role ?? null,
      veto: who?.veto ?? false,
      sideWeight: p.side[who?.side ?? 'Unknown'],
      influence: who?.influence ?? null,
      influenceWeight:
        who?.influence && Object.hasOwn(p.influence, who.influence)
          ? p.influence[who.influence as keyof Profile['influence']]
          : p.influence.Unknown,
      workaround: values[t.workaround[i]],
      workaroundWeight: this.w.workaroundW[t.workaround[i]],
      blocker: t.dealBlocker[i] ? p.dealBlockerFactor : 1,
    };
    const text = factorSetText(set);
    n = this.texts.length;
    this.numbers.set(key, n);
    this.texts.push(text);
    this.fp.reset(0x51ed27, 0x3c6ef3).ascii(text);
    this.h1.push(this.fp.h1);
    this.h2.push(this.fp.h2);
    return n;
  }

  text(n: number): string {
    return this.texts[n];
  }
}

/**
 * Breakdown entries of voices, made when a row's text is read. Rows are read theme by theme
 * and a voice is listed in several rows of its theme, so the entries of the last theme read
 * are kept: each is made once, and memory stays bounded by the broadest theme.
 */
class EntryCache {
  private theme = -1;
  private cache = new Map<number, BreakdownEntry>();

  constructor(
    private readonly v: Voices,
    private readonly table: RequestTable,
    private readonly sets: FactorSets,
    private readonly today: number,
  ) {}

  of(q: number): BreakdownEntry {
    const { v, table } = this;
    if (v.theme[q] !== this.theme) {
      this.theme = v.theme[q];
      this.cache = new Map();
    }
    let e = this.cache.get(q);
    if (e) return e;
    const latest = v.latestAsk[q];
    const text = entryText({
      account: table.ids.values[v.account[q]] ?? '',
      request: table.id[v.best[q]],
      requests: v.requests[q],
      askedOn: latest < 0 ? '' : dayText(latest),
      ageDays: latest < 0 ? 0 : Math.max(0, this.today - latest),
      decay: v.decay[q],
      weight: v.weight[q],
      revenue: v.revenue[q],
      revenueFactor: v.revenueFactor[q],
      capped: v.capped[q] === 1,
      voice: v.voice[q],
    });
    e = { ...text, factorSet: this.sets.of(v.best[q], v.requester[q]), voice: v.voice[q] };
    this.cache.set(q, e);
    return e;
  }
}
