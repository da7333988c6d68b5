/** Bulk API 2.0 ingest jobs: CSV uploads run through the same DML rules as REST. */
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
import { DmlError, RequestError } from '../store/errors';

/** Bulk API 2.0 ingest limit: characters in one field (longer text must go through REST). */
export const BULK_FIELD_MAX = 32_000;
import { csvLine, DELIMITERS, parseCsv } from './csv';
import { base, invalid, jobsOf, Options, type IngestJob } from './jobs';

const IngestJobSchema = z.object({
  object: z.string().min(1),
  operation: z.enum(['insert', 'update', 'upsert', 'delete', 'hardDelete']),
  externalIdFieldName: z.string().optional(),
  assignmentRuleId: z.string().optional(),
  ...Options,
});

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
    const long = cells.findIndex((c) => c.length > BULK_FIELD_MAX);
    if (long >= 0)
      throw new DmlError(
        'STRING_TOO_LONG',
        `${header[long]}: data value too large: Bulk API 2.0 takes at most ${BULK_FIELD_MAX} characters in a field`,
        [header[long]],
      );
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

export function ingestRoutes(
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
