/**
 * Writing to the org, idempotently:
 * - upserts by External ID and updates by Id through sObject Collections (≤ 200 records per
 *   collection), five collections per composite call when there is more than one (≤ 1,000
 *   records per API call);
 * - deletes by Id through collections the same way;
 * - per-record UNABLE_TO_LOCK_ROW (and whole-call transient errors) are retried with backoff:
 *   repeating an upsert by key or an update by Id converges, so it is safe; nothing is ever
 *   created blindly.
 * Other per-record errors are returned to the caller, which reports them (Partially Succeeded).
 */
import { compositeCall } from './composite';
import { isRequestLimit, isTransient } from './errors';
import type { Org } from './org';
import { backoffDelay, sleep } from './retry';

export const COLLECTION_SIZE = 200;
export const COLLECTIONS_PER_COMPOSITE = 5;

export interface RecordFailure {
  key: string;
  statusCode: string;
  message: string;
}

export interface WriteResult {
  written: number;
  failures: RecordFailure[];
  /** Record Id by key for written records, when the API returned it (collections do). */
  ids?: Map<string, string>;
  /** CSV bytes uploaded, when written by Bulk ingest. */
  bytes?: number;
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: { statusCode?: string; errorCode?: string; message: string }[];
}

interface Chunk {
  method: 'PATCH' | 'DELETE';
  url: string;
  /** The body as JSON, each record serialised once (long text makes it large). */
  json?: string;
  keys: string[];
  items: unknown[];
}

/** Most JSON bytes in one composite call: long Breakdown__c text makes collections heavy. */
export const COMPOSITE_MAX_BYTES = 30 * 1024 * 1024;

type Op<T> = {
  /** What a success counts as in the run's tally: rows written to this object, or deleted. */
  tally: string | 'deleted';
  items: T[];
  keyOf: (item: T) => string;
  /** A chunk's call; `jsons` are its items' JSON when the op has `itemJson`. */
  toChunk: (items: T[], jsons: string[]) => Omit<Chunk, 'keys' | 'items'>;
  /**
   * An item as JSON in the call's body: it also measures the item, so a call stops before
   * CALL_MAX_CHARS (records with long text make calls large).
   */
  itemJson?: (item: T) => string;
};

/**
 * Characters of JSON in one call, collections or composite, beyond one record: a call's body
 * is held as strings and then as bytes while it is sent, so the 1,093 scores whose breakdowns
 * are too long for Bulk (64 MB of JSON at 1M requests) in calls of 30 MB made the run's peak of
 * memory. Calls of at most 12 MB cost three more calls there (80 against a minimum of 81).
 */
export const CALL_MAX_CHARS = 12 * 1024 * 1024;

export interface WriteOptions {
  /** Group several collections into one composite call. */
  composite?: boolean;
  /** Characters of JSON in one call (CALL_MAX_CHARS unless set). */
  maxCallChars?: number;
}

/** Upserts records by an External ID field. `type` must match every record's object. */
export function upsertByExternalId(
  org: Org,
  type: string,
  extField: string,
  records: Record<string, unknown>[],
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const url = `${org.base}/composite/sobjects/${type}/${extField}`;
  return patchRecords(org, type, url, records, (r) => String(r[extField]), opts);
}

/** Updates records by Id (each record has Id plus the fields to set). */
export function updateById(
  org: Org,
  type: string,
  records: Record<string, unknown>[],
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const url = `${org.base}/composite/sobjects`;
  return patchRecords(org, type, url, records, (r) => String(r.Id), opts);
}

/** PATCHes records of `type` through sObject Collections at `url` (upsert or update). */
function patchRecords(
  org: Org,
  type: string,
  url: string,
  records: Record<string, unknown>[],
  keyOf: (r: Record<string, unknown>) => string,
  opts: WriteOptions,
): Promise<WriteResult> {
  return runCollections(
    org,
    {
      tally: type,
      items: records,
      keyOf,
      itemJson: (r) => JSON.stringify({ attributes: { type }, ...r }),
      toChunk: (_items, jsons) => ({
        method: 'PATCH',
        url,
        json: `{"allOrNone":false,"records":[${jsons.join(',')}]}`,
      }),
    },
    opts,
  );
}

/** Deletes records by Id. A record already gone (ENTITY_IS_DELETED / INVALID_CROSS_REFERENCE_KEY) counts as deleted. */
export async function deleteByIds(
  org: Org,
  ids: string[],
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const result = await runCollections(
    org,
    {
      tally: 'deleted',
      items: ids,
      keyOf: (id) => id,
      toChunk: (items) => ({
        method: 'DELETE',
        url: `${org.base}/composite/sobjects?ids=${items.join(',')}&allOrNone=false`,
      }),
    },
    opts,
  );
  // Deleting twice (a retried call whose first try went through) reports the record as gone.
  const gone = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'NOT_FOUND']);
  const failures = result.failures.filter((f) => !gone.has(f.statusCode));
  org.tally.deleted += result.failures.length - failures.length;
  return { written: result.written + (result.failures.length - failures.length), failures };
}

