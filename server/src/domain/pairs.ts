/**
 * From requests to (theme, account) pairs, the unit of scoring: for every account that asked
 * for a theme, its strongest request (weight, Id), its largest revenue at stake, its request
 * count, its strongest and weakest side, whether any request blocks a deal, its earliest need,
 * its voice and the fingerprint of its breakdown entry. See scoring.ts for the formulas.
 *
 * Everything runs on the request table's integer codes and typed arrays. Each hot loop is a
 * function of its own: V8 optimises a small function with complete type feedback, while one
 * long function with many loops kept being deoptimised at each new loop (measured: about
 * three times slower).
 *
 * Output never depends on input order: accounts and themes are numbered in Id order, pairs are
 * in (theme, account) order, and ties between equally strong requests go to the smallest Id.
 */
import type { Profile } from './profile';
import type { RequestTable } from './requestTable';
import type { SideIndex } from './sides';
import { SIDE_BY_RANK } from './sides';
import { round4 } from './numbers';
import { Fingerprint, q2, q4 } from './fingerprint';

/** Ages (days) whose decay is remembered: ten years covers nearly every request. */
const DECAY_DAYS = 3660;

/** The profile's factors by picklist code and by age. */
export class Factors {
  readonly isCounted: Uint8Array;
  readonly urgencyOf: Float64Array;
  readonly sourceOf: Float64Array;
  readonly sideWeight: readonly number[];
  readonly blocker: number;
  private readonly decayOfAge = new Float64Array(DECAY_DAYS).fill(-1);

  constructor(
    private readonly profile: Profile,
    picklistValues: readonly (string | null)[],
    /** Today as a UTC day number. */
    private readonly today: number,
  ) {
    const urgency = profile.urgency as Record<string, number>;
    const source = profile.source as Record<string, number>;
    const counted = new Set(profile.countedStatuses.filter((s) => s !== 'Delivered'));
    const n = picklistValues.length;
    this.isCounted = new Uint8Array(n);
    this.urgencyOf = new Float64Array(n);
    this.sourceOf = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const v = picklistValues[c] ?? '';
      this.isCounted[c] = counted.has(v || 'New') ? 1 : 0;
      // Own keys only: a value such as 'constructor' is just an unknown value.
      this.urgencyOf[c] = Object.hasOwn(urgency, v) ? urgency[v] : profile.urgency.Medium;
      this.sourceOf[c] = Object.hasOwn(source, v) ? source[v] : 1;
    }
    this.sideWeight = SIDE_BY_RANK.map((s) => profile.side[s]);
    this.blocker = profile.dealBlockerFactor;
  }

  /**
   * Age in calendar days (UTC) from CreatedDate to today: runs on the same day give the same
   * scores, so a steady state rewrites nothing. No or a future CreatedDate: age 0.
   */
  age(createdDay: number): number {
    return createdDay >= 0 && createdDay < this.today ? this.today - createdDay : 0;
  }

  /** max(floor, 0.5 ^ (age / half life)), computed once per distinct age. */
  decay(age: number): number {
    let d = age < DECAY_DAYS ? this.decayOfAge[age] : -1;
    if (d < 0) {
      d = Math.max(this.profile.decayFloor, Math.pow(0.5, age / this.profile.halfLifeDays));
      if (age < DECAY_DAYS) this.decayOfAge[age] = d;
    }
    return d;
  }
}

/**
 * Interns Ids as numbers in Id order: the known Ids (accounts, themes) first, then Ids only
 * requests mention, also sorted. Numbers therefore never depend on input order.
 */
