/**
 * Bulk API 2.0. Query jobs match their rows when created and render CSV one locator page at a
 * time; ingest jobs take one or more CSV uploads and run through the same DML rules as REST.
 */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import { applyEach } from '../http/collections';
import {
  json,
  jsonObject,
  noContent,
  notFound,
  type ApiRequest,
  type ApiResponse,
} from '../http/types';
import { compileQuery, csvCell, runPlan, type Plan } from '../soql/query';
import { RequestError } from '../store/errors';
import { makeId } from '../store/ids';
import type { Row } from '../store/table';
import { formatDateTime } from '../store/values';
import { csvLine, DELIMITERS, parseCsv } from './csv';

const Options = {
  contentType: z.literal('CSV').optional(),
  columnDelimiter: z
    .enum(['COMMA', 'TAB', 'SEMICOLON', 'PIPE', 'CARET', 'BACKQUOTE'])
    .default('COMMA'),
  lineEnding: z.enum(['LF', 'CRLF']).default('LF'),
};
const QueryJobSchema = z.object({
  operation: z.enum(['query', 'queryAll']),
  query: z.string().min(1),
  ...Options,
});
const IngestJobSchema = z.object({
  object: z.string().min(1),
  operation: z.enum(['insert', 'update', 'upsert', 'delete', 'hardDelete']),
  externalIdFieldName: z.string().optional(),
  assignmentRuleId: z.string().optional(),
  ...Options,
});

interface JobBase {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  state: string;
  concurrencyMode: 'Parallel';
  contentType: 'CSV';
  apiVersion: number;
  lineEnding: 'LF' | 'CRLF';
  columnDelimiter: string;
}

interface QueryJob extends JobBase {
  plan: Plan;
  rows: Row[];
}

interface IngestJob extends JobBase {
  externalIdFieldName?: string;
  uploads: string[];
  processed: number;
  failed: number;
  errorMessage?: string;
  header: string[];
  successful: string[];
  failures: string[];
  unprocessed: string[][];
}

interface Jobs {
  query: Map<string, QueryJob>;
  ingest: Map<string, IngestJob>;
  seq: number;
}

const registry = new WeakMap<Emulator, Jobs>();
function jobsOf(emu: Emulator): Jobs {
  let jobs = registry.get(emu);
  if (!jobs) {
    jobs = { query: new Map(), ingest: new Map(), seq: 0 };
    registry.set(emu, jobs);
  }
  return jobs;
}

export function clearJobs(emu: Emulator): void {
  registry.delete(emu);
}

export function bulkQueryJobsToday(emu: Emulator): number {
  return jobsOf(emu).query.size;
}

