/** Bulk API 2.0 query jobs: rows matched at creation, CSV rendered one locator page at a time. */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import {
  json,
  jsonObject,
  noContent,
  notFound,
  type ApiRequest,
  type ApiResponse,
} from '../http/types';
import { compileQuery, csvCell, runPlan } from '../soql/query';
import { RequestError } from '../store/errors';
import { csvLine, DELIMITERS } from './csv';
import { base, invalid, jobsOf, Options, type QueryJob } from './jobs';

const QueryJobSchema = z.object({
  operation: z.enum(['query', 'queryAll']),
  query: z.string().min(1),
  ...Options,
});
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

export function queryRoutes(emu: Emulator, req: ApiRequest): ApiResponse | null {
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
