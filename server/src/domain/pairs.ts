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
import { avalanche, Fingerprint, q2, q4 } from './fingerprint';

/**
 * The imported functions the hot loops call, read once. The service and the bench run under
 * tsx, which compiles each module to CommonJS with esbuild: every read of an imported name
 * then goes through two export getters that V8 does not inline (measured: about a third of a
 * scoring run when the loops read them per request). Through this constant the calls are
 * direct. The same holds for every module with a loop over requests, pairs or rows.
 */
const direct = { round4, q2, q4, avalanche } as const;

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

  /**
   * The weight of request `i` of the table with side bits `bits` (bits 0-1: side rank, bit 2:
   * deal blocker), for the breakdown's strongest requests; requestsByTheme multiplies the same
   * factors in the same order (weightOf), so both give the same number.
   */
  weight(table: RequestTable, i: number, bits: number): number {
    return weightOf(
      this.urgencyOf[table.urgency[i]],
      this.sourceOf[table.source[i]],
      this.sideWeight[bits & 3],
      this.decay(this.age(table.createdDay[i])),
      bits & 4 ? this.blocker : 1,
    );
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

/** urgency × source × side × decay × blocker, in that order (floating point is not associative). */
export function weightOf(
  urgency: number,
  source: number,
  side: number,
  decay: number,
  blocker: number,
): number {
  return urgency * source * side * decay * blocker;
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
  // Raw codes: the table's theme codes, then values only themeOf names; 0 is none.
  const extra = new Map<string, number>();
  const raw = rawThemeCodes(table, isCounted, themeOf, extra);
  const names = [...table.themes.values, ...extra.keys()];
  const used = new Uint8Array(names.length);
  markUsed(raw, used);
  for (let c = 1; c < names.length; c++) if (used[c]) themes.see(resolve(names[c] as string));
  themes.seal();
  const numberOf = new Int32Array(names.length).fill(-1);
  for (let c = 1; c < names.length; c++)
    if (used[c]) numberOf[c] = themes.index.get(resolve(names[c] as string)) as number;
  return translate(raw, numberOf); // in place: raw code -> theme number
}

/*
 * The loops over every request below are functions of their own, as in the rest of this
 * file: V8 compiles a small function with one loop quickly and completely, where a function
 * with several long loops is compiled on the stack at the first loop and thrown away at the
 * next, whose types it has not seen yet (each loop then runs unoptimised for a while).
 */

/** Each counted request's theme code (see effectiveThemes); values only themeOf names go to `extra`. */
function rawThemeCodes(
  table: RequestTable,
  isCounted: Uint8Array,
  themeOf: ReadonlyMap<string, string> | undefined,
  extra: Map<string, number>,
): Int32Array {
  const n = table.length;
  const known = table.themes.values.length;
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!isCounted[table.status[i]]) continue;
    let code = table.theme[i];
    if (code === 0) {
      const grouped = themeOf?.get(table.id[i]);
      if (grouped) {
        code = table.themes.find(grouped);
        if (code < 0) {
          code = extra.get(grouped) ?? known + extra.size;
          extra.set(grouped, code);
        }
      } else code = table.suggestedTheme[i];
    }
    raw[i] = code;
  }
  return raw;
}

/** used[c] = 1 for every code c in `codes`. */
function markUsed(codes: Int32Array, used: Uint8Array): void {
  for (let i = 0; i < codes.length; i++) used[codes[i]] = 1;
}

/** Replaces each code by its number, in place. */
function translate(codes: Int32Array, numberOf: Int32Array): Int32Array {
  for (let i = 0; i < codes.length; i++) codes[i] = numberOf[codes[i]];
  return codes;
}

/** The accounts scored requests name, numbered in Id order (see numberAccounts). */
export interface AccountNumbers {
  /** Account number by dictionary code; -1: no scored request names the account. */
  ofCode: Int32Array;
  /** Account Id by number. */
  ids: string[];
  /** Each number's place in the input's accounts; -1 for accounts only requests name. */
  place: Int32Array;
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
  const values = table.ids.values;
  const used = usedAccounts(table, reqTheme);
  const ofCode = new Int32Array(values.length).fill(-1);
  const ids: string[] = [];
  const places: number[] = [];
  numberKnown(table, known, used, ofCode, ids, places);
  const extra = unnumbered(used, ofCode);
  const text = Array.from(extra, (c) => values[c] ?? '');
  for (const k of byText(
    text,
    Array.from(extra, (_, k) => k),
  )) {
    ofCode[extra[k]] = ids.length;
    ids.push(text[k]);
    places.push(-1);
  }
  return { ofCode, ids, place: Int32Array.from(places) };
}

