import fc from 'fast-check';
import { asciiWords } from '../../src/domain/themes/asciiWords';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const icuWords = (text: string): string[] =>
  [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

// Letters and digits often, every joining and breaking character of the fast path too.
const ALPHABET = [...'aaabbxyz00199', ...' \t\n-()!?/"&+=', ...".'.',;,;"];
const text = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 40 })
  .map((chars) => chars.join(''));

describe('asciiWords (fast path of tokenisation)', () => {
  it('gives exactly the word-like segments of Intl.Segmenter on its alphabet', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(asciiWords(t)).toEqual(icuWords(t));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['e.g. the api', ['e.g', 'the', 'api']],
    ["don't export 1,000.5 rows; v2", ["don't", 'export', '1,000.5', 'rows', 'v2']],
    ['a,b 1;2 x.1 1.x', ['a', 'b', '1;2', 'x', '1', '1', 'x']],
  ])('splits %j like ICU', (t, words) => {
    expect(asciiWords(t)).toEqual(words);
    expect(icuWords(t)).toEqual(words);
  });

  it('declines text it does not cover (upper case, other scripts, other punctuation)', () => {
    for (const t of ['Export', 'naïve', '导出', 'a:b', 'a_b', 'x\r\ny', 'a@b.c'])
      expect(asciiWords(t)).toBeNull();
  });
});
