/**
 * Integration harness: the org emulator in-process on a free port, the service wired to it
 * through real jsforce over HTTP, and helpers to read what the org holds.
 */
import { Connection } from 'jsforce';
import { startEmulator, type RunningEmulator } from '../../../server/emulator';
import { computeDemand, resolveProfile, sameScore, type ScoreRow } from '../../src/domain';
import { prepareGrouping } from '../../src/domain/themes/group';
import { loadEnv } from '../../src/config/env';
import { startService, type Service } from '../../src/jobs/service';
import { readSnapshot, type Snapshot } from '../../src/quorumOrg/snapshot';
import { baselineFrom, historyMonths } from '../../src/domain/history';
import type { RunnerSettings } from '../../src/jobs/runner';
import { silentLogger } from '../../src/log';
import { Org } from '../../src/salesforce/org';
import type { RetryPolicy } from '../../src/salesforce/retry';

export const TOKEN = 'emulator-test-token-0123456789';
export const API_TOKEN = 'test-api-token-0123456789abcdef';
export const FAST_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2, maxDelayMs: 20 };
/** Scoring "now" pinned for the whole suite, so engine and service agree to the last digit. */
export const NOW = new Date();

export interface Harness {
  emulator: RunningEmulator;
  service: Service;
  conn: Connection;
  org: Org;
  close(): Promise<void>;
}

export interface HarnessOptions {
  scale?: number;
  requestsPerAccount?: number;
  pageSize?: number;
  seed?: 'demo' | 'empty';
  env?: Record<string, string>;
  runner?: Partial<RunnerSettings>;
  rateLimitPerMinute?: number;
  dailyApiLimit?: number;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  // Grouping loads its dictionaries on first use: here, in the set-up, not in a test's time.
  prepareGrouping();
  const emulator = await startEmulator({
    port: 0,
    seed: opts.seed ?? 'demo',
    scale: opts.scale ?? 60,
    requestsPerAccount: opts.requestsPerAccount,
    pageSize: opts.pageSize ?? 2000,
    accessToken: TOKEN,
    dailyApiLimit: opts.dailyApiLimit,
  });
  const env = loadEnv({
    SF_INSTANCE_URL: emulator.url,
    SF_ACCESS_TOKEN: TOKEN,
    QUORUM_API_TOKEN: API_TOKEN,
    PORT: '0',
    QUORUM_POLL_INTERVAL_MS: '0',
    ...opts.env,
  });
  const service = await startService({
    env,
    logger: silentLogger,
    timers: false,
    listen: false,
    retry: FAST_RETRY,
    runner: { clock: () => NOW, ...opts.runner },
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 10_000,
  });
  const conn = new Connection({ instanceUrl: emulator.url, accessToken: TOKEN, version: '62.0' });
  const org = new Org(
    new Connection({ instanceUrl: emulator.url, accessToken: TOKEN, version: '62.0' }),
    { logger: silentLogger, retry: FAST_RETRY },
  );
  return {
    emulator,
    service,
    conn,
    org,
    async close() {
      await service.close();
      await emulator.close();
    },
  };
}

export async function snapshot(h: Harness): Promise<Snapshot> {
  // Uncompacted: every field and all text, to check the run's compacted reading against it.
  return readSnapshot(h.org, {
    bulkThreshold: 1_000_000,
    compact: false,
    historyMonths: [historyMonths(NOW).baseline, historyMonths(NOW).current],
  });
}

/** What the engine computes on the org's current data (themes keyed as the org keys them). */
export function expectedScores(snap: Snapshot): ScoreRow[] {
  const { profile } = resolveProfile(snap.profile as Record<string, unknown> | null);
  return computeDemand({
    accounts: snap.accounts as never,
    accountFieldTypes: snap.accountFieldTypes,
    segments: snap.segments as never,
    criteria: snap.criteria as never,
    opportunities: snap.opportunities as never,
    committeeMembers: snap.committeeMembers as never,
    contactRoles: snap.contactRoles as never,
    requests: snap.requests as never,
    themes: snap.themes as never,
    profile,
    now: NOW,
    baseline: baselineFrom(snap.history, NOW),
  }).scores;
}

/**
 * Compares the scores stored in the org with the engine's on `before` (the data the run read).
 * Suggested themes the run created carry real Ids in the org and their keys in the engine's
 * result, so keys are translated through Theme_Key__c first. Returns mismatch descriptions.
 */
export function compareScores(expected: ScoreRow[], stored: Snapshot): string[] {
  const idByThemeKey = new Map(
    stored.themes.filter((t) => t.Theme_Key__c).map((t) => [t.Theme_Key__c as string, t.Id]),
  );
  const translate = (key: string) => {
    const [seg, theme] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    return `${seg}:${idByThemeKey.get(theme) ?? theme}`;
  };
  const storedByKey = new Map(stored.scores.map((s) => [s.Score_Key__c as string, s]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of expected) {
    const key = translate(row.Score_Key__c);
    seen.add(key);
    const theme = idByThemeKey.get(row.Theme__c) ?? row.Theme__c;
    const got = storedByKey.get(key);
    if (!got) problems.push(`missing ${key}`);
    else if (!sameScore({ ...row, Score_Key__c: key, Theme__c: theme }, got as never))
      problems.push(`differs ${key}: expected ${row.Score__c}, stored ${got.Score__c}`);
    // The digest stands for the text: the stored text must be the engine's, character for character.
    else if (got.Breakdown__c !== undefined && got.Breakdown__c !== row.Breakdown__c)
      problems.push(`breakdown differs ${key}`);
  }
  for (const key of storedByKey.keys()) if (!seen.has(key)) problems.push(`orphan ${key}`);
  return problems;
}

export async function emulatorStats(
  h: Harness,
): Promise<{ apiCalls: number; byRoute: Record<string, number>; records: Record<string, number> }> {
  return h.emulator.stats() as never;
}

export async function addFaults(h: Harness, faults: object[]): Promise<void> {
  const res = await fetch(`${h.emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (res.status !== 200) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

export async function clearFaults(h: Harness): Promise<void> {
  await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'DELETE' });
}

/** Data writes (not reads, not the run record) seen by the emulator since `before`. */
export function writesSince(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(after)) {
    const d = n - (before[route] ?? 0);
    if (d > 0 && !/^GET /.test(route)) out[route] = d;
  }
  return out;
}

export type TestRow = Record<string, unknown> & { Id: string };

/**
 * Records a test creates through jsforce, each Id kept under the test's own key (`id`), and
 * queries answered as plain rows. `harness` is read when called (it starts in beforeAll).
 */
export function recordBook(harness: () => Harness): {
  id: Record<string, string>;
  create: (type: string, key: string, record: Record<string, unknown>) => Promise<void>;
  query: (soql: string) => Promise<TestRow[]>;
} {
  const id: Record<string, string> = {};
  return {
    id,
    create: async (type, key, record) => {
      const res = (await harness()
        .conn.sobject(type)
        .create(record as never)) as unknown as {
        id?: string;
        success: boolean;
        errors: unknown[];
      };
      if (!res.success || !res.id) throw new Error(`${type}: ${JSON.stringify(res.errors)}`);
      id[key] = res.id;
    },
    query: async (soql) => (await harness().conn.query<TestRow>(soql)).records as TestRow[],
  };
}
