import fc from 'fast-check';
import { tokenize } from '../../src/domain';

/**
 * tokenize() relies on two properties of Intl.Segmenter (ICU's word rules and dictionaries)
 * to call it less often; these tests hold them to it on random text.
 */
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const words = (text: string): string[] =>
  [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

// Han (simplified, traditional, an extension-B character), kana with the prolonged sound
// mark, Hangul, and words the dictionaries know.
const CJK_CHARS = [
  ...'数据客户销售订单合同审批流程报表权限移动离线發票加密集成接口仪表板导出價格在庫物流財務',
  ...'ひらがなのをにはがでカタカナエクスポートーー々〆〇한국어데이터보고서',
  '𠀋',
  '𪚥',
  '客户',
  '希望',
  'したい',
  'レポート',
  '데이터',
];
const run = fc
  .array(fc.constantFrom(...CJK_CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''));

describe('Intl.Segmenter properties tokenize() relies on', () => {
  it('segments CJK runs joined by newlines as it segments each run alone', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), (runs) => {
        expect(words(runs.join('\n'))).toEqual(runs.flatMap(words));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds no word without a CJK character in text of CJK, ASCII punctuation and spaces, 、 and 。', () => {
    const punctuation = [...Array(128).keys()]
      .map((c) => String.fromCharCode(c))
      .filter((c) => !/[A-Za-z0-9_]/.test(c));
    // Only characters of CJK scripts: 'ー' is Common script and alone makes a word.
    expect(words('ー')).toEqual(['ー']);
    const cjk = CJK_CHARS.filter((w) => [...w].every((c) => CJK.test(c)));
    const text = fc
      .array(fc.constantFrom(...cjk, ...punctuation, '、', '。'), { maxLength: 30 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (const w of words(t)) expect(w).toMatch(CJK);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    // Measured before tokenize() skipped any segmenter call; short runs, several runs per
    // text, Katakana's prolonged sound mark and Hangul beside Latin words.
    ['导出报表，客户希望数据。', ['#export', '#report', '户希', '望数', '数据']],
    ['数 据 客户希望 export', ['户希', '#export']],
    [
      '销售在飞机上查看客户资料，离线审批合同。',
      [
        '#approval',
        '#offline',
        '销售',
        '飞机',
        '机上',
        '上查',
        '查看',
        '看客',
        '户资',
        '资料',
        '合同',
      ],
    ],
    [
      'ユーザーがレポートをエクスポートしたい',
      ['#export', '#report', 'ユー', 'ーザ', 'ザー', 'ユーザー'],
    ],
    [
      '한국어 데이터 보고서 export',
      ['한국', '국어', '한국어', '데이', '이터', '데이터', '보고', '고서', '보고서', '#export'],
    ],
  ])('tokenizes %j as before', (text, tokens) => {
    expect(tokenize(text).tokens).toEqual(tokens);
  });
});
