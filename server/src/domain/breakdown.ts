/**
 * Breakdown__c: the explanation of a score, as JSON a product manager (or a component) can read.
 *
 *   { "score": 7.25, "requests": 9,
 *     "accounts": [ { "account": "001…", "request": "a03…", "requests": 2, "urgency": 1.5,
 *                     "source": 1.25, "side": "Decision", "sideWeight": 1.5, "decay": 0.8409,
 *                     "blocker": 1.5, "weight": 3.5481, "revenue": 250000,
 *                     "revenueFactor": 1.2721, "voice": 3 }, … ],
 *     "others": { "accounts": 120, "voice": 31.5 } }
 *
 * `request` is the account's strongest request (its voice); `voice` = min(cap, weight ×
 * revenueFactor) rounded to 4 decimals; `score` = the sum of the listed voices plus
 * `others.voice`, rounded to 4 decimals. Accounts are listed in account Id order. The field
 * holds 131,072 characters: when a very broad theme has more accounts than fit, the strongest
 * voices are listed and the rest are summed in `others` (present only then), so the breakdown
 * still adds up exactly.
 */
import { round4, roundTo } from './numbers';

export const BREAKDOWN_LIMIT = 131072;

export interface BreakdownParts {
  /** The account Id as JSON text (jsonString), so it can be made once per account. */
  account: string;
  request: string;
  requests: number;
  urgency: number;
  source: number;
  side: string;
  sideWeight: number;
  decay: number;
  blocker: number;
  weight: number;
  revenue: number;
  revenueFactor: number;
  voice: number;
}

/**
 * A number rounded to `decimals` places as JSON text, built from an integer (integer-to-string
 * is much cheaper than formatting a double, and this runs for every account of every row).
 * Rounds exactly as roundTo() does, so the text parses back to the rounded value.
 */
export function fmt(value: number, decimals: 2 | 4): string {
  const f = decimals === 4 ? 10000 : 100;
  const i = Math.round(value * f + (value >= 0 ? 1e-9 : -1e-9));
  if (!Number.isSafeInteger(i)) return String(roundTo(value, decimals));
  const neg = i < 0;
  const abs = neg ? -i : i;
  const whole = Math.floor(abs / f);
  const frac = abs - whole * f;
  if (frac === 0) return neg && whole !== 0 ? '-' + whole : '' + whole;
  return (neg ? '-' : '') + whole + (decimals === 4 ? FRACTION4 : FRACTION2)[frac];
}

/** '.0001' … '.9999' (trailing zeros dropped), by the fraction as an integer: one lookup. */
function fractions(decimals: number): string[] {
  const f = 10 ** decimals;
  const out: string[] = new Array<string>(f);
  out[0] = '';
  for (let i = 1; i < f; i++) out[i] = ('.' + String(i).padStart(decimals, '0')).replace(/0+$/, '');
  return out;
}
const FRACTION4 = fractions(4);
const FRACTION2 = fractions(2);

/** fmt() for values from small sets (weights, decay by whole-day age), remembered. */
const remembered = new Map<number, string>();
function fmt4Often(value: number): string {
  let text = remembered.get(value);
  if (text === undefined) {
    text = fmt(value, 4);
    if (remembered.size < 50000) remembered.set(value, text);
  }
  return text;
}

/** A string as JSON; Ids (letters, digits, '_', '-') need no escaping and skip JSON.stringify. */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const safe =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
    if (!safe) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

/** One account's entry as JSON text (built by hand: it runs once per theme and account). */
export function breakdownEntry(p: BreakdownParts): string {
  return breakdownEntryOf(
    p.account,
    p.request,
    p.requests,
    factorsEntry(p),
    p.weight,
    p.revenue,
    p.revenueFactor,
    p.voice,
  );
}

/** The factors of an entry, `,"urgency":…,"blocker":…`: few combinations, so callers cache it. */
export function factorsEntry(
  p: Pick<BreakdownParts, 'urgency' | 'source' | 'side' | 'sideWeight' | 'decay' | 'blocker'>,
): string {
  return [
    ',"urgency":',
    fmt4Often(p.urgency),
    ',"source":',
    fmt4Often(p.source),
    ',"side":"',
    p.side,
    '","sideWeight":',
    fmt4Often(p.sideWeight),
    ',"decay":',
    fmt4Often(p.decay),
    ',"blocker":',
    fmt4Often(p.blocker),
  ].join('');
}

/**
 * An entry from its parts, with the account as JSON text and the factors as factorsEntry()
 * text. One join of strings gives a flat string; a chain of `+` would give a rope of many
 * pieces that every row listing the entry would walk again when joining its breakdown.
 */
export function breakdownEntryOf(
  accountJson: string,
  request: string,
  requests: number,
  factors: string,
  weight: number,
  revenue: number,
  revenueFactor: number,
  voice: number,
): string {
  return [
    '{"account":',
    accountJson,
    ',"request":',
    jsonString(request),
    ',"requests":',
    String(requests),
    factors,
    ',"weight":',
    fmt(weight, 4),
    ',"revenue":',
    fmt(revenue, 2),
    ',"revenueFactor":',
    fmt(revenueFactor, 4),
    ',"voice":',
    fmt(voice, 4),
    '}',
  ].join('');
}

export function buildBreakdown(
  score: number,
  entries: string[],
  voices: number[],
  requests: number,
  limit = BREAKDOWN_LIMIT,
): string {
  const head = `{"score":${score},"requests":${requests},"accounts":[`;
  let total = head.length + 2;
  for (const e of entries) total += e.length + 1;
  if (total <= limit) return head + entries.join(',') + ']}';
  // Too many to list: keep the strongest voices (ties by account order), sum the rest.
  const order = entries.map((_, i) => i).sort((a, b) => voices[b] - voices[a] || a - b);
  const reserve = 80; // room for the "others" summary
  let used = head.length + 2 + reserve;
  const keep: number[] = [];
  for (const i of order) {
    if (used + entries[i].length + 1 > limit) break;
    keep.push(i);
    used += entries[i].length + 1;
  }
  const kept = new Set(keep);
  let rest = 0;
  let restCount = 0;
  for (let i = 0; i < entries.length; i++) {
    if (!kept.has(i)) {
      rest += voices[i];
      restCount += 1;
    }
  }
  keep.sort((a, b) => a - b);
  return `${head}${keep.map((i) => entries[i]).join(',')}],"others":{"accounts":${restCount},"voice":${round4(rest)}}}`;
}
