/** Bulk API 2.0 job records and their registry (one per running emulator). */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import type { ApiRequest } from '../http/types';
import { RequestError } from '../store/errors';
import { makeId } from '../store/ids';
import { formatDateTime } from '../store/values';
import { emptyJobs, type JobBase, type Jobs } from '../state';

export const Options = {
  contentType: z.literal('CSV').optional(),
  columnDelimiter: z
    .enum(['COMMA', 'TAB', 'SEMICOLON', 'PIPE', 'CARET', 'BACKQUOTE'])
    .default('COMMA'),
  lineEnding: z.enum(['LF', 'CRLF']).default('LF'),
};
export type { IngestJob, JobBase, Jobs, QueryJob } from '../state';

/** The jobs of one emulator (held on the instance); `fresh` drops them all (reset). */
export function jobsOf(emu: Emulator, fresh = false): Jobs {
  if (fresh) emu.jobs = emptyJobs();
  return emu.jobs;
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