function invalid(err: z.ZodError): RequestError {
  return new RequestError(
    400,
    'INVALIDJOB',
    `InvalidJob : ${err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
  );
}

function base(
  emu: Emulator,
  req: ApiRequest,
  fields: { operation: string; object: string; lineEnding: 'LF' | 'CRLF'; columnDelimiter: string },
  state: string,
): JobBase {
  const jobs = jobsOf(emu);
  jobs.seq += 1;
  const now = formatDateTime(emu.store.clock());
  return {
    id: makeId('750', jobs.seq),
    ...fields,
    createdById: emu.store.userId,
    createdDate: now,
    systemModstamp: now,
    state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(req.version),
  };
}

function queryInfo(job: QueryJob, full: boolean): Record<string, unknown> {
  const { plan: _p, rows, ...info } = job;
  return full
    ? {
        ...info,
        jobType: 'V2Query',
        numberRecordsProcessed: rows.length,
        retries: 0,
        totalProcessingTime: 0,
      }
    : info;
}

function ingestInfo(job: IngestJob, full: boolean, version: string): Record<string, unknown> {
  const {
    uploads: _u,
    header: _h,
    successful: _s,
    failures: _f,
    unprocessed: _x,
    processed,
    failed,
    errorMessage,
    ...info
  } = job;
  const out: Record<string, unknown> = {
    ...info,
    contentUrl: `services/data/v${version}/jobs/ingest/${job.id}/batches`,
  };
  if (full)
    Object.assign(out, {
      jobType: 'V2Ingest',
      numberRecordsProcessed: processed,
      numberRecordsFailed: failed,
      retries: 0,
      totalProcessingTime: 0,
      apiActiveProcessingTime: 0,
      apexProcessingTime: 0,
    });
  if (errorMessage) out.errorMessage = errorMessage;
  return out;
}

function encodeLocator(offset: number): string {
  return Buffer.from(`q${offset}`).toString('base64url');
}

function decodeLocator(locator: string): number | null {
  const m = /^q(\d+)$/.exec(Buffer.from(locator, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/** Keeps matched rows of the newest jobs only (an org keeps results for days; memory here is finite). */
const MAX_RETAINED_ROWS = 5_000_000;
function retainResults(jobs: Map<string, QueryJob>): void {
  let retained = 0;
  for (const job of [...jobs.values()].reverse()) {
    retained += job.rows.length;
    if (retained > MAX_RETAINED_ROWS && job.state !== 'Expired') {
      job.rows = [];
      job.state = 'Aborted';
    }
  }
}

function queryRoutes(emu: Emulator, req: ApiRequest): ApiResponse | null {
  const jobs = jobsOf(emu).query;
  const [, , id, sub] = req.segments;
  if (id === undefined) {
    if (req.method === 'POST') {
      const parsed = QueryJobSchema.safeParse(jsonObject(req));
      if (!parsed.success) throw invalid(parsed.error);
      const plan = compileQuery(emu.store, parsed.data.query);
      if (plan.countOnly)
        throw new RequestError(
          400,
          'API_ERROR',
          'Aggregate queries are not supported by Bulk API 2.0 query jobs',
        );
      const rows = runPlan(emu.store, plan, parsed.data.operation === 'queryAll');
      const job: QueryJob = {
        ...base(
          emu,
          req,
          {
            operation: parsed.data.operation,
            object: plan.def.name,
            lineEnding: parsed.data.lineEnding,
            columnDelimiter: parsed.data.columnDelimiter,
          },
          'UploadComplete',
        ),
        plan,
        rows,
      };
      jobs.set(job.id, job);
      retainResults(jobs);
      return json(200, queryInfo(job, false));
    }
    if (req.method === 'GET')
      return json(200, {
        done: true,
        records: [...jobs.values()].map((j) => queryInfo(j, false)),
        nextRecordsUrl: null,
      });
    return null;
  }
  const job = jobs.get(id);
  if (!job) throw notFound();
  if (sub === undefined) {
    if (req.method === 'GET') {
      if (job.state === 'UploadComplete') job.state = 'JobComplete';
      return json(200, queryInfo(job, true));
    }
    if (req.method === 'PATCH') {
      job.state = 'Aborted';
      return json(200, queryInfo(job, false));
    }
    if (req.method === 'DELETE') {
      jobs.delete(id);
      return noContent();
    }
    return null;
  }
  if (sub === 'results' && req.method === 'GET') {
    if (job.state !== 'JobComplete')
      throw new RequestError(
        400,
        'API_ERROR',
        `Job ${job.id} is ${job.state}; results are available once it is JobComplete`,
      );
    const locator = req.query.get('locator');
    const offset = locator ? decodeLocator(locator) : 0;
    if (offset === null || offset > job.rows.length)
      throw new RequestError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
    const maxParam = req.query.get('maxRecords');
    const max = maxParam === null ? 100_000 : Number(maxParam);
    if (!Number.isInteger(max) || max < 1)
      throw new RequestError(400, 'INVALIDPARAMETER', 'maxRecords must be a positive integer');
    const end = Math.min(job.rows.length, offset + max);
    const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
    const delim = DELIMITERS[job.columnDelimiter];
    const cols = job.plan.columns;
    const line = (values: string[]) =>
      delim === ','
        ? csvLine(values, eol)
        : values.map((v) => `"${v.replace(/"/g, '""')}"`).join(delim) + eol;
    const parts: string[] = [line(cols.map((c) => c.names.join('.')))];
    for (let i = offset; i < end; i++) {
      const row = job.rows[i];
      parts.push(line(cols.map((c) => csvCell(c, row))));
    }
    return {
      status: 200,
      text: parts.join(''),
      contentType: 'text/csv',
      headers: {
        'Sforce-Locator': end < job.rows.length ? encodeLocator(end) : 'null',
        'Sforce-NumberOfRecords': String(end - offset),
      },
    };
  }
  return null;
}

