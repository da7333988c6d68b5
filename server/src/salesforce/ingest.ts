/**
 * Bulk API 2.0 ingest for large writes (upsert by External ID, or update by Id): one CSV upload
 * per job, then the processed counts are checked against what was sent. The CSV is built here
 * as text (jsforce's loadAndWaitForResults retries a failed upload with an empty body and adds
 * an empty Id column to array input, so it is not used). Failed rows come back as failures; rows
 * that failed on a lock are returned for the caller to retry through collections.
 * Retry-safe: the CSV goes into a job exactly once (an upload whose answer was lost aborts that
 * job and starts a new one), a close is confirmed by the job's state, and the processed count
 * must match the rows sent.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import HttpApi from 'jsforce/lib/http-api';
import { describeError, errorCodeOf, isTransient } from './errors';
import type { Org } from './org';
import { backoffDelay, sleep } from './retry';
import { waitForJob } from './read';
import type { RecordFailure, WriteResult } from './write';

interface IngestJob {
  id: string;
  state: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
  errorMessage?: string;
}

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/** Bulk 2.0: #N/A sets a field to null; an empty value leaves it as it is. */
function csvValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '#N/A';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export interface IngestSpec {
  object: string;
  operation: 'upsert' | 'update';
  externalIdFieldName?: string;
  fields: string[];
  records: Record<string, unknown>[];
}

/**
 * Bytes of CSV per ingest job. Salesforce takes at most 150 MB per upload after its base64
 * conversion, and says to upload at most 100 MB of data for that reason ("Upload Job Data").
 */
export const INGEST_JOB_BYTES = 100 * 1024 * 1024;

/** Bulk API 2.0 takes at most 32,000 characters in one field ("Limits and Allocations"). */
export const BULK_FIELD_MAX = 32_000;

/**
 * A job's CSV as UTF-8 bytes in one growing Buffer (outside the JS heap): the text of a job is
 * never held as strings, and the upload sends this Buffer as it is.
 */
