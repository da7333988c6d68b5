/**
 * Multilingual tokenisation of request text into weighted terms for similarity.
 *
 * - Chinese: jieba words (chinese.ts); each word is a term, and through the bilingual
 *   dictionary (lexicon.ts) also the pivot (English) stems of its glosses, weighted so that a
 *   word's pivot terms together weigh as much as the word: 导出 → 导出 + export.
 * - Japanese and Korean: words from Intl.Segmenter (ICU's dictionaries); no lexicon yet.
 * - Latin-script languages: words lower-cased, stop words dropped, Snowball-stemmed in the
 *   language guessed from the text's stop words (stemmer.ts).
 * - The domain-synonym table (concepts.ts) adds a concept term ('#sso') next to the words a
 *   known synonym was read from.
 *
 * Each term keeps the surface form this text wrote it in (the English word, the Chinese word a
 * pivot came from), for names and reasons a person reads.
 */
import { asciiWords, latinWordsAmidHan } from './asciiWords';
import { dictionaryParts, chineseWords } from '../../language/chinese';
import { CONCEPTS } from './concepts';
import { lexicon } from '../../language/lexicon';
import { guessLanguage, isStopWord, snowballStem } from '../../language/stemmer';

/** asciiWords, read once: it runs per request text (see `direct` in pairs.ts for why). */
const direct = { asciiWords, latinWordsAmidHan } as const;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN_RUNS = /\p{Script=Han}+/gu;

/** Words that say nothing about the need in a request (domain stop words), any language. */
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
    'account accounts business context user users our company system'
  ).split(' '),
);
const STOP_CJK_WORDS = new Set(
  (
    '我们 需要 希望 客户 支持 功能 能够 可以 一个 没有 因为 所以 如果 他们 目前 现在 要求 请求 问题 进行 使用 通过 以及 还有 这个 那个 ' +
    '什么 必须 是否 已经 不能 无法 用户 公司 系统 我們 需求 客戶 支援 目前 現在 顧客 機能 対応 必要 ほしい したい 可能 希望 能否 ' +
    '一些 很多 所有 每个 自己 还是 或者 但是 而且 并且 时候 方式 直接 相关 方面 情况 这样 那样 希望能 帮助 提供 实现 增加 添加 ' +
    '业务 账户 帐户 上下文 企业'
  ).split(' '),
);

/**
 * Weight of a concept term: it is added beside the words it was read from, which count already;
 * it only has to bridge synonyms and languages.
 */
const CONCEPT_WEIGHT = 1;

/** Weight of a Chinese word whose dictionary glosses are added as pivot terms. */
const WORD_WITH_PIVOTS = 0.6;

/** Terms of a text: with repeats (term frequency counts), each with its weight. */
export interface Tokens {
  tokens: string[];
  weights: number[];
  /** How this text wrote each term (the original word, or the word a pivot term came from). */
  surface: Map<string, string>;
  /** A readable pivot-language word for pivot terms that came from a dictionary. */
  gloss: Map<string, string>;
  /** A dictionary word's first readable gloss (导出 → export), for names in the pivot language. */
  wordGloss: Map<string, string>;
  /** 'zh', 'ja', 'ko', or the Snowball language of the text's Latin words. */
  language: string;
  /** Per token: the dictionary word (e.g. 导出) it is a pivot term of, or null for a word. */
  pivotOf: (string | null)[];
  /**
   * Terms this text wrote capitalised only at the start of a sentence (their surface is then
   * lower-cased: "Enforce MFA"), with the form written; restoredSurface puts it back when the run's
   * other texts show the word is a name.
   */
  initial: Map<string, string>;
}

// Concept phrases as stemmed word sequences (up to 4 words), and CJK forms.
const LATIN_PHRASES = new Map<string, string>();
const PHRASE_STARTS = new Set<string>();
let MAX_PHRASE = 1;
const CJK_FORMS: { form: string; token: string }[] = [];
let conceptsReady = false;

function prepareConcepts(): void {
  if (conceptsReady) return;
  conceptsReady = true;
  for (const c of CONCEPTS) {
    for (const form of c.latin) {
      const words = (direct.asciiWords(form.normalize('NFKC').toLowerCase()) ?? [])
        .concat([])
        .map((w) => snowballStem(w));
      if (words.length === 0) continue;
      LATIN_PHRASES.set(words.join(' '), `#${c.token}`);
      if (words.length > 1) PHRASE_STARTS.add(words[0]);
      MAX_PHRASE = Math.max(MAX_PHRASE, words.length);
    }
    for (const form of c.cjk)
      CJK_FORMS.push({ form: form.normalize('NFKC').toLowerCase(), token: `#${c.token}` });
  }
}

