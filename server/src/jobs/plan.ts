/**
 * A run as plan, then apply. Planning is pure: from what the run read (the snapshot) and what
 * the engine computed, it decides every write — segment status and counts, suggested themes,
 * request stamps, changed scores, this month's history rows, stale scores to delete — and the
 * API calls they may cost, without touching the org. apply.ts then writes them in a fixed
 * order. Tests check plans without an emulator.
 */
import type { SegmentAssignment } from '../domain/segments';
import type { GroupingResult } from '../domain/themes/group';
import type { RequestTable } from '../domain/requestTable';
import type { DealTable } from '../domain/dealTable';
import type { RequesterIndex } from '../domain/sides';
import type { ScoreTable } from '../domain/scoreTable';
import { diffScores, type ExistingScoreRow } from '../domain/changes';
import {
  historyRowOf,
  monthOf,
  sameHistory,
  zeroHistoryRow,
  type GoneScore,
  type HistoryRow,
  type StoredHistory,
} from '../domain/history';
import { blankValues } from '../domain/scoreTable';
import type { ScoreRow } from '../domain/records';
import { DemandTheme, Segment } from '../schema';
import { cleanText } from '../text/clean';

type Row = Record<string, unknown>;

const MATCH_TERMS_LENGTH = DemandTheme.fields.Match_Terms__c.length;
const STATUS_MESSAGE_LENGTH = Segment.fields.Status_Message__c.length;

export interface StoredSegment {
  Id: string;
  Status__c?: string | null;
  Status_Message__c?: string | null;
  Account_Count__c?: number | null;
}

export interface StoredTheme {
  Id: string;
  Theme_Key__c?: string | null;
  Match_Terms__c?: string | null;
}

/** Segment status, message and member count, where they changed. */
export function planSegments(
  assignment: SegmentAssignment,
  stored: readonly StoredSegment[],
): { updates: Row[]; invalid: { id: string; name: string; message: string }[] } {
  const byId = new Map(stored.map((s) => [s.Id, s]));
  const updates: Row[] = [];
  const invalid: { id: string; name: string; message: string }[] = [];
  for (const s of assignment.segments) {
    const current = byId.get(s.segmentId);
    const message = s.message ? s.message.slice(0, STATUS_MESSAGE_LENGTH) : null;
    if (s.status === 'Invalid')
      invalid.push({ id: s.segmentId, name: s.name, message: s.message ?? '' });
    if (
      !current ||
      current.Status__c !== s.status ||
      (current.Status_Message__c ?? null) !== message ||
      current.Account_Count__c !== s.accountCount
    )
      updates.push({
        Id: s.segmentId,
        Status__c: s.status,
        Status_Message__c: message,
        Account_Count__c: s.accountCount,
      });
  }
  return { updates, invalid };
}

/**
 * Suggested themes to upsert by Theme_Key__c: new ones whole; known ones only their match
 * terms (a theme people curate keeps its name, status and description).
 */
export function planThemes(grouping: GroupingResult, stored: readonly StoredTheme[]): Row[] {
  const byKey = new Map(stored.filter((t) => t.Theme_Key__c).map((t) => [t.Theme_Key__c!, t]));
  const upserts: Row[] = [];
  for (const s of grouping.suggestions) {
    const terms = s.terms.join(', ').slice(0, MATCH_TERMS_LENGTH);
    const existing = byKey.get(s.key);
    if (!existing)
      upserts.push({
        Theme_Key__c: s.key,
        // Made from people's request text: no control characters or escape codes in a name.
        Name: cleanText(s.name).slice(0, DemandTheme.fields.Name.length),
        Description__c: s.description,
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
        Match_Terms__c: terms,
      });
    else if ((existing.Match_Terms__c ?? '') !== terms)
      upserts.push({ Theme_Key__c: s.key, Match_Terms__c: terms });
  }
  return upserts;
}

/** This run's grouping as request Id -> theme Id, once suggested themes have their Ids. */
export function groupedThemes(
  grouping: GroupingResult,
  themeIdOfKey: ReadonlyMap<string, string>,
): Map<string, string> {
  const themeOf = new Map<string, string>(grouping.attachments);
  for (const s of grouping.suggestions) {
    const id = themeIdOfKey.get(s.key);
    if (id) for (const r of s.requestIds) themeOf.set(r, id);
  }
  return themeOf;
}

/**
 * Who asked, as the scoring judges them (domain/sides.ts): the requester index built from the
 * run's deal table, whose dictionaries the request table shares.
 */
export interface RequesterStamps {
  index: RequesterIndex;
  deals: DealTable;
}

/**
 * The request updates that bring each request's Segment__c (its account's primary segment),
 * for requests without Theme__c, Suggested_Theme__c (this run's grouping), and, given `who`,
 * Requester_Member__c and Requester_Side__c (the committee row and side the scoring judged
 * the requester by; blank when unknown) up to date. This is where suggestion stamps are built.
 * Works on the table's codes: one segment lookup per account, not per request.
 */
