/**
 * Multilingual tokenisation for request text. Words come from Intl.Segmenter (word
 * granularity, so Chinese and Japanese are segmented by ICU's dictionaries rather than by
 * whitespace); runs of CJK characters also give character bigrams, which survive segmentation
 * differences between two phrasings of the same need. Latin words are lower-cased, filtered by
 * stop words and lightly stemmed. Terms of the concept table become shared concept tokens
 * ('#export') so requests in different languages can meet.
 */
import { asciiWords } from './asciiWords';
import { CONCEPTS } from './concepts';

/** asciiWords, read once: it runs per request text (see `direct` in pairs.ts for why). */
const direct = { asciiWords } as const;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

const STOP_LATIN = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can cannot ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that ' +
    'the their theirs them then there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your yours e.g eg etc via per us let get got make makes made want wants wanted need needs needed require ' +
    'requires required requirement ask asks asked asking request requests requested customer customers client clients feature features ' +
    'functionality ability able allow allows allowing option options way support supports supported help please like would currently today ' +
    'still must may might new add adding added use using used able team teams something everything thing things lot much many really ' +
    'der die das den dem des und oder nicht wir ein eine einen einem für mit von nach zu zum zur im in auf ist sind unsere unser brauchen ' +
    'benötigen möchten bitte kunde kunden wie als auch bei aus'
  ).split(' '),
);
const STOP_CJK_CHARS = new Set([
  ...'的了是在和与或把被让到从对将也都就我们你他她它这那其之及而并且很吗呢吧啊の をにはがでともたしいてするなれかやへ、。，！？',
]);
const STOP_CJK_WORDS = new Set(
  (
    '我们 需要 希望 客户 支持 功能 能够 可以 一个 没有 因为 所以 如果 他们 目前 现在 要求 请求 问题 进行 使用 通过 以及 还有 这个 那个 ' +
    '什么 必须 是否 已经 不能 无法 用户 公司 系统 我們 需求 客戶 支援 功能 目前 現在 顧客 機能 対応 必要 ほしい したい 可能 現在 希望'
  ).split(' '),
);

/** Light English stemming: plurals and -ing/-ed, enough to meet "exports"/"exporting"/"export". */
export function stem(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && /([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || CJK.test(s.segment)) continue;
    out.push(stem(s.segment));
  }
  return out;
}

// Concept phrases as stemmed word sequences (up to 4 words), and CJK forms longest first.
const LATIN_PHRASES = new Map<string, string>();
/** First words of the phrases of two or more words: only they need the longer lookups. */
const PHRASE_STARTS = new Set<string>();
let MAX_PHRASE = 1;
const CJK_FORMS: { form: string; token: string }[] = [];
for (const c of CONCEPTS) {
  for (const form of c.latin) {
    const words = latinWords(form.normalize('NFKC').toLowerCase());
    if (words.length === 0) continue;
    LATIN_PHRASES.set(words.join(' '), `#${c.token}`);
    if (words.length > 1) PHRASE_STARTS.add(words[0]);
    MAX_PHRASE = Math.max(MAX_PHRASE, words.length);
  }
  for (const form of c.cjk)
    CJK_FORMS.push({ form: form.normalize('NFKC').toLowerCase(), token: `#${c.token}` });
}
CJK_FORMS.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));

/**
 * CJK_FORMS positions by the form's first character: a form can only occur in a text holding
 * that character, so a text is checked against the few forms its characters can start
 * instead of all of them. (Replacing a form adds only spaces, and no form starts with one, so
 * the characters of the original text bound every later match.)
 */
const FORMS_BY_FIRST = new Map<number, number[]>();
CJK_FORMS.forEach(({ form }, i) => {
  const first = form.charCodeAt(0);
  const list = FORMS_BY_FIRST.get(first);
  if (list) list.push(i);
  else FORMS_BY_FIRST.set(first, [i]);
});

/**
 * Characters that never make a word-like segment without a CJK character in it: CJK script
 * characters themselves, ASCII spaces and punctuation (not letters, digits or '_') and the
 * ideographic comma and full stop. Text made only of these gives no Latin words, so the
 * segmenter pass for them is skipped. Katakana's 'ー' and '・' are Common script: not here.
 */
const NO_LATIN_WORD = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++)
  NO_LATIN_WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 0 : 1;
NO_LATIN_WORD[0x3001] = 1;
NO_LATIN_WORD[0x3002] = 1;
for (const [from, to] of [
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3100, 0x31ff], // Bopomofo, Hangul compatibility jamo, kanbun, Katakana extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
])
  for (let c = from; c <= to; c++) if (CJK.test(String.fromCharCode(c))) NO_LATIN_WORD[c] = 1;

