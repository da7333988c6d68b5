/**
 * The service's one door to the org: a jsforce Connection plus the rules every call obeys.
 * - counts API calls (through the counting transport);
 * - stops before the run's API budget or the org's daily reserve would be crossed;
 * - retries idempotent calls with backoff (never a create), never REQUEST_LIMIT_EXCEEDED;
 * - honours an abort signal between calls;
 * - checks the run's lease (when one is set) before every call, so a run that may have lost its
 *   lock to another replica sends nothing more;
 * - tallies what was read and written, so a run that fails still reports what it did.
 */
import type { Connection } from 'jsforce';
import type { Logger } from '../log';
import {
  AbortedError,
  BudgetError,
  describeError,
  errorKind,
  isRequestLimit,
  RequestLimitError,
} from './errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { countCalls, type CountingTransport } from './transport';

export interface OrgLimits {
  /** Most calls this client may make (per run). */
  budget: number;
  /** Stop when the org's remaining daily allowance would fall under this. */
  reserve: number;
}

export interface OrgOptions {
  logger: Logger;
  limits?: Partial<OrgLimits>;
  retry?: RetryPolicy;
  signal?: AbortSignal;
}

/** A run's hold on the lock: `check()` throws when the run may no longer write. */
export interface LeaseCheck {
  check(): void;
}

/** Rows read, and rows written or deleted by object, since the last `startMetering()`. */
export interface Tally {
  read: number;
  written: Record<string, number>;
  deleted: number;
}

const emptyTally = (): Tally => ({ read: 0, written: {}, deleted: 0 });

export class Org {
  readonly transport: CountingTransport;
  readonly logger: Logger;
  readonly retryPolicy: RetryPolicy;
  limits: OrgLimits;
  signal?: AbortSignal;
  /** Transient failures that were retried (for the run log and metrics), and by kind. */
  retries = 0;
  retryKinds: Record<string, number> = {};
  /** Set while a run holds the lock: checked before every call. */
  lease?: LeaseCheck;
  tally: Tally = emptyTally();
  private callsAtStart = 0;

  constructor(
    readonly conn: Connection,
    opts: OrgOptions,
  ) {
    this.transport = countCalls(conn);
    this.logger = opts.logger;
    this.retryPolicy = opts.retry ?? DEFAULT_RETRY;
    this.limits = {
      budget: opts.limits?.budget ?? Number.MAX_SAFE_INTEGER,
      reserve: opts.limits?.reserve ?? 0,
    };
    this.signal = opts.signal;
  }

  get apiVersion(): string {
    return this.conn.version;
  }

  /** API calls since the last `startMetering()`. */
  get calls(): number {
    return this.transport.calls - this.callsAtStart;
  }

  /** Starts counting a run's calls against its budget (one Org may serve many runs). */
  startMetering(limits?: Partial<OrgLimits>, signal?: AbortSignal): void {
    this.callsAtStart = this.transport.calls;
    this.retries = 0;
    this.retryKinds = {};
    this.tally = emptyTally();
    if (limits) this.limits = { ...this.limits, ...limits };
    this.signal = signal;
  }

  /** The org's daily allowance as last reported by Sforce-Limit-Info, if any. */
  get apiUsage(): { used: number; limit: number } | undefined {
    return (this.conn.limitInfo as { apiUsage?: { used: number; limit: number } } | undefined)
      ?.apiUsage;
  }

  /** Throws before a call that would cross the budget or the reserve, or after an abort. */
  guard(callsNeeded = 1): void {
    if (this.signal?.aborted)
      throw this.signal.reason instanceof Error ? this.signal.reason : new AbortedError();
    this.lease?.check();
    if (this.calls + callsNeeded > this.limits.budget) {
      throw new BudgetError(
        `The run would need more than its API budget of ${this.limits.budget} calls (QUORUM_RUN_API_BUDGET); nothing further was written. Raise the budget or run incrementally.`,
      );
    }
    const usage = this.apiUsage;
    if (usage && usage.limit - usage.used - callsNeeded < this.limits.reserve) {
      throw new BudgetError(
        `The org has ${usage.limit - usage.used} API calls left today, under the reserve of ${this.limits.reserve} (QUORUM_API_RESERVE); the run stopped to leave them to other integrations.`,
      );
    }
  }

  /**
   * One logical call. `idempotent` calls are retried on transient failures; others run once.
   * REQUEST_LIMIT_EXCEEDED becomes a RequestLimitError and is never retried.
   */
  async call<T>(label: string, fn: () => Promise<T>, idempotent = true): Promise<T> {
    const attempt = async () => {
      this.guard();
      // One turn of the event loop first: after seconds of computing (grouping, scoring) the
      // loop has not yet seen the org close idle keep-alive sockets, and the request would go
      // out on a dead socket ("fetch failed") and need a retry.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        return await fn();
      } catch (err) {
        if (isRequestLimit(err)) throw new RequestLimitError(describeError(err));
        throw err;
      }
    };
    if (!idempotent) return attempt();
    return withRetry(attempt, this.retryPolicy, {
      signal: this.signal,
      onRetry: (err, n, delay) => {
        this.retries += 1;
        const kind = `${label} ${errorKind(err)}`;
        this.retryKinds[kind] = (this.retryKinds[kind] ?? 0) + 1;
        this.logger.warn(
          { call: label, attempt: n, delayMs: delay, err: describeError(err) },
          'transient Salesforce error; retrying',
        );
      },
    });
  }

  /** `/services/data/vXX.X` for raw requests. */
  get base(): string {
    return `/services/data/v${this.apiVersion}`;
  }
}