/** used[code] = 1 for the account of every scored request. */
function usedAccounts(table: RequestTable, reqTheme: Int32Array): Uint8Array {
  const used = new Uint8Array(table.ids.size);
  for (let i = 0; i < table.length; i++) if (reqTheme[i] >= 0) used[table.account[i]] = 1;
  return used;
}

/**
 * Numbers the used accounts of the input in Id order (sorting only when they are not).
 *
 * The service codes the accounts it reads before anything else (snapshot.ts), so the k-th
 * account usually has code k + 1: that is checked first, and only an account found elsewhere
 * is looked up by Id (a hash lookup among all the run's Ids costs about as much as the rest
 * of the numbering).
 */
function numberKnown(
  table: RequestTable,
  known: readonly string[],
  used: Uint8Array,
  ofCode: Int32Array,
  ids: string[],
  places: number[],
): void {
  const values = table.ids.values;
  let sorted = true;
  for (let k = 1; k < known.length && sorted; k++) sorted = known[k - 1] < known[k];
  const order = sorted
    ? null
    : byText(
        known,
        Array.from(known, (_, k) => k),
      );
  for (let j = 0; j < known.length; j++) {
    const k = order ? order[j] : j;
    const id = known[k];
    const c = values[k + 1] === id ? k + 1 : table.ids.find(id);
    if (c > 0 && used[c] && ofCode[c] < 0) {
      ofCode[c] = ids.length;
      ids.push(id);
      places.push(k);
    }
  }
}

/** Codes that are used but have no number yet, in code order. */
function unnumbered(used: Uint8Array, ofCode: Int32Array): number[] {
  const extra: number[] = [];
  for (let c = 0; c < used.length; c++) if (used[c] && ofCode[c] < 0) extra.push(c);
  return extra;
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
 * The pair pass then writes the pairs over these same arrays (see collectPairs).
 */
interface ByTheme {
  start: Int32Array;
  /**
   * One 40-byte record per request, read as six integers (`ints`): its row, account number,
   * Needed_By__c day, side bits (bits 0-1: side rank, bit 2: deal blocker) and fingerprint
   * (two words) of what the breakdown prints for it (its Id and factors); then as two doubles
   * (`nums`, over the same memory): its weight and revenue at stake. Placing a request writes
   * one record, so a theme's stream is one run of cache lines.
   */
  ints: Int32Array;
  nums: Float64Array;
}

/** A record's size in int32 words and in doubles (40 bytes: doubles stay 8-byte aligned). */
const INTS = 10;
const NUMS = 5;
/** Request: row, account number, Needed_By__c day, side bits, fingerprint; weight, revenue. */
const ROW = 0;
const ACCOUNT = 1;
const NEEDED = 2;
const SIDE = 3;
const H1 = 4;
const H2 = 5;
/** Doubles 3 and 4 of a record: its bytes 24-39, after the six integers. */
const WEIGHT = 3;
const REVENUE = 4;

/** Records of `count` requests or pairs: integer and double views of one buffer. */
function records(count: number): { ints: Int32Array; nums: Float64Array } {
  const buffer = new ArrayBuffer(count * INTS * 4);
  return { ints: new Int32Array(buffer), nums: new Float64Array(buffer) };
}
/**
 * Pair: strongest request's row, account number, earliest Needed_By__c day (-1: none), flags,
 * the fingerprint of its breakdown entry; its voice and its largest revenue at stake.
 * Flags: bits 0-2 the strongest request's side bits, 3-4 the strongest side, 5-6 the weakest
 * side, 7 any deal blocker, 8 and up the request count.
 */
const BEST = 0;
const EARLIEST = 2;
const FLAGS = 3;
const VOICE = 3;

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
  const start = blockStarts(reqTheme, nThemes);
  const m = start[nThemes];
  const cursor = start.slice(0, nThemes);
  const { ints, nums } = records(m);
  const fp = new Fingerprint();
  const { urgencyOf, sourceOf, sideWeight } = factors;
  const urgencyQ4 = printed(urgencyOf);
  const sourceQ4 = printed(sourceOf);
  const sideQ4 = printed(Float64Array.from(sideWeight));
  const blockerQ4 = q4(factors.blocker);
  const sideOf = sides.rankAll(
    table.requestedBy,
    table.account,
    table.opportunity,
    reqTheme,
    new Uint8Array(n),
  );
  for (let i = 0; i < n; i++) {
    const t = reqTheme[i];
    if (t < 0) continue;
    const at = cursor[t]++;
    const side = sideOf[i];
    const uc = table.urgency[i];
    const sc = table.source[i];
    const decay = factors.decay(factors.age(table.createdDay[i]));
    const blocks = table.dealBlocker[i] === 1;
    const blocker = blocks ? factors.blocker : 1;
    const bits = blocks ? side | 4 : side;
    const rv = table.revenue[i];
    nums[at * NUMS + WEIGHT] = weightOf(
      urgencyOf[uc],
      sourceOf[sc],
      sideWeight[side],
      decay,
      blocker,
    );
    nums[at * NUMS + REVENUE] = rv > 0 ? rv : 0; // NaN (blank) and negative count as none
    // What the breakdown prints for the request: its Id and factors.
    fp.reset(0x51ed270b, 0x2545f491).ascii(table.id[i]).small(urgencyQ4[uc]).small(sourceQ4[sc]);
    fp.int(bits).small(sideQ4[side]).small(direct.q4(decay));
    if (blocks) fp.small(blockerQ4);
    const o = at * INTS;
    ints[o + ROW] = i;
    ints[o + ACCOUNT] = accountOf[table.account[i]];
    ints[o + NEEDED] = table.neededDay[i];
    ints[o + SIDE] = bits;
    ints[o + H1] = fp.h1;
    ints[o + H2] = fp.h2;
  }
  return { start, ints, nums };
}

