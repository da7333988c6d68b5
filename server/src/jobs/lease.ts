/**
 * The run lock, held as a lease.
 *
 * The lock is one Demand_Run_Claim__c row whose Claim_Key__c (a unique External ID) is ACTIVE.
 * A replica takes it by inserting that row: when two replicas insert at once the org accepts one
 * and answers the other with DUPLICATE_VALUE, so exactly one replica wins. Only the holder moves
 * a run from Requested to Running, after checking under the lock that the run is still
 * Requested (a replica whose poll answer was slow finds it already done and lets go).
 *
 * The hold is a lease of `ttlMs`: a timer renews it (Heartbeat_At__c on the run) whatever the
 * run is doing. A renewal that finds the claim gone or someone else's, or a lease not renewed
 * within its time (measured from when the last successful renewal was sent), makes
 * `check()` throw, and the org client checks before every call: the run stops before writing
 * more. Another replica takes over only a lease whose heartbeat is older than `ttlMs`, i.e.
 * after the holder has stopped by its own clock (a margin covers a call already in flight).
 *
 * The lock is released by deleting the row. A crash leaves it behind; the next claim or the
 * sweep finds its run finished, or its heartbeat stale, and clears it.
 */
import {
  ACTIVE_RUN_LOCK,
  DemandRun,
  DemandRunClaim,
  DemandRunClaimRecord,
  DemandRunRecord,
} from '../schema';
import { compositeCall, type CompositeAnswer } from '../salesforce/composite';
import { errorCodeOf, isTransient } from '../salesforce/errors';
import type { LeaseCheck, Org } from '../salesforce/org';
import { readAll } from '../salesforce/read';
import { backoffDelay, sleep } from '../salesforce/retry';
import { datetimeLiteral, literal } from '../salesforce/soql';
import { appendLog, getRun, type Run } from './runs';
import { cleanText } from '../text/clean';

const C = DemandRunClaim.apiName;
const R = DemandRun.apiName;

/** The run lost its lock (taken over, swept, or not renewed in time): it must not write. */
export class LeaseLostError extends Error {
  constructor(message: string) {
    super(`The run lost its lock and stopped without writing more: ${message}`);
    this.name = 'LeaseLostError';
  }
}

export class Lease implements LeaseCheck {
  /** Local time (ms) at which the last successful renewal (or the claim) was sent. */
  confirmedAt: number;
  lost: string | null = null;

  constructor(
    readonly claimId: string,
    readonly runId: string,
    readonly replicaId: string,
    readonly ttlMs: number,
    sentAt: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.confirmedAt = sentAt;
  }

  /** Time kept back from a lease of `ttlMs` for a call already on its way when it runs out. */
  static marginMs(ttlMs: number): number {
    return Math.min(30_000, Math.floor(ttlMs / 5));
  }

  /** How long after a renewal was sent a lease of `ttlMs` still lets the run call the org. */
  static holdsMs(ttlMs: number): number {
    return ttlMs - Lease.marginMs(ttlMs);
  }

  get marginMs(): number {
    return Lease.marginMs(this.ttlMs);
  }

  get expiresAt(): number {
    return this.confirmedAt + Lease.holdsMs(this.ttlMs);
  }

  check(): void {
    if (this.lost) throw new LeaseLostError(this.lost);
    if (this.clock() > this.expiresAt) {
      this.lost = `the lease was last renewed ${Math.round((this.clock() - this.confirmedAt) / 1000)} s ago, longer than its ${Math.round(this.ttlMs / 1000)} s allows (another replica may take over)`;
      throw new LeaseLostError(this.lost);
    }
  }
}

export interface ClaimOptions {
  replicaId: string;
  /** Lease length: a holder without a renewal for this long is presumed dead. */
  ttlMs: number;
  now?: () => Date;
}

export type ClaimResult =
  { claimed: true; lease: Lease } | { claimed: false; heldBy: Run | null; reason: string };

const CLAIM_FIELDS = 'Id, Claim_Key__c, Run__c, Claimed_By__c, CreatedDate';

async function readLock(org: Org): Promise<DemandRunClaimRecord | null> {
  const rows = await readAll(
    org,
    `SELECT ${CLAIM_FIELDS} FROM ${C} WHERE Claim_Key__c = ${literal(ACTIVE_RUN_LOCK)} LIMIT 1`,
    DemandRunClaimRecord,
    { bulkThreshold: Infinity },
  );
  return rows[0] ?? null;
}

