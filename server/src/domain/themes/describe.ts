/**
 * Names, terms and reasons a product manager reads: what a group's requests share, in the
 * org's main language, and per request which of those terms it has.
 */
import { snowballStem } from '../../language/stemmer';
import { CLOSED_THEME_STATUSES } from '../profile';
import { CONCEPT_LABEL } from './concepts';
import type { TextTerms } from './tokenize';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Suggestion_Reason__c's length. */
export const REASON_LENGTH = 255;

export interface Member {
  id: string;
  tokens: TextTerms;
}

/**
 * The org's main language for names: Chinese when most texts are Chinese (or Japanese or
 * Korean), else English (the pivot).
 */
export function mainLanguage(languages: Iterable<string>): 'zh' | 'english' {
  let cjk = 0;
  let other = 0;
  for (const l of languages) {
    if (l === 'zh' || l === 'ja' || l === 'ko') cjk++;
    else other++;
  }
  return cjk > other ? 'zh' : 'english';
}

/** How a term reads for the whole group, in the main language. */
function display(term: string, members: readonly Member[], main: 'zh' | 'english'): string {
  const label = CONCEPT_LABEL.get(term);
  if (label) return label;
  const surfaces = members
    .map((m) => m.tokens.surface.get(term))
    .filter((s): s is string => s !== undefined);
  const wanted = (s: string) => (main === 'zh' ? CJK.test(s) : !CJK.test(s));
  const own = mostCommon(surfaces.filter(wanted));
  if (own) return own;
  if (main === 'english') {
    const gloss = mostCommon(
      members
        .map((m) => m.tokens.gloss.get(term) ?? m.tokens.wordGloss.get(term))
        .filter((s): s is string => s !== undefined),
    );
    if (gloss) return gloss;
  }
  return mostCommon(surfaces) ?? term;
}

/** The most frequent string (ties: the alphabetically first), or undefined. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts)
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) {
      best = v;
      bestCount = c;
    }
  return best;
}

export interface Description {
  /** Terms shared by the members, strongest first (internal term ids). */
  shared: string[];
  /** The shared terms as the main language reads them (deduplicated). */
  labels: string[];
}

/**
 * Terms most members share, by (members holding it) × idf: at least two members, and for
 * groups of five or more at least a third of them. Template wording (`template`: words most
 * requests of the org carry, such as a logging template's "heard in a business review") comes
 * only after every other shared term, so it names a group only when nothing else is shared.
 */
export function sharedTerms(
  members: readonly Member[],
  idf: (term: string) => number,
  main: 'zh' | 'english',
  limit = 6,
  template: (term: string) => boolean = () => false,
): Description {
  const holders = new Map<string, number>();
  for (const m of members)
    for (const t of new Set(m.tokens.tokens)) holders.set(t, (holders.get(t) ?? 0) + 1);
  const floor = Math.max(2, members.length >= 5 ? Math.ceil(members.length / 3) : 2);
  const all = [...holders.entries()]
    .filter(([, n]) => n >= floor)
    .map(([t, n]) => ({ t, s: n * idf(t) }))
    .sort((x, y) => y.s - x.s || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
  const informative = all.filter((x) => !template(x.t));
  const ranked = informative.length > 0 ? informative : all;
  const shared: string[] = [];
  const labels: string[] = [];
  for (const { t } of ranked) {
    const label = display(t, members, main);
    // A label another one already says adds nothing ("dark" beside "dark mode"); one that says
    // more than a kept label takes its place, keeping its rank.
    if (labels.some((kept) => covers(kept, label))) continue;
    const within = labels.findIndex((kept) => covers(label, kept));
    if (within >= 0) {
      shared[within] = t;
      labels[within] = label;
      for (let k = labels.length - 1; k > within; k--)
        if (covers(label, labels[k])) {
          shared.splice(k, 1);
          labels.splice(k, 1);
        }
      continue;
    }
    shared.push(t);
    labels.push(label);
    if (shared.length >= limit) break;
  }
  return { shared, labels };
}

/**
 * Whether label `a` already says what `b` says: the same words or more (case aside, a word
 * counting as the same as another with its English stem: "recorded" says "record", the
 * English word of a request beside the gloss of a Chinese one), or, for Chinese, Japanese or
 * Korean labels, b written inside a (单点登录 says 登录).
 */
export function covers(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (CJK.test(x) && CJK.test(y)) return x.includes(y);
  const words = x.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const own = y.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const stems = new Set(words.map((w) => snowballStem(w)));
  return own.length > 0 && own.every((w) => words.includes(w) || stems.has(snowballStem(w)));
}

/** A theme name from its labels: the three strongest, the first capitalised. */
export function nameOf(labels: readonly string[]): string {
  const words = labels.slice(0, 3);
  if (words.length === 0) return 'Suggested theme';
  const name = words.join(', ');
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  return cap.length > 80 ? `${cap.slice(0, 77)}...` : cap;
}

/** The shared terms one member has, as it wrote them (its own language), deduplicated. */
export function memberTerms(member: Member, shared: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of shared) {
    if (!member.tokens.surface.has(t)) continue;
    const label = CONCEPT_LABEL.get(t) ?? (member.tokens.surface.get(t) as string);
    if (seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    out.push(label);
  }
  return out;
}

/** Text cut to Suggestion_Reason__c's length. */
export function fitReason(text: string): string {
  return text.length > REASON_LENGTH ? `${text.slice(0, REASON_LENGTH - 3)}...` : text;
}

/**
 * A theme as a reason names it: its name in quotes, and its status when it is Delivered or
 * Declined (`"Dark mode" (Declined)`), because a match to a closed theme is news for the
 * account team, not open demand.
 */
export function themeLabel(
  name: string | null | undefined,
  status: string | null | undefined,
): string {
  const closed = status && CLOSED_THEME_STATUSES.includes(status) ? ` (${status})` : '';
  return `"${name ?? ''}"${closed}`;
}

/**
 * An earlier run's `matches "X" …` reason for a request still attached to X, with X's current
 * status (a theme delivered since says so; one reopened no longer does); the rest of the
 * reason is kept. A reason in other words is kept as it is; none gives `matches "X"`.
 * Restating a restated reason gives it back unchanged (a run over its own output).
 */
export function restateMatch(
  previous: string | undefined,
  name: string | null | undefined,
  status: string | null | undefined,
): string {
  const label = themeLabel(name, status);
  if (!previous) return `matches ${label}`;
  const head = `matches "${name ?? ''}"`;
  if (!previous.startsWith(head)) return previous;
  let rest = previous.slice(head.length);
  for (const closed of CLOSED_THEME_STATUSES)
    if (rest.startsWith(` (${closed})`)) rest = rest.slice(closed.length + 3);
  return fitReason(`matches ${label}${rest}`);
}