async function runCollections<T>(org: Org, op: Op<T>, opts: WriteOptions): Promise<WriteResult> {
  let pending = op.items;
  let written = 0;
  const failures: RecordFailure[] = [];
  const ids = new Map<string, string>();
  for (let round = 1; pending.length > 0; round += 1) {
    const chunkCount = Math.ceil(pending.length / COLLECTION_SIZE);
    const retry: T[] = [];
    const useComposite = opts.composite !== false && chunkCount > 1;
    // Chunks are serialised as they are grouped, so only one call's JSON is in memory at once.
    const callMax = opts.maxCallChars ?? CALL_MAX_CHARS;
    let next = 0;
    /** The JSON of pending[next], made by the chunk before, which it did not fit. */
    let spare: string | undefined;
    const makeChunk = (): Chunk | undefined => {
      if (next >= pending.length) return undefined;
      let end = Math.min(pending.length, next + COLLECTION_SIZE);
      const jsons: string[] = [];
      if (op.itemJson) {
        let chars = 0;
        for (let k = next; k < end; k++) {
          const json = k === next && spare !== undefined ? spare : op.itemJson(pending[k]);
          spare = undefined;
          if (jsons.length > 0 && chars + json.length > callMax) {
            spare = json;
            end = k;
            break;
          }
          jsons.push(json);
          chars += json.length;
        }
      }
      const items = pending.slice(next, end);
      next += items.length;
      return { ...op.toChunk(items, jsons), keys: items.map(op.keyOf), items };
    };
    let carry: Chunk | undefined;
    for (;;) {
      const group: Chunk[] = [];
      let bytes = 0;
      while (group.length < (useComposite ? COLLECTIONS_PER_COMPOSITE : 1)) {
        const chunk = carry ?? makeChunk();
        carry = undefined;
        if (!chunk) break;
        const size = chunk.json?.length ?? 0;
        if (group.length > 0 && bytes + size > Math.min(COMPOSITE_MAX_BYTES, callMax)) {
          carry = chunk;
          break;
        }
        group.push(chunk);
        bytes += size;
      }
      if (group.length === 0) break;
      const results = useComposite
        ? await sendComposite(org, group)
        : [await sendCollection(org, group[0])];
      group.forEach((chunk, c) => {
        const res = results[c];
        chunk.keys.forEach((key, k) => {
          const r = res[k];
          if (r?.success) {
            written += 1;
            countSuccess(org, op.tally);
            if (r.id) ids.set(key, r.id);
            return;
          }
          const error = r?.errors?.[0];
          const statusCode = error?.statusCode ?? error?.errorCode ?? 'UNKNOWN_ERROR';
          if (statusCode === 'UNABLE_TO_LOCK_ROW' && round < org.retryPolicy.maxAttempts)
            retry.push(chunk.items[k] as T);
          else
            failures.push({
              key,
              statusCode,
              message: error?.message ?? 'no result for this record',
            });
        });
      });
    }
    if (retry.length > 0) {
      org.retries += 1;
      org.logger.warn(
        { records: retry.length, round },
        'records locked by another transaction; retrying them',
      );
      await sleep(backoffDelay(org.retryPolicy, round), org.signal);
    }
    pending = retry;
  }
  return { written, failures, ids };
}

function countSuccess(org: Org, tally: string): void {
  if (tally === 'deleted') org.tally.deleted += 1;
  else org.tally.written[tally] = (org.tally.written[tally] ?? 0) + 1;
}

function sendCollection(org: Org, chunk: Chunk): Promise<SaveResult[]> {
  return org.call(`collections.${chunk.method}`, () =>
    org.conn.request<SaveResult[]>({
      method: chunk.method,
      url: chunk.url,
      ...(chunk.json ? { body: chunk.json, headers: { 'content-type': 'application/json' } } : {}),
    }),
  );
}

/** Up to five collections in one composite call (one API call). Retried whole: each part is idempotent. */
async function sendComposite(org: Org, group: Chunk[]): Promise<SaveResult[][]> {
  // Built as text around each chunk's JSON, so long bodies are not serialised twice.
  const parts = group.map((chunk, i) => {
    const head = JSON.stringify({ method: chunk.method, url: chunk.url, referenceId: `c${i}` });
    return chunk.json ? `${head.slice(0, -1)},"body":${chunk.json}}` : head;
  });
  const body = `{"allOrNone":false,"compositeRequest":[${parts.join(',')}]}`;
  return compositeCall(org, 'composite', body, (answer) =>
    group.map((chunk, i) => {
      const err = answer.error(`c${i}`, `A collection of ${chunk.keys.length} records`);
      if (!err) return answer.body<SaveResult[]>(`c${i}`);
      // A whole sub-request failed (e.g. a 5xx inside the composite): the API limit stops the
      // run (thrown, as from a direct call); anything else is reported per record, transient
      // failures as locks so that the records are retried like per-record locks.
      if (isRequestLimit(err)) throw err;
      const statusCode = isTransient(err) ? 'UNABLE_TO_LOCK_ROW' : err.errorCode;
      return chunk.keys.map(() => ({
        success: false,
        errors: [{ statusCode, message: err.message }],
      }));
    }),
  );
}
