/**
 * One recompute, as plan then apply: read the org (quorumOrg) → assign segments → group
 * unthemed requests and upsert suggested themes (their Ids are needed to stamp and score) →
 * compute scores → plan every other write (plan.ts, pure) → apply it in order (apply.ts).
 */
import { assignSegments } from '../domain/segments';
import { scoreTable } from '../domain/scoring';
import { GROUPING, groupingSteps } from '../domain/themes/group';
import { textRecords } from '../domain/requestTable';
import { DealTableBuilder } from '../domain/dealTable';
import { buildRequesterIndex } from '../domain/sides';
import { resolveProfile } from '../domain/profile';
import { baselineFrom, historyMonths } from '../domain/history';
import type { Org } from '../salesforce/org';
import type { RecordFailure } from '../salesforce/write';
import { quorumOrg, type Snapshot } from '../quorumOrg';
import { RELEASE_MEMORY_FROM, releaseMemory } from './memory';
import { breathe, inSlices } from './pauses';
import {
  groupedThemes,
  planHistory,
  planScores,
  planSegments,
  planThemes,
  stampRequests,
  writeBudget,
} from './plan';
import { applyPlan } from './apply';

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
  /**
   * Awaited before each long stretch of synchronous computing (segments and grouping; stamps and
   * scores), during which no timer fires: the runner sends a lease renewal that is due first
   * (Heartbeat.settle), so the stretch does not start on an old one.
   */
  beforeComputing?: () => Promise<void>;
}

export { RELEASE_MEMORY_FROM, stampRequests };

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
  historyWritten: number;
  /** Bytes uploaded by Bulk ingest per kind of write (payload-aware minimum of calls). */
  ingestBytes: Record<string, number>;
  failures: RecordFailure[];
  invalidSegments: { id: string; name: string; message: string }[];
  profileErrors: string[];
}

