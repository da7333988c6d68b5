/**
 * Applies a run's plan (plan.ts) in the one safe order: segments, request stamps, scores,
 * history, and only then the deletion of stale scores, which waits until every new score is
 * in (readers never see a segment without scores). Every write is an upsert by External ID or
 * an update by Id, so a run interrupted anywhere converges on the next one.
 */
import type { QuorumOrg } from '../quorumOrg';
import type { RecordFailure, WriteResult } from '../salesforce/write';
import type { HistoryRow } from '../domain/history';
import type { ScorePlan } from './plan';

export interface WritePlan {
  segments: Record<string, unknown>[];
  requests: Record<string, unknown>[];
  scores: ScorePlan;
  history: HistoryRow[];
}

export interface Applied {
  segments: WriteResult;
  requests: WriteResult;
  scores: WriteResult;
  history: WriteResult;
  deleted: WriteResult;
  /** Stale scores kept because some new score failed to write (the next run removes them). */
  keptStale: number;
  failures: RecordFailure[];
}

export interface ApplyHooks {
  /** Called after each step; throwing simulates a crash there (tests). */
  checkpoint?: (step: string) => void | Promise<void>;
  progress?: (phase: string, percent: number) => void;
  /** Gives memory back between steps of a large run (memory.ts). */
  release?: (before: string) => void;
}

const none: WriteResult = { written: 0, failures: [] };

export async function applyPlan(
  org: QuorumOrg,
  plan: WritePlan,
  hooks: ApplyHooks = {},
): Promise<Applied> {
  const at = async (step: string) => hooks.checkpoint?.(step);
  hooks.progress?.('Writing segments and requests', 80);
  const segments = await org.updateSegments(plan.segments);
  const requests = await org.updateRequests(plan.requests);
  // Up to a million small objects on a first run: let them go before the scores are written.
  plan.requests.length = 0;
  await at('stamped');
  hooks.release?.('writing scores');
  hooks.progress?.('Writing scores', 88);
  const scores = await org.upsertScores(plan.scores.upserts as never);
  await at('scores');
  const history = await org.upsertHistory(plan.history as never);
  await at('history');
  let deleted = none;
  let keptStale = 0;
  if (scores.failures.length === 0 && plan.scores.deleteIds.length > 0) {
    hooks.progress?.('Deleting stale scores', 95);
    deleted = await org.deleteScores(plan.scores.deleteIds);
  } else keptStale = plan.scores.deleteIds.length;
  return {
    segments,
    requests,
    scores,
    history,
    deleted,
    keptStale,
    failures: [
      ...segments.failures,
      ...requests.failures,
      ...scores.failures,
      ...history.failures,
      ...deleted.failures,
    ],
  };
}