/** q4() of each code's factor: the integer the breakdown prints for it. */
function printed(factorOf: Float64Array): Float64Array {
  return factorOf.map(q4);
}

/** Where each theme's block starts: a count of requests per theme, summed up. */
function blockStarts(reqTheme: Int32Array, nThemes: number): Int32Array {
  const start = new Int32Array(nThemes + 1);
  for (let i = 0; i < reqTheme.length; i++) if (reqTheme[i] >= 0) start[reqTheme[i] + 1]++;
  for (let t = 0; t < nThemes; t++) start[t + 1] += start[t];
  return start;
}

/**
 * The (theme, account) pairs in (theme, account) order, as interleaved records (a row's sums
 * read one pair's numbers from one cache line or two). Read them with the accessors below.
 */
export interface Pairs {
  count: number;
  /** The pairs of theme t are themeStart[t]..themeStart[t+1]. */
  themeStart: Int32Array;
  ints: Int32Array;
  nums: Float64Array;
}

/** The strongest request (a row of the request table; ties go to the smallest Id). */
export const bestRequest = (p: Pairs, q: number): number => p.ints[q * INTS + BEST];
/** Side bits of the strongest request: bits 0-1 its side rank, bit 2 deal blocker. */
export const bestSideBits = (p: Pairs, q: number): number => p.ints[q * INTS + FLAGS] & 7;
export const pairAccount = (p: Pairs, q: number): number => p.ints[q * INTS + ACCOUNT];
export const requestCount = (p: Pairs, q: number): number => p.ints[q * INTS + FLAGS] >>> 8;
/** The capped voice: strongest weight × revenueFactor(revenue), rounded to 4 decimals. */
export const pairVoice = (p: Pairs, q: number): number => p.nums[q * NUMS + VOICE];
/** The account's largest revenue at stake on the theme (0 when none). */
export const pairRevenue = (p: Pairs, q: number): number => p.nums[q * NUMS + REVENUE];

/** Room for a block's local index below an account number in one exact double (2^26). */
const LOCAL = 67108864;
/** Request counts live above the 8 flag bits of an int32. */
const MAX_REQUESTS = 2 ** 23 - 1;

/**
 * Walks each theme's block in account order (a numeric sort of account × 2^26 + position,
 * within the block, which stays in cache): every pair is one run, summed up in locals, and its
 * voice and breakdown fingerprint (Breakdown_Digest__c, see fingerprint.ts: the account, the
 * request count, the strongest request with its factors, the pair's numbers) computed when the
 * run ends. Within a pair the order of requests does not matter (maxima, minima, counts; ties
 * go to the smallest Id).
 *
 * The pairs are written over the request arrays: a theme's pairs go to a scratch buffer while
 * its block is read, then are copied to the first free pair slot, which is never past the
 * block's start (each earlier block made at most one pair per request). No second set of
 * columns is allocated, which keeps a run's typed arrays below the point where V8 starts a
 * full collection for external memory (measured: that collection cost ~115 ms per run).
 */