export async function recompute(conn: Org, opts: RecomputeOptions): Promise<RecomputeResult> {
  const now = opts.now ?? new Date();
  const org = quorumOrg(conn, { bulkThreshold: opts.bulkThreshold, scratch: {} });
  const log = (line: string) => opts.log?.(line);
  const progress = phaseTimer(opts);
  const checkpoint = async (phase: string) => opts.checkpoint?.(phase);
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

  // ---- read
  const months = historyMonths(now);
  const snap: Snapshot = await org.readSnapshot({
    bulkThreshold: opts.bulkThreshold,
    bulkPageSize: opts.bulkPageSize,
    historyMonths: [months.baseline, months.current],
    onStep: (label, f) => progress(label, Math.round(5 + 55 * f)),
    onRows: (object, done, total) => progress.rows({ object, done, total }),
  });
  const recordsRead = Object.values(snap.counts).reduce((a, b) => a + b, 0);
  large = recordsRead >= (opts.releaseMemoryFrom ?? RELEASE_MEMORY_FROM);
  log(
    `Read ${recordsRead} records: ${Object.entries(snap.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  await checkpoint('read');
  const { profile, errors: profileErrors } = resolveProfile(snap.profile);
  for (const e of profileErrors) log(`Scoring profile: ${e} (default used).`);
  release('assigning segments');

  // ---- segments (every account in every segment it matches; the first is its primary)
  progress('Assigning segments', 62);
  await opts.beforeComputing?.();
  const assignment = assignSegments(
    snap.accounts as never,
    snap.segments as never,
    snap.criteria as never,
    snap.accountFieldTypes,
  );
  const segments = planSegments(assignment, snap.segments);
  for (const s of segments.invalid) log(`Segment '${s.name}' is Invalid: ${s.message}`);

  // ---- themes: group unthemed requests, upsert suggested themes, learn their Ids
  progress('Grouping themes', 66);
  // Grouping reads the requests whose text the reader kept (see domain/requestTable.ts). It is
  // the longest stretch of computing, so it runs in slices: the service keeps answering.
  await breathe();
  const grouping = await inSlices(
    groupingSteps({
      requests: textRecords(snap.requestTable),
      themes: snap.themes as never,
      now,
    }),
  );
  if (grouping.deferred > 0)
    log(
      `Grouping: ${grouping.deferred} of the oldest unthemed requests wait for a later run (a run groups at most ${GROUPING.maxFree} of them, the most recently logged first).`,
    );
  const themeUpserts = planThemes(grouping, snap.themes);
  // Before the first write: a run that cannot afford every write it may make stops now, so
  // it never ends half-written for want of calls.
  org.guard(
    writeBudget({
      themes: themeUpserts.length,
      segments: segments.updates.length,
      requests: snap.requestTable.length,
      segmentCount: snap.segments.length,
      themeCount: snap.themes.length + themeUpserts.length,
      storedScores: snap.scores.length,
    }),
  );
  const themeWrite = await org.upsertThemes(themeUpserts);
  await checkpoint('themes');
  const themeIdOfKey = new Map<string, string>();
  for (const t of snap.themes) if (t.Theme_Key__c) themeIdOfKey.set(t.Theme_Key__c, t.Id);
  for (const [k, id] of themeWrite.ids ?? []) themeIdOfKey.set(k, id);
  const missing = grouping.suggestions.map((s) => s.key).filter((k) => !themeIdOfKey.has(k));
  for (const [k, id] of await org.themeIds(missing)) themeIdOfKey.set(k, id);
  const known = new Set(snap.themes.map((t) => t.Id));
  const themes = [...snap.themes] as { Id: string }[];
  for (const s of grouping.suggestions) {
    const id = themeIdOfKey.get(s.key);
    if (id && !known.has(id))
      themes.push({ Id: id, Name: s.name, Theme_Key__c: s.key, Status__c: 'Suggested' } as never);
  }
  const themeOf = groupedThemes(grouping, themeIdOfKey);
  release('stamping requests');

  // ---- plan: stamps, scores, history
  progress('Stamping requests', 72);
  await opts.beforeComputing?.();
  const requestUpdates = stampRequests(
    snap.requestTable,
    assignment.accountSegment,
    themeOf,
    grouping.reasons,
    // Who asked, judged by the rule the scoring uses (domain/sides.ts).
    { index: buildRequesterIndex(snap.deals, profile.roleSides), deals: snap.deals },
  );
  progress('Computing scores', 75);
  await breathe();
  const computed = scoreTable({
    accounts: snap.accounts as never,
    memberships: assignment.memberships,
    segments: assignment.segments,
    deals: snap.deals,
    requests: snap.requestTable,
    themes: themes as never,
    profile,
    now,
    runId: opts.runId,
    themeOf,
    baseline: baselineFrom(snap.history, now),
  });
  await breathe();
  const scores = planScores(computed, snap.scores as never);
  await breathe();
  const history = planHistory(computed, snap.history, now, opts.runId, scores.gone);
  themeOf.clear();
  grouping.attachments.clear();
  await checkpoint('computed');
  // What the writes need is planned: let the inputs go before the payloads are built.
  snap.opportunities = [];
  snap.committeeMembers = [];
  snap.contactRoles = [];
  snap.accounts = [];
  snap.deals = emptyDeals;
  release('writing segments and requests');

  // ---- apply
  const applied = await applyPlan(
    org,
    { segments: segments.updates, requests: requestUpdates, scores, history },
    { checkpoint, progress, release },
  );
  if (applied.keptStale > 0)
    log(
      `${applied.keptStale} stale scores kept because some new scores failed to write; the next run removes them.`,
    );
  progress('Done', 100);
  const failures = [...themeWrite.failures, ...applied.failures];
  log(
    `Segments updated ${applied.segments.written}, requests stamped ${applied.requests.written}, themes suggested ${themeWrite.written}, scores written ${applied.scores.written} of ${computed.length} computed, deleted ${applied.deleted.written}, history rows ${applied.history.written}.`,
  );
  for (const f of failures.slice(0, 50)) log(`Record ${f.key}: ${f.statusCode} ${f.message}`);
  if (failures.length > 50) log(`… and ${failures.length - 50} more record errors.`);

  return {
    recordsRead,
    counts: snap.counts,
    segmentsUpdated: applied.segments.written,
    requestsUpdated: applied.requests.written,
    themesUpserted: themeWrite.written,
    scoresComputed: computed.length,
    scoresWritten: applied.scores.written,
    scoresDeleted: applied.deleted.written,
    historyWritten: applied.history.written,
    ingestBytes: {
      segments: applied.segments.bytes ?? 0,
      requests: applied.requests.bytes ?? 0,
      themes: themeWrite.bytes ?? 0,
      scores: applied.scores.bytes ?? 0,
      history: applied.history.bytes ?? 0,
    },
    failures,
    invalidSegments: segments.invalid,
    profileErrors,
  };
}

const emptyDeals = new DealTableBuilder().build();

/** Progress with phase timings in the run log: where a long run spends its time. */
function phaseTimer(opts: RecomputeOptions): {
  (name: string, pct: number): void;
  /** Rows read so far inside the current phase: the same phase and percent, with counts. */
  rows(rows: RowProgress): void;
} {
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
  progress.rows = (rows: RowProgress) => opts.onProgress?.(phase.name, lastPct, rows);
  return progress;
}
