/**
 * When a run sends a beat (one call that renews its lease and records its phase and progress):
 * - when the lease needs it: at most `renewEveryMs` after the previous beat (a quarter of the
 *   lease by default, so a renewal that fails leaves room for two or three more before the lease
 *   runs out, see Lease.expiresAt);
 * - when the phase changed: `phaseSpacingMs` after the previous beat at the earliest, carrying
 *   the latest phase and percent. Phases that follow each other faster than that share one beat,
 *   and the phase the run is in when the beat goes is the one recorded, so the last one is never
 *   lost.
 * Any beat renews the lease, so it restarts the lease's clock as well. The count of beats thus
 * follows the run's phases and its length in lease quarters, not a fixed timer.
 */

/** How long a phase change may wait for its beat by default (see README § The lease). */
export const PHASE_SPACING_MS = 30_000;

export interface BeatCadence {
  /** Longest time between two beats: the lease's own need. */
  renewEveryMs: number;
  /** Shortest time between the previous beat and one sent for a phase change. */
  phaseSpacingMs: number;
}

/**
 * The cadence for a lease of `ttlMs`: at least four renewals per lease whatever is asked (a
 * lease renewed less often than that would expire under a healthy run after one failed
 * renewal), and phase beats never further apart than renewals (a renewal carries the phase too).
 */
export function beatCadence(
  ttlMs: number,
  asked: { renewEveryMs?: number; phaseSpacingMs?: number } = {},
): BeatCadence {
  const quarter = Math.max(1, Math.floor(ttlMs / 4));
  const renewEveryMs = Math.max(1, Math.min(asked.renewEveryMs ?? quarter, quarter));
  const phaseSpacingMs = Math.max(
    0,
    Math.min(asked.phaseSpacingMs ?? PHASE_SPACING_MS, renewEveryMs),
  );
  return { renewEveryMs, phaseSpacingMs };
}

/**
 * The most beats this cadence sends over `durationMs` in which the phase changed `phaseChanges`
 * times: a beat for the lease follows `renewEveryMs` without one (at most ⌊D / renewEvery⌋ of
 * them), a beat for a phase carries at least one change no earlier beat carried (at most
 * `phaseChanges`), and no two beats are closer than `phaseSpacingMs`.
 */
export function beatsAtMost(durationMs: number, phaseChanges: number, c: BeatCadence): number {
  const byLease = Math.floor(durationMs / c.renewEveryMs) + phaseChanges;
  return c.phaseSpacingMs > 0
    ? Math.min(byLease, Math.floor(durationMs / c.phaseSpacingMs))
    : byLease;
}

/** One beat: 'stop' ends the heartbeat (the lease is lost: further beats cannot help). */
export type SendBeat = (phase: string, percent: number) => Promise<'ok' | 'failed' | 'stop'>;

/**
 * Sends beats on that cadence, one at a time, from `startedAt` (when the lease was claimed, with
 * the claim's own phase). `update` is called on every progress report, often (rows while
 * reading): it only moves the timer when a new phase appears.
 */
export class Heartbeat {
  /** Beats sent (ok or not). */
  beats = 0;
  private latest: { phase: string; percent: number };
  private sentPhase: string;
  private lastBeatAt: number;
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly send: SendBeat,
    readonly cadence: BeatCadence,
    startedAt: number,
    phase = 'Starting',
    private readonly clock: () => number = Date.now,
  ) {
    this.latest = { phase, percent: 0 };
    this.sentPhase = phase;
    this.lastBeatAt = startedAt;
    this.schedule();
  }

  update(phase: string, percent: number): void {
    this.latest = { phase, percent };
    if (phase !== this.sentPhase && !this.inFlight) this.schedule();
  }

  /**
   * Before a long stretch of synchronous work (grouping a million requests takes minutes): no
   * timer fires while the CPU is busy, and the run's next call checks the lease first, so a beat
   * that is due (a new phase past the spacing, or the lease's own) goes out now and this waits
   * for its answer, as it waits for one already on its way. The stretch then starts with a lease
   * renewed at most `phaseSpacingMs` ago, not up to `renewEveryMs`. Sends nothing that is not
   * due: the beat would have gone anyway, only later.
   */
  async settle(): Promise<void> {
    await this.inFlight;
    if (this.stopped || this.clock() < this.nextDue()) return;
    this.clear();
    await this.fire();
  }

  /** Stops the timer and waits for a beat on its way; returns the beats sent. */
  async stop(): Promise<number> {
    this.stopped = true;
    this.clear();
    await this.inFlight;
    return this.beats;
  }

  private nextDue(): number {
    const pending = this.latest.phase !== this.sentPhase;
    return this.lastBeatAt + (pending ? this.cadence.phaseSpacingMs : this.cadence.renewEveryMs);
  }

  private schedule(): void {
    if (this.stopped) return;
    const due = this.nextDue();
    if (this.timer && due >= this.dueAt) return; // an earlier beat is already set
    this.clear();
    this.dueAt = due;
    this.timer = setTimeout(() => void this.fire(), Math.max(0, due - this.clock()));
    // A run's beats never keep a process alive on their own.
    this.timer.unref();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }

  private fire(): Promise<void> | undefined {
    this.timer = null;
    this.dueAt = Infinity;
    if (this.stopped || this.inFlight) return this.inFlight ?? undefined;
    const { phase, percent } = this.latest;
    this.lastBeatAt = this.clock();
    this.beats += 1;
    const beat = this.send(phase, percent).then(
      (result) => {
        this.inFlight = null;
        if (result === 'ok') this.sentPhase = phase;
        if (result === 'stop') this.stopped = true;
        this.schedule();
      },
      () => {
        // send reports its own failures; a throw is treated as a failed beat.
        this.inFlight = null;
        this.schedule();
      },
    );
    this.inFlight = beat;
    return beat;
  }
}
