/**
 * Snowball stemming for European languages (the `snowball-stemmers` package, a JavaScript port
 * of Martin Porter's Snowball algorithms), with the language of a text guessed from its stop
 * words. English is the pivot language: words of other languages meet English ones through a
 * lexicon (lexicon.ts) or the domain-synonym table (concepts.ts), not through stemming.
 */
import { newStemmer } from 'snowball-stemmers';

/** Languages whose stop words are listed below, each with its Snowball algorithm. */
const STOP_WORDS: Record<string, string> = {
  english:
    'the a an and or of to in for on with is are be we our need needs want would should can please it this that from as by at not',
  german:
    'der die das den dem des und oder nicht wir ein eine einen einem für mit von nach zu zum zur im auf ist sind unsere unser brauchen benötigen möchten bitte kunde kunden wie als auch bei aus',
  french:
    'le la les un une des et ou de du pour avec dans sur est sont nous notre nos besoin voudrions souhaitons pas qui que en au aux',
  spanish:
    'el la los las un una unos y o de del para con en es son nosotros nuestro nuestra necesitamos queremos por que al se no',
  italian:
    'il lo la gli le un una e o di del della per con in è sono noi nostro nostra abbiamo bisogno vorremmo che al non',
  dutch:
    'de het een en of van voor met in op is zijn wij ons onze hebben nodig willen graag niet te bij',
  portuguese:
    'o a os as um uma e ou de do da para com em é são nós nosso nossa precisamos queremos que ao não',
};
const LANGUAGES = Object.keys(STOP_WORDS);
const STOP_OF = new Map<string, Set<string>>(
  LANGUAGES.map((l) => [l, new Set(STOP_WORDS[l].split(' '))]),
);

/**
 * The Snowball language of a list of lower-case words: the language with the most stop-word
 * hits, English on a tie or with none (short titles are mostly English in practice).
 */
export function guessLanguage(words: readonly string[]): string {
  let best = 'english';
  let bestHits = 0;
  for (const lang of LANGUAGES) {
    const stops = STOP_OF.get(lang) as Set<string>;
    let hits = 0;
    for (const w of words) if (stops.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}

const stemmers = new Map<string, { stem(word: string): string }>();
/** Stems by language and word; cleared when large, so memory stays bounded. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The Snowball stem of a lower-case word in a language (see guessLanguage). */
export function snowballStem(word: string, language = 'english'): string {
  const key = language === 'english' ? word : `${language}:${word}`;
  let s = cache.get(key);
  if (s === undefined) {
    let stemmer = stemmers.get(language);
    if (!stemmer) stemmers.set(language, (stemmer = newStemmer(language)));
    s = stemmer.stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, s);
  }
  return s;
}

/** Whether a word is a stop word of a language (or of English, the pivot). */
export function isStopWord(word: string, language: string): boolean {
  return (
    (STOP_OF.get(language)?.has(word) ?? false) || (STOP_OF.get('english') as Set<string>).has(word)
  );
}
