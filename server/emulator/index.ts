/**
 * The org emulator: a local Salesforce REST API (OAuth token, query, sObject rows, Collections,
 * composite, Bulk API 2.0, limits, describe) over an in-memory org whose schema comes from
 * force-app metadata. `startEmulator` is what the demo, the CLI and every integration test use.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { clearJobs } from './bulk/routes';
import { Emulator, EmulatorOptionsSchema, type EmulatorOptions } from './emulator';
import { clearCursors } from './http/query';
import { createEmulatorServer } from './http/server';
import { stats } from './http/admin';
import { Schema } from './schema/schema';
import { generateDemoOrg, seedUsers, type DemoOptions } from './seed/demo';
import { loadDataPlan } from './seed/plan';
import { Store } from './store/store';

export { generateDemoOrg, DEMO_USERS, type DemoOptions } from './seed/demo';
export { Schema } from './schema/schema';
export { Store };
export { loadDataPlan } from './seed/plan';
export type { EmulatorOptions } from './emulator';

export const DEFAULT_METADATA_DIR = path.resolve(__dirname, '../../force-app/main/default');

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (instance URL and login URL at once). */
  url: string;
  /** The fixed token given in the options, if any. */
  accessToken?: string;
  close(): Promise<void>;
  stats(): Record<string, unknown>;
  store: Store;
  /** Drops everything and seeds again (like POST /__emulator/reset). */
  reset(): void;
}

/**
 * A seeded org without a server, for engine benchmarks and tests that only need the data:
 * `createDemoStore({ scale: 100_000, requestsPerAccount: 10 })`.
 */
export function createDemoStore(opts: DemoOptions & { metadataDir?: string } = {}): Store {
  const store = new Store(Schema.load(opts.metadataDir ?? DEFAULT_METADATA_DIR));
  if (opts.now !== undefined) {
    const pinned = opts.now;
    store.clock = () => pinned;
  }
  generateDemoOrg(store, opts);
  return store;
}

/** Builds a store seeded as the options say (used by startEmulator and benchmarks). */
export function seedStore(emu: Emulator): void {
  const o = emu.opts;
  emu.store.clear();
  seedUsers(emu.store);
  if (o.seed === 'demo')
    generateDemoOrg(emu.store, {
      scale: o.scale,
      requestsPerAccount: o.requestsPerAccount,
      unthemedShare: o.unthemedShare,
      now: o.now,
    });
  if (o.dataPlanFile) loadDataPlan(emu.store, o.dataPlanFile);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const parsed = EmulatorOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(
      `startEmulator: invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const opts = parsed.data;
  const schema = Schema.load(opts.metadataDir ?? DEFAULT_METADATA_DIR);
  const emu = new Emulator(schema, opts);
  seedStore(emu);
  const reset = () => {
    clearCursors(emu);
    clearJobs(emu);
    seedStore(emu);
  };
  const server = createEmulatorServer(emu, reset);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  emu.url = `http://${host}:${address.port}`;
  return {
    url: emu.url,
    accessToken: opts.accessToken,
    store: emu.store,
    stats: () => stats(emu),
    reset: () => {
      reset();
      emu.resetCounters();
      emu.faults.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
