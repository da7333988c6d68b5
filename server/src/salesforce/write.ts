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
import { RequestLimitError } from './errors';
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
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: { statusCode?: string; errorCode?: string; message: string }[];
}

interface Chunk {
  method: 'PATCH' | 'DELETE';
  url: string;
  body?: { allOrNone: false; records: Record<string, unknown>[] };
  keys: string[];
  items: unknown[];
}

type Op<T> = { items: T[]; keyOf: (item: T) => string; toChunk: (items: T[]) => Omit<Chunk, 'keys' | 'items'> };

export interface WriteOptions {
  /** Group several collections into one composite call. */
  composite?: boolean;
}

/** Upserts records by an External ID field. `type` must match every record's object. */
export function upsertByExternalId(org: Org, type: string, extField: string, records: Record<string, unknown>[], opts: WriteOptions = {}): Promise<WriteResult> {
  return runCollections(
    org,
    {
      items: records,
      keyOf: (r) => String(r[extField]),
      toChunk: (items) => ({
        method: 'PATCH',
        url: `${org.base}/composite/sobjects/${type}/${extField}`,
        body: { allOrNone: false, records: items.map((r) => ({ attributes: { type }, ...r })) },
      }),
    },
    opts,
  );
}

/** Updates records by Id (each record has Id plus the fields to set). */
export function updateById(org: Org, type: string, records: Record<string, unknown>[], opts: WriteOptions = {}): Promise<WriteResult> {
  return runCollections(
    org,
    {
      items: records,
      keyOf: (r) => String(r.Id),
      toChunk: (items) => ({
        method: 'PATCH',
        url: `${org.base}/composite/sobjects`,
        body: { allOrNone: false, records: items.map((r) => ({ attributes: { type }, ...r })) },
      }),
    },
    opts,
  );
}

/** Deletes records by Id. A record already gone (ENTITY_IS_DELETED / INVALID_CROSS_REFERENCE_KEY) counts as deleted. */
export async function deleteByIds(org: Org, ids: string[], opts: WriteOptions = {}): Promise<WriteResult> {
  const result = await runCollections(
    org,
    {
      items: ids,
      keyOf: (id) => id,
      toChunk: (items) => ({ method: 'DELETE', url: `${org.base}/composite/sobjects?ids=${items.join(',')}&allOrNone=false` }),
    },
    opts,
  );
  // Deleting twice (a retried call whose first try went through) reports the record as gone.
  const gone = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'NOT_FOUND']);
  const failures = result.failures.filter((f) => !gone.has(f.statusCode));
  return { written: result.written + (result.failures.length - failures.length), failures };
}

async function runCollections<T>(org: Org, op: Op<T>, opts: WriteOptions): Promise<WriteResult> {
  let pending = op.items;
  let written = 0;
  const failures: RecordFailure[] = [];
  const ids = new Map<string, string>();
  for (let round = 1; pending.length > 0; round += 1) {
    const chunks: Chunk[] = [];
    for (let i = 0; i < pending.length; i += COLLECTION_SIZE) {
      const items = pending.slice(i, i + COLLECTION_SIZE);
      chunks.push({ ...op.toChunk(items), keys: items.map(op.keyOf), items });
    }
    const retry: T[] = [];
    const useComposite = opts.composite !== false && chunks.length > 1;
    for (let i = 0; i < chunks.length; i += useComposite ? COLLECTIONS_PER_COMPOSITE : 1) {
      const group = chunks.slice(i, i + (useComposite ? COLLECTIONS_PER_COMPOSITE : 1));
      const results = useComposite ? await sendComposite(org, group) : [await sendCollection(org, group[0])];
      group.forEach((chunk, c) => {
        const res = results[c];
        chunk.keys.forEach((key, k) => {
          const r = res[k];
          if (r?.success) {
            written += 1;
            if (r.id) ids.set(key, r.id);
            return;
          }
          const error = r?.errors?.[0];
          const statusCode = error?.statusCode ?? error?.errorCode ?? 'UNKNOWN_ERROR';
          if (statusCode === 'UNABLE_TO_LOCK_ROW' && round < org.retryPolicy.maxAttempts) retry.push(chunk.items[k] as T);
          else failures.push({ key, statusCode, message: error?.message ?? 'no result for this record' });
        });
      });
    }
    if (retry.length > 0) {
      org.retries += 1;
      org.logger.warn({ records: retry.length, round }, 'records locked by another transaction; retrying them');
      await sleep(backoffDelay(org.retryPolicy, round), org.signal);
    }
    pending = retry;
  }
  return { written, failures, ids };
}

function sendCollection(org: Org, chunk: Chunk): Promise<SaveResult[]> {
  return org.call(`collections.${chunk.method}`, () =>
    org.conn.request<SaveResult[]>({
      method: chunk.method,
      url: chunk.url,
      ...(chunk.body ? { body: JSON.stringify(chunk.body), headers: { 'content-type': 'application/json' } } : {}),
    }),
  );
}

interface CompositeResponse {
  compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[];
}

/** Up to five collections in one composite call (one API call). Retried whole: each part is idempotent. */
async function sendComposite(org: Org, group: Chunk[]): Promise<SaveResult[][]> {
  const res = await org.call('composite', () =>
    org.conn.requestPost<CompositeResponse>('/composite', {
      allOrNone: false,
      compositeRequest: group.map((chunk, i) => ({ method: chunk.method, url: chunk.url, referenceId: `c${i}`, ...(chunk.body ? { body: chunk.body } : {}) })),
    }),
  );
  return group.map((chunk, i) => {
    const part = res.compositeResponse.find((p) => p.referenceId === `c${i}`);
    if (part && Array.isArray(part.body)) return part.body as SaveResult[];
    // A whole subrequest failed (e.g. a 5xx inside the composite): report it per record, and
    // let lock/5xx codes be retried like per-record locks.
    const err = Array.isArray(part?.body) ? undefined : ((part?.body as { errorCode?: string; message?: string }[] | undefined)?.[0] ?? undefined);
    const code = err?.errorCode ?? `HTTP_${part?.httpStatusCode ?? 'MISSING'}`;
    if (code === 'REQUEST_LIMIT_EXCEEDED') throw new RequestLimitError(err?.message ?? 'inside a composite call');
    const retryable = code === 'UNABLE_TO_LOCK_ROW' || (part?.httpStatusCode ?? 500) >= 500;
    return chunk.keys.map(() => ({ success: false, errors: [{ statusCode: retryable ? 'UNABLE_TO_LOCK_ROW' : code, message: err?.message ?? `composite subrequest failed (${code})` }] }));
  });
}
