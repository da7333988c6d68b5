/**
 * Per-emulator state beside the org's data: REST query cursors and Bulk API 2.0 jobs. It lives on
 * the Emulator instance (two emulators in one process never share it); the routes that use it
 * import only these types.
 */
import type { Plan } from './soql/query';
import type { Row } from './store/table';

/** A REST query result being paged through with nextRecordsUrl. */
export interface Cursor {
  plan: Plan;
  rows: Row[];
  pageSize: number;
  lastUsed: number;
}

export interface Cursors {
  byId: Map<string, Cursor>;
  seq: number;
}

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

export const emptyJobs = (): Jobs => ({ query: new Map(), ingest: new Map(), seq: 0 });
export const emptyCursors = (): Cursors => ({ byId: new Map(), seq: 0 });
