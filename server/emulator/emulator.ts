/** Everything one running emulator holds: the org's data, sessions, counters, cursors and jobs. */
import { z } from 'zod';
import { Faults } from './faults/faults';
import type { Schema } from './schema/schema';
import { emptyCursors, emptyJobs, type Cursors, type Jobs } from './state';
import { Store } from './store/store';

export const EmulatorOptionsSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(0),
    host: z.string().min(1).default('127.0.0.1'),
    seed: z.enum(['demo', 'empty']).default('demo'),
    scale: z.number().int().min(1).max(1_000_000).optional(),
    requestsPerAccount: z.number().min(0).max(100).optional(),
    /** Share of demo requests left without a theme (default 0.25; benchmarks vary it). */
    unthemedShare: z.number().min(0).max(1).optional(),
    pageSize: z.number().int().min(200).max(2000).default(2000),
    accessToken: z.string().min(8).optional(),
    jwtPublicKeyPem: z.string().optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    dailyApiLimit: z.number().int().positive().default(150_000),
    faultSeed: z.string().default('quorum-faults'),
    dataPlanFile: z.string().optional(),
    metadataDir: z.string().optional(),
    /** Clock for the org (ms); tests pin it. */
    now: z.number().optional(),
  })
  .strict();

export type EmulatorOptions = z.input<typeof EmulatorOptionsSchema>;
export type ResolvedOptions = z.output<typeof EmulatorOptionsSchema>;

export const ORG_ID = '00D8d000000QuorAEA';

export class Emulator {
  readonly store: Store;
  readonly faults: Faults;
  url = '';
  apiCalls = 0;
  byRoute: Record<string, number> = {};
  /** Access tokens issued by the token endpoint (revoked on invalidSession faults). */
  readonly tokens = new Set<string>();
  /** REST query cursors (nextRecordsUrl) of this emulator. */
  cursors: Cursors = emptyCursors();
  /** Bulk API 2.0 jobs of this emulator. */
  jobs: Jobs = emptyJobs();

  constructor(
    readonly schema: Schema,
    readonly opts: ResolvedOptions,
  ) {
    this.store = new Store(schema);
    if (opts.now !== undefined) {
      const pinned = opts.now;
      this.store.clock = () => pinned;
    }
    this.faults = new Faults(opts.faultSeed);
  }

  count(route: string): void {
    this.apiCalls += 1;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  resetCounters(): void {
    this.apiCalls = 0;
    this.byRoute = {};
  }

  limitInfo(): string {
    return `api-usage=${this.apiCalls}/${this.opts.dailyApiLimit}`;
  }
}
