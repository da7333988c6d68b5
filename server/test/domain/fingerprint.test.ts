import fc from 'fast-check';
import { DIGEST_VERSION, Fingerprint } from '../../src/domain/fingerprint';

/** The words a feed sends, recorded instead of mixed. */
function words(feed: (fp: Fingerprint) => void): number[] {
  const seen: number[] = [];
  const fp = new Fingerprint();
  fp.int = function (this: Fingerprint, k: number) {
    seen.push(k | 0);
    return this;
  };
  feed(fp);
  return seen;
}

const digest = (feed: (fp: Fingerprint) => void): string => {
  const fp = new Fingerprint().reset(1, 2);
  feed(fp);
  return fp.text();
};

describe('Fingerprint', () => {
  it('prints the version and 16 hex digits', () => {
    expect(digest((fp) => fp.small(7))).toMatch(new RegExp(`^${DIGEST_VERSION}:[0-9a-f]{16}$`));
  });

  it('feeds small numbers in one word and others in two, so sequences read back one way', () => {
    expect(words((fp) => fp.small(0))).toEqual([0]);
    expect(words((fp) => fp.small(2 ** 31 - 1))).toEqual([2 ** 31 - 1]);
    expect(words((fp) => fp.small(2 ** 31))).toHaveLength(2);
    expect(words((fp) => fp.small(-1))).toHaveLength(2);
    const value = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 31 + 5 }),
      fc.integer({ min: -(2 ** 31) - 5, max: -1 }),
      fc.maxSafeInteger(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), fc.array(value, { maxLength: 4 }), (a, b) => {
        const wa = words((fp) => a.forEach((v) => fp.small(v)));
        const wb = words((fp) => b.forEach((v) => fp.small(v)));
        expect(wa.join() === wb.join()).toBe(a.join() === b.join());
      }),
      { numRuns: 500 },
    );
  });

  it('feeds strings so that different strings (and concatenations) differ', () => {
    expect(words((fp) => fp.ascii('0015g00000AbCdEAAV'))).toHaveLength(1 + 5);
    // Packed two and four to a word, these two would send the same words but for the length.
    expect(words((fp) => fp.ascii('\u0100\u0000'))).not.toEqual(
      words((fp) => fp.ascii('\u0000\u0001')),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 9 }),
      fc.string({ unit: 'binary', maxLength: 5 }),
      fc.constantFrom('', 'a', 'ab', 'abcd', 'abcde', '数据', 'é'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 3 }), (a, b) => {
        const wa = words((fp) => a.forEach((s) => fp.ascii(s)));
        const wb = words((fp) => b.forEach((s) => fp.ascii(s)));
        expect(wa.join() === wb.join()).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 500 },
    );
  });

  it('changes its digest with any fed word', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 6 }), fc.nat(), (ws, at) => {
        const i = at % ws.length;
        const changed = ws.map((w, k) => (k === i ? w + 1 : w));
        expect(digest((fp) => ws.forEach((w) => fp.small(w)))).not.toBe(
          digest((fp) => changed.forEach((w) => fp.small(w))),
        );
      }),
    );
  });
});