async function deleteClaim(org: Org, claimId: string): Promise<void> {
  // Deleting by Id is idempotent: a row already gone is what we wanted.
  await org.call('claim.delete', async () => {
    try {
      await org.conn.request({ method: 'DELETE', url: `${org.base}/sobjects/${C}/${claimId}` });
    } catch (err) {
      const code = errorCodeOf(err);
      if (code && ['ENTITY_IS_DELETED', 'NOT_FOUND', 'INVALID_CROSS_REFERENCE_KEY'].includes(code))
        return;
      throw err;
    }
  });
}

/**
 * Inserts the lock row and, in the same call, reads the run's status (one API call). An insert
 * is never repeated blindly: after a lost answer the row is read back, and it is ours if it
 * names this run and this replica.
 */
async function insertLock(
  org: Org,
  runId: string,
  replicaId: string,
): Promise<{ id: string; status: string | null } | { duplicate: true }> {
  let res: CompositeAnswer;
  for (let attempt = 1; ; attempt += 1) {
    try {
      res = await compositeCall(
        org,
        'claim.insert',
        {
          allOrNone: false,
          compositeRequest: [
            {
              method: 'POST',
              url: `${org.base}/sobjects/${C}`,
              referenceId: 'lock',
              body: { Claim_Key__c: ACTIVE_RUN_LOCK, Run__c: runId, Claimed_By__c: replicaId },
            },
            {
              method: 'GET',
              url: `${org.base}/sobjects/${R}/${runId}?fields=Status__c`,
              referenceId: 'run',
            },
          ],
        },
        undefined,
        false,
      );
      break;
    } catch (err) {
      if (!isTransient(err)) throw err;
      // The answer was lost or the request never arrived: the lock row says which.
      const row = await readLock(org);
      if (row && row.Run__c === runId && row.Claimed_By__c === replicaId) {
        const run = await getRun(org, runId);
        return { id: row.Id, status: run?.Status__c ?? null };
      }
      if (row) return { duplicate: true };
      if (attempt >= org.retryPolicy.maxAttempts) throw err;
      org.retries += 1;
      await sleep(backoffDelay(org.retryPolicy, attempt), org.signal);
    }
  }
  const lockError = res.error('lock', 'Taking the run lock');
  if (lockError?.errorCode === 'DUPLICATE_VALUE') return { duplicate: true };
  if (lockError) throw lockError;
  const status = res.ok('run') ? (res.body<{ Status__c?: string }>('run').Status__c ?? null) : null;
  return { id: res.body<{ id: string }>('lock').id, status };
}

const TERMINAL = new Set(['Succeeded', 'Partially Succeeded', 'Failed']);

/** Why a lock row no longer protects a live run, or null when its holder is alive. */
function staleReason(
  claim: DemandRunClaimRecord,
  run: Run | null,
  ttlMs: number,
  now: number,
): string | null {
  if (!run) return 'its run no longer exists';
  if (TERMINAL.has(run.Status__c ?? '')) return `its run already ended (${run.Status__c})`;
  const beat =
    Date.parse(run.Heartbeat_At__c ?? '') ||
    Date.parse(run.Started_At__c ?? '') ||
    Date.parse(claim.CreatedDate ?? '') ||
    0;
  if (now - beat > ttlMs)
    return `no heartbeat since ${new Date(beat).toISOString()} (lease of ${Math.round(ttlMs / 1000)} s passed)`;
  return null;
}

/**
 * Ends a lock whose holder is gone: its run, if still Running, becomes Failed with a note
 * (its counts stay as the holder last recorded them), and the row is deleted.
 */
async function expire(
  org: Org,
  claim: DemandRunClaimRecord,
  run: Run | null,
  note: string,
): Promise<void> {
  if (run && run.Status__c === 'Running') {
    await updateRun(org, run.Id, {
      Status__c: 'Failed',
      Phase__c: 'Stopped',
      Finished_At__c: new Date().toISOString(),
      Log__c: appendLog(run.Log__c, `${new Date().toISOString()} ${note}`),
    });
  }
  await deleteClaim(org, claim.Id);
}

/**
 * Under the lock: only a run still Requested is started (a slow poll may have seen it before
 * another replica ran it to the end). A failure here releases the lock again.
 */
