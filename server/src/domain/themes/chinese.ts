/**
 * Chinese word segmentation with jieba (`@node-rs/jieba`, prebuilt native binaries from the
 * npm registry, MIT), refined by the bilingual dictionary: adjacent jieba words that together
 * are one dictionary headword become that word (单点 + 登录 → 单点登录, "single sign-on"), so
 * the dictionary decides compounds where it knows them. Loaded once per process, lazily.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { lexicon, type Lexicon } from './lexicon';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    // The package's dict module also reads its 6 MB keyword-IDF table, which is not needed.
    const dir = path.dirname(require.resolve('@node-rs/jieba/package.json'));
    jieba = Jieba.withDict(readFileSync(path.join(dir, 'dict.txt')));
  }
  return jieba;
}

/** Words of a run of Han characters, compounds joined where the dictionary has them. */
const runCache = new Map<string, string[]>();
const RUN_CACHE_LIMIT = 50_000;

/** The words of a run of Chinese text (Han characters only), in order. */
export function chineseWords(run: string, lex: Lexicon = lexicon()): string[] {
  const cached = runCache.get(run);
  if (cached) return cached;
  const cut = segmenter().cut(run, true);
  const words: string[] = [];
  for (let i = 0; i < cut.length;) {
    let taken = 1;
    let word = cut[i];
    // The longest dictionary headword of up to 4 consecutive jieba words starting here.
    let joined = cut[i];
    for (let k = i + 1; k < Math.min(cut.length, i + 4); k++) {
      joined += cut[k];
      if (joined.length > lex.maxHeadword) break;
      if (lex.has(joined)) {
        word = joined;
        taken = k - i + 1;
      }
    }
    words.push(word);
    i += taken;
  }
  if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
  runCache.set(run, words);
  return words;
}

/**
 * Dictionary words inside a word the dictionary lacks (客户资料 → 客户, 资料), longest first
 * from the left; characters no headword of 2+ starts are skipped.
 */
export function dictionaryParts(word: string, lex: Lexicon = lexicon()): string[] {
  const parts: string[] = [];
  for (let i = 0; i < word.length;) {
    let found = 0;
    for (let len = Math.min(lex.maxHeadword, word.length - i); len >= 2; len--) {
      if (lex.has(word.slice(i, i + len))) {
        found = len;
        break;
      }
    }
    if (found > 0) {
      parts.push(word.slice(i, i + found));
      i += found;
    } else i++;
  }
  return parts;
}