function processIngest(emu: Emulator, job: IngestJob, locked: (() => boolean) | null): void {
  const { header, rows } = parseCsv(job.uploads.join(''), DELIMITERS[job.columnDelimiter]);
  job.uploads = [];
  job.header = header;
  const table = emu.store.table(job.object);
  const unknown = header.filter((h) => !table.def.fieldMap.has(h.toLowerCase()));
  if (unknown.length > 0) {
    job.state = 'Failed';
    job.errorMessage = `InvalidBatch : Field name not found : ${unknown[0]}`;
    job.unprocessed = rows;
    return;
  }
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const results = applyEach(emu, rows, false, locked, (cells) => {
    const rec: Record<string, unknown> = {};
    header.forEach((h, i) => (rec[h] = cells[i]));
    switch (job.operation) {
      case 'insert':
        return {
          id: emu.store.create(job.object, rec, { fromCsv: true }).Id as string,
          created: true,
        };
      case 'update': {
        const { Id, id, ...rest } = rec as Record<string, unknown>;
        return {
          id: emu.store.update(job.object, Id ?? id, rest, { fromCsv: true }).Id as string,
          created: false,
        };
      }
      case 'upsert': {
        const { row, created } = emu.store.upsert(job.object, job.externalIdFieldName!, rec, {
          fromCsv: true,
        });
        return { id: row.Id as string, created };
      }
      default: {
        const idValue = rec.Id ?? rec.id;
        return { id: emu.store.delete(idValue, job.object).Id as string, created: false };
      }
    }
  });
  results.forEach((r, i) => {
    if (r.success)
      job.successful.push(csvLine([r.id!, String(Boolean(r.created)), ...rows[i]], eol));
    else {
      const e = r.errors[0];
      job.failures.push(
        csvLine(['', `${e.statusCode}:${e.message}:${e.fields.join(',')} --`, ...rows[i]], eol),
      );
    }
  });
  job.processed = rows.length;
  job.failed = results.filter((r) => !r.success).length;
  job.state = 'JobComplete';
}