/** Whether `token` is a term with a readable surface of its own (not a concept term). */
export function canHaveSurface(token: string): boolean {
  return !token.startsWith('#');
}

function latinRawWords(norm: string): string[] {
  const fast = direct.asciiWords(norm) ?? direct.latinWordsAmidHan(norm);
  if (fast) return fast;
  const out: string[] = [];
  for (const s of segmenter.segment(norm))
    if (s.isWordLike && !CJK.test(s.segment)) out.push(s.segment);
  return out;
}

/** Splits one request's text into weighted terms. Pure and deterministic. */
export function tokenize(text: string): Tokens {
  prepareConcepts();
  const ascii = !/[^\u0000-\u007f]/.test(text); // eslint-disable-line no-control-regex
  const norm = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  const out: Tokens = {
    tokens: [],
    weights: [],
    surface: new Map(),
    gloss: new Map(),
    wordGloss: new Map(),
    language: 'english',
    pivotOf: [],
    initial: new Map(),
  };
  const push = (token: string, weight: number, surface?: string, pivotOf: string | null = null) => {
    out.tokens.push(token);
    out.weights.push(weight);
    out.pivotOf.push(pivotOf);
    if (surface !== undefined && !out.surface.has(token)) out.surface.set(token, surface);
  };
  let cjkChars = 0;
  if (!ascii && CJK.test(norm)) {
    for (const { form, token } of CJK_FORMS)
      if (norm.includes(form)) push(token, CONCEPT_WEIGHT, form);
    if (KANA_OR_HANGUL.test(norm)) {
      out.language = /[\p{Script=Hangul}]/u.test(norm) ? 'ko' : 'ja';
      for (const s of segmenter.segment(norm)) {
        if (!s.isWordLike || !CJK.test(s.segment) || [...s.segment].length < 2) continue;
        if (STOP_CJK_WORDS.has(s.segment)) continue;
        cjkChars += s.segment.length;
        push(s.segment, 1, s.segment);
      }
    } else {
      out.language = 'zh';
      const lex = lexicon();
      for (const run of norm.match(HAN_RUNS) ?? []) {
        cjkChars += run.length;
        for (const word of chineseWords(run, lex)) {
          if (word.length < 2 || STOP_CJK_WORDS.has(word)) continue;
          let pivots = lex.lookup(word);
          if (pivots === undefined)
            pivots = dictionaryParts(word, lex).flatMap((p) => lex.lookup(p) ?? []);
          pivots = pivots.filter((p) => !STOP_LATIN.has(p.word));
          // The word itself, lighter when its glosses carry its meaning across languages.
          push(word, pivots.length > 0 ? WORD_WITH_PIVOTS : 1, word);
          if (pivots.length === 0) continue;
          // Earlier senses are the common ones: weights fall with the rank, unit length together.
          const ranks = pivots.map((_, k) => 1 / Math.sqrt(k + 1));
          const norm = Math.sqrt(ranks.reduce((a, w) => a + w * w, 0));
          if (!out.wordGloss.has(word)) out.wordGloss.set(word, pivots[0].word);
          pivots.forEach((p, k) => {
            push(p.stem, ranks[k] / norm, word, word);
            if (!out.gloss.has(p.stem)) out.gloss.set(p.stem, p.word);
          });
        }
      }
    }
  }
  const raw = latinRawWords(norm);
  if (raw.length > 0) {
    const language = guessLanguage(raw);
    // A mostly-CJK text keeps its CJK language; its Latin words (SAML, Excel) are English.
    if (cjkChars === 0) out.language = language;
    latinTokens(
      raw,
      cjkChars === 0 ? language : 'english',
      push,
      norm,
      text.normalize('NFKC'),
      out,
    );
  }
  return out;
}

/**
 * Names the synonym table spells with capitals, by their lower-case word (excel → Excel, sso →
 * SSO): a sentence may start with them and they keep their spelling.
 */
const KNOWN_NAMES: ReadonlyMap<string, string> = new Map(
  CONCEPTS.flatMap((c) =>
    c.label !== c.label.toLowerCase() && c.latin.includes(c.label.toLowerCase())
      ? [[c.label.toLowerCase(), c.label] as [string, string]]
      : [],
  ),
);