export class Interner {
  readonly index = new Map<string, number>();
  readonly ids: string[];
  private readonly extra = new Set<string>();
  constructor(known: Iterable<string>) {
    this.ids = [...new Set(known)].sort();
    for (let i = 0; i < this.ids.length; i++) this.index.set(this.ids[i], i);
  }
  /** Remembers an Id that is not known yet. */
  see(id: string): void {
    if (!this.index.has(id)) this.extra.add(id);
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

/**
 * Each request's effective theme number (after merges), -1 when it is not scored (status not
 * counted, or no theme at all). A request's theme is its Theme__c, else this run's grouping
 * (`themeOf`), else its Suggested_Theme__c; each distinct value is resolved once.
 */
export function effectiveThemes(
  table: RequestTable,
  isCounted: Uint8Array,
  themeOf: ReadonlyMap<string, string> | undefined,
  resolve: (themeId: string) => string,
  themes: Interner,
): Int32Array {
  const n = table.length;
  const values = table.themes.values;
  // Raw codes: the table's theme codes, then values only themeOf names; 0 is none.
  const extra = new Map<string, number>();
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!isCounted[table.status[i]]) continue;
    let code = table.theme[i];
    if (code === 0) {
      const grouped = themeOf?.get(table.id[i]);
      if (grouped) {
        code = table.themes.find(grouped);
        if (code < 0) {
          code = extra.get(grouped) ?? values.length + extra.size;
          extra.set(grouped, code);
        }
      } else code = table.suggestedTheme[i];
    }
    raw[i] = code;
  }
  const names = [...values, ...extra.keys()];
  const used = new Uint8Array(names.length);
  for (let i = 0; i < n; i++) used[raw[i]] = 1;
  for (let c = 1; c < names.length; c++) if (used[c]) themes.see(resolve(names[c] as string));
  themes.seal();
  const numberOf = new Int32Array(names.length).fill(-1);
  for (let c = 1; c < names.length; c++)
    if (used[c]) numberOf[c] = themes.index.get(resolve(names[c] as string)) as number;
  const out = raw; // reused in place: raw code -> theme number
  for (let i = 0; i < n; i++) out[i] = numberOf[raw[i]];
  return out;
}

/** Account numbers by account code (known accounts in Id order, then the others; -1: none). */
export function accountNumbers(
  table: RequestTable,
  reqTheme: Int32Array,
  accounts: Interner,
): Int32Array {
  const n = table.length;
  const values = table.ids.values;
  const used = new Uint8Array(values.length);
  for (let i = 0; i < n; i++) if (reqTheme[i] >= 0) used[table.account[i]] = 1;
  for (let c = 0; c < values.length; c++) if (used[c]) accounts.see(values[c] ?? '');
  accounts.seal();
  const numberOf = new Int32Array(values.length).fill(-1);
  for (let c = 0; c < values.length; c++)
    if (used[c]) numberOf[c] = accounts.index.get(values[c] ?? '') as number;
  return numberOf;
}

/**
 * Scored requests grouped by theme, with what the pair pass reads laid out in that order (a
 * theme's requests are one contiguous block, `start[t]..start[t+1]`). Filled in one sequential
 * pass over the table, writing into one stream per theme, so no later step reads requests in
 * random order (measured: random reads of scattered rows cost more than all the arithmetic).
 */
interface ByTheme {
  start: Int32Array;
  row: Int32Array;
  account: Int32Array;
  weight: Float64Array;
  /** Bits 0-1: side rank, bit 2: deal blocker. */
  side: Int8Array;
  revenue: Float64Array;
  needed: Int32Array;
  /** Fingerprint of what the breakdown prints for the request: its Id and factors. */
  h1: Int32Array;
  h2: Int32Array;
}

/**
 * Each scored request's weight (urgency × source × side × decay × blocker), side and
 * fingerprint, placed in its theme's block.
 */
