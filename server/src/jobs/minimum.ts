/**
 * The fewest API calls a full run could make, from Salesforce's documented limits:
 * - reading: objects that fit in one REST page (≤ 2,000 rows) share composite calls, five
 *   queries per call; larger ones cost ⌈N/2000⌉ by REST, or by Bulk 2.0 at least
 *   2 + ⌈N/pageSize⌉ (create, one poll, the result pages), whichever is less;
 * - writing M rows: ⌈M/1000⌉ (five collections of 200 per composite), or about 6 by Bulk
 *   ingest (create, upload, close, poll, results), whichever is less;
 * - the run record itself: create, claim, finish; and one describe of Account.
 * The lease renewals a run needs depend on its length, not on its work: `leaseRenewalsNeeded`.
 */
import { Lease } from './lease';

export interface MinimumInput {
  /** Rows read per object. */
  reads: Record<string, number>;
  /** Rows written (or deleted) per kind of write. */
  writes: Record<string, number>;
  /**
   * Payload bytes per kind of write, when known: Bulk 2.0 takes at most 150 MB per upload after
   * base64, i.e. 100 MB of data (Salesforce's "Upload Job Data"), so a payload-aware minimum
   * counts one ingest job (about six calls) per 100 MB.
   */
  writeBytes?: Record<string, number>;
  bulkPageSize?: number;
}

export const REST_PAGE = 2000;

export function readCalls(rows: number, bulkPageSize = 50_000): number {
  return Math.min(
    Math.max(1, Math.ceil(rows / REST_PAGE)),
    2 + Math.max(1, Math.ceil(rows / bulkPageSize)),
  );
}

export const INGEST_UPLOAD_LIMIT = 100 * 1024 * 1024;

export function writeCalls(rows: number, bytes?: number): number {
  if (rows === 0) return 0;
  const jobs = bytes === undefined ? 1 : Math.max(1, Math.ceil(bytes / INGEST_UPLOAD_LIMIT));
  return Math.min(Math.ceil(rows / 1000), 6 * jobs);
}

export function minimumCalls(input: MinimumInput): number {
  let n = 3 + 1; // run create + claim + finish, describe Account
  const rows = Object.values(input.reads);
  n += Math.ceil(rows.filter((r) => r <= REST_PAGE).length / 5);
  for (const r of rows.filter((x) => x > REST_PAGE)) n += readCalls(r, input.bulkPageSize);
  for (const [kind, m] of Object.entries(input.writes))
    n += writeCalls(m, input.writeBytes?.[kind] || undefined);
  return n;
}

/**
 * The fewest lease renewals a run of `durationMs` (from its claim to its finish) needs with a
 * lease of `ttlMs`. The lease lets the run call the org until `Lease.expiresAt`, i.e. for
 * `Lease.holdsMs(ttl)` (the lease less its margin) after the claim or the last renewal was sent,
 * so the run needs a renewal inside every such stretch but the last:
 * max(0, ⌈D / (ttl − margin)⌉ − 1). With the default lease of 5 min (margin 30 s) that is one
 * renewal per 270 s of run. The runner renews more often than this floor (a quarter of the
 * lease, and on phase changes: see heartbeat.ts), so a renewal that fails is not fatal.
 */
export function leaseRenewalsNeeded(durationMs: number, ttlMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.max(0, Math.ceil(durationMs / Lease.holdsMs(ttlMs)) - 1);
}