/**
 * Gives back the capital of a word a text wrote only at a sentence start ("Salesforce quotes
 * …" → salesforce) when some text of the run writes the same word capitalised inside a sentence
 * ("sync with Salesforce"): then it is a name, and names and reasons keep the writer's casing.
 * Changes only surfaces (what people read), never terms, so the grouping is the same.
 *
 * In two halves, as a run packs each text once tokenised: addNames collects, over every text,
 * the terms a text writes capitalised inside a sentence; restoredSurface then gives a text its
 * capitals back.
 */
export function addNames(t: Tokens, named: Set<string>): void {
  for (const [term, surface] of t.surface)
    if (surface !== surface.toLowerCase() && !t.initial.has(term) && canHaveSurface(term))
      named.add(term);
}

/** What keepPivots reads of a text's tokens (Tokens or PackedTokens with pivots). */
interface PivotTokens {
  tokens: string[];
  weights: number[];
  pivotOf: (string | null)[];
  surface: { get(term: string): string | undefined };
}

/**
 * The tokens with only the pivot terms in `keep` (e.g. the terms some document of another
 * language uses): a gloss no request of the run uses cannot match anything across languages
 * and only dilutes its word's vector. Each word's remaining pivot weights are scaled back to
 * unit length, and a word left without pivots weighs 1 again. Deterministic for the same set.
 */
export function keepPivots<T extends PivotTokens>(t: T, keep: ReadonlySet<string>): T {
  const survivors = new Map<string, number>();
  t.tokens.forEach((tok, i) => {
    const w = t.pivotOf[i];
    if (w !== null && keep.has(tok)) survivors.set(w, (survivors.get(w) ?? 0) + t.weights[i] ** 2);
  });
  const out: T = { ...t, tokens: [], weights: [], pivotOf: [] };
  t.tokens.forEach((tok, i) => {
    const w = t.pivotOf[i];
    let weight = t.weights[i];
    if (w !== null) {
      if (!keep.has(tok)) return;
      weight /= Math.sqrt(survivors.get(w) as number);
    } else if (
      t.weights[i] === WORD_WITH_PIVOTS &&
      !survivors.has(tok) &&
      t.surface.get(tok) === tok
    )
      weight = 1;
    out.tokens.push(tok);
    out.weights.push(weight);
    out.pivotOf.push(w);
  });
  return out;
}

/** Latin words: concept phrases (added, longest match), then every kept word's stem. */
function latinTokens(
  raw: readonly string[],
  language: string,
  push: (token: string, weight: number, surface?: string) => void,
  norm: string,
  original: string,
  out: Tokens,
): void {
  const initial = out.initial;
  const stems = raw.map((w) => snowballStem(w, language));
  // Surfaces keep the writer's case (SAML, Excel) where lower-casing kept positions.
  const sameLength = norm.length === original.length;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const longest = PHRASE_STARTS.has(stems[i]) ? Math.min(MAX_PHRASE, raw.length - i) : 1;
    for (let len = longest; len >= 1; len--) {
      const concept = LATIN_PHRASES.get(stems.slice(i, i + len).join(' '));
      if (concept) {
        push(concept, CONCEPT_WEIGHT, raw.slice(i, i + len).join(' '));
        break;
      }
    }
    const w = raw[i];
    const s = stems[i];
    const at = norm.indexOf(w, from);
    if (at >= 0) from = at + w.length;
    let surface = sameLength && at >= 0 ? original.slice(at, at + w.length) : w;
    // A capital that only starts a sentence (Enforce MFA…) is not part of the word, unless the
    // word is a name the synonym table knows (Excel); addNames asks the rest of the run.
    let written: string | undefined;
    if (
      at >= 0 &&
      /^\p{Lu}\p{Ll}+$/u.test(surface) &&
      /(?:^|[.!?:\n]\s*)$/.test(norm.slice(Math.max(0, at - 3), at))
    ) {
      written = surface;
      surface = KNOWN_NAMES.get(w) ?? w;
    }
    if (s.length < 2 || /^\d+$/.test(s) || STOP_LATIN.has(w) || STOP_LATIN.has(s)) continue;
    if (isStopWord(w, language)) continue;
    if (written !== undefined && surface === w) {
      if (!initial.has(s) && !out.surface.has(s)) initial.set(s, written);
    } else if (initial.has(s) && surface !== w) {
      // The same text writes it capitalised inside a sentence too: a name.
      out.surface.set(s, initial.get(s) as string);
      initial.delete(s);
    }
    push(s, 1, surface);
  }
}

