/**
 * Readiness from cached state. A probe (GET /readyz, a load balancer, Kubernetes) must answer
 * at once: it reads the state of the last org check and never waits on the org itself. The check
 * (one API call, no retries, bounded by a timeout) runs at start, on an interval, and when a probe
 * finds the state older than `staleAfterMs` (then in the background, for the next probe).
 */
import type { Logger } from '../log';

export interface ReadinessState {
  ready: boolean;
  /** Why the service is not ready, in words an operator can act on (null when ready). */
  problem: string | null;
  /** When the state was last decided (null before the first check finished). */
  checkedAt: Date | null;
}

export interface ReadinessOptions {
  /** One check of the org; resolves when the org answered, rejects with the reason otherwise. */
  check: () => Promise<void>;
  /** Turns a failed check into the operator's message. */
  explain: (err: unknown) => string;
  /** A check that takes longer is abandoned and counts as failed (default 5 s). */
  timeoutMs?: number;
  /** A probe finding an older state starts a new check in the background (default 15 s). */
  staleAfterMs?: number;
  /** How long a probe may wait for the very first check (default 500 ms, well under a second). */
  firstWaitMs?: number;
  logger?: Logger;
}

export class Readiness {
  private state: ReadinessState = {
    ready: false,
    problem: 'starting: the first check of the org has not finished yet',
    checkedAt: null,
  };
  private running: Promise<ReadinessState> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly timeoutMs: number;
  private readonly staleAfterMs: number;
  private readonly firstWaitMs: number;

  constructor(private readonly opts: ReadinessOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.staleAfterMs = opts.staleAfterMs ?? 15_000;
    this.firstWaitMs = opts.firstWaitMs ?? 500;
  }

  /** The cached state, as it is now. */
  get current(): ReadinessState {
    return { ...this.state };
  }

  /** Runs one check now (or joins the one running) and returns the new state. */
  refresh(): Promise<ReadinessState> {
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * What a probe answers: the cached state, at once. Before the first check has finished, waits
   * for it at most `firstWaitMs`; a stale state starts a background check for the next probe.
   */
  async probe(): Promise<ReadinessState> {
    if (this.state.checkedAt === null) {
      const first = this.refresh();
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), this.firstWaitMs);
      });
      const result = await Promise.race([first, waited]);
      clearTimeout(timer);
      return result ?? this.current;
    }
    if (Date.now() - this.state.checkedAt.getTime() > this.staleAfterMs) void this.refresh();
    return this.current;
  }

  /** Checks now and then every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs: number): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async runCheck(): Promise<ReadinessState> {
    const before = this.state;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new ReadinessTimeout(this.timeoutMs)), this.timeoutMs);
    });
    try {
      await Promise.race([this.opts.check(), timeout]);
      this.state = { ready: true, problem: null, checkedAt: new Date() };
    } catch (err) {
      const problem = err instanceof ReadinessTimeout ? err.message : this.opts.explain(err);
      this.state = { ready: false, problem, checkedAt: new Date() };
    } finally {
      clearTimeout(timer);
    }
    this.logChange(before, this.state);
    return this.current;
  }

  /** Logs only transitions, so a service that stays down does not repeat itself every interval. */
  private logChange(before: ReadinessState, after: ReadinessState): void {
    const logger = this.opts.logger;
    if (!logger) return;
    if (after.ready && !before.ready) logger.info('connected to the org; ready');
    else if (!after.ready && (before.ready || before.problem !== after.problem))
      logger.error(
        { problem: after.problem },
        'not ready: cannot use the org (GET /readyz says why)',
      );
  }
}

export class ReadinessTimeout extends Error {
  constructor(ms: number) {
    super(
      `The org did not answer within ${ms / 1000} s: check SF_INSTANCE_URL / SF_LOGIN_URL and the network`,
    );
    this.name = 'ReadinessTimeout';
  }
}