function hasLatinWords(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) if (NO_LATIN_WORD[norm.charCodeAt(i)] === 0) return true;
  return false;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

export interface Tokens {
  /** Tokens with repeats (term frequency matters), in text order. */
  tokens: string[];
  /** A readable surface form for word tokens (the first original word seen for a stem). */
  surface: Map<string, string>;
}

/**
 * Whether `token` can have a surface form: word tokens come from segments without a CJK
 * character (stemming only drops endings), so tokens with one never have a surface form.
 */
export function canHaveSurface(token: string): boolean {
  return !CJK.test(token);
}

/** Splits one request's text into tokens for similarity. Pure and deterministic. */
export function tokenize(text: string): Tokens {
  const surface = new Map<string, string>();
  return { tokens: tokenList(text, surface), surface };
}

/** The tokens of tokenize(), recording surface forms only into `surface` if given. */
function tokenList(text: string, surface?: Map<string, string>): string[] {
  const doc = begin(text);
  return finish(doc, cjkWords(doc.runs), 0, surface);
}

/** Texts tokenised together: one Intl.Segmenter call costs more than its text (cjkWords). */
const BATCH = 128;

/**
 * Calls `each` with tokenList(texts[i]) for every i, in order. The CJK runs of a batch of
 * texts are segmented together; only one batch's tokens are alive at a time.
 */
export function eachTokenList(
  texts: readonly string[],
  each: (tokens: string[], i: number) => void,
): void {
  const known: KnownRuns = new Map();
  for (let from = 0; from < texts.length; from += BATCH) {
    const docs = texts.slice(from, from + BATCH).map(begin);
    const words = cjkWords(
      docs.flatMap((d) => d.runs),
      known,
    );
    let run = 0;
    docs.forEach((d, k) => {
      each(finish(d, words, run), from + k);
      run += d.runs.length;
    });
  }
}

/** A text on its way to tokens: concept tokens of CJK forms so far, CJK runs to segment. */
interface Doc {
  norm: string;
  tokens: string[];
  runs: string[];
  latin: boolean;
}

function begin(text: string): Doc {
  // NFKC leaves ASCII as it is; checking is much cheaper than normalising.
  const ascii = isAscii(text);
  let norm = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  if (ascii || !CJK.test(norm)) return { norm, tokens, runs: [], latin: true };
  norm = replaceConceptForms(norm, tokens);
  return { norm, tokens, runs: norm.match(CJK_RUNS) ?? [], latin: hasLatinWords(norm) };
}

/** Adds each CJK run's tokens (its words at words[firstRun + run]), then the Latin words. */
function finish(
  doc: Doc,
  words: readonly (string[] | undefined)[],
  firstRun: number,
  surface?: Map<string, string>,
): string[] {
  const { tokens } = doc;
  doc.runs.forEach((run, r) => {
    if (hasSurrogates(run)) pushBigrams([...run], tokens);
    else pushBigrams(run, tokens);
    for (const w of words[firstRun + r] ?? []) tokens.push(w);
  });
  if (doc.latin) latinTokens(doc.norm, tokens, surface);
  return tokens;
}

/** Pushes a concept token per occurrence of a CJK form (longest forms first) and blanks it. */
function replaceConceptForms(text: string, tokens: string[]): string {
  const candidates: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const forms = FORMS_BY_FIRST.get(text.charCodeAt(i));
    if (forms) for (const f of forms) if (!candidates.includes(f)) candidates.push(f);
  }
  candidates.sort((a, b) => a - b);
  let norm = text;
  for (const f of candidates) {
    const { form, token } = CJK_FORMS[f];
    if (!norm.includes(form)) continue;
    const parts = norm.split(form);
    for (let i = 1; i < parts.length; i++) tokens.push(token);
    norm = parts.join(' ');
  }
  return norm;
}

/** What latinTokens needs to know of a word, a function of the word alone (see wordInfo). */
interface WordInfo {
  stem: string;
  /** The stem starts a concept phrase of two or more words. */
  phraseStart: boolean;
  /** The concept token of the stem alone, if any. */
  concept: string | undefined;
  /** An ordinary word token: 2+ characters, not a stop word, not a number. */
  keep: boolean;
}

/**
 * WordInfo by word. Request texts repeat most of their words, and stemming (regular
 * expressions) plus the stop-word and phrase lookups cost more than one lookup here. Cleared
 * when full, so memory stays bounded in a long-lived process.
 */
const WORD_INFO = new Map<string, WordInfo>();
const WORD_INFO_LIMIT = 100_000;