/**
 * A small read-only string map as one flat [key, value, key, value, …] array: a text's
 * surfaces and glosses hold a few entries each, and a Map per text (four per request, kept for
 * the whole run) cost hundreds of bytes each. Lookups scan; the lists are short.
 */
export class SmallMap {
  static readonly EMPTY = new SmallMap([]);
  private constructor(private readonly pairs: readonly string[]) {}
  /** The map's entries with each string interned (one copy of each string per run). */
  static of(map: ReadonlyMap<string, string>, intern: (s: string) => string): SmallMap {
    if (map.size === 0) return SmallMap.EMPTY;
    // Exact-size arrays here and below: an array grown by push keeps up to ~half again plus
    // 16 slots of slack, which for lists this short is most of their size.
    const pairs = new Array<string>(map.size * 2);
    let i = 0;
    for (const [k, v] of map) {
      pairs[i++] = intern(k);
      pairs[i++] = intern(v);
    }
    return new SmallMap(pairs);
  }
  get(key: string): string | undefined {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) if (p[i] === key) return p[i + 1];
    return undefined;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  forEach(fn: (value: string, key: string) => void): void {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) fn(p[i + 1], p[i]);
  }
  /** A copy with `key` (one of its keys) mapped to `value` instead. */
  replaced(key: string, value: string): SmallMap {
    const pairs = this.pairs.slice();
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) pairs[i + 1] = value;
    return new SmallMap(pairs);
  }
}

/**
 * A text's tokens as a run keeps them between tokenising all its texts and building their
 * vectors (pivotsInUse and addNames need every text first): interned strings, exact-size
 * arrays, SmallMaps, and no pivot list when the text has no pivot terms (most texts).
 */
export interface PackedTokens {
  tokens: string[];
  weights: number[];
  pivotOf: (string | null)[] | null;
  surface: SmallMap;
  gloss: SmallMap;
  wordGloss: SmallMap;
  initial: SmallMap;
  language: string;
}

export function packTokens(t: Tokens, intern: (s: string) => string): PackedTokens {
  const pivots = t.pivotOf.some((p) => p !== null);
  return {
    tokens: t.tokens.map(intern),
    weights: t.weights.slice(),
    pivotOf: pivots ? t.pivotOf.map((p) => (p === null ? null : intern(p))) : null,
    surface: SmallMap.of(t.surface, intern),
    gloss: SmallMap.of(t.gloss, intern),
    wordGloss: SmallMap.of(t.wordGloss, intern),
    initial: SmallMap.of(t.initial, intern),
    language: intern(t.language),
  };
}

/** The case rule's second half (see addNames; `named`: addNames over the run's texts). */
export function restoredSurface(t: PackedTokens, named: ReadonlySet<string>): SmallMap {
  let surface = t.surface;
  t.initial.forEach((written, term) => {
    if (named.has(term) && surface.get(term) === written.toLowerCase())
      surface = surface.replaced(term, written);
  });
  return surface;
}

/** What names and reasons read of a text once its vector is built (compactTerms). */
export interface TextTerms {
  /** Its distinct terms, in first-seen order. */
  tokens: readonly string[];
  surface: SmallMap;
  gloss: SmallMap;
  wordGloss: SmallMap;
}

/**
 * A run's string pool: the same term or surface read from many texts is kept once (tokenize
 * makes a fresh string per occurrence: stems, slices, lower-cased words).
 */
export function interner(): (s: string) => string {
  const pool = new Map<string, string>();
  return (s) => {
    const known = pool.get(s);
    if (known !== undefined) return known;
    pool.set(s, s);
    return s;
  };
}

/**
 * The part of a text's tokens that outlives its vector (after keepPivots and restoredSurface):
 * distinct terms and surfaces. Weights, pivots and initials are dropped.
 */
export function compactTerms(t: PackedTokens, surface: SmallMap): TextTerms {
  const distinct = new Set(t.tokens);
  const tokens = new Array<string>(distinct.size);
  let i = 0;
  for (const term of distinct) tokens[i++] = term;
  return {
    tokens,
    surface,
    gloss: t.gloss,
    wordGloss: t.wordGloss,
  };
}
