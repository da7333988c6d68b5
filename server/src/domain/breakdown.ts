/**
 * Breakdown__c: the explanation of a score, as JSON a product manager (or a component) can read.
 * Accounts are rows under named columns, and the factor combinations they share (urgency,
 * source, side, side weight, blocker: few distinct ones per theme) are listed once:
 *
 *   { "format": 2, "score": 7.25, "requests": 9,
 *     "factorColumns": ["urgency", "source", "side", "sideWeight", "blocker"],
 *     "factorSets": [[1.5, 1.25, "Decision", 1.5, 1.5], [1, 1, "Use", 1, 1]],
 *     "columns": ["account", "request", "requests", "factorSet", "decay", "weight", "revenue",
 *                 "revenueFactor", "voice"],
 *     "accounts": [["001…", "a03…", 2, 0, 0.8409, 3.5481, 250000, 1.2721, 3], …],
 *     "others": { "accounts": 120, "voice": 31.5 } }
 *
 * `factorSet` is an index into `factorSets`; `request` is the account's strongest request (its
 * voice); `voice` = min(cap, weight × revenueFactor) rounded to 4 decimals; `score` = the sum of
 * the listed voices plus `others.voice`, rounded to 4 decimals. Accounts are listed in account
 * Id order; factor sets in order of first use. Rows under columns take about a third of the
 * space of one object per account: a full org's breakdowns then fit one Bulk upload, and broad
 * themes list about three times more accounts before the rest is summed. The field holds
 * 131,072 characters: when a very broad theme has more accounts than fit, the strongest voices
 * are listed and the rest are summed in `others` (present only then), so the breakdown still
 * adds up exactly. readBreakdown() turns the text back into one object per account.
 * Changing this format means bumping DIGEST_VERSION (fingerprint.ts).
 */
import { round4, roundTo } from './numbers';

export const BREAKDOWN_LIMIT = 131072;

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

export const FACTOR_COLUMNS = ['urgency', 'source', 'side', 'sideWeight', 'blocker'] as const;
export const COLUMNS = [
  'account',
  'request',
  'requests',
  'factorSet',
  'decay',
  'weight',
  'revenue',
  'revenueFactor',
  'voice',
] as const;

/** A factor set as JSON text, `[urgency,source,"side",sideWeight,blocker]`: few per run. */
export function factorSetText(p: {
  urgency: number;
  source: number;
  side: string;
  sideWeight: number;
  blocker: number;
}): string {
  return [
    '[',
    fmt4Often(p.urgency),
    ',',
    fmt4Often(p.source),
    ',"',
    p.side,
    '",',
    fmt4Often(p.sideWeight),
    ',',
    fmt4Often(p.blocker),
    ']',
  ].join('');
}

/**
 * An account's row around its factor set index: `["account","request",requests,` and
 * `,decay,weight,revenue,revenueFactor,voice]`. The index differs between the rows that list
 * the same account (its segment's and ALL), the two halves do not, so they are made once.
 * One join gives a flat string (a chain of `+` would give a rope to walk again later).
 */
export function entryHead(accountJson: string, request: string, requests: number): string {
  return ['[', accountJson, ',', jsonString(request), ',', String(requests), ','].join('');
}

export function entryTail(
  decay: number,
  weight: number,
  revenue: number,
  revenueFactor: number,
  voice: number,
): string {
  return [
    ',',
    fmt4Often(decay),
    ',',
    fmt(weight, 4),
    ',',
    fmt(revenue, 2),
    ',',
    fmt(revenueFactor, 4),
    ',',
    fmt(voice, 4),
    ']',
  ].join('');
}

/** One listed account: its two halves, its factor set (an id the caller chose) and its voice. */
export interface BreakdownEntry {
  head: string;
  tail: string;
  factorSet: number;
  voice: number;
}

const COLUMNS_TEXT = `"factorColumns":${JSON.stringify(FACTOR_COLUMNS)},`;
const ACCOUNT_COLUMNS_TEXT = `"columns":${JSON.stringify(COLUMNS)},"accounts":[`;