async function startUnderLock(
  org: Org,
  runId: string,
  opts: ClaimOptions,
  claimId: string,
  status: string | null,
  sentAt: number,
): Promise<ClaimResult> {
  const now = opts.now ?? (() => new Date());
  const lease = new Lease(claimId, runId, opts.replicaId, opts.ttlMs, sentAt);
  try {
    if (status !== 'Requested') {
      await deleteClaim(org, claimId);
      return {
        claimed: false,
        heldBy: await getRun(org, runId),
        reason: status ? `run ${runId} is already ${status}` : `run ${runId} no longer exists`,
      };
    }
    const stamp = now().toISOString();
    await updateRun(org, runId, {
      Status__c: 'Running',
      Claimed_By__c: opts.replicaId,
      Heartbeat_At__c: stamp,
      Started_At__c: stamp,
      Phase__c: 'Starting',
      Progress__c: 0,
    });
  } catch (err) {
    // Never leave the lock behind for a run that did not start (best effort: the sweep and the
    // next claim clear it after a lease otherwise).
    const limits = org.limits;
    org.limits = { budget: Number.MAX_SAFE_INTEGER, reserve: 0 };
    await deleteClaim(org, claimId).catch(() => undefined);
    org.limits = limits;
    throw err;
  }
  return { claimed: true, lease };
}

/** Takes the lock for `runId` and moves the run to Running, or says who holds it. */
export async function claimRun(org: Org, runId: string, opts: ClaimOptions): Promise<ClaimResult> {
  const now = opts.now ?? (() => new Date());
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const sentAt = Date.now();
    const inserted = await insertLock(org, runId, opts.replicaId);
    if ('duplicate' in inserted) {
      const holder = await readLock(org);
      if (!holder) continue; // released meanwhile: try again
      if (holder.Run__c === runId && holder.Claimed_By__c === opts.replicaId) {
        // Our own insert, whose first answer was lost and whose retry met it.
        const run = await getRun(org, runId);
        return startUnderLock(org, runId, opts, holder.Id, run?.Status__c ?? null, sentAt);
      }
      const held = holder.Run__c ? await getRun(org, holder.Run__c) : null;
      const stale = staleReason(holder, held, opts.ttlMs, now().getTime());
      if (stale && attempt < 2) {
        await expire(
          org,
          holder,
          held,
          `Taken over by ${opts.replicaId}: ${stale}; the replica running it (${cleanText(holder.Claimed_By__c ?? 'unknown')}) presumably stopped.`,
        );
        continue;
      }
      return {
        claimed: false,
        heldBy: held,
        reason: `run ${holder.Run__c ?? '(deleted)'} is Running on ${holder.Claimed_By__c ?? 'another replica'}`,
      };
    }
    return startUnderLock(org, runId, opts, inserted.id, inserted.status, sentAt);
  }
  return {
    claimed: false,
    heldBy: null,
    reason: 'the lock changed hands while claiming; will retry on the next poll',
  };
}

/**
 * Renews the lease in one call: reads the lock row and, through a reference to it, stamps the
 * run's heartbeat (and its latest phase). A missing or foreign row means the lease is lost.
 */
export async function renewLease(
  org: Org,
  lease: Lease,
  phase: string,
  progress: number,
): Promise<void> {
  const sentAt = Date.now();
  const res = await compositeCall(org, 'claim.renew', {
    allOrNone: false,
    compositeRequest: [
      {
        method: 'GET',
        url: `${org.base}/sobjects/${C}/${lease.claimId}?fields=Run__c,Claimed_By__c`,
        referenceId: 'claim',
      },
      {
        method: 'PATCH',
        url: `${org.base}/sobjects/${R}/@{claim.Run__c}`,
        referenceId: 'beat',
        body: {
          Heartbeat_At__c: new Date(sentAt).toISOString(),
          Phase__c: phase.slice(0, 80),
          Progress__c: Math.max(0, Math.min(100, Math.round(progress))),
        },
      },
    ],
  });
  const row = res.ok('claim')
    ? res.body<{ Run__c?: string; Claimed_By__c?: string }>('claim')
    : null;
  if (
    res.status('claim') === 404 ||
    (row && (row.Run__c !== lease.runId || row.Claimed_By__c !== lease.replicaId))
  ) {
    lease.lost = 'the lock row was taken over or cleared by another replica';
    throw new LeaseLostError(lease.lost);
  }
  res.body('claim', 'Renewing the lease (reading the lock)');
  res.body('beat', 'Renewing the lease (stamping the heartbeat)');
  if (sentAt > lease.confirmedAt) lease.confirmedAt = sentAt;
}

