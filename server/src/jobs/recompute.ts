/**
 * One recompute, from the org's records to its written results:
 *   read → segments (status, counts, request stamps) → themes (group unthemed requests, upsert
 *   suggested themes, stamp suggestions) → scores (compute, write changed rows) → delete stale
 *   scores (only after every new row is written).
 * Every write is an upsert by External ID or an update by Id, so a run interrupted anywhere
 * converges on the next one: nothing is duplicated and stale rows are deleted then.
 */
import { assignSegments } from '../domain/segments';
import { scoreTable } from '../domain/scoring';
import { diffScores } from '../domain/changes';
import { groupThemes } from '../domain/themes/group';
import { textRecords, type RequestTable } from '../domain/requestTable';
import { DealTableBuilder } from '../domain/dealTable';
import { resolveProfile } from '../domain/profile';
import {
  DemandTheme,
  EscalatedRequest,
  EXTERNAL_IDS,
  Segment,
  SegmentDemandScore,
} from '../schema';
import type { Org } from '../salesforce/org';
import type { RecordFailure } from '../salesforce/write';
import { literal } from '../salesforce/soql';
import { readSnapshot, type Snapshot } from './snapshot';
import { deleteMany, updateMany, upsertMany } from './writer';
import { RELEASE_MEMORY_FROM, releaseMemory } from './memory';

export interface RecomputeOptions {
  runId: string | null;
  bulkThreshold: number;
  bulkPageSize?: number;
  now?: Date;
  /** Progress: phase name and 0..100; inside a long read, also the rows read so far. */
  onProgress?: (phase: string, percent: number, rows?: RowProgress) => void;
  /** Test hook: called between phases; throwing simulates a crash at that point. */
  checkpoint?: (phase: string) => void | Promise<void>;
  log?: (line: string) => void;
  /** Runs reading at least this many records release memory between phases (memory.ts). */
  releaseMemoryFrom?: number;
}

export { RELEASE_MEMORY_FROM };

/** Rows read so far of one object, and the total the org announced for it. */
export interface RowProgress {
  object: string;
  done: number;
  total: number;
}

export interface RecomputeResult {
  recordsRead: number;
  counts: Record<string, number>;
  segmentsUpdated: number;
  requestsUpdated: number;
  themesUpserted: number;
  scoresComputed: number;
  scoresWritten: number;
  scoresDeleted: number;
  /** Bytes uploaded by Bulk ingest per kind of write (payload-aware minimum of calls). */
  ingestBytes: Record<string, number>;
  failures: RecordFailure[];
  invalidSegments: { id: string; name: string; message: string }[];
  profileErrors: string[];
}

/** Suggested themes' Match_Terms__c is Text(255). */
const MATCH_TERMS_LENGTH = DemandTheme.fields.Match_Terms__c.length;
const STATUS_MESSAGE_LENGTH = Segment.fields.Status_Message__c.length;