class CsvBuffer {
  length = 0;
  /**
   * One allocation of the job's upper bound, reused by every job of a write: untouched pages
   * of a large allocation are not resident, so memory grows only with the bytes written (a
   * doubling buffer held old and new copies at once).
   */
  constructor(private buf: Buffer) {}
  reset(): void {
    this.length = 0;
  }
  append(text: string): void {
    const need = this.length + Buffer.byteLength(text, 'utf8');
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    this.length += this.buf.write(text, this.length, 'utf8');
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * Writes the records through as many Bulk 2.0 ingest jobs as their CSV needs (each at most
 * maxJobBytes of UTF-8). Rows are turned into CSV fifty at a time straight into the job's
 * buffer, so only one job's bytes are in memory at once.
 */
/**
 * What a Bulk write did, plus the rows for the caller to send through collections: rows that
 * failed on a lock (`lockedKeys`) and rows with a value Bulk cannot take (`tooLong`: a field
 * over BULK_FIELD_MAX characters, found while the CSV is built, so no value is made twice).
 */
export type IngestResult = WriteResult & {
  lockedKeys: string[];
  tooLong: Record<string, unknown>[];
};

/**
 * Holds one job-sized Buffer for the writes of one run, so consecutive Bulk writes (requests,
 * then scores) reuse it instead of each holding its own until the next garbage collection.
 */
export interface CsvScratch {
  buffer?: Buffer;
}

export async function bulkIngest(
  org: Org,
  spec: IngestSpec,
  maxJobBytes = INGEST_JOB_BYTES,
  scratch: CsvScratch = {},
): Promise<IngestResult> {
  const header = stringify([spec.fields], { record_delimiter: 'unix' });
  const total: IngestResult = { written: 0, failures: [], lockedKeys: [], tooLong: [], bytes: 0 };
  const capacity = maxJobBytes + 8 * 1024 * 1024;
  if (!scratch.buffer || scratch.buffer.length < capacity)
    scratch.buffer = Buffer.allocUnsafe(capacity);
  const csv = new CsvBuffer(scratch.buffer);
  csv.append(header);
  let rows = 0;
  const flush = async () => {
    if (rows === 0) return;
    const body = csv.bytes();
    total.bytes = (total.bytes ?? 0) + body.length;
    const res = await ingestJob(org, spec, body, rows);
    total.written += res.written;
    total.failures.push(...res.failures);
    total.lockedKeys.push(...res.lockedKeys);
    csv.reset();
    csv.append(header);
    rows = 0;
  };
  // 50 rows at a time: a slice stays under 50 × BULK_FIELD_MAX characters a field.
  for (let i = 0; i < spec.records.length; i += 50) {
    const values: string[][] = [];
    for (const r of spec.records.slice(i, i + 50)) {
      const row = spec.fields.map((f) => csvValue(r[f]));
      if (row.some((v) => v.length > BULK_FIELD_MAX)) total.tooLong.push(r);
      else values.push(row);
    }
    if (values.length === 0) continue;
    const text = stringify(values, { record_delimiter: 'unix' });
    const size = Buffer.byteLength(text, 'utf8');
    if (rows > 0 && csv.length + size > maxJobBytes) await flush();
    csv.append(text);
    rows += values.length;
  }
  await flush();
  return total;
}

async function createJob(org: Org, spec: IngestSpec): Promise<IngestJob> {
  return org.call(
    'ingest.create',
    () =>
      org.conn.request<IngestJob>({
        method: 'POST',
        url: `${org.base}/jobs/ingest`,
        body: JSON.stringify({
          object: spec.object,
          operation: spec.operation,
          ...(spec.operation === 'upsert' ? { externalIdFieldName: spec.externalIdFieldName } : {}),
          contentType: 'CSV',
          columnDelimiter: 'COMMA',
          lineEnding: 'LF',
        }),
        headers: { 'content-type': 'application/json' },
      }),
    // Retried like the query job's create: if a lost response hides a created job, that job
    // stays empty and Open and Salesforce discards it; no data is written twice.
    true,
  );
}

function jobInfo(org: Org, jobUrl: string): Promise<IngestJob> {
  return org.call('ingest.info', () => org.conn.request<IngestJob>({ method: 'GET', url: jobUrl }));
}

/** States in which a job's upload is complete: closing it again is neither needed nor allowed. */
const CLOSED = new Set(['UploadComplete', 'InProgress', 'JobComplete']);

/**
 * Uploads the CSV once into a fresh job. An upload whose answer was lost may or may not have
 * landed, and a second upload into the same job would add the rows again: the job is aborted
 * (so nothing of it is processed) and the rows go into a new job.
 */
async function openAndUpload(org: Org, spec: IngestSpec, csv: Buffer): Promise<IngestJob> {
  for (let attempt = 1; ; attempt += 1) {
    const job = await createJob(org, spec);
    const jobUrl = `${org.base}/jobs/ingest/${job.id}`;
    try {
      await org.call(
        'ingest.upload',
        () =>
          org.conn.request({
            method: 'PUT',
            url: `${jobUrl}/batches`,
            body: csv,
            headers: { 'content-type': 'text/csv' },
          }),
        false,
      );
      return job;
    } catch (err) {
      if (!isTransient(err) || attempt >= org.retryPolicy.maxAttempts) {
        await abortJob(org, jobUrl).catch(() => undefined);
        throw err;
      }
      org.retries += 1;
      org.logger.warn(
        { job: job.id, attempt, err: describeError(err) },
        'Bulk upload answer lost; aborting that job and uploading into a new one',
      );
      await abortJob(org, jobUrl);
      await sleep(backoffDelay(org.retryPolicy, attempt), org.signal);
    }
  }
}

async function abortJob(org: Org, jobUrl: string): Promise<void> {
  try {
    await org.call('ingest.abort', () =>
      org.conn.request({
        method: 'PATCH',
        url: jobUrl,
        body: JSON.stringify({ state: 'Aborted' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
  } catch (err) {
    // Already aborted by a retry whose first answer was lost: that is the state we want.
    if (errorCodeOf(err) !== 'INVALIDJOBSTATE' || (await jobInfo(org, jobUrl)).state !== 'Aborted')
      throw err;
  }
}

/**
 * Closes the upload. A close whose answer was lost is not repeated blindly (a second close
 * meets INVALIDJOBSTATE): the job's state says whether it went through.
 */
async function closeJob(org: Org, jobUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await org.call(
        'ingest.close',
        () =>
          org.conn.request({
            method: 'PATCH',
            url: jobUrl,
            body: JSON.stringify({ state: 'UploadComplete' }),
            headers: { 'content-type': 'application/json' },
          }),
        false,
      );
      return;
    } catch (err) {
      if (!isTransient(err) && errorCodeOf(err) !== 'INVALIDJOBSTATE') throw err;
      const state = (await jobInfo(org, jobUrl)).state;
      if (CLOSED.has(state)) return;
      if (state !== 'Open' || attempt >= org.retryPolicy.maxAttempts) throw err;
      org.retries += 1;
      await sleep(backoffDelay(org.retryPolicy, attempt), org.signal);
    }
  }
}

async function ingestJob(
  org: Org,
  spec: IngestSpec,
  csv: Buffer,
  rowCount: number,
): Promise<WriteResult & { lockedKeys: string[] }> {
  const keyField = spec.operation === 'upsert' ? (spec.externalIdFieldName as string) : 'Id';
  const job = await openAndUpload(org, spec, csv);
  const jobUrl = `${org.base}/jobs/ingest/${job.id}`;
  await closeJob(org, jobUrl);
  const done = (await waitForJob(org, jobUrl, 'ingest')) as IngestJob;
  const processed = done.numberRecordsProcessed ?? 0;
  const failedCount = done.numberRecordsFailed ?? 0;
  const failures: RecordFailure[] = [];
  const lockedKeys: string[] = [];
  if (failedCount > 0) {
    const text = await org.call('ingest.failedResults', () =>
      new HttpApi(org.conn, { responseType: 'text/plain' }).request({
        method: 'GET',
        url: `${org.conn.instanceUrl}${jobUrl}/failedResults`,
      }),
    );
    const rows = parse(String(text), { columns: true, bom: true }) as Record<string, string>[];
    for (const row of rows) {
      const message = row.sf__Error ?? 'failed';
      const statusCode = message.split(':')[0] || 'UNKNOWN_ERROR';
      const key = row[keyField] ?? '';
      if (statusCode === 'UNABLE_TO_LOCK_ROW') lockedKeys.push(key);
      else failures.push({ key, statusCode, message });
    }
  }
  if (processed !== rowCount) {
    throw new IngestError(
      `Bulk API 2.0 job ${job.id} processed ${processed} of ${rowCount} ${spec.object} rows; the run stops so that nothing is taken as written that was not. Running again is safe (upserts by key).`,
    );
  }
  org.tally.written[spec.object] = (org.tally.written[spec.object] ?? 0) + processed - failedCount;
  return { written: processed - failedCount, failures, lockedKeys };
}
