/**
 * Writing Breakdown__c: the explanation of a score as JSON, in the format the shared reader
 * `lwc/quorumBreakdown` describes (format 3: factor combinations listed once, one row of
 * columns per account). The field holds 131,072 characters: when a very broad theme has more
 * accounts than fit, the strongest voices are listed and the rest summed in `others`, so the
 * breakdown still adds up exactly.
 */
import {
  BREAKDOWN_FORMAT,
  COLUMNS,
  FACTOR_COLUMNS,
} from '../../../force-app/main/default/lwc/quorumBreakdown/quorumBreakdown';
import { round4, roundTo } from './numbers';

export const BREAKDOWN_LIMIT = 131072;

/** A number as JSON text at the field's decimals (no float noise such as 0.30000000000000004). */
export function fmt(value: number, decimals: 2 | 4): string {
  return String(roundTo(value, decimals));
}

/** One listed account: its text around the factor set index, the set (an id) and its voice. */
export interface BreakdownEntry {
  head: string;
  tail: string;
  factorSet: number;
  voice: number;
}

/** The factors an account's strongest request shares with others: listed once per row. */
export interface FactorSet {
  urgency: string | null;
  urgencyWeight: number;
  source: string | null;
  sourceWeight: number;
  side: string;
  role: string | null;
  veto: boolean;
  sideWeight: number;
  influence: string | null;
  influenceWeight: number;
  workaround: string | null;
  workaroundWeight: number;
  blocker: number;
}

export function factorSetText(f: FactorSet): string {
  return JSON.stringify([
    f.urgency,
    round4(f.urgencyWeight),
    f.source,
    round4(f.sourceWeight),
    f.side,
    f.role,
    f.veto,
    round4(f.sideWeight),
    f.influence,
    round4(f.influenceWeight),
    f.workaround,
    round4(f.workaroundWeight),
    round4(f.blocker),
  ]);
}

/** An account's figures around its factors: its requests, age, weight, revenue and voice. */
export interface VoiceFigures {
  requests: number;
  askedOn: string;
  ageDays: number;
  decay: number;
  weight: number;
  revenue: number;
  revenueFactor: number;
  capped: boolean;
  voice: number;
}

/** An account's values around its factor set index (which differs between the rows listing it). */
export function entryText(e: VoiceFigures & { account: string; request: string }): {
  head: string;
  tail: string;
} {
  return {
    head: `[${JSON.stringify(e.account)},${JSON.stringify(e.request)},${e.requests},`,
    tail: `,${JSON.stringify(e.askedOn)},${e.ageDays},${fmt(e.decay, 4)},${fmt(e.weight, 4)},${fmt(e.revenue, 2)},${fmt(e.revenueFactor, 4)},${e.capped},${fmt(e.voice, 4)}]`,
  };
}

const COLUMNS_TEXT = `"factorColumns":${JSON.stringify(FACTOR_COLUMNS)},`;
const ACCOUNT_COLUMNS_TEXT = `"columns":${JSON.stringify(COLUMNS)},"accounts":[`;

/**
 * The breakdown text of a row: entries in account order; `factorSetJson(id)` gives the JSON
 * of a factor set id the entries use.
 */
export function buildBreakdown(
  score: number,
  requests: number,
  cap: number,
  entries: readonly BreakdownEntry[],
  factorSetJson: (id: number) => string,
  limit = BREAKDOWN_LIMIT,
): string {
  const head = `{"format":${BREAKDOWN_FORMAT},"score":${score},"requests":${requests},"cap":${cap},${COLUMNS_TEXT}"factorSets":[`;
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
    entries.forEach((e, i) => {
      if (!kept.has(i)) {
        rest += e.voice;
        restCount += 1;
      }
    });
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
    parts.push(e.head + i + e.tail);
  }
  return `${head}${setTexts.join(',')}],${ACCOUNT_COLUMNS_TEXT}${parts.join(',')}]${others}}`;
}
