/** `limits`: the org's daily allocations, with API requests counted by this emulator. */
import type { Emulator } from '../emulator';
import { bulkQueryJobsToday } from '../bulk/routes';

const pair = (max: number, used: number) => ({ Max: max, Remaining: Math.max(0, max - used) });

export function limits(emu: Emulator): Record<string, unknown> {
  return {
    DailyApiRequests: pair(emu.opts.dailyApiLimit, emu.apiCalls),
    DailyBulkV2QueryJobs: pair(10_000, bulkQueryJobsToday(emu)),
    DailyBulkV2QueryFileStorageMB: pair(1_048_576, 0),
    DailyBulkApiBatches: pair(15_000, 0),
    DailyAsyncApexExecutions: pair(250_000, 0),
    DataStorageMB: pair(1_024, 0),
    FileStorageMB: pair(20_480, 0),
    SingleEmailMessages: pair(5_000, 0),
  };
}
