/**
 * Change detection: only rows whose values changed beyond their field precision are written,
 * and only keys no longer computed are deleted, so a steady-state run writes nothing.
 * Computed_At__c and Last_Run__c describe the run, not the score, and never trigger a write.
 * Breakdown__c is compared through Breakdown_Digest__c (fingerprint.ts), which is written
 * with it: the long text is never read back nor built for an unchanged row. A stored row
 * without a digest (written before the field existed) counts as changed and is rewritten once.
 */
import { roundTo } from './numbers';
import type { ScoreRow } from './records';

/** Decimal places of the number fields of Segment_Demand_Score__c. */
const NUMBER_SCALE: Record<string, number> = {
  Score__c: 4,
  Rank__c: 0,
  Account_Count__c: 0,
  Segment_Account_Count__c: 0,
  Penetration__c: 2,
  Request_Count__c: 0,
  Revenue_At_Stake__c: 2,
  Decision_Backed_Count__c: 0,
  Use_Only_Count__c: 0,
  Deal_Blocker_Count__c: 0,
};
const OTHER_FIELDS = [
  'Segment__c',
  'Theme__c',
  'Earliest_Needed_By__c',
  'Quorum_Reached__c',
  'Breakdown_Digest__c',
] as const;

/** A score row as read back from the org (any extra fields, such as Id, are ignored). */
export type ExistingScoreRow = { Score_Key__c: string } & Record<string, unknown>;

export interface ScoreChanges {
  upserts: ScoreRow[];
  deleteKeys: string[];
}

function sameNumber(a: unknown, b: unknown, scale: number): boolean {
  const x = a === null || a === undefined || a === '' ? null : Number(a);
  const y = b === null || b === undefined || b === '' ? null : Number(b);
  if (x === null || y === null) return x === y;
  return roundTo(x, scale) === roundTo(y, scale);
}

function blank(v: unknown): unknown {
  return v === undefined || v === '' ? null : v;
}

const NUMBER_FIELDS = Object.entries(NUMBER_SCALE);

export function sameScore(computed: ScoreRow, existing: ExistingScoreRow): boolean {
  for (const [field, scale] of NUMBER_FIELDS) {
    if (!sameNumber((computed as Record<string, unknown>)[field], existing[field], scale))
      return false;
  }
  for (const field of OTHER_FIELDS) {
    const c = blank(computed[field]);
    const e = blank(existing[field]);
    if (field === 'Quorum_Reached__c' ? Boolean(c) !== Boolean(e) : c !== e) return false;
  }
  return true;
}

export function diffScores(
  computed: readonly ScoreRow[],
  existing: readonly ExistingScoreRow[],
): ScoreChanges {
  const before = new Map<string, ExistingScoreRow>();
  for (const row of existing) before.set(row.Score_Key__c, row);
  const upserts: ScoreRow[] = [];
  const keep = new Set<string>();
  for (const row of computed) {
    keep.add(row.Score_Key__c);
    const old = before.get(row.Score_Key__c);
    if (!old || !sameScore(row, old)) upserts.push(row);
  }
  const deleteKeys = [...before.keys()].filter((k) => !keep.has(k)).sort();
  return { upserts, deleteKeys };
}
