/**
 * Picks the cheapest idempotent write for a batch: sObject Collections (through composite) up
 * to the bulk threshold, Bulk API 2.0 ingest above it. Locked rows that Bulk reports are
 * retried through collections. Returns what was written and the per-record failures.
 */
import type { Org } from './org';
import { bulkIngest, INGEST_JOB_BYTES, type CsvScratch, type IngestResult } from './ingest';
import {
  COMPOSITE_MAX_BYTES,
  deleteByIds,
  updateById,
  upsertByExternalId,
  type WriteResult,
} from './write';

export interface WriterOptions {
  bulkThreshold: number;
  /** One CSV buffer for all Bulk writes of a run (see CsvScratch). */
  scratch?: CsvScratch;
}

/**
 * Bulk ingest costs about five calls (create, upload, close, poll, results); collections cost
 * ⌈rows/1000⌉. Ingest is used above the configured threshold, or as soon as it is cheaper.
 */
export const INGEST_PAYS_OFF = 5_000;

/** Payload size from a sample of rows (long text such as Breakdown__c dominates it). */
function estimateBytes(records: Record<string, unknown>[]): number {
  const step = Math.max(1, Math.floor(records.length / 50));
  let sum = 0;
  let n = 0;
  for (let i = 0; i < records.length; i += step, n += 1) sum += JSON.stringify(records[i]).length;
  return n === 0 ? 0 : (sum / n) * records.length;
}

/**
 * Ingest above the configured threshold; below it, as soon as it takes fewer calls:
 * collections through composite need max(⌈rows/1000⌉, ⌈bytes/30 MB⌉) calls, ingest about
 * four per job of at most INGEST_JOB_BYTES.
 */
function useIngest(records: Record<string, unknown>[], opts: WriterOptions): boolean {
  if (records.length > opts.bulkThreshold) return true;
  if (records.length <= INGEST_PAYS_OFF) return false;
  const bytes = estimateBytes(records);
  const composite = Math.max(
    Math.ceil(records.length / 1000),
    Math.ceil(bytes / COMPOSITE_MAX_BYTES),
  );
  const ingest = 4 * Math.max(1, Math.ceil(bytes / INGEST_JOB_BYTES));
  return ingest < composite;
}

function fieldsOf(records: Record<string, unknown>[]): string[] {
  const set = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) set.add(k);
  return [...set];
}

function merge(a: WriteResult, b: WriteResult): WriteResult {
  return {
    written: a.written + b.written,
    failures: [...a.failures, ...b.failures],
    bytes: (a.bytes ?? 0) + (b.bytes ?? 0) || undefined,
    ids: a.ids ?? b.ids,
  };
}

/**
 * Bulk ingest, then collections for what Bulk handed back: rows with text longer than a Bulk
 * field takes (broad themes' breakdowns; collections take the field's full length) and rows
 * that failed on a lock.
 */
async function viaBulk(
  records: Record<string, unknown>[],
  ingest: (records: Record<string, unknown>[]) => Promise<IngestResult>,
  keyOf: (r: Record<string, unknown>) => string,
  rest: (records: Record<string, unknown>[]) => Promise<WriteResult>,
  scratch?: CsvScratch,
): Promise<WriteResult> {
  const res = await ingest(records);
  // The run's CSV buffer holds the last job's bytes (up to 100 MB). Rows handed back make
  // large JSON calls: let the buffer go first, so both are never resident at once (a later
  // Bulk write of the run takes a fresh one, resident only as far as it is written).
  if (scratch && res.tooLong.length > 0) scratch.buffer = undefined;
  const locked = new Set(res.lockedKeys);
  const again = [
    ...res.tooLong,
    ...(locked.size > 0 ? records.filter((r) => locked.has(keyOf(r))) : []),
  ];
  const bulk: WriteResult = { written: res.written, failures: res.failures, bytes: res.bytes };
  return again.length === 0 ? bulk : merge(bulk, await rest(again));
}

export async function upsertMany(
  org: Org,
  type: string,
  extField: string,
  records: Record<string, unknown>[],
  opts: WriterOptions,
): Promise<WriteResult> {
  if (records.length === 0) return { written: 0, failures: [] };
  if (!useIngest(records, opts)) return upsertByExternalId(org, type, extField, records);
  return viaBulk(
    records,
    (rows) =>
      bulkIngest(
        org,
        {
          object: type,
          operation: 'upsert',
          externalIdFieldName: extField,
          fields: fieldsOf(rows),
          records: rows,
        },
        INGEST_JOB_BYTES,
        opts.scratch,
      ),
    (r) => String(r[extField]),
    (rows) => upsertByExternalId(org, type, extField, rows),
    opts.scratch,
  );
}

export async function updateMany(
  org: Org,
  type: string,
  records: Record<string, unknown>[],
  opts: WriterOptions,
): Promise<WriteResult> {
  if (records.length === 0) return { written: 0, failures: [] };
  if (!useIngest(records, opts)) return updateById(org, type, records);
  return viaBulk(
    records,
    (rows) =>
      bulkIngest(
        org,
        { object: type, operation: 'update', fields: fieldsOf(rows), records: rows },
        INGEST_JOB_BYTES,
        opts.scratch,
      ),
    (r) => String(r.Id),
    (rows) => updateById(org, type, rows),
    opts.scratch,
  );
}

export async function deleteMany(org: Org, ids: string[]): Promise<WriteResult> {
  if (ids.length === 0) return { written: 0, failures: [] };
  return deleteByIds(org, ids);
}