export function collectPairs(
  by: ByTheme,
  nThemes: number,
  ids: readonly string[],
  accountIds: readonly string[],
  profile: Profile,
): Pairs {
  const { ints, nums } = by;
  const fp = new Fingerprint();
  const { h1: accH1, h2: accH2 } = accountFingerprints(accountIds, fp);
  const themeStart = new Int32Array(nThemes + 1);
  let keys = new Float64Array(1024);
  let out = records(1024);
  let count = 0;
  for (let t = 0; t < nThemes; t++) {
    themeStart[t] = count;
    const from = by.start[t];
    const size = by.start[t + 1] - from;
    if (size === 0) continue;
    if (size > LOCAL) throw new Error('collectPairs: a theme with more than 2^26 requests');
    if (keys.length < size) {
      const room = Math.max(size, keys.length * 2);
      keys = new Float64Array(room);
      out = records(room);
    }
    const block = accountKeys(ints, from, keys.subarray(0, size)).sort();
    const runs = themePairs(
      ints,
      nums,
      from,
      block,
      ids,
      accH1,
      accH2,
      profile,
      fp,
      out.ints,
      out.nums,
    );
    ints.set(out.ints.subarray(0, runs * INTS), count * INTS); // whole records, doubles too
    count += runs;
  }
  themeStart[nThemes] = count;
  return { count, themeStart, ints, nums };
}

/** Each account's fingerprint, once: it starts the fingerprint of every pair of the account. */
function accountFingerprints(
  accountIds: readonly string[],
  fp: Fingerprint,
): { h1: Int32Array; h2: Int32Array } {
  const h1 = new Int32Array(accountIds.length);
  const h2 = new Int32Array(accountIds.length);
  for (let a = 0; a < accountIds.length; a++) {
    fp.reset(0x3c6ef372, 0x6a09e667).ascii(accountIds[a]);
    h1[a] = fp.h1;
    h2[a] = fp.h2;
  }
  return { h1, h2 };
}

/**
 * Sort keys of a block: account × 2^26 + position. (The sort is the caller's: V8 may compile
 * this loop while the first call runs it and then reuse that code for every call, which would
 * stop at a sort it had never seen.)
 */
function accountKeys(ints: Int32Array, from: number, block: Float64Array): Float64Array {
  for (let k = 0; k < block.length; k++) block[k] = ints[(from + k) * INTS + ACCOUNT] * LOCAL + k;
  return block;
}

/** One theme's pairs, from its block read in account order, into out*; returns how many. */
function themePairs(
  ints: Int32Array,
  nums: Float64Array,
  from: number,
  order: Float64Array,
  ids: readonly string[],
  accH1: Int32Array,
  accH2: Int32Array,
  profile: Profile,
  fp: Fingerprint,
  outInts: Int32Array,
  outNums: Float64Array,
): number {
  const lambda = profile.revenueWeight;
  const r0 = profile.referenceRevenue;
  const cap = profile.accountVoiceCap;
  const size = order.length;
  let runs = 0;
  let k = 0;
  while (k < size) {
    // Keys are account × 2^26 + position: the account and the position, without a modulo.
    let key = order[k];
    const a = Math.floor(key / LOCAL);
    let at = from + (key - a * LOCAL);
    let o = at * INTS;
    let best = ints[o + ROW];
    let weight = nums[at * NUMS + WEIGHT];
    let bestBits = ints[o + SIDE];
    let bestH1 = ints[o + H1];
    let bestH2 = ints[o + H2];
    let revenue = nums[at * NUMS + REVENUE];
    let requests = 1;
    let hi = bestBits & 3;
    let lo = hi;
    let blocker = bestBits & 4;
    let earliest = ints[o + NEEDED];
    for (k++; k < size; k++) {
      key = order[k];
      if (Math.floor(key / LOCAL) !== a) break;
      at = from + (key - a * LOCAL);
      o = at * INTS;
      const row = ints[o + ROW];
      const w = nums[at * NUMS + WEIGHT];
      const bits = ints[o + SIDE];
      if (w > weight || (w === weight && ids[row] < ids[best])) {
        weight = w;
        best = row;
        bestBits = bits;
        bestH1 = ints[o + H1];
        bestH2 = ints[o + H2];
      }
      const rev = nums[at * NUMS + REVENUE];
      if (rev > revenue) revenue = rev;
      requests++;
      const side = bits & 3;
      if (side > hi) hi = side;
      if (side < lo) lo = side;
      blocker |= bits & 4;
      const needed = ints[o + NEEDED];
      if (needed >= 0 && (earliest < 0 || needed < earliest)) earliest = needed;
    }
    if (requests > MAX_REQUESTS) throw new Error('collectPairs: an account with 2^23 requests');
    const factor = revenueFactor(revenue, lambda, r0);
    const voice = direct.round4(Math.min(cap, weight * factor));
    fp.reset(accH1[a], accH2[a]).int(requests).int(bestH1).int(bestH2);
    fp.small(direct.q4(weight)).small(direct.q2(revenue)).small(direct.q4(factor));
    fp.small(direct.q4(voice));
    const p = runs * INTS;
    outInts[p + BEST] = best;
    outInts[p + ACCOUNT] = a;
    outInts[p + EARLIEST] = earliest;
    outInts[p + FLAGS] = (requests << 8) | (blocker << 5) | (lo << 5) | (hi << 3) | bestBits;
    // Finished here: a row adds up its pairs' fingerprints (sumPairs).
    outInts[p + H1] = direct.avalanche(fp.h1);
    outInts[p + H2] = direct.avalanche(fp.h2);
    outNums[runs * NUMS + VOICE] = voice;
    outNums[runs * NUMS + REVENUE] = revenue;
    runs++;
  }
  return runs;
}

