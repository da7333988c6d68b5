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

/** The accounts scored requests name, numbered in Id order (see numberAccounts). */
export interface AccountNumbers {
  /** Account number by dictionary code; -1: no scored request names the account. */
  ofCode: Int32Array;
  /** Account Id by number. */
  ids: string[];
}

/**
 * Numbers the accounts that scored requests name: accounts of the input first, in Id order,
 * then accounts only requests name, also in Id order (a blank account sorts first among
 * those). Only the order matters, so accounts nobody asked through get no number.
 *
 * Accounts usually arrive in Id order already, so they are sorted only when they are not;
 * the Id strings handed out are the input's own, so maps keyed by them (the segment of each
 * account) find them by identity.
 */
export function numberAccounts(
  table: RequestTable,
  reqTheme: Int32Array,
  known: readonly string[],
): AccountNumbers {
  const n = table.length;
  const values = table.ids.values;
  const used = new Uint8Array(values.length);
  for (let i = 0; i < n; i++) if (reqTheme[i] >= 0) used[table.account[i]] = 1;
  const ofCode = new Int32Array(values.length).fill(-1);
  const ids: string[] = [];
  const number = (k: number): void => {
    const c = table.ids.find(known[k]);
    if (c > 0 && used[c] && ofCode[c] < 0) {
      ofCode[c] = ids.length;
      ids.push(known[k]);
    }
  };
  let sorted = true;
  for (let k = 1; k < known.length && sorted; k++) sorted = known[k - 1] < known[k];
  if (sorted) for (let k = 0; k < known.length; k++) number(k);
  else
    for (const k of byText(
      known,
      Array.from(known, (_, k) => k),
    ))
      number(k);
  const extra: number[] = [];
  for (let c = 0; c < values.length; c++) if (used[c] && ofCode[c] < 0) extra.push(c);
  const text = Array.from(extra, (c) => values[c] ?? '');
  for (const k of byText(
    text,
    Array.from(extra, (_, k) => k),
  )) {
    ofCode[extra[k]] = ids.length;
    ids.push(text[k]);
  }
  return { ofCode, ids };
}

/** Sorts indices by the strings they point at (UTF-16 code unit order, like Array#sort). */
function byText(texts: readonly string[], indices: number[]): number[] {
  return indices.sort((x, y) => (texts[x] < texts[y] ? -1 : texts[x] > texts[y] ? 1 : 0));
}

/**
 * Scored requests grouped by theme, with what the pair pass reads laid out in that order (a
 * theme's requests are one contiguous block, `start[t]..start[t+1]`). Filled in one sequential
 * pass over the table, writing into one stream per theme, so no later step reads requests in
 * random order (measured: random reads of scattered rows cost more than all the arithmetic).
 */
interface ByTheme {
  start: Int32Array;
  /**
   * Per request, INTS integers: its row, account number, Needed_By__c day, side bits (bits 0-1:
   * side rank, bit 2: deal blocker) and fingerprint (two words) of what the breakdown prints
   * for it (its Id and factors). Interleaved, so placing a request writes one cache line here
   * and one in `nums` instead of one per column.
   */
  ints: Int32Array;
  /** Per request, its weight and revenue at stake. */
  nums: Float64Array;
}

/** Layout of ByTheme.ints and .nums. */
const INTS = 6;
const ROW = 0;
const ACCOUNT = 1;
const NEEDED = 2;
const SIDE = 3;
const H1 = 4;
const H2 = 5;
const NUMS = 2;
const WEIGHT = 0;
const REVENUE = 1;

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
  const ints = new Int32Array(m * INTS);
  const nums = new Float64Array(m * NUMS);
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
    const rv = table.revenue[i];
    nums[at * NUMS + WEIGHT] = u * s * sw * decay * blocker;
    nums[at * NUMS + REVENUE] = rv > 0 ? rv : 0; // NaN (blank) and negative count as none
    fp.reset(0x51ed270b, 0x2545f491).str(table.id[i]).num(q4(u)).num(q4(s)).int(side);
    fp.num(q4(sw)).num(q4(decay)).num(q4(blocker));
    const o = at * INTS;
    ints[o + ROW] = i;
    ints[o + ACCOUNT] = accountOf[table.account[i]];
    ints[o + NEEDED] = table.neededDay[i];
    ints[o + SIDE] = blocks ? side | 4 : side;
    ints[o + H1] = fp.h1;
    ints[o + H2] = fp.h2;
  }
  return { start, ints, nums };
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
  /** The capped voice: strongest weight × revenueFactor(revenue). */
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
  const m = by.start[nThemes];
  const { ints, nums } = by;
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
    for (let k = 0; k < size; k++) block[k] = ints[(from + k) * INTS + ACCOUNT] * LOCAL + k;
    block.sort();
    let q = -1;
    for (let k = 0; k < size; k++) {
      const at = from + (block[k] % LOCAL);
      const o = at * INTS;
      const a = ints[o + ACCOUNT];
      const row = ints[o + ROW];
      const w = nums[at * NUMS + WEIGHT];
      const bits = ints[o + SIDE];
      const side = bits & 3;
      const rev = nums[at * NUMS + REVENUE];
      const needed = ints[o + NEEDED];
      if (q < 0 || p.account[q] !== a) {
        q = count++;
        p.theme[q] = t;
        p.account[q] = a;
        p.best[q] = row;
        p.weight[q] = w;
        p.bestSide[q] = bits;
        p.bestH1[q] = ints[o + H1];
        p.bestH2[q] = ints[o + H2];
        p.revenue[q] = rev;
        p.requests[q] = 1;
        p.maxSide[q] = side;
        p.minSide[q] = side;
        p.blocker[q] = bits & 4 ? 1 : 0;
        p.earliest[q] = needed;
        continue;
      }
      if (w > p.weight[q] || (w === p.weight[q] && ids[row] < ids[p.best[q]])) {
        p.weight[q] = w;
        p.best[q] = row;
        p.bestSide[q] = bits;
        p.bestH1[q] = ints[o + H1];
        p.bestH2[q] = ints[o + H2];
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
    const factor = revenueFactor(pairs.revenue[q], lambda, r0);
    const voice = round4(Math.min(cap, pairs.weight[q] * factor));
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

/** 1 + λ·log10(1 + revenue / R0): computed again where the breakdown prints it (not stored). */
export function revenueFactor(revenue: number, lambda: number, r0: number): number {
  return 1 + lambda * Math.log10(1 + revenue / r0);
}
