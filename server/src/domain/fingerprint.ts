/**
 * Breakdown_Digest__c: a 64-bit fingerprint of everything a row's Breakdown__c says, computed
 * from the numbers without building the JSON text.
 *
 * Why: a full org has about 160k score rows whose breakdowns together are hundreds of MB of
 * JSON. Change detection only needs to know whether a breakdown changed, so each row carries
 * this digest, the service reads the digests back instead of the texts, and the text is built
 * only for the rows that are written.
 *
 * The fingerprint covers exactly what the text shows, at the precision the text shows it (the
 * integers fmt() prints: 4 decimals for factors and voices, 2 for revenue), in listing order,
 * plus a format version: equal digests mean equal texts (up to a 2^-64 collision), and any
 * change in the text changes the digest. Bump DIGEST_VERSION whenever the Breakdown__c format
 * (breakdown.ts) changes, so every row is rewritten once in the new format.
 */

/**
 * Changes with the Breakdown__c format or with what is fed for it: 'b2' = format 2 (rows under
 * columns, factor sets); 'b3' = format 2, fed in fewer words (`small`, `ascii`, a blocker
 * factor only when it applies, and a row adds up its pairs' finished fingerprints instead of
 * feeding them one by one): about half the hashing per request, the same coverage.
 */
export const DIGEST_VERSION = 'b4';

const TWO_32 = 4294967296;
const TWO_31 = 2147483648;

/**
 * Two independent 32-bit lanes (MurmurHash3-style mixing with different constants), fed with
 * int32 words in order. One instance is reused on hot paths: reset, feed, read h1/h2.
 */
export class Fingerprint {
  h1 = 0;
  h2 = 0;

  reset(h1: number, h2: number): this {
    this.h1 = h1 | 0;
    this.h2 = h2 | 0;
    return this;
  }

  /** Feeds one 32-bit word. */
  int(k: number): this {
    let a = Math.imul(k, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    a = Math.imul(a, 0x1b873593);
    let h = this.h1 ^ a;
    h = (h << 13) | (h >>> 19);
    this.h1 = (Math.imul(h, 5) + 0xe6546b64) | 0;
    let b = Math.imul(k ^ 0x5bd1e995, 0x85ebca6b);
    b = (b << 17) | (b >>> 15);
    b = Math.imul(b, 0xc2b2ae35);
    let g = this.h2 ^ b;
    g = (g << 19) | (g >>> 13);
    this.h2 = (Math.imul(g, 5) + 0x52dce729) | 0;
    return this;
  }

  /**
   * Feeds an integer-valued number of any safe size in one word when it is in [0, 2^31) (the
   * printed numbers nearly always are), else in two: a word with the top bit set and the high
   * 32 bits, then the low 32 bits. No one-word value has the top bit set, so a sequence of
   * values reads back one way only (NaN counts as a two-word value).
   */
  small(v: number): this {
    if (v >= 0 && v < TWO_31) return this.int(v);
    const hi = Math.floor(v / TWO_32);
    return this.int(0x80000000 | (hi & 0x7fffffff)).int(v >>> 0);
  }

  /**
   * Feeds a string (its length first, so concatenations cannot collide): four characters a word
   * when all are below 256 (record Ids always are), else two UTF-16 units a word, with the
   * length word negated so the two ways never read alike.
   */
  ascii(s: string): this {
    const n = s.length;
    const h1 = this.h1;
    const h2 = this.h2;
    this.int(n);
    // One pass, betting on one-byte characters; a wider one is rare: start over, two a word.
    let wide = 0;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const word =
        s.charCodeAt(i) |
        (s.charCodeAt(i + 1) << 8) |
        (s.charCodeAt(i + 2) << 16) |
        (s.charCodeAt(i + 3) << 24);
      wide |= s.charCodeAt(i) | s.charCodeAt(i + 1) | s.charCodeAt(i + 2) | s.charCodeAt(i + 3);
      this.int(word);
    }
    let last = 0;
    for (let shift = 0; i < n; i++, shift += 8) {
      wide |= s.charCodeAt(i);
      last |= s.charCodeAt(i) << shift;
    }
    if (wide > 255) return this.reset(h1, h2).int(~n).units(s);
    return n % 4 === 0 ? this : this.int(last);
  }

  /** A string's UTF-16 units, two a word. */
  private units(s: string): this {
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) this.int(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < n) this.int(s.charCodeAt(i));
    return this;
  }

  /** The digest text: version and 16 hex digits (one string, built from char codes). */
  text(): string {
    const a = avalanche(this.h1);
    const b = avalanche(this.h2);
    const x = hexDigit; // a module function: an arrow here would be a closure per digest
    return String.fromCharCode(
      PREFIX[0],
      PREFIX[1],
      PREFIX[2],
      x(a, 28),
      x(a, 24),
      x(a, 20),
      x(a, 16),
      x(a, 12),
      x(a, 8),
      x(a, 4),
      x(a, 0),
      x(b, 28),
      x(b, 24),
      x(b, 20),
      x(b, 16),
      x(b, 12),
      x(b, 8),
      x(b, 4),
      x(b, 0),
    );
  }
}

/** The char code of the hex digit of `h` at bit `shift`. */
function hexDigit(h: number, shift: number): number {
  return HEX[(h >>> shift) & 15];
}

/**
 * MurmurHash3's finalizer: every input bit reaches every output bit (pairs finish with it).
 * Returns the 32 bits as a signed integer, which V8 keeps unboxed even across a call.
 */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Char codes of '0'-'9', 'a'-'f', and of the digest's prefix (version and colon). */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const PREFIX = Array.from(`${DIGEST_VERSION}:`, (c) => c.charCodeAt(0));
if (PREFIX.length !== 3) throw new Error('DIGEST_VERSION must be two characters');

/**
 * The integer fmt(value, 4) prints (value × 10^4, rounded as roundTo rounds): hashing it is
 * hashing the printed number.
 */
export function q4(value: number): number {
  return Math.round(value * 10000 + (value >= 0 ? 1e-9 : -1e-9));
}

/** Same for fmt(value, 2). */
export function q2(value: number): number {
  return Math.round(value * 100 + (value >= 0 ? 1e-9 : -1e-9));
}
