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

/** Each scored request's account number (known accounts in Id order, then the others). */
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
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = reqTheme[i] >= 0 ? numberOf[table.account[i]] : -1;
  return out;
}

/**
 * Each scored request's weight, side (bits 0-1: side rank, bit 2: deal blocker) and the
 * fingerprint of what the breakdown prints for it (its Id and factors), in input order:
 * sequential access, where reading the Id strings is cheap (the pair pass meets requests in
 * random order).
 */
export interface RequestFactors {
  weight: Float64Array;
  side: Int8Array;
  h1: Int32Array;
  h2: Int32Array;
}

export function requestWeights(
  table: RequestTable,
  reqTheme: Int32Array,
  factors: Factors,
  sides: SideIndex,
): RequestFactors {
  const n = table.length;
  const weight = new Float64Array(n);
  const sideBits = new Int8Array(n);
  const h1 = new Int32Array(n);
  const h2 = new Int32Array(n);
  const fp = new Fingerprint();
  const { urgencyOf, sourceOf, sideWeight } = factors;
  for (let i = 0; i < n; i++) {
    if (reqTheme[i] < 0) continue;
    const side = sides.rankOfCodes(table.requestedBy[i], table.account[i], table.opportunity[i]);
    const u = urgencyOf[table.urgency[i]];
    const s = sourceOf[table.source[i]];
    const sw = sideWeight[side];
    const decay = factors.decay(factors.age(table.createdDay[i]));
    const blocker = table.dealBlocker[i] === 1 ? factors.blocker : 1;
    weight[i] = u * s * sw * decay * blocker;
    sideBits[i] = table.dealBlocker[i] === 1 ? side | 4 : side;
    fp.reset(0x51ed270b, 0x2545f491).str(table.id[i]).num(q4(u)).num(q4(s)).int(side);
    fp.num(q4(sw)).num(q4(decay)).num(q4(blocker));
    h1[i] = fp.h1;
    h2[i] = fp.h2;
  }
  return { weight, side: sideBits, h1, h2 };
}

/**
 * Stable counting sort of the request indexes with a theme, by `key` (0..range-1), taken from
 * `input` (or 0..n-1). Linear time, typed arrays only.
 */
export function countingSort(
  key: Int32Array,
  range: number,
  reqTheme: Int32Array,
  input: Int32Array | null,
): Int32Array {
  const counts = new Int32Array(range + 1);
  const len = input ? input.length : key.length;
  let m = 0;
  for (let k = 0; k < len; k++) {
    const i = input ? input[k] : k;
    if (reqTheme[i] >= 0) {
      counts[key[i] + 1]++;
      m++;
    }
  }
  for (let k = 0; k < range; k++) counts[k + 1] += counts[k];
  const out = new Int32Array(m);
  for (let k = 0; k < len; k++) {
    const i = input ? input[k] : k;
    if (reqTheme[i] >= 0) out[counts[key[i]]++] = i;
  }
  return out;
}

/** The pairs, as columns (one slot per pair, `count` slots). */
export interface Pairs {
  count: number;
  theme: Int32Array;
  account: Int32Array;
  /** Strongest request (row of the table) and its weight. */
  best: Int32Array;
  weight: Float64Array;
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

/** Walks requests in (theme, account) order: every pair is one run of `order`. */
export function collectPairs(
  order: Int32Array,
  table: RequestTable,
  reqTheme: Int32Array,
  reqAccount: Int32Array,
  req: RequestFactors,
): Pairs {
  const m = order.length;
  const theme = new Int32Array(m);
  const account = new Int32Array(m);
  const best = new Int32Array(m);
  const weight = new Float64Array(m);
  const revenue = new Float64Array(m);
  const requests = new Int32Array(m);
  const maxSide = new Int8Array(m);
  const minSide = new Int8Array(m);
  const blocker = new Uint8Array(m);
  const earliest = new Int32Array(m);
  const ids = table.id;
  const reqW = req.weight;
  const reqSide = req.side;
  let count = 0;
  let p = -1;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const t = reqTheme[i];
    const a = reqAccount[i];
    const w = reqW[i];
    const side = reqSide[i] & 3;
    const blocks = reqSide[i] & 4;
    const rv = table.revenue[i];
    const rev = rv > 0 ? rv : 0; // NaN (blank) and negative count as none
    const needed = table.neededDay[i];
    if (p < 0 || theme[p] !== t || account[p] !== a) {
      p = count++;
      theme[p] = t;
      account[p] = a;
      best[p] = i;
      weight[p] = w;
      revenue[p] = rev;
      requests[p] = 1;
      maxSide[p] = side;
      minSide[p] = side;
      blocker[p] = blocks ? 1 : 0;
      earliest[p] = needed;
      continue;
    }
    if (w > weight[p] || (w === weight[p] && ids[i] < ids[best[p]])) {
      weight[p] = w;
      best[p] = i;
    }
    if (rev > revenue[p]) revenue[p] = rev;
    requests[p] += 1;
    if (side > maxSide[p]) maxSide[p] = side;
    if (side < minSide[p]) minSide[p] = side;
    if (blocks) blocker[p] = 1;
    if (needed >= 0 && (earliest[p] < 0 || needed < earliest[p])) earliest[p] = needed;
  }
  return {
    count,
    theme,
    account,
    best,
    weight,
    revenue,
    requests,
    maxSide,
    minSide,
    blocker,
    earliest,
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
export function voices(
  pairs: Pairs,
  req: RequestFactors,
  accountIds: readonly string[],
  profile: Profile,
): void {
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
    const i = pairs.best[q];
    const a = pairs.account[q];
    fp.reset(accH1[a], accH2[a])
      .int(pairs.requests[q])
      .int(req.h1[i])
      .int(req.h2[i])
      .num(q4(pairs.weight[q]))
      .num(q2(pairs.revenue[q]))
      .num(q4(factor))
      .num(q4(voice));
    pairs.h1[q] = fp.h1;
    pairs.h2[q] = fp.h2;
  }
}
