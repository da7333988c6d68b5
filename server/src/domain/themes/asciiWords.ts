/**
 * Word-like segments of plain ASCII text, exactly as Intl.Segmenter (word granularity, ICU's
 * root rules, UAX #29) gives them, for the characters below only; anything else returns null
 * and the caller uses Intl.Segmenter. Most request text is this plain, and ICU costs tens of
 * microseconds per request. The property test in server/test/domain compares both on random
 * strings over this alphabet.
 *
 * Rules used (UAX #29): letters and digits run together (WB5, WB8-10); '.' and "'" join two
 * letters (WB6-7) or two digits (WB11-12); ',' and ';' join two digits only; every other
 * listed character breaks and is not word-like.
 */
const LETTER = 1;
const DIGIT = 2;
const JOIN_BOTH = 3; // . '
const JOIN_DIGITS = 4; // , ;
const BREAK = 5; // space, tab, newline, - ( ) ! ? / " & + =

const CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const ch of ".'") CLASS[ch.charCodeAt(0)] = JOIN_BOTH;
for (const ch of ',;') CLASS[ch.charCodeAt(0)] = JOIN_DIGITS;
for (const ch of ' \t\n-()!?/"&+=') CLASS[ch.charCodeAt(0)] = BREAK;

/** Word-like segments of lower-case ASCII `text`, or null when it has any other character. */
export function asciiWords(text: string): string[] | null {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || CLASS[c] === 0) return null;
  }
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === LETTER || k === DIGIT) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i + 1 < n && (k === JOIN_BOTH || k === JOIN_DIGITS)) {
      const before = CLASS[text.charCodeAt(i - 1)];
      const after = CLASS[text.charCodeAt(i + 1)];
      if (before === after && (before === DIGIT || (before === LETTER && k === JOIN_BOTH)))
        continue;
    }
    if (start >= 0) out.push(text.slice(start, i));
    start = -1;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * Han characters and the CJK punctuation Chinese text writes (NFKC leaves these as they are):
 * each breaks a word and none is word-like with a Latin neighbour, so the text between them
 * splits into words on its own.
 */
const HAN_OR_CJK_PUNCTUATION = /[\p{Script=Han}、。「」『』《》【】〈〉〔〕…—]+/u;

/**
 * The word-like segments of Intl.Segmenter that hold no Han character, for lower-case text
 * mixing Han with the characters of asciiWords (a Chinese request naming SAML or Excel), or
 * null for anything else. ICU finds Chinese words by dictionary, which costs tens of
 * microseconds per request; the Latin words between them need none of it.
 */
export function latinWordsAmidHan(text: string): string[] | null {
  const out: string[] = [];
  for (const piece of text.split(HAN_OR_CJK_PUNCTUATION)) {
    const words = asciiWords(piece);
    if (words === null) return null;
    for (const w of words) out.push(w);
  }
  return out;
}
