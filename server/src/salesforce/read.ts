/**
 * Reading the org with bounded memory: REST query/queryMore page by page, or Bulk API 2.0 when
 * the first page says the object is larger than the bulk threshold. Bulk results are paged
 * with locator/maxRecords and each page's CSV is parsed as a stream (jsforce's own multi-page
 * bulk2.query crashes, so it is never used). Every record is validated/coerced by its zod
 * schema, which also turns Bulk's all-string CSV values into numbers, booleans and nulls.
 */
import { parse } from 'csv-parse';
import HttpApi from 'jsforce/lib/http-api';
import type { z } from 'zod';
import { compositeCall } from './composite';
import type { Org } from './org';
import { sleep } from './retry';

export interface ReadOptions {
  /** Above this many rows, switch to Bulk API 2.0. */
  bulkThreshold: number;
  /** Rows per Bulk results page (bounded memory per page). */
  bulkPageSize?: number;
  /** The query's first page, already fetched (e.g. through composite). */
  firstPage?: QueryPage;
  /** Called after each page with the rows read so far. */
  onPage?: (rowsSoFar: number, totalSize: number) => void;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

/**
 * Yields validated records of `soql`, page by page. Uses REST paging unless the first page
 * reports more than `bulkThreshold` rows, in which case the rows come from a Bulk 2.0 job.
 */
export async function* readRecords<S extends z.ZodTypeAny>(
  org: Org,
  soql: string,
  schema: S,
  opts: ReadOptions,
): AsyncGenerator<z.infer<S>[]> {
  const first =
    opts.firstPage ??
    (await org.call(
      'query',
      async () => (await org.conn.query(soql, { autoFetch: false })) as unknown as QueryPage,
    ));
  if (!first.done && first.totalSize > opts.bulkThreshold) {
    yield* bulkRecords(org, soql, schema, first.totalSize, opts);
    return;
  }
  let page: QueryPage = first;
  let read = 0;
  for (;;) {
    read += page.records.length;
    const rows = page.records.map((r) => parseRecord(schema, r, soql));
    org.tally.read += rows.length;
    yield rows;
    opts.onPage?.(read, page.totalSize);
    if (page.done || !page.nextRecordsUrl) return;
    const next = page.nextRecordsUrl;
    page = await org.call(
      'queryMore',
      async () => (await org.conn.queryMore(next)) as unknown as QueryPage,
    );
  }
}

/**
 * The first REST page of up to five queries per composite call (one API call each). Small
 * objects are then read completely; large ones continue with queryMore or switch to Bulk 2.0.
 */
export async function firstPages(org: Org, soqls: readonly string[]): Promise<QueryPage[]> {
  const out: QueryPage[] = [];
  for (let i = 0; i < soqls.length; i += 5) {
    const group = soqls.slice(i, i + 5);
    const pages = await compositeCall(
      org,
      'composite.query',
      {
        allOrNone: false,
        compositeRequest: group.map((q, k) => ({
          method: 'GET',
          url: `${org.base}/query?q=${encodeURIComponent(q)}`,
          referenceId: `q${k}`,
        })),
      },
      (answer) => group.map((q, k) => answer.body<QueryPage>(`q${k}`, `Query [${q.slice(0, 80)}]`)),
    );
    out.push(...pages);
  }
  return out;
}

/** Reads every record into one array (for objects known to be small, or accumulated by the caller). */
export async function readAll<S extends z.ZodTypeAny>(
  org: Org,
  soql: string,
  schema: S,
  opts: ReadOptions,
): Promise<z.infer<S>[]> {
  const out: z.infer<S>[] = [];
  for await (const page of readRecords(org, soql, schema, opts)) for (const r of page) out.push(r);
  return out;
}

function parseRecord<S extends z.ZodTypeAny>(
  schema: S,
  record: Record<string, unknown>,
  soql: string,
): z.infer<S> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ReadError(
    `A record read by "${soql.slice(0, 80)}" does not fit the expected schema (${issue?.path.join('.')}: ${issue?.message}); check the org's field types against force-app.`,
  );
}

interface BulkJob {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'Aborted' | 'JobComplete' | 'Failed';
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

/** Bulk API 2.0 query: create the job, poll it, then page its CSV results. */
async function* bulkRecords<S extends z.ZodTypeAny>(
  org: Org,
  soql: string,
  schema: S,
  expected: number,
  opts: ReadOptions,
): AsyncGenerator<z.infer<S>[]> {
  // Creating a job twice is harmless (an extra query job), so the create may be retried.
  const job = await org.call('bulkQuery.create', () =>
    org.conn.request<BulkJob>({
      method: 'POST',
      url: `${org.base}/jobs/query`,
      body: JSON.stringify({
        operation: 'query',
        query: soql,
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF',
      }),
      headers: { 'content-type': 'application/json' },
    }),
  );
  await waitForJob(org, `${org.base}/jobs/query/${job.id}`, 'query');
  const pageSize = opts.bulkPageSize ?? 50_000;
  let locator: string | undefined;
  let read = 0;
  do {
    const url = `${org.base}/jobs/query/${job.id}/results?maxRecords=${pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const { body, nextLocator } = await org.call('bulkQuery.results', () => getCsvPage(org, url));
    const batch: z.infer<S>[] = [];
    const parser = parse({ columns: true, bom: true, relax_column_count: false });
    parser.end(body);
    for await (const row of parser)
      batch.push(parseRecord(schema, row as Record<string, unknown>, soql));
    read += batch.length;
    org.tally.read += batch.length;
    yield batch;
    opts.onPage?.(read, expected);
    locator = nextLocator;
  } while (locator);
}

/** GETs one results page as text, keeping the Sforce-Locator header. */
async function getCsvPage(org: Org, url: string): Promise<{ body: string; nextLocator?: string }> {
  const api = new HttpApi(org.conn, { responseType: 'text/plain' });
  let locatorHeader: string | undefined;
  api.on('response', (res: { headers: Record<string, string> }) => {
    locatorHeader = res.headers['sforce-locator'];
  });
  // HttpApi (unlike Connection.request) needs an absolute URL.
  const body = (await api.request({
    method: 'GET',
    url: `${org.conn.instanceUrl}${url}`,
    headers: { Accept: 'text/csv' },
  })) as unknown as string;
  const nextLocator = locatorHeader && locatorHeader !== 'null' ? locatorHeader : undefined;
  return { body: typeof body === 'string' ? body : String(body ?? ''), nextLocator };
}

/** Polls a Bulk 2.0 job until it completes; backs off from 250 ms to 5 s between polls. */
export async function waitForJob(
  org: Org,
  jobUrl: string,
  kind: 'query' | 'ingest',
  timeoutMs = 30 * 60_000,
): Promise<BulkJob> {
  const started = Date.now();
  let delay = 250;
  for (;;) {
    const job = await org.call(`bulk${kind}.poll`, () =>
      org.conn.request<BulkJob>({ method: 'GET', url: jobUrl }),
    );
    if (job.state === 'JobComplete') return job;
    if (job.state === 'Failed' || job.state === 'Aborted') {
      throw new ReadError(
        `Bulk API 2.0 ${kind} job ${job.id} ${job.state.toLowerCase()}: ${job.errorMessage ?? 'no message'}`,
      );
    }
    if (Date.now() - started > timeoutMs)
      throw new ReadError(
        `Bulk API 2.0 ${kind} job ${job.id} did not finish within ${timeoutMs / 60_000} minutes.`,
      );
    await sleep(delay, org.signal);
    delay = Math.min(5_000, delay * 2);
  }
}
