import fc from 'fast-check';
import { asciiWords, latinWordsAmidHan } from '../../src/domain/themes/asciiWords';

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

describe('latinWordsAmidHan (fast path for Chinese text)', () => {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const latinIcuWords = (t: string) => icuWords(t).filter((w) => !CJK.test(w));
  // Han words and punctuation beside every character of the ASCII fast path.
  const MIXED = [
    ...ALPHABET,
    ...'导出报表数据客户销售',
    ...'、。「」『』《》【】〈〉〔〕…—',
    '单点登录',
  ];
  const mixed = fc
    .array(fc.constantFrom(...MIXED), { maxLength: 40 })
    .map((chars) => chars.join(''));

  it('gives exactly the Latin word-like segments of Intl.Segmenter on its alphabet', () => {
    fc.assert(
      fc.property(mixed, (t) => {
        expect(latinWordsAmidHan(t)).toEqual(latinIcuWords(t));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['导出报表到excel，数据存放在欧盟境内', ['excel']],
    ['支持saml 2.0单点登录。api调用', ['saml', '2.0', 'api']],
    ['客户希望数据,销售', []],
  ])('splits %j like ICU', (t, words) => {
    expect(latinWordsAmidHan(t.normalize('NFKC'))).toEqual(words);
    expect(latinIcuWords(t.normalize('NFKC'))).toEqual(words);
  });

  it('declines text it does not cover (Kana, Hangul, other punctuation)', () => {
    for (const t of ['エクスポート', '내보내기', '导出:excel', 'naïve导出', 'a·b导出'])
      expect(latinWordsAmidHan(t)).toBeNull();
  });
});
