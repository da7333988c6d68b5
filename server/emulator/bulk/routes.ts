/**
 * Bulk API 2.0 routes (`jobs/query`, `jobs/ingest`). Query jobs match their rows when created and
 * render CSV one locator page at a time; ingest jobs run CSV through the same DML rules as REST.
 */
import type { Emulator } from '../emulator';
import type { ApiRequest, ApiResponse } from '../http/types';
import { ingestRoutes } from './ingest';
import { jobsOf } from './jobs';
import { queryRoutes } from './query';

export function clearJobs(emu: Emulator): void {
  jobsOf(emu, true);
}

export function bulkQueryJobsToday(emu: Emulator): number {
  return jobsOf(emu).query.size;
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