export function stampRequests(
  t: RequestTable,
  primarySegment: ReadonlyMap<string, string | null>,
  themeOf: ReadonlyMap<string, string>,
  reasons: ReadonlyMap<string, string> = new Map(),
  who?: RequesterStamps,
): Row[] {
  const segmentOf = new Array<string | null | undefined>(t.ids.size);
  const updates: Row[] = [];
  for (let i = 0; i < t.length; i++) {
    const code = t.account[i];
    let segment = segmentOf[code];
    if (segment === undefined)
      segment = segmentOf[code] = primarySegment.get(t.ids.values[code] ?? '') ?? null;
    const current = t.themes.values[t.suggestedTheme[i]];
    const suggested = t.theme[i] !== 0 ? current : (themeOf.get(t.id[i]) ?? null);
    // The reason is written with the suggestion, for unthemed rows; a themed row keeps both as
    // the record of a person's move.
    const unthemed = t.theme[i] === 0;
    const reasonNow = t.reason[i] ?? null;
    const reason = unthemed && suggested ? (reasons.get(t.id[i]) ?? null) : null;
    const reasonChanged = unthemed && reasonNow !== reason;
    // Codes: the member row's Id in the shared ids dictionary, the side in picklists.
    let member = t.requesterMember[i];
    let side = t.requesterSide[i];
    if (who) {
      const c = t.requestedBy[i];
      const a = t.account[i];
      const o = t.opportunity[i];
      const r = who.index.requesterOf(c, a, o);
      const known = r >= 0 ? who.index.requesters[r].side : 'Unknown';
      side = known === 'Unknown' ? 0 : t.picklists.code(known);
      const k = who.index.memberOf(c, a, o);
      member = k < 0 ? 0 : who.deals.members.id[k];
    }
    const whoChanged = member !== t.requesterMember[i] || side !== t.requesterSide[i];
    if (
      t.segments.values[t.segment[i]] !== segment ||
      current !== suggested ||
      reasonChanged ||
      whoChanged
    ) {
      const update: Row = { Id: t.id[i], Segment__c: segment, Suggested_Theme__c: suggested };
      if (unthemed) update.Suggestion_Reason__c = reason;
      if (who) {
        update.Requester_Member__c = t.ids.values[member];
        update.Requester_Side__c = t.picklists.values[side];
      }
      updates.push(update);
    }
  }
  return updates;
}

/**
 * This month's history rows that are new or changed: one per computed score, and a zero row
 * for each score this run deletes (`gone`: no counted demand there any more), so the trend
 * shows demand falling to zero instead of freezing at its last figure. A zero row already
 * stored this month is not written again.
 */
export function planHistory(
  scores: ScoreTable,
  stored: readonly StoredHistory[],
  now: Date,
  runId: string | null,
  gone: readonly GoneScore[] = [],
): HistoryRow[] {
  const month = monthOf(now.getTime());
  const current = new Map(
    stored
      .filter((r) => String(r.Month__c ?? '').slice(0, 10) === month)
      .map((r) => [String(r.Score_Key__c), r]),
  );
  const out: HistoryRow[] = [];
  const scratch = blankValues();
  for (let i = 0; i < scores.length; i++) {
    const row = historyRowOf(scores.values(i, scratch), month, runId);
    if (!sameHistory(row, current.get(row.Score_Key__c))) out.push(row);
  }
  for (const g of gone) {
    const row = zeroHistoryRow(g, month, runId);
    if (row && !sameHistory(row, current.get(row.Score_Key__c))) out.push(row);
  }
  return out;
}

export interface ScorePlan {
  upserts: ScoreRow[];
  /** Ids of stored scores no longer computed (deleted only after every upsert succeeded). */
  deleteIds: string[];
  /** Those stored scores' keys and lookups: their history gets a zero row (planHistory). */
  gone?: GoneScore[];
}

export function planScores(
  scores: ScoreTable,
  stored: readonly (ExistingScoreRow & { Id?: string })[],
): ScorePlan {
  const diff = diffScores(scores, stored);
  const idByKey = new Map(stored.map((s) => [s.Score_Key__c, s.Id]));
  const byKey = new Map(stored.map((s) => [s.Score_Key__c, s]));
  return {
    upserts: diff.upserts,
    deleteIds: diff.deleteKeys
      .map((k) => idByKey.get(k))
      .filter((id): id is string => typeof id === 'string'),
    gone: diff.deleteKeys.map((k) => {
      const s = byKey.get(k);
      return {
        Score_Key__c: k,
        Segment__c: (s?.Segment__c as string | null | undefined) ?? null,
        Theme__c: (s?.Theme__c as string | null | undefined) ?? null,
      };
    }),
  };
}

/** API calls a write of `rows` rows may cost (one composite of 1,000, at most 8 Bulk calls). */
export const callsFor = (rows: number) => (rows === 0 ? 0 : Math.min(Math.ceil(rows / 1000), 8));

/**
 * The most calls a run's writes can cost before anything is written: every theme suggested,
 * every request restamped, every (segment, theme) scored and its history row, every old score
 * deleted with its zero history row, and finishing. A run that cannot afford them stops before its first write.
 */
export function writeBudget(input: {
  themes: number;
  segments: number;
  requests: number;
  segmentCount: number;
  themeCount: number;
  storedScores: number;
}): number {
  const scores = (input.segmentCount + 1) * input.themeCount;
  return (
    callsFor(input.themes) +
    1 +
    callsFor(input.segments) +
    callsFor(input.requests) +
    2 * callsFor(scores) +
    2 * callsFor(input.storedScores) +
    2
  );
}
