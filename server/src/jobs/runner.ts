/**
 * Runs recomputes one at a time: POST /runs, the schedule, the poll for Requested runs and the
 * recompute command all come here. In this process a single-flight guard makes concurrent
 * requests share one run; across replicas the lock does (see lease.ts): a run is executed only
 * while its lease holds, renewed by a heartbeat whatever the run is doing (heartbeat.ts: when the
 * lease needs it and when the phase changes), and a run that lost it stops before its next call
 * and leaves the record to whoever took over.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'jsforce';
import { SegmentDemandScore, type RunMode } from '../schema';
import type { Logger } from '../log';
import { describeError, RequestLimitError } from '../salesforce/errors';
import { Org } from '../salesforce/org';
import { DEFAULT_RETRY, sleep, type RetryPolicy } from '../salesforce/retry';
import { changedSince } from '../quorumOrg/changes';
import type { Metrics } from './metrics';
import { recompute, type RecomputeResult, type RowProgress } from './recompute';
import { claimRun, finishUnderLease, Lease, LeaseLostError, renewLease, sweep } from './lease';
import { beatCadence, Heartbeat, type BeatCadence } from './heartbeat';
import { leaseRenewalsNeeded } from './minimum';
import { watchPauses } from './pauses';
import {
  closeUnstarted,
  createRun,
  getRun,
  lastSuccessfulRun,
  nextRequested,
  outcomeFields,
  stampWatermark,
  type RunOutcome,
} from './runs';
import { cleanText } from '../text/clean';

export interface RunnerSettings {
  replicaId?: string;
  bulkThreshold: number;
  bulkPageSize?: number;
  budget: number;
  reserve: number;
  /**
   * Longest time between two lease renewals (Heartbeat_At__c, Phase__c, Progress__c), whatever
   * the run does; default and ceiling: a quarter of the lease (staleAfterMs).
   */
  renewEveryMs?: number;
  /**
   * Shortest time between the previous renewal and one sent because the run's phase changed
   * (default 30 s, PHASE_SPACING_MS; never more than renewEveryMs).
   */
  phaseSpacingMs?: number;
  /** The lease: a Running run without a heartbeat for this long is presumed dead and may be taken over. */
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
  /** The lease's renewals: API calls they made, over how long the lease was held, and its cadence. */
  lease?: { renewalCalls: number; heldMs: number; ttlMs: number; cadence: BeatCadence };
  /** The longest stretch of computing during the run, when the service answered nothing (ms). */
  longestPauseMs?: number;
  /** An incremental run's basis, in words: what changed since the last run, or why it read all. */
  basis?: string;
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
      // A refused recompute leaves no Requested run behind for nobody to pick up.
      const reason = this.lastRefusal ?? 'another replica holds the run lock';
      const org = await this.newOrg();
      await closeUnstarted(org, started.id, reason);
      throw new Error(
        `Another replica holds the run lock (${reason}); run ${started.id} was closed without running. Try again when that run ends.`,
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
    await this.sweep(org);
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

  /** Expires Running runs whose lease passed (see lease.ts); logged, never thrown. */
  async sweep(org?: Org): Promise<string[]> {
    try {
      const { expired } = await sweep(org ?? (await this.newOrg()), this.claimOptions());
      for (const id of expired)
        this.logger.warn({ runId: id }, 'expired a run whose lease had passed');
      return expired;
    } catch (err) {
      this.logger.warn({ err: describeError(err) }, 'sweep for stale runs failed');
      return [];
    }
  }

  private claimOptions() {
    return { replicaId: this.replicaId, ttlMs: this.settings.staleAfterMs ?? 5 * 60_000 };
  }

  private lastRefusal: string | null = null;

  private limits() {
    return { budget: this.settings.budget, reserve: this.settings.reserve };
  }

  private async claimAndLaunch(org: Org, id: string, mode: RunMode): Promise<StartResult> {
    const claim = await claimRun(org, id, this.claimOptions());
    if (!claim.claimed) {
      this.lastRefusal = claim.reason;
      this.logger.info({ runId: id, reason: claim.reason }, 'run not claimed');
      return { id, status: 'queued' };
    }
    const controller = new AbortController();
    org.signal = controller.signal;
    org.lease = claim.lease;
    const done = this.execute(org, id, mode, claim.lease, controller).finally(() => {
      this.active = null;
      this.metrics?.active.set(0);
    });
    this.active = { id, mode, controller, done };
    this.metrics?.active.set(1);
    done.then((f) => this.listeners.forEach((l) => l(f))).catch(() => undefined);
    return { id, status: 'started' };
  }

  private async execute(
    org: Org,
    id: string,
    mode: RunMode,
    lease: Lease,
    controller: AbortController,
  ): Promise<FinishedRun> {
    const startedAt = Date.now();
    const pauses = watchPauses();
    const lines: string[] = [];
    // People's text (segment and theme names, record errors) reaches these lines: cleaned once here.
    const log = (line: string) => {
      const clean = cleanText(line);
      lines.push(`${new Date().toISOString()} ${clean}`);
      this.logger.info({ runId: id }, clean);
    };
    log(`${mode} run claimed by ${this.replicaId}.`);
    const beats = this.startHeartbeat(id, lease, controller);
    const onProgress = (phase: string, percent: number, rows?: RowProgress) => {
      this.hooks.onProgress?.(id, phase, percent, rows);
      beats.update(phase, percent);
    };

    let result: RecomputeResult | undefined;
    let outcome: RunOutcome;
    let basis: string | undefined;
    const because = (line: string) => {
      basis = line;
      log(line);
    };
    try {
      let watermark: string | null = null;
      let skip = false;
      if (mode === 'Incremental') {
        const last = await lastSuccessfulRun(org);
        if (last?.Watermark__c) {
          const changed = await changedSince(org, last.Watermark__c);
          if (changed.length === 0) {
            because(
              `Nothing changed since the last successful run (${last.Watermark__c}); nothing to write.`,
            );
            watermark = last.Watermark__c;
            skip = true;
          } else {
            because(
              `Changed since ${last.Watermark__c}: ${changed.join(', ')}. Recomputing from a full read, writing only differences.`,
            );
          }
        } else {
          because('No earlier successful run to start from: reading everything.');
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
          beforeComputing: () => beats.settle(),
        });
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
      const message = describeError(err);
      log(`Run failed: ${message}`);
      if (!(err instanceof RequestLimitError))
        this.logger.error({ runId: id, err: message }, 'run failed');
      // What the run did before it stopped, from the org client's own tally.
      outcome = {
        status: 'Failed',
        recordsRead: result?.recordsRead ?? org.tally.read,
        scoresWritten: result?.scoresWritten ?? org.tally.written[SegmentDemandScore.apiName] ?? 0,
        scoresDeleted: result?.scoresDeleted ?? org.tally.deleted,
        apiCalls: org.calls,
        errorCount: (result?.failures.length ?? 0) + 1,
        log: '',
        watermark: null,
      };
    }
    const beatCalls = await beats.stop();
    const heldMs = Date.now() - beats.startedAt;
    const longestPauseMs = pauses.stop();
    if (result) {
      log(
        `Longest stretch of computing without answering HTTP (health checks, run status): ${(longestPauseMs / 1000).toFixed(1)} s.`,
      );
      log(
        `Lease renewals: ${beatCalls} API calls in ${Math.round(heldMs / 1000)} s (at most every ${Math.round(beats.cadence.renewEveryMs / 1000)} s, and for a new phase at least ${Math.round(beats.cadence.phaseSpacingMs / 1000)} s after the previous renewal; the lease of ${Math.round(lease.ttlMs / 1000)} s needs at least ${leaseRenewalsNeeded(heldMs, lease.ttlMs)}).`,
      );
      const kinds = Object.entries(org.retryKinds).map(([kind, n]) => `${kind} ×${n}`);
      log(
        `API calls used: ${org.calls}; transient errors retried: ${org.retries}${kinds.length ? ` (${kinds.join(', ')})` : ''}.`,
      );
      const routes = Object.entries(org.transport.byRoute).map(([route, n]) => `${route} ${n}`);
      log(`Calls by route: ${routes.join(', ')}.`);
    }
    outcome.log = lines.join('\n');
    outcome.apiCalls = org.calls + beatCalls;
    await this.finish(org, id, outcome, lease);
    this.metrics?.runs.inc({ status: outcome.status, mode });
    this.metrics?.apiCalls.inc(org.calls);
    this.metrics?.retries.inc(org.retries);
    this.metrics?.scoresWritten.inc(outcome.scoresWritten);
    this.metrics?.runDuration.observe({ status: outcome.status }, (Date.now() - startedAt) / 1000);
    return {
      id,
      outcome,
      result,
      lease: { renewalCalls: beatCalls, heldMs, ttlMs: lease.ttlMs, cadence: beats.cadence },
      longestPauseMs,
      basis,
    };
  }

  /**
   * Renews the lease on its own connection (so a slow call of the run does not hold it up, and
   * the run's budget does not starve it) when the lease needs it and when the phase changes
   * (heartbeat.ts), with the latest phase and percent. A renewal that finds the lease lost aborts
   * the run; a failed one is logged, and the lease runs out on its own if renewals keep failing.
   */
  private startHeartbeat(
    id: string,
    lease: Lease,
    controller: AbortController,
  ): {
    update(phase: string, percent: number): void;
    settle(): Promise<void>;
    stop(): Promise<number>;
    readonly cadence: Heartbeat['cadence'];
    readonly startedAt: number;
  } {
    let beatOrg: Org | null = null;
    let calls = 0;
    const send = async (phase: string, percent: number) => {
      try {
        beatOrg ??= await this.newOrg();
        beatOrg.lease = lease;
        const before = beatOrg.transport.calls;
        try {
          await renewLease(beatOrg, lease, phase, percent);
        } finally {
          calls += beatOrg.transport.calls - before;
        }
        return 'ok' as const;
      } catch (err) {
        if (err instanceof LeaseLostError) {
          this.logger.error({ runId: id, err: err.message }, 'lease lost; stopping the run');
          controller.abort(err);
          return 'stop' as const;
        }
        this.logger.warn({ runId: id, err: describeError(err) }, 'lease renewal failed');
        return 'failed' as const;
      }
    };
    // The lease's clock starts when the claim was sent.
    const startedAt = lease.confirmedAt;
    const heart = new Heartbeat(
      send,
      beatCadence(lease.ttlMs, {
        renewEveryMs: this.settings.renewEveryMs,
        phaseSpacingMs: this.settings.phaseSpacingMs,
      }),
      startedAt,
    );
    return {
      update: (phase, percent) => heart.update(phase, percent),
      settle: () => heart.settle(),
      async stop() {
        await heart.stop();
        return calls;
      },
      cadence: heart.cadence,
      startedAt,
    };
  }

  /**
   * Records the outcome and releases the lock, unless the lease was lost: then whoever took
   * over owns the record, and its terminal state and note stay as they are. Finishing must
   * happen even when the budget ran out or the org briefly refused us.
   */
  private async finish(org: Org, id: string, outcome: RunOutcome, lease: Lease): Promise<void> {
    org.limits = { budget: Number.MAX_SAFE_INTEGER, reserve: 0 };
    org.signal = undefined;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        lease.check();
        if (!(await finishUnderLease(org, lease, outcomeFields(outcome)))) {
          lease.lost = 'the lock row is gone: another replica took over or expired the run';
          throw new LeaseLostError(lease.lost);
        }
        org.lease = undefined;
        return;
      } catch (err) {
        if (err instanceof LeaseLostError) {
          org.lease = undefined;
          this.logger.error(
            { runId: id, status: outcome.status, err: err.message },
            'run outcome not recorded: the lease was lost, and the replica that took over owns the record',
          );
          return;
        }
        this.logger.warn(
          { runId: id, attempt, err: describeError(err) },
          'could not record the run outcome',
        );
        if (attempt < 3) await sleep(attempt * 1_000);
      }
    }
    this.logger.error(
      { runId: id },
      'run outcome not recorded; the run is expired when its lease passes',
    );
  }
}