function ingestRoutes(
  emu: Emulator,
  req: ApiRequest,
  locked: (() => boolean) | null,
): ApiResponse | null {
  const jobs = jobsOf(emu).ingest;
  const [, , id, sub] = req.segments;
  if (id === undefined) {
    if (req.method === 'POST') {
      const parsed = IngestJobSchema.safeParse(jsonObject(req));
      if (!parsed.success) throw invalid(parsed.error);
      const d = parsed.data;
      const def = emu.schema.find(d.object);
      if (!def)
        throw new RequestError(
          400,
          'INVALIDENTITY',
          `InvalidEntity : Entity '${d.object}' is not supported by the Bulk API.`,
        );
      if (d.operation === 'upsert') {
        if (!d.externalIdFieldName)
          throw new RequestError(
            400,
            'INVALIDJOB',
            'InvalidJob : External ID was blank for upsert; pass externalIdFieldName',
          );
        emu.store.externalIdField(def, d.externalIdFieldName);
      }
      const job: IngestJob = {
        ...base(
          emu,
          req,
          {
            operation: d.operation,
            object: def.name,
            lineEnding: d.lineEnding,
            columnDelimiter: d.columnDelimiter,
          },
          'Open',
        ),
        ...(d.externalIdFieldName ? { externalIdFieldName: d.externalIdFieldName } : {}),
        uploads: [],
        processed: 0,
        failed: 0,
        header: [],
        successful: [],
        failures: [],
        unprocessed: [],
      };
      jobs.set(job.id, job);
      return json(200, ingestInfo(job, false, req.version));
    }
    if (req.method === 'GET')
      return json(200, {
        done: true,
        records: [...jobs.values()].map((j) => ingestInfo(j, false, req.version)),
        nextRecordsUrl: null,
      });
    return null;
  }
  const job = jobs.get(id);
  if (!job) throw notFound();
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  if (sub === undefined) {
    if (req.method === 'GET') return json(200, ingestInfo(job, true, req.version));
    if (req.method === 'DELETE') {
      jobs.delete(id);
      return noContent();
    }
    if (req.method === 'PATCH') {
      const body = jsonObject(req);
      if (body.state === 'UploadComplete') {
        if (job.state !== 'Open')
          throw new RequestError(
            400,
            'INVALIDJOBSTATE',
            `InvalidJobState : Job ${job.id} is ${job.state}, not Open`,
          );
        if (job.uploads.length === 0) {
          job.state = 'Failed';
          job.errorMessage = 'InvalidBatch : No data was uploaded for this job';
          return json(200, ingestInfo(job, false, req.version));
        }
        job.state = 'UploadComplete';
        const info = ingestInfo(job, false, req.version);
        processIngest(emu, job, locked);
        return json(200, info);
      }
      if (body.state === 'Aborted') {
        if (job.state === 'JobComplete' || job.state === 'Failed')
          throw new RequestError(
            400,
            'INVALIDJOBSTATE',
            `InvalidJobState : Job ${job.id} is already ${job.state}`,
          );
        if (job.uploads.length > 0) {
          const parsed = parseCsv(job.uploads.join(''), DELIMITERS[job.columnDelimiter]);
          job.header = parsed.header;
          job.unprocessed = parsed.rows;
        }
        job.state = 'Aborted';
        return json(200, ingestInfo(job, false, req.version));
      }
      throw new RequestError(
        400,
        'INVALIDJOBSTATE',
        'InvalidJobState : state must be UploadComplete or Aborted',
      );
    }
    return null;
  }
  if (sub === 'batches' && req.method === 'PUT') {
    if (job.state !== 'Open')
      throw new RequestError(
        400,
        'INVALIDJOBSTATE',
        `InvalidJobState : Job ${job.id} is ${job.state}; upload data while it is Open`,
      );
    const text = req.body.toString('utf8');
    // A second upload continues the first: drop its header line.
    job.uploads.push(job.uploads.length === 0 ? text : text.slice(text.indexOf('\n') + 1));
    return { status: 201 };
  }
  if (
    req.method === 'GET' &&
    (sub === 'successfulResults' || sub === 'failedResults' || sub === 'unprocessedrecords')
  ) {
    const header = job.header;
    let text: string;
    if (sub === 'successfulResults')
      text = csvLine(['sf__Id', 'sf__Created', ...header], eol) + job.successful.join('');
    else if (sub === 'failedResults')
      text = csvLine(['sf__Id', 'sf__Error', ...header], eol) + job.failures.join('');
    else
      text =
        (header.length ? csvLine(header, eol) : '') +
        job.unprocessed.map((r) => csvLine(r, eol)).join('');
    return { status: 200, text, contentType: 'text/csv' };
  }
  return null;
}

export function bulkRoutes(
  emu: Emulator,
  req: ApiRequest,
  locked: (() => boolean) | null,
): ApiResponse | null {
  if (req.segments[1] === 'query') return queryRoutes(emu, req);
  if (req.segments[1] === 'ingest') return ingestRoutes(emu, req, locked);
  return null;
}