export function requestsByTheme(
  table: RequestTable,
  reqTheme: Int32Array,
  nThemes: number,
  accountOf: Int32Array,
  factors: Factors,
  sides: SideIndex,
): ByTheme {
  const n = table.length;
  const start = new Int32Array(nThemes + 1);
  for (let i = 0; i < n; i++) if (reqTheme[i] >= 0) start[reqTheme[i] + 1]++;
  for (let t = 0; t < nThemes; t++) start[t + 1] += start[t];
  const m = start[nThemes];
  const cursor = start.slice(0, nThemes);
  const out: ByTheme = {
    start,
    row: new Int32Array(m),
    account: new Int32Array(m),
    weight: new Float64Array(m),
    side: new Int8Array(m),
    revenue: new Float64Array(m),
    needed: new Int32Array(m),
    h1: new Int32Array(m),
    h2: new Int32Array(m),
  };
  const fp = new Fingerprint();
  const { urgencyOf, sourceOf, sideWeight } = factors;
  for (let i = 0; i < n; i++) {
    const t = reqTheme[i];
    if (t < 0) continue;
    const at = cursor[t]++;
    const side = sides.rankOfCodes(table.requestedBy[i], table.account[i], table.opportunity[i]);
    const u = urgencyOf[table.urgency[i]];
    const s = sourceOf[table.source[i]];
    const sw = sideWeight[side];
    const decay = factors.decay(factors.age(table.createdDay[i]));
    const blocks = table.dealBlocker[i] === 1;
    const blocker = blocks ? factors.blocker : 1;
    out.row[at] = i;
    out.account[at] = accountOf[table.account[i]];
    out.weight[at] = u * s * sw * decay * blocker;
    out.side[at] = blocks ? side | 4 : side;
    const rv = table.revenue[i];
    out.revenue[at] = rv > 0 ? rv : 0; // NaN (blank) and negative count as none
    out.needed[at] = table.neededDay[i];
    fp.reset(0x51ed270b, 0x2545f491).str(table.id[i]).num(q4(u)).num(q4(s)).int(side);
    fp.num(q4(sw)).num(q4(decay)).num(q4(blocker));
    out.h1[at] = fp.h1;
    out.h2[at] = fp.h2;
  }
  return out;
}

/** The pairs, as columns (one slot per pair, `count` slots, in (theme, account) order). */
export interface Pairs {
  count: number;
  theme: Int32Array;
  account: Int32Array;
  /** Strongest request (row of the table), its weight, side bits and fingerprint. */
  best: Int32Array;
  weight: Float64Array;
  bestSide: Int8Array;
  bestH1: Int32Array;
  bestH2: Int32Array;
  revenue: Float64Array;
  requests: Int32Array;
  maxSide: Int8Array;
  minSide: Int8Array;
  blocker: Uint8Array;
  /** Earliest Needed_By__c as a day number, -1 when none. */
  earliest: Int32Array;
  /** 1 + λ·log10(1 + revenue / R0), and the capped voice. */
  factor: Float64Array;
  voice: Float64Array;
  /** Fingerprint of the pair's breakdown entry (two 32-bit lanes). */
  h1: Int32Array;
  h2: Int32Array;
}

/** Room for a block's local index below an account number in one exact double (2^26). */
const LOCAL = 67108864;

/**
 * Walks each theme's block in account order (a numeric sort of account × 2^26 + position,
 * within the block, which stays in cache): every pair is one run. Within a pair the order of
 * requests does not matter (maxima, minima, counts; ties go to the smallest Id).
 */