/** What a score row adds up over its pairs (see sumPairs). */
export interface PairSums {
  /** Sum of the voices (not rounded). */
  voice: number;
  requests: number;
  revenue: number;
  /** Pairs with a Decision side; pairs whose every request is on the Use side; deal blockers. */
  decision: number;
  useOnly: number;
  blockers: number;
  /** Earliest Needed_By__c day, -1 when none. */
  earliest: number;
  /** The pairs' finished fingerprints, added up (each names its account: no two are alike). */
  h1: number;
  h2: number;
}

/**
 * Adds up the pairs list[from..to) (no list: the pairs from..to) into `out`. A row's loop over
 * its pairs lives here, beside the pair layout, so it reads the records directly.
 */
export function sumPairs(
  p: Pairs,
  list: Int32Array | null,
  from: number,
  to: number,
  out: PairSums,
): PairSums {
  const { ints, nums } = p;
  let voice = 0;
  let requests = 0;
  let revenue = 0;
  let decision = 0;
  let useOnly = 0;
  let blockers = 0;
  let earliest = -1;
  let h1 = 0;
  let h2 = 0;
  for (let k = from; k < to; k++) {
    const q = list ? list[k] : k;
    const o = q * INTS;
    voice += nums[q * NUMS + VOICE];
    revenue += nums[q * NUMS + REVENUE];
    const flags = ints[o + FLAGS];
    requests += flags >>> 8;
    const hi = (flags >> 3) & 3;
    if (hi === 3) decision += 1;
    if (hi === 1 && ((flags >> 5) & 3) === 1) useOnly += 1;
    if (flags & 128) blockers += 1;
    const e = ints[o + EARLIEST];
    if (e >= 0 && (earliest < 0 || e < earliest)) earliest = e;
    h1 = (h1 + ints[o + H1]) | 0;
    h2 = (h2 + ints[o + H2]) | 0;
  }
  out.voice = voice;
  out.requests = requests;
  out.revenue = revenue;
  out.decision = decision;
  out.useOnly = useOnly;
  out.blockers = blockers;
  out.earliest = earliest;
  out.h1 = h1;
  out.h2 = h2;
  return out;
}

/** Account numbers of the pairs from..to, into out[0..to-from). */
export function pairAccounts(p: Pairs, from: number, to: number, out: Int32Array): Int32Array {
  for (let q = from; q < to; q++) out[q - from] = p.ints[q * INTS + ACCOUNT];
  return out;
}

/** 1 + λ·log10(1 + revenue / R0): computed again where the breakdown prints it (not stored). */
export function revenueFactor(revenue: number, lambda: number, r0: number): number {
  // No revenue at stake (half of all requests) gives log10(1) = 0: skip the logarithm.
  return revenue === 0 ? 1 : 1 + lambda * Math.log10(1 + revenue / r0);
}
