import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lexicon, loadLexicon, pivotTerms } from '../../src/language/lexicon';

describe('bilingual lexicon', () => {
  it('reads CC-CEDICT: technical senses first, glosses as pivot stems', () => {
    const lex = lexicon();
    expect(lex.size).toBeGreaterThan(100_000);
    // 导出 has five everyday senses and "to export (data)": only the computing sense counts.
    expect(lex.lookup('导出')).toEqual([{ stem: 'export', word: 'export' }]);
    expect(lex.lookup('单点登录')?.map((p) => p.stem)).toEqual(['singl', 'sign', 'sso']);
    expect(lex.lookup('不是一个词')).toBeUndefined();
  });

  it('drops cross-references, surnames and grammar words from glosses', () => {
    expect(pivotTerms(['surname Wang', 'variant of 导出', 'to store sth', 'to deposit'])).toEqual([
      { stem: 'store', word: 'store' },
      { stem: 'deposit', word: 'deposit' },
    ]);
  });

  it('adds another language pair with data only (a TSV source in the configuration)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorum-lexicon-'));
    writeFileSync(path.join(dir, 'de-en.tsv'), 'Rechnung\tinvoice; bill\nDatenschutz\tprivacy\n');
    writeFileSync(
      path.join(dir, 'lexicons.json'),
      JSON.stringify({
        pivot: 'english',
        sources: [
          { name: 'de-en', language: 'de', path: 'de-en.tsv', format: 'tsv', licence: 'test' },
        ],
      }),
    );
    const before = process.env.QUORUM_CACHE_DIR;
    process.env.QUORUM_CACHE_DIR = path.join(dir, 'cache');
    try {
      for (let pass = 0; pass < 2; pass++) {
        // The second pass reads the cache the first one wrote.
        const lex = loadLexicon(path.join(dir, 'lexicons.json'));
        expect(lex.lookup('rechnung')?.map((p) => p.stem)).toEqual(['invoic', 'bill']);
        expect(lex.lookup('datenschutz')?.[0].word).toBe('privacy');
      }
    } finally {
      if (before === undefined) delete process.env.QUORUM_CACHE_DIR;
      else process.env.QUORUM_CACHE_DIR = before;
    }
  });
});
