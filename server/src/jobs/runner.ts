/**
 * Runs recomputes one at a time: POST /runs, the schedule, the poll for Requested runs and the
 * recompute command all come here. In this process a single-flight guard makes concurrent
 * requests share one run; across replicas the Demand_Run__c lock does (see runs.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'jsforce';
import type { RunMode } from '../schema';
import type { Logger } from '../log';
import { describeError, RequestLimitError } from '../salesforce/errors';
import { Org } from '../salesforce/org';
import { DEFAULT_RETRY, sleep, type RetryPolicy } from '../salesforce/retry';
import { changedSince } from './changes';
import type { Metrics } from './metrics';
import { recompute, type RecomputeResult, type RowProgress } from './recompute';
import {
  claimRun,
  createRun,
  finishRun,
  getRun,
  heartbeat,
  lastSuccessfulRun,
  nextRequested,
  stampWatermark,
  type RunOutcome,
} from './runs';

export interface RunnerSettings {
  replicaId?: string;
  bulkThreshold: number;
  bulkPageSize?: number;
  budget: number;
  reserve: number;
  /** Least time between Phase/Progress updates of the run record. */
  heartbeatMs?: number;
  /** A Running run without a heartbeat for this long is presumed dead and may be taken over. */
  staleAfterMs?: number;
  retry?: RetryPolicy;
  /** The run's "now" for scoring (tests pin it); defaults to the wall clock. */
  clock?: () => Date;
  /** Runs reading at least this many records release memory between phases (see memory.ts). */
  releaseMemoryFrom?: number;
}

export interface RunHooks {
  onProgress?: (runId: string, phase: string, percent: number, rows?: RowProgress) => void;
  /** Test hook between recompute phases (throw to simulate a crash). */
  checkpoint?: (phase: string) => void | Promise<void>;
}

export type StartResult = { id: string; status: 'started' | 'already-running' | 'queued' };

export interface FinishedRun {
  id: string;
  outcome: RunOutcome;
  result?: RecomputeResult;
}

interface Active {
  id: string;
  mode: RunMode;
  controller: AbortController;
  done: Promise<FinishedRun>;
}

export class Runner {
  readonly replicaId: string;
  private active: Active | null = null;
  private starting: Promise<StartResult> | null = null;
  private readonly listeners = new Set<(f: FinishedRun) => void>();
  hooks: RunHooks = {};