export function collectPairs(by: ByTheme, nThemes: number, ids: readonly string[]): Pairs {
  const m = by.row.length;
  const p = {
    theme: new Int32Array(m),
    account: new Int32Array(m),
    best: new Int32Array(m),
    weight: new Float64Array(m),
    bestSide: new Int8Array(m),
    bestH1: new Int32Array(m),
    bestH2: new Int32Array(m),
    revenue: new Float64Array(m),
    requests: new Int32Array(m),
    maxSide: new Int8Array(m),
    minSide: new Int8Array(m),
    blocker: new Uint8Array(m),
    earliest: new Int32Array(m),
  };
  let keys = new Float64Array(1024);
  let count = 0;
  for (let t = 0; t < nThemes; t++) {
    const from = by.start[t];
    const size = by.start[t + 1] - from;
    if (size === 0) continue;
    if (size > LOCAL) throw new Error('collectPairs: a theme with more than 2^26 requests');
    if (keys.length < size) keys = new Float64Array(Math.max(size, keys.length * 2));
    const block = keys.subarray(0, size);
    for (let k = 0; k < size; k++) block[k] = by.account[from + k] * LOCAL + k;
    block.sort();
    let q = -1;
    for (let k = 0; k < size; k++) {
      const at = from + (block[k] % LOCAL);
      const a = by.account[at];
      const w = by.weight[at];
      const bits = by.side[at];
      const side = bits & 3;
      const rev = by.revenue[at];
      const needed = by.needed[at];
      if (q < 0 || p.account[q] !== a) {
        q = count++;
        p.theme[q] = t;
        p.account[q] = a;
        p.best[q] = by.row[at];
        p.weight[q] = w;
        p.bestSide[q] = bits;
        p.bestH1[q] = by.h1[at];
        p.bestH2[q] = by.h2[at];
        p.revenue[q] = rev;
        p.requests[q] = 1;
        p.maxSide[q] = side;
        p.minSide[q] = side;
        p.blocker[q] = bits & 4 ? 1 : 0;
        p.earliest[q] = needed;
        continue;
      }
      if (w > p.weight[q] || (w === p.weight[q] && ids[by.row[at]] < ids[p.best[q]])) {
        p.weight[q] = w;
        p.best[q] = by.row[at];
        p.bestSide[q] = bits;
        p.bestH1[q] = by.h1[at];
        p.bestH2[q] = by.h2[at];
      }
      if (rev > p.revenue[q]) p.revenue[q] = rev;
      p.requests[q] += 1;
      if (side > p.maxSide[q]) p.maxSide[q] = side;
      if (side < p.minSide[q]) p.minSide[q] = side;
      if (bits & 4) p.blocker[q] = 1;
      if (needed >= 0 && (p.earliest[q] < 0 || needed < p.earliest[q])) p.earliest[q] = needed;
    }
  }
  return {
    count,
    ...p,
    factor: new Float64Array(count),
    voice: new Float64Array(count),
    h1: new Int32Array(count),
    h2: new Int32Array(count),
  };
}

/**
 * Voices, and each pair's breakdown entry as a fingerprint (Breakdown_Digest__c, see
 * fingerprint.ts): the account, the request count, the strongest request with the factors the
 * breakdown prints for it, and the pair's numbers.
 */
export function voices(pairs: Pairs, accountIds: readonly string[], profile: Profile): void {
  const fp = new Fingerprint();
  const accH1 = new Int32Array(accountIds.length);
  const accH2 = new Int32Array(accountIds.length);
  for (let a = 0; a < accountIds.length; a++) {
    fp.reset(0x3c6ef372, 0x6a09e667).str(accountIds[a]);
    accH1[a] = fp.h1;
    accH2[a] = fp.h2;
  }
  const lambda = profile.revenueWeight;
  const r0 = profile.referenceRevenue;
  const cap = profile.accountVoiceCap;
  for (let q = 0; q < pairs.count; q++) {
    const factor = 1 + lambda * Math.log10(1 + pairs.revenue[q] / r0);
    const voice = round4(Math.min(cap, pairs.weight[q] * factor));
    pairs.factor[q] = factor;
    pairs.voice[q] = voice;
    const a = pairs.account[q];
    fp.reset(accH1[a], accH2[a])
      .int(pairs.requests[q])
      .int(pairs.bestH1[q])
      .int(pairs.bestH2[q])
      .num(q4(pairs.weight[q]))
      .num(q2(pairs.revenue[q]))
      .num(q4(factor))
      .num(q4(voice));
    pairs.h1[q] = fp.h1;
    pairs.h2[q] = fp.h2;
  }
}