/**
 * Writes the run's terminal state and releases the lock in one all-or-none call, on the
 * condition that the lock row is still this lease's (a takeover deletes it and inserts its own,
 * with another Id). Returns false, having written nothing, when the lease was lost.
 */
export async function finishUnderLease(
  org: Org,
  lease: Lease,
  fields: Record<string, unknown>,
): Promise<boolean> {
  const res = await compositeCall(org, 'run.finish', {
    allOrNone: true,
    compositeRequest: [
      {
        method: 'GET',
        url: `${org.base}/sobjects/${C}/${lease.claimId}?fields=Id,Run__c`,
        referenceId: 'lock',
      },
      {
        method: 'PATCH',
        url: `${org.base}/sobjects/${R}/@{lock.Run__c}`,
        referenceId: 'finish',
        body: fields,
      },
      { method: 'DELETE', url: `${org.base}/sobjects/${C}/@{lock.Id}`, referenceId: 'release' },
    ],
  });
  if (res.status('lock') === 404) {
    // Gone: taken over, or released by this very write whose first answer was lost (then the
    // run already carries exactly what was sent).
    const run = await getRun(org, lease.runId);
    return (
      run?.Claimed_By__c === lease.replicaId &&
      run.Status__c === fields.Status__c &&
      Date.parse(run.Finished_At__c ?? '') === Date.parse(String(fields.Finished_At__c))
    );
  }
  for (const ref of ['lock', 'finish', 'release'])
    res.body(ref, `Recording the run's outcome (${ref})`);
  return true;
}

async function updateRun(org: Org, id: string, fields: Record<string, unknown>): Promise<void> {
  await org.call('run.update', () =>
    org.conn.request({
      method: 'PATCH',
      url: `${org.base}/sobjects/${R}/${id}`,
      body: JSON.stringify(fields),
      headers: { 'content-type': 'application/json' },
    }),
  );
}

export interface SweepResult {
  expired: string[];
}

/**
 * Expires Running runs whose lease passed (their holder died or lost the org), and a lock row
 * left by a holder that finished or vanished. Run by every poll and before every claim, so no
 * record stays Running for longer than a lease after its process is gone.
 */
export async function sweep(org: Org, opts: ClaimOptions): Promise<SweepResult> {
  const now = (opts.now ?? (() => new Date()))().getTime();
  const cutoff = datetimeLiteral(new Date(now - opts.ttlMs).toISOString());
  const stale = await readAll(
    org,
    `SELECT Id, Status__c, Heartbeat_At__c, Started_At__c, Log__c, Claimed_By__c FROM ${R} WHERE Status__c = ${literal('Running')} AND (Heartbeat_At__c < ${cutoff} OR Heartbeat_At__c = null) ORDER BY CreatedDate ASC LIMIT 50`,
    DemandRunRecord.pick({
      Id: true,
      Status__c: true,
      Heartbeat_At__c: true,
      Started_At__c: true,
      Log__c: true,
      Claimed_By__c: true,
    }),
    { bulkThreshold: Infinity },
  );
  const lock = await readLock(org);
  const expired: string[] = [];
  for (const run of stale) {
    const reason = staleReason(
      lock ?? ({ CreatedDate: null } as DemandRunClaimRecord),
      run as Run,
      opts.ttlMs,
      now,
    );
    if (!reason) continue;
    const note = `Expired by ${opts.replicaId}: ${reason}; the replica running it (${cleanText(run.Claimed_By__c ?? 'unknown')}) presumably stopped. The next run converges.`;
    if (lock && lock.Run__c === run.Id) await expire(org, lock, run as Run, note);
    else {
      await updateRun(org, run.Id, {
        Status__c: 'Failed',
        Phase__c: 'Stopped',
        Finished_At__c: new Date(now).toISOString(),
        Log__c: appendLog(run.Log__c, `${new Date(now).toISOString()} ${note}`),
      });
    }
    expired.push(run.Id);
  }
  if (lock && !expired.includes(lock.Run__c ?? '')) {
    const held = lock.Run__c ? await getRun(org, lock.Run__c) : null;
    const reason = staleReason(lock, held, opts.ttlMs, now);
    if (reason && (!held || held.Status__c !== 'Running')) await deleteClaim(org, lock.Id);
  }
  return { expired };
}
