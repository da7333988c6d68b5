/**
 * Chinese word segmentation with jieba (`@node-rs/jieba`, prebuilt native binaries from the
 * npm registry, MIT), refined by the bilingual dictionary: adjacent jieba words that together
 * are one dictionary headword become that word (单点 + 登录 → 单点登录, "single sign-on"), so
 * the dictionary decides compounds where it knows them. Loaded once per process, lazily.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { cacheDir, lexicon, type Lexicon } from './lexicon';

let jieba: Jieba | undefined;

/** jieba dictionary words at least this frequent are kept (see segmenter). */
const MIN_FREQUENCY = 10;

function segmenter(): Jieba {
  if (!jieba) {
    // jieba's dictionary has 349,000 words; loading it costs most of a second. The 105,000
    // seen at least MIN_FREQUENCY times segment request text as well (rarer words are names and
    // idioms; jieba's HMM still finds unknown words, and the bilingual dictionary joins
    // compounds), and load in a third of the time. The trimmed copy is cached like the lexicon.
    const dir = path.dirname(require.resolve('@node-rs/jieba/package.json'));
    const source = path.join(dir, 'dict.txt');
    const cached = path.join(
      cacheDir(),
      `jieba-dict-${statSync(source).size}-${MIN_FREQUENCY}.txt`,
    );
    let dict: Buffer;
    if (existsSync(cached)) dict = readFileSync(cached);
    else {
      const kept = readFileSync(source, 'utf8')
        .split('\n')
        .filter((line) => Number(line.split(' ')[1]) >= MIN_FREQUENCY)
        .join('\n');
      dict = Buffer.from(kept, 'utf8');
      try {
        mkdirSync(path.dirname(cached), { recursive: true });
        const temp = `${cached}.${process.pid}.tmp`;
        writeFileSync(temp, dict);
        renameSync(temp, cached);
      } catch {
        // Read-only install: the trimmed dictionary is rebuilt in memory each start.
      }
    }
    jieba = Jieba.withDict(dict);
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
