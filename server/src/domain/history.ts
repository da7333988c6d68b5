/**
 * Trend: Segment_Demand_History__c keeps one row per score key and calendar month (UTC) with
 * that month's latest figures. Each run upserts the current month's row of every score it
 * computed, only when a figure changed, and compares each score with the month 90 days back:
 * the 90-day change in score and in accounts. Pure: the caller reads and writes the rows.
 */
import { roundTo } from './numbers';
import type { ScoreValues } from './scoreTable';

export interface HistoryRow {
  History_Key__c: string;
  Score_Key__c: string;
  Segment__c: string | null;
  Theme__c: string | null;
  Month__c: string;
  Score__c: number;
  Account_Count__c: number;
  Request_Count__c: number;
  Revenue_At_Stake__c: number;
  Last_Run__c?: string | null;
}

/** A stored history row as read back (numbers may be null). */
export type StoredHistory = Partial<Record<keyof HistoryRow, unknown>> & {
  Score_Key__c?: string | null;
  Month__c?: string | null;
};

const DAY = 86400000;
/** Score_Key__c prefix of the scores over all accounts (schema ALL_SEGMENTS_KEY). */
const ALL_KEY = 'ALL';

/** The first day ('YYYY-MM-01') of the UTC month holding `ms`. */
export function monthOf(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 7)}-01`;
}

/** The month whose rows a run compares with: the one 90 days before `now`. */
export function baselineMonth(now: Date): string {
  return monthOf(now.getTime() - 90 * DAY);
}

/** The months a run reads: the baseline month and the current one. */
export function historyMonths(now: Date): { baseline: string; current: string } {
  return { baseline: baselineMonth(now), current: monthOf(now.getTime()) };
}

/**
 * Figures 90 days ago per score key, from the rows of the baseline month; null when that month
 * has no row at all (no history that old: the changes stay blank). A key missing from a month
 * that has rows had no demand then: it changed from zero.
 */
export function baselineFrom(
  rows: readonly StoredHistory[],
  now: Date,
): Map<string, { score: number; accounts: number }> | null {
  const month = baselineMonth(now);
  const of = rows.filter((r) => String(r.Month__c ?? '').slice(0, 10) === month);
  if (of.length === 0) return null;
  return new Map(
    of.map((r) => [
      String(r.Score_Key__c),
      { score: Number(r.Score__c ?? 0), accounts: Number(r.Account_Count__c ?? 0) },
    ]),
  );
}

/** This month's history row of a score. */
export function historyRowOf(score: ScoreValues, month: string, runId: string | null): HistoryRow {
  return {
    History_Key__c: `${score.Score_Key__c}:${month.slice(0, 7)}`,
    Score_Key__c: score.Score_Key__c,
    Segment__c: score.Segment__c,
    Theme__c: score.Theme__c,
    Month__c: month,
    Score__c: score.Score__c,
    Account_Count__c: score.Account_Count__c,
    Request_Count__c: score.Request_Count__c,
    Revenue_At_Stake__c: score.Revenue_At_Stake__c,
    Last_Run__c: runId,
  };
}

/** A stored score a run deletes: its key and lookups, for its zero history row. */
export interface GoneScore {
  Score_Key__c: string;
  Segment__c: string | null;
  Theme__c: string | null;
}

/**
 * This month's row for a score that no longer has counted demand: every figure zero. None when
 * the score's theme, or the segment of a per-segment score, was deleted (the lookup was
 * cleared): there is no trend left to show for it.
 */
export function zeroHistoryRow(
  gone: GoneScore,
  month: string,
  runId: string | null,
): HistoryRow | null {
  const allAccounts = gone.Score_Key__c.startsWith(`${ALL_KEY}:`);
  if (!gone.Theme__c || (!allAccounts && !gone.Segment__c)) return null;
  return {
    History_Key__c: `${gone.Score_Key__c}:${month.slice(0, 7)}`,
    Score_Key__c: gone.Score_Key__c,
    Segment__c: allAccounts ? null : gone.Segment__c,
    Theme__c: gone.Theme__c,
    Month__c: month,
    Score__c: 0,
    Account_Count__c: 0,
    Request_Count__c: 0,
    Revenue_At_Stake__c: 0,
    Last_Run__c: runId,
  };
}

const same = (a: unknown, b: unknown, decimals: number) =>
  a !== null && a !== undefined && roundTo(Number(a), decimals) === roundTo(Number(b), decimals);

/** Whether a stored row already holds a history row's figures. */
export function sameHistory(row: HistoryRow, stored: StoredHistory | undefined): boolean {
  return (
    stored !== undefined &&
    same(stored.Score__c, row.Score__c, 4) &&
    same(stored.Account_Count__c, row.Account_Count__c, 0) &&
    same(stored.Request_Count__c, row.Request_Count__c, 0) &&
    same(stored.Revenue_At_Stake__c, row.Revenue_At_Stake__c, 2)
  );
}