/**
 * The breakdown text of a row. `factorSetJson(id)` gives the JSON of a factor set id used by
 * the entries; entries are in account order.
 */
export function buildBreakdown(
  score: number,
  requests: number,
  entries: readonly BreakdownEntry[],
  factorSetJson: (id: number) => string,
  limit = BREAKDOWN_LIMIT,
): string {
  const head = `{"format":2,"score":${score},"requests":${requests},${COLUMNS_TEXT}"factorSets":[`;
  // Upper bounds of what the listed entries need: every set the row uses, the widest index.
  const sets = new Set<number>();
  for (const e of entries) sets.add(e.factorSet);
  let setsLength = 0;
  for (const id of sets) setsLength += factorSetJson(id).length + 1;
  const indexWidth = String(Math.max(0, sets.size - 1)).length;
  const fixed = head.length + setsLength + 2 + ACCOUNT_COLUMNS_TEXT.length + 2;
  const size = (e: BreakdownEntry) => e.head.length + indexWidth + e.tail.length + 1;
  let total = fixed;
  for (const e of entries) total += size(e);
  let listed: readonly BreakdownEntry[] = entries;
  let others = '';
  if (total > limit) {
    // Too many to list: keep the strongest voices (ties by account order), sum the rest.
    const order = entries
      .map((_, i) => i)
      .sort((a, b) => entries[b].voice - entries[a].voice || a - b);
    const reserve = 80; // room for the "others" summary
    let used = fixed + reserve;
    const keep: number[] = [];
    for (const i of order) {
      if (used + size(entries[i]) > limit) break;
      keep.push(i);
      used += size(entries[i]);
    }
    const kept = new Set(keep);
    let rest = 0;
    let restCount = 0;
    for (let i = 0; i < entries.length; i++) {
      if (!kept.has(i)) {
        rest += entries[i].voice;
        restCount += 1;
      }
    }
    keep.sort((a, b) => a - b);
    listed = keep.map((i) => entries[i]);
    others = `,"others":{"accounts":${restCount},"voice":${round4(rest)}}`;
  }
  // Factor sets are numbered in order of first use by the listed accounts.
  const index = new Map<number, number>();
  const setTexts: string[] = [];
  const parts: string[] = [];
  for (const e of listed) {
    let i = index.get(e.factorSet);
    if (i === undefined) {
      i = setTexts.length;
      index.set(e.factorSet, i);
      setTexts.push(factorSetJson(e.factorSet));
    }
    parts.push(e.head, String(i), e.tail, ',');
  }
  parts.pop();
  return `${head}${setTexts.join(',')}],${ACCOUNT_COLUMNS_TEXT}${parts.join('')}]${others}}`;
}

/** One account of a breakdown as an object (what readBreakdown gives). */
export interface BreakdownAccount {
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

export interface ReadBreakdown {
  score: number;
  requests: number;
  accounts: BreakdownAccount[];
  others?: { accounts: number; voice: number };
}

/** Parses Breakdown__c text into one object per account (throws on text that is not one). */
export function readBreakdown(text: string): ReadBreakdown {
  const raw = JSON.parse(text) as {
    score: number;
    requests: number;
    factorColumns: string[];
    factorSets: unknown[][];
    columns: string[];
    accounts: unknown[][];
    others?: { accounts: number; voice: number };
  };
  if (!Array.isArray(raw.columns) || !Array.isArray(raw.accounts))
    throw new Error('Breakdown__c: no columns/accounts');
  const accounts = raw.accounts.map((values) => {
    const a: Record<string, unknown> = {};
    raw.columns.forEach((c, i) => {
      if (c !== 'factorSet') a[c] = values[i];
    });
    const set = raw.factorSets[values[raw.columns.indexOf('factorSet')] as number] ?? [];
    raw.factorColumns.forEach((c, i) => (a[c] = set[i]));
    return a as unknown as BreakdownAccount;
  });
  return {
    score: raw.score,
    requests: raw.requests,
    accounts,
    ...(raw.others ? { others: raw.others } : {}),
  };
}
