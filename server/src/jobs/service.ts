/**
 * Wires the service together: connection factory, runner, timers, HTTP app and server. Used by
 * `npm start`, the recompute command, the demo and the tests.
 */
import type { Server } from 'node:http';
import type { Connection } from 'jsforce';
import { authConfig, type Env } from '../config/env';
import { createApp } from '../http/app';
import { listen } from '../http/listen';
import { Readiness } from '../http/readiness';
import type { Logger } from '../log';
import { connect } from '../salesforce/auth';
import { explainOrgError } from '../salesforce/explain';
import { Org } from '../salesforce/org';
import { DEFAULT_RETRY, type RetryPolicy } from '../salesforce/retry';
import { createMetrics, type Metrics } from './metrics';
import { Runner, type RunnerSettings } from './runner';
import { startTimers, type Timers } from './schedule';

export type ServiceEnv = Pick<
  Env,
  | 'SF_LOGIN_URL'
  | 'SF_CLIENT_ID'
  | 'SF_USERNAME'
  | 'SF_PRIVATE_KEY_FILE'
  | 'SF_INSTANCE_URL'
  | 'SF_ACCESS_TOKEN'
  | 'SF_API_VERSION'
  | 'QUORUM_API_TOKEN'
  | 'QUORUM_METRICS_TOKEN'
  | 'QUORUM_TRUST_PROXY'
  | 'PORT'
  | 'QUORUM_SCHEDULE'
  | 'QUORUM_POLL_INTERVAL_MS'
  | 'QUORUM_BULK_THRESHOLD'
  | 'QUORUM_RUN_API_BUDGET'
  | 'QUORUM_API_RESERVE'
>;

export interface ServiceOptions {
  env: ServiceEnv;
  logger: Logger;
  /** Extra runner settings (tests: fast retries, small bulk pages). */
  runner?: Partial<RunnerSettings>;
  retry?: RetryPolicy;
  /** Start the cron schedule and the poll (default true). */
  timers?: boolean;
  /** Listen on env.PORT (default true). */
  listen?: boolean;
  rateLimitPerMinute?: number;
}

export interface Service {
  runner: Runner;
  metrics: Metrics;
  app: ReturnType<typeof createApp>;
  server?: Server;
  url?: string;
  /** An org client for ad-hoc reads (reports, tests). */
  org(): Promise<Org>;
  /** The org check behind GET /readyz. */
  readiness: Readiness;
  close(): Promise<void>;
}

/** A connection factory: one JWT grant up front, then each caller gets its own Connection. */
export function connectionFactory(env: ServiceEnv): () => Promise<Connection> {
  const auth = authConfig(env as Env);
  return () => connect(auth);
}

export async function startService(opts: ServiceOptions): Promise<Service> {
  const { env, logger } = opts;
  const connectFn = connectionFactory(env);
  const metrics = createMetrics(opts.listen !== false);
  const retry = opts.retry ?? DEFAULT_RETRY;
  const runner = new Runner(
    connectFn,
    {
      bulkThreshold: env.QUORUM_BULK_THRESHOLD,
      budget: env.QUORUM_RUN_API_BUDGET,
      reserve: env.QUORUM_API_RESERVE,
      retry,
      ...opts.runner,
    },
    logger,
    metrics,
  );
  // HTTP reads share one lazily opened connection (re-opened if the grant fails once).
  let shared: Promise<Org> | null = null;
  const org = () => {
    shared ??= connectFn()
      .then((conn) => new Org(conn, { logger, retry }))
      .catch((err) => {
        shared = null;
        throw err;
      });
    return shared;
  };
  const auth = authConfig(env as Env);
  // Readiness: one API call, no retries (a probe must not wait out a backoff); see readiness.ts.
  const readiness = new Readiness({
    check: async () => {
      const o = await org();
      await o.conn.request({ method: 'GET', url: `${o.base}/limits` });
    },
    explain: (err) => explainOrgError(err, auth),
    logger,
  });
  const app = createApp({
    runner,
    org,
    apiToken: env.QUORUM_API_TOKEN,
    metricsToken: env.QUORUM_METRICS_TOKEN,
    trustProxy: env.QUORUM_TRUST_PROXY,
    metrics,
    logger,
    rateLimitPerMinute: opts.rateLimitPerMinute,
    readiness,
  });
  let timers: Timers | null = null;
  if (opts.timers !== false)
    timers = startTimers(runner, {
      schedule: env.QUORUM_SCHEDULE,
      pollIntervalMs: env.QUORUM_POLL_INTERVAL_MS,
      logger,
    });
  let server: Server | undefined;
  let url: string | undefined;
  if (opts.listen !== false) {
    try {
      ({ server, url } = await listen(app, env.PORT));
    } catch (err) {
      timers?.stop();
      throw err;
    }
    // A serving service checks the org now and every 30 s (the log says when that changes).
    if (opts.timers !== false) readiness.start(30_000);
  }
  return {
    runner,
    metrics,
    app,
    server,
    url,
    org,
    readiness,
    async close() {
      timers?.stop();
      readiness.stop();
      runner.abort();
      await runner.idle();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
}