  constructor(
    private readonly connect: () => Promise<Connection>,
    private readonly settings: RunnerSettings,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {
    this.replicaId = settings.replicaId ?? `quorum-${randomUUID().slice(0, 8)}`;
  }

  get activeRunId(): string | null {
    return this.active?.id ?? null;
  }

  async newOrg(): Promise<Org> {
    return new Org(await this.connect(), {
      logger: this.logger,
      retry: this.settings.retry ?? DEFAULT_RETRY,
    });
  }

  onFinished(listener: (f: FinishedRun) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a run now (or joins the one already running in this process). */
  start(mode: RunMode): Promise<StartResult> {
    if (this.active) return Promise.resolve({ id: this.active.id, status: 'already-running' });
    if (this.starting)
      return this.starting.then((r) => ({
        ...r,
        status: r.status === 'started' ? 'already-running' : r.status,
      }));
    this.starting = (async (): Promise<StartResult> => {
      const org = await this.newOrg();
      org.startMetering(this.limits());
      const id = await createRun(org, mode);
      return this.claimAndLaunch(org, id, mode);
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Runs one recompute to the end (the recompute command). */
  async runToEnd(mode: RunMode): Promise<FinishedRun> {
    const started = await this.start(mode);
    if (started.status === 'queued') {
      throw new Error(
        `Another replica holds the run lock; run ${started.id} stays Requested and will be picked up when the other run ends.`,
      );
    }
    return this.wait(started.id);
  }

  /** Resolves when the given (active) run finishes. */
  async wait(id: string): Promise<FinishedRun> {
    if (this.active?.id === id) return this.active.done;
    const org = await this.newOrg();
    const run = await getRun(org, id);
    throw new Error(
      `Run ${id} is not running in this process (status ${run?.Status__c ?? 'unknown'}).`,
    );
  }

  /** Claims the oldest Requested run, if any and if idle. Returns its id when one started. */
  async pollOnce(): Promise<string | null> {
    if (this.active || this.starting) return null;
    const org = await this.newOrg();
    const run = await nextRequested(org);
    if (!run || this.active || this.starting) return null;
    const mode: RunMode = run.Mode__c === 'Incremental' ? 'Incremental' : 'Full';
    this.starting = (async () => {
      org.startMetering(this.limits());
      return this.claimAndLaunch(org, run.Id, mode);
    })().finally(() => {
      this.starting = null;
    });
    const res = await this.starting;
    return res.status === 'started' ? res.id : null;
  }

  /** Asks the active run to stop at its next call; it finishes as Failed. */
  abort(reason = 'The service is shutting down.'): void {
    this.active?.controller.abort(new Error(reason));
  }

  async idle(): Promise<void> {
    while (this.starting || this.active) {
      await (this.starting ?? this.active?.done)?.catch(() => undefined);
    }
  }

  private limits() {
    return { budget: this.settings.budget, reserve: this.settings.reserve };
  }

  private async claimAndLaunch(org: Org, id: string, mode: RunMode): Promise<StartResult> {
    const claim = await claimRun(org, id, {
      replicaId: this.replicaId,
      staleAfterMs: this.settings.staleAfterMs ?? 5 * 60_000,
    });
    if (!claim.claimed) {
      this.logger.info(
        { runId: id, reason: claim.reason },
        'run queued: another run holds the lock',
      );
      return { id, status: 'queued' };
    }
    const controller = new AbortController();
    org.signal = controller.signal;
    const done = this.execute(org, id, mode).finally(() => {
      this.active = null;
      this.metrics?.active.set(0);
    });
    this.active = { id, mode, controller, done };
    this.metrics?.active.set(1);
    done.then((f) => this.listeners.forEach((l) => l(f))).catch(() => undefined);
    return { id, status: 'started' };
  }

  private async execute(org: Org, id: string, mode: RunMode): Promise<FinishedRun> {
    const startedAt = Date.now();
    const lines: string[] = [];
    const log = (line: string) => {
      lines.push(`${new Date().toISOString()} ${line}`);
      this.logger.info({ runId: id }, line);
    };
    log(`${mode} run claimed by ${this.replicaId}.`);
    let lastBeat = Date.now();
    const heartbeatMs = this.settings.heartbeatMs ?? 10_000;
    let beating: Promise<void> = Promise.resolve();
    const onProgress = (phase: string, percent: number, rows?: RowProgress) => {
      this.hooks.onProgress?.(id, phase, percent, rows);
      if (Date.now() - lastBeat < heartbeatMs) return;
      lastBeat = Date.now();
      // Progress must never fail the run: a failed heartbeat is logged and the run goes on.
      beating = beating.then(() =>
        heartbeat(org, id, phase, percent).catch((err) =>
          this.logger.warn({ runId: id, err: describeError(err) }, 'progress update failed'),
        ),
      );
    };

    let result: RecomputeResult | undefined;
    let outcome: RunOutcome;
    try {
      let watermark: string | null = null;
      let skip = false;
      if (mode === 'Incremental') {
        const last = await lastSuccessfulRun(org);
        if (last?.Watermark__c) {
          const changed = await changedSince(org, last.Watermark__c);
          if (changed.length === 0) {
            log(
              `Nothing changed since the last successful run (${last.Watermark__c}); nothing to write.`,
            );
            watermark = last.Watermark__c;
            skip = true;
          } else {
            log(
              `Changed since ${last.Watermark__c}: ${changed.join(', ')}. Recomputing from a full read, writing only differences.`,
            );
          }
        } else {
          log('No earlier successful run to start from: reading everything.');
        }
      }
      if (!skip) {
        result = await recompute(org, {
          runId: id,
          now: this.settings.clock?.(),
          bulkThreshold: this.settings.bulkThreshold,
          bulkPageSize: this.settings.bulkPageSize,
          onProgress,
          checkpoint: this.hooks.checkpoint,
          log,
          releaseMemoryFrom: this.settings.releaseMemoryFrom,
        });
        await beating;
        // The watermark is the org's own clock after our last write: the run record's
        // SystemModstamp right after this update (so our own writes never look like changes).
        watermark = await stampWatermark(org, id, 'Finishing');
      }
      const failures = result?.failures.length ?? 0;
      outcome = {
        status: failures > 0 ? 'Partially Succeeded' : 'Succeeded',
        recordsRead: result?.recordsRead ?? 0,
        scoresWritten: result?.scoresWritten ?? 0,
        scoresDeleted: result?.scoresDeleted ?? 0,
        apiCalls: org.calls,
        errorCount: failures,
        log: '',
        watermark,
      };
    } catch (err) {
      await beating;
      const message = describeError(err);
      log(`Run failed: ${message}`);
      if (!(err instanceof RequestLimitError))
        this.logger.error({ runId: id, err: message }, 'run failed');
      outcome = {
        status: 'Failed',
        recordsRead: result?.recordsRead ?? 0,
        scoresWritten: result?.scoresWritten ?? 0,
        scoresDeleted: result?.scoresDeleted ?? 0,
        apiCalls: org.calls,
        errorCount: (result?.failures.length ?? 0) + 1,
        log: '',
        watermark: null,
      };
    }
    if (result) {
      const kinds = Object.entries(org.retryKinds).map(([kind, n]) => `${kind} ×${n}`);
      log(
        `API calls used: ${org.calls}; transient errors retried: ${org.retries}${kinds.length ? ` (${kinds.join(', ')})` : ''}.`,
      );
      const routes = Object.entries(org.transport.byRoute).map(([route, n]) => `${route} ${n}`);
      log(`Calls by route: ${routes.join(', ')}.`);
    }
    outcome.log = lines.join('\n');
    outcome.apiCalls = org.calls;
    await this.finish(org, id, outcome);
    this.metrics?.runs.inc({ status: outcome.status, mode });
    this.metrics?.apiCalls.inc(org.calls);
    this.metrics?.retries.inc(org.retries);
    this.metrics?.scoresWritten.inc(outcome.scoresWritten);
    this.metrics?.runDuration.observe({ status: outcome.status }, (Date.now() - startedAt) / 1000);
    return { id, outcome, result };
  }

  /** Finishing must happen even when the budget ran out or the org briefly refused us. */
  private async finish(org: Org, id: string, outcome: RunOutcome): Promise<void> {
    org.limits = { budget: Number.MAX_SAFE_INTEGER, reserve: 0 };
    org.signal = undefined;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        await finishRun(org, id, outcome);
        return;
      } catch (err) {
        this.logger.warn(
          { runId: id, attempt, err: describeError(err) },
          'could not record the run outcome',
        );
        if (attempt < 3) await sleep(attempt * 1_000);
      }
    }
    this.logger.error(
      { runId: id },
      'run outcome not recorded; its lock expires after the stale timeout',
    );
  }
}
