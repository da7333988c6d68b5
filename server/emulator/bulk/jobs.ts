/** Bulk API 2.0 job records and their registry (one per running emulator). */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import type { ApiRequest } from '../http/types';
import type { Plan } from '../soql/query';
import { RequestError } from '../store/errors';
import { makeId } from '../store/ids';
import type { Row } from '../store/table';
import { formatDateTime } from '../store/values';

export const Options = {
  contentType: z.literal('CSV').optional(),
  columnDelimiter: z
    .enum(['COMMA', 'TAB', 'SEMICOLON', 'PIPE', 'CARET', 'BACKQUOTE'])
    .default('COMMA'),
  lineEnding: z.enum(['LF', 'CRLF']).default('LF'),
};
export interface JobBase {
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

export interface QueryJob extends JobBase {
  plan: Plan;
  rows: Row[];
}

export interface IngestJob extends JobBase {
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

export interface Jobs {
  query: Map<string, QueryJob>;
  ingest: Map<string, IngestJob>;
  seq: number;
}

const registry = new WeakMap<Emulator, Jobs>();
/** The jobs of one emulator; `fresh` drops them all (reset). */
export function jobsOf(emu: Emulator, fresh = false): Jobs {
  let jobs = fresh ? undefined : registry.get(emu);
  if (!jobs) {
    jobs = { query: new Map(), ingest: new Map(), seq: 0 };
    registry.set(emu, jobs);
  }
  return jobs;
}

export function invalid(err: z.ZodError): RequestError {
  return new RequestError(
    400,
    'INVALIDJOB',
    `InvalidJob : ${err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
  );
}

export function base(
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