function wordInfo(raw: string): WordInfo {
  let info = WORD_INFO.get(raw);
  if (info === undefined) {
    const w = stem(raw);
    info = {
      stem: w,
      phraseStart: PHRASE_STARTS.has(w),
      concept: LATIN_PHRASES.get(w),
      keep: w.length >= 2 && !STOP_LATIN.has(w) && !STOP_LATIN.has(raw) && !/^\d+$/.test(w),
    };
    if (WORD_INFO.size >= WORD_INFO_LIMIT) WORD_INFO.clear();
    WORD_INFO.set(raw, info);
  }
  return info;
}

/** Latin words: concept phrases first (longest match), then ordinary words. */
function latinTokens(norm: string, tokens: string[], surface?: Map<string, string>): void {
  const raw: string[] = direct.asciiWords(norm) ?? [];
  if (raw.length === 0) {
    for (const s of segmenter.segment(norm)) {
      if (!s.isWordLike || CJK.test(s.segment)) continue;
      raw.push(s.segment);
    }
  }
  const words = raw.map(wordInfo);
  for (let i = 0; i < words.length;) {
    const word = words[i];
    let matched = 0;
    const longest = word.phraseStart ? Math.min(MAX_PHRASE, words.length - i) : 1;
    for (let len = longest; len >= 1 && matched === 0; len--) {
      const concept = len === 1 ? word.concept : LATIN_PHRASES.get(phrase(words, i, len));
      if (concept) {
        tokens.push(concept);
        matched = len;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    if (word.keep) {
      tokens.push(word.stem);
      if (surface && !surface.has(word.stem)) surface.set(word.stem, raw[i]);
    }
    i += 1;
  }
}

/** The stems of words[i .. i + len) joined by spaces (a LATIN_PHRASES key). */
function phrase(words: readonly WordInfo[], i: number, len: number): string {
  let text = words[i].stem;
  for (let k = i + 1; k < i + len; k++) text += ' ' + words[k].stem;
  return text;
}

/** Words of CJK runs already segmented (cjkWords), by run: null for none. */
type KnownRuns = Map<string, string[] | null>;

/**
 * The segmenter's words of 3 or more characters (not stop words) of each run, by run. A run
 * of 1 or 2 characters cannot hold one, so it is not segmented; the others are segmented in
 * one call, joined by newlines: a newline always breaks words (UAX #29 WB3a/b) and ICU's
 * dictionaries segment each run of CJK characters on its own, so each run gets the words it
 * gets alone (property-tested), and one call costs much less than several. For the same
 * reason a run's words depend on the run only: runs in `known` (phrases that recur across
 * requests) are not segmented again, and the new ones are added to it.
 */
function cjkWords(runs: readonly string[], known: KnownRuns = new Map()): (string[] | undefined)[] {
  const words: (string[] | undefined)[] = [];
  // Runs to segment, each once, and the positions of runs still waiting for their words.
  const fresh: string[] = [];
  const waiting: number[] = [];
  runs.forEach((run, r) => {
    if (codePoints(run) < 3) return;
    const seen = known.get(run);
    if (seen === undefined) {
      known.set(run, null);
      fresh.push(run);
      waiting.push(r);
    } else if (seen === null) waiting.push(r);
    else words[r] = seen;
  });
  if (fresh.length > 0) segmentRuns(fresh, known);
  for (const r of waiting) words[r] = known.get(runs[r]) ?? undefined;
  return words;
}

/** Segments `runs` in one call, joined by newlines (see cjkWords), into `known`. */
function segmentRuns(runs: readonly string[], known: KnownRuns): void {
  const joined = runs.join('\n');
  let k = 0;
  let end = runs[0].length;
  let list: string[] | null = null;
  for (const s of segmenter.segment(joined)) {
    while (s.index >= end) {
      if (list) known.set(runs[k], list);
      list = null;
      end += 1 + runs[++k].length; // the next run, past its newline
    }
    const w = s.segment;
    if (s.isWordLike && codePoints(w) >= 3 && !STOP_CJK_WORDS.has(w)) (list ??= []).push(w);
  }
  if (list) known.set(runs[k], list);
}

/** Character bigrams of a run (as a string of BMP characters or a list of code points). */
function pushBigrams(chars: string | readonly string[], out: string[]): void {
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (STOP_CJK_CHARS.has(a) || STOP_CJK_CHARS.has(b)) continue;
    const bigram = a + b;
    if (!STOP_CJK_WORDS.has(bigram)) out.push(bigram);
  }
}

function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

function codePoints(text: string): number {
  return hasSurrogates(text) ? [...text].length : text.length;
}
