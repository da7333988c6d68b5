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
import { round4 } from './numbers';

export const BREAKDOWN_LIMIT = 131072;

export interface BreakdownParts {
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

/** One account's entry as JSON text (built by hand: it runs once per theme and account). */
export function breakdownEntry(p: BreakdownParts): string {
  return (
    `{"account":${JSON.stringify(p.account)},"request":${JSON.stringify(p.request)},"requests":${p.requests}` +
    `,"urgency":${round4(p.urgency)},"source":${round4(p.source)},"side":"${p.side}","sideWeight":${round4(p.sideWeight)}` +
    `,"decay":${round4(p.decay)},"blocker":${round4(p.blocker)},"weight":${round4(p.weight)}` +
    `,"revenue":${Math.round(p.revenue * 100) / 100},"revenueFactor":${round4(p.revenueFactor)},"voice":${p.voice}}`
  );
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
