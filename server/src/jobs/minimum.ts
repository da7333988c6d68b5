/**
 * The fewest API calls a full run could make (REFERENCE.md): reading N rows costs ⌈N/2000⌉ by
 * REST or about 3 + ⌈N/pageSize⌉ by Bulk 2.0 (create, one poll, results pages); writing M rows
 * costs ⌈M/1000⌉ (five collections of 200 per composite) or about 6 by Bulk ingest; plus the
 * run record itself (create, claim, finish) and one describe.
 */
export interface MinimumInput {
  /** Rows read per object. */
  reads: Record<string, number>;
  /** Rows written (or deleted) per kind of write. */
  writes: Record<string, number>;
  bulkThreshold: number;
  bulkPageSize?: number;
}

export function readCalls(rows: number, bulkThreshold: number, bulkPageSize = 50_000): number {
  const rest = Math.max(1, Math.ceil(rows / 2000));
  if (rows <= bulkThreshold) return rest;
  return Math.min(rest, 3 + Math.ceil(rows / bulkPageSize));
}

export function writeCalls(rows: number, bulkThreshold: number): number {
  if (rows === 0) return 0;
  const collections = Math.ceil(rows / 1000);
  return rows > bulkThreshold ? Math.min(collections, 6) : collections;
}

export function minimumCalls(input: MinimumInput): number {
  let n = 3 + 1; // run create + claim + finish, describe Account
  for (const rows of Object.values(input.reads)) n += readCalls(rows, input.bulkThreshold, input.bulkPageSize);
  for (const rows of Object.values(input.writes)) n += writeCalls(rows, input.bulkThreshold);
  return n;
}