export async function recompute(org: Org, opts: RecomputeOptions): Promise<RecomputeResult> {
  const now = opts.now ?? new Date();
  // Phase timings go to the run log: where a long run spends its time.
  let phase = { name: '', at: Date.now() };
  let lastPct = 0;
  const progress = (name: string, pct: number) => {
    lastPct = pct;
    if (name !== phase.name) {
      if (phase.name)
        opts.log?.(`${phase.name} took ${((Date.now() - phase.at) / 1000).toFixed(1)} s`);
      phase = { name, at: Date.now() };
    }
    opts.onProgress?.(name, pct);
  };
  const checkpoint = async (phase: string) => {
    if (opts.checkpoint) await opts.checkpoint(phase);
  };
  const log = (line: string) => opts.log?.(line);
  // Between phases of a large run: give the pages of what was dropped back (see memory.ts).
  let large = false;
  const release = (before: string) => {
    const r = large ? releaseMemory() : null;
    const mb = (n: number) => Math.round(n / 2 ** 20);
    if (r)
      log(
        `Memory before ${before}: ${mb(r.rssBefore)} MB resident, ${mb(r.rssAfter)} MB after a memory-reducing collection (${r.ms} ms).`,
      );
  };
  const writer = { bulkThreshold: opts.bulkThreshold, scratch: {} };
  const failures: RecordFailure[] = [];

  const snap: Snapshot = await readSnapshot(org, {
    bulkThreshold: opts.bulkThreshold,
    bulkPageSize: opts.bulkPageSize,
    onStep: (label, f) => progress(label, Math.round(5 + 55 * f)),
    onRows: (object, done, total) =>
      opts.onProgress?.(phase.name, lastPct, { object, done, total }),
  });
  const recordsRead = Object.values(snap.counts).reduce((a, b) => a + b, 0);
  large = recordsRead >= (opts.releaseMemoryFrom ?? RELEASE_MEMORY_FROM);
  log(
    `Read ${recordsRead} records: ${Object.entries(snap.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  await checkpoint('read');

  // ---- profile
  const { profile, errors: profileErrors } = resolveProfile(
    snap.profile as Record<string, unknown> | null,
  );
  for (const e of profileErrors) log(`Scoring profile: ${e} (default used).`);

  release('assigning segments');

  // ---- segments
  progress('Assigning segments', 62);
  const assignment = assignSegments(
    snap.accounts as never,
    snap.segments as never,
    snap.criteria as never,
    snap.accountFieldTypes,
  );
  const segmentUpdates: Record<string, unknown>[] = [];
  const byId = new Map(snap.segments.map((s) => [s.Id, s]));
  const invalidSegments: RecomputeResult['invalidSegments'] = [];
  for (const s of assignment.segments) {
    const current = byId.get(s.segmentId);
    const message = s.message ? s.message.slice(0, STATUS_MESSAGE_LENGTH) : null;
    if (s.status === 'Invalid')
      invalidSegments.push({ id: s.segmentId, name: s.name, message: s.message ?? '' });
    if (
      !current ||
      current.Status__c !== s.status ||
      (current.Status_Message__c ?? null) !== message ||
      current.Account_Count__c !== s.accountCount
    ) {
      segmentUpdates.push({
        Id: s.segmentId,
        Status__c: s.status,
        Status_Message__c: message,
        Account_Count__c: s.accountCount,
      });
    }
  }
  for (const s of invalidSegments) log(`Segment '${s.name}' is Invalid: ${s.message}`);

  // ---- themes: group unthemed requests, upsert suggested themes, learn their Ids
  progress('Grouping themes', 66);
  // Grouping reads the requests whose text the reader kept: the unthemed ones and the samples
  // of each theme's profile (see domain/requestTable.ts).
  const grouping = groupThemes({
    requests: textRecords(snap.requestTable),
    themes: snap.themes as never,
    now,
  });
  const themeByKey = new Map(
    snap.themes.filter((t) => t.Theme_Key__c).map((t) => [t.Theme_Key__c as string, t]),
  );
  const themeUpserts: Record<string, unknown>[] = [];
  for (const s of grouping.suggestions) {
    const terms = s.terms.join(', ').slice(0, MATCH_TERMS_LENGTH);
    const existing = themeByKey.get(s.key);
    if (!existing) {
      themeUpserts.push({
        Theme_Key__c: s.key,
        Name: s.name.slice(0, DemandTheme.fields.Name.length),
        Description__c: s.description,
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
        Match_Terms__c: terms,
      });
    } else if ((existing.Match_Terms__c ?? '') !== terms) {
      // A theme people already curate keeps its name, status and description; only the
      // service's explanation of the match is refreshed.
      themeUpserts.push({ Theme_Key__c: s.key, Match_Terms__c: terms });
    }
  }
  // Before the first write: if the budget (or the org's reserve) cannot cover every write this
  // run may make, stop now, so a run never ends half-written for want of calls. Upper bounds:
  // every request restamped, every (segment, theme) scored, every old score deleted, and finishing.
  const estimate = (rows: number) => (rows === 0 ? 0 : Math.min(Math.ceil(rows / 1000), 8));
  org.guard(
    estimate(themeUpserts.length) +
      1 +
      estimate(segmentUpdates.length) +
      estimate(snap.requestTable.length) +
      estimate((snap.segments.length + 1) * (snap.themes.length + themeUpserts.length)) +
      estimate(snap.scores.length) +
      2,
  );
  const themeWrite = await upsertMany(
    org,
    DemandTheme.apiName,
    EXTERNAL_IDS.Demand_Theme__c,
    themeUpserts,
    writer,
  );
  failures.push(...themeWrite.failures);
  await checkpoint('themes');
  const newThemeIds = await learnThemeIds(org, themeUpserts, themeByKey, themeWrite.ids);
  const themes = [...snap.themes];
  for (const s of grouping.suggestions) {
    if (!themeByKey.has(s.key) && newThemeIds.has(s.key)) {
      themes.push({
        Id: newThemeIds.get(s.key) as string,
        Name: s.name,
        Theme_Key__c: s.key,
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
        Merged_Into__c: null,
      } as never);
    }
  }
  const themeOf = new Map<string, string>();
  for (const [requestId, themeId] of grouping.attachments) themeOf.set(requestId, themeId);
  for (const s of grouping.suggestions) {
    const id = themeByKey.get(s.key)?.Id ?? newThemeIds.get(s.key);
    if (id) for (const r of s.requestIds) themeOf.set(r, id);
  }

  release('stamping requests');

  // ---- requests: Segment__c and Suggested_Theme__c where they changed
  progress('Stamping requests', 72);
  const requestUpdates = stampRequests(snap.requestTable, assignment.accountSegment, themeOf);

  // ---- scores
  progress('Computing scores', 75);
  // Columns: only the rows the diff finds changed become objects (scoreTable.ts).
  const computed = scoreTable({
    accounts: snap.accounts as never,
    accountSegment: assignment.accountSegment,
    segments: assignment.segments.map((s) => ({
      segmentId: s.segmentId,
      accountCount: s.accountCount,
      status: s.status,
      active: s.active,
    })),
    deals: snap.deals,
    requests: snap.requestTable,
    themes: themes as never,
    profile,
    now,
    runId: opts.runId,
    themeOf,
  });
  const diff = diffScores(computed, snap.scores as never);
  // This run's grouping is in the stamps and the scores now.
  themeOf.clear();
  grouping.attachments.clear();
  await checkpoint('computed');

  // What the writes need is computed: let the inputs go before the payloads are built.
  snap.opportunities = [];
  snap.committeeMembers = [];
  snap.contactRoles = [];
  snap.accounts = [];
  snap.deals = emptyDeals;
  release('writing segments and requests');

  progress('Writing segments and requests', 80);
  const segWrite = await updateMany(org, Segment.apiName, segmentUpdates, writer);
  failures.push(...segWrite.failures);
  const reqWrite = await updateMany(org, EscalatedRequest.apiName, requestUpdates, writer);
  // Up to a million small objects on a first run: free them before the scores are written.
  requestUpdates.length = 0;
  failures.push(...reqWrite.failures);
  await checkpoint('stamped');
  release('writing scores');

  progress('Writing scores', 88);
  const scoreWrite = await upsertMany(
    org,
    SegmentDemandScore.apiName,
    EXTERNAL_IDS.Segment_Demand_Score__c,
    diff.upserts as never,
    writer,
  );
  failures.push(...scoreWrite.failures);
  await checkpoint('scores');

  // Stale rows go only once every new row is in: readers never see a segment without scores.
  let scoresDeleted = 0;
  if (scoreWrite.failures.length === 0 && diff.deleteKeys.length > 0) {
    progress('Deleting stale scores', 95);
    const idByKey = new Map(snap.scores.map((s) => [s.Score_Key__c as string, s.Id]));
    const ids = diff.deleteKeys
      .map((k) => idByKey.get(k))
      .filter((id): id is string => Boolean(id));
    const del = await deleteMany(org, ids);
    failures.push(...del.failures);
    scoresDeleted = del.written;
  } else if (diff.deleteKeys.length > 0) {
    log(
      `${diff.deleteKeys.length} stale scores kept because some new scores failed to write; the next run removes them.`,
    );
  }
  progress('Done', 100);
  log(
    `Segments updated ${segWrite.written}, requests stamped ${reqWrite.written}, themes suggested ${themeWrite.written}, scores written ${scoreWrite.written} of ${computed.length} computed, deleted ${scoresDeleted}.`,
  );
  for (const f of failures.slice(0, 50)) log(`Record ${f.key}: ${f.statusCode} ${f.message}`);
  if (failures.length > 50) log(`… and ${failures.length - 50} more record errors.`);

  return {
    recordsRead,
    counts: snap.counts,
    segmentsUpdated: segWrite.written,
    requestsUpdated: reqWrite.written,
    themesUpserted: themeWrite.written,
    scoresComputed: computed.length,
    scoresWritten: scoreWrite.written,
    scoresDeleted,
    ingestBytes: {
      segments: segWrite.bytes ?? 0,
      requests: reqWrite.bytes ?? 0,
      themes: themeWrite.bytes ?? 0,
      scores: scoreWrite.bytes ?? 0,
    },
    failures,
    invalidSegments,
    profileErrors,
  };
}

const emptyDeals = new DealTableBuilder().build();

/**
 * The updates that bring each request's Segment__c (its account's segment) and, for requests
 * without Theme__c, Suggested_Theme__c (this run's grouping) up to date; none when both are.
 * Works on the table's codes: one segment lookup per account, not per request.
 */
export function stampRequests(
  t: RequestTable,
  accountSegment: ReadonlyMap<string, string | null>,
  themeOf: ReadonlyMap<string, string>,
): Record<string, unknown>[] {
  const segmentOf = new Array<string | null | undefined>(t.ids.size);
  const updates: Record<string, unknown>[] = [];
  for (let i = 0; i < t.length; i++) {
    const code = t.account[i];
    let segment = segmentOf[code];
    if (segment === undefined)
      segment = segmentOf[code] = accountSegment.get(t.ids.values[code] ?? '') ?? null;
    const current = t.themes.values[t.suggestedTheme[i]];
    const suggested = t.theme[i] !== 0 ? current : (themeOf.get(t.id[i]) ?? null);
    if (t.segments.values[t.segment[i]] !== segment || current !== suggested) {
      updates.push({ Id: t.id[i], Segment__c: segment, Suggested_Theme__c: suggested });
    }
  }
  return updates;
}

/** Ids of new suggested themes: from the upsert results, else read back by key (Bulk ingest). */
async function learnThemeIds(
  org: Org,
  upserts: Record<string, unknown>[],
  known: Map<string, { Id: string }>,
  written?: Map<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>(written ?? []);
  const keys = upserts
    .map((u) => String(u.Theme_Key__c))
    .filter((k) => !known.has(k) && !ids.has(k));
  for (let i = 0; i < keys.length; i += 200) {
    const chunk = keys.slice(i, i + 200);
    const soql = `SELECT Id, Theme_Key__c FROM ${DemandTheme.apiName} WHERE Theme_Key__c IN (${chunk.map((k) => literal(k)).join(',')})`;
    const res = await org.call(
      'query',
      async () =>
        (await org.conn.query(soql, { autoFetch: false })) as unknown as {
          records: { Id: string; Theme_Key__c: string }[];
        },
    );
    for (const r of res.records) ids.set(r.Theme_Key__c, r.Id);
  }
  return ids;
}
