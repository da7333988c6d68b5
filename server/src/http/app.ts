/**
 * The HTTP API (Express 5): health, readiness, runs, metrics, OpenAPI. Runs are started through
 * the Runner (one at a time); run details come from a short cache of the org's run records (no
 * org call per request). Everything but health, readiness and the OpenAPI document needs the
 * bearer token (metrics: QUORUM_METRICS_TOKEN or the API token); rate limits are per client
 * address, which behind a load balancer needs QUORUM_TRUST_PROXY.
 */
import express, { type Express, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import { z } from 'zod';
import type { Logger } from '../log';
import type { Metrics } from '../jobs/metrics';
import type { Runner } from '../jobs/runner';
import type { Run } from '../jobs/runs';
import type { Org } from '../salesforce/org';
import { requireBearer } from './auth';
import { RunCache } from './runCache';
import { errorHandler, HttpError, sendError } from './errors';
import { openapi } from './openapi';
import { warnOfUntrustedProxy } from './proxyCheck';
import type { Readiness } from './readiness';

export interface AppDeps {
  runner: Runner;
  /** An org client for reads made on behalf of HTTP callers (not counted against runs). */
  org: () => Promise<Org>;
  apiToken: string;
  metrics: Metrics;
  logger: Logger;
  /** Requests per minute per client (default 120). */
  rateLimitPerMinute?: number;
  /** Optional separate token for GET /metrics (the API token is accepted too). */
  metricsToken?: string;
  /** Express `trust proxy` (validated by config/env.ts): false, a hop count or addresses. */
  trustProxy?: false | number | string[];
  /** How long run state read from the org is served before it is read again (ms). */
  runCacheMs?: number;
  /** The org check's cached state, for GET /readyz (see readiness.ts). */
  readiness: Readiness;
}

const RunBody = z
  .object({
    mode: z
      .enum(['full', 'incremental'], { message: "mode must be 'full' or 'incremental'" })
      .default('full'),
  })
  .strict();
const RunId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'a run id is a 15- or 18-character Salesforce Id');
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export function runView(r: Run) {
  return {
    id: r.Id,
    name: r.Name,
    status: r.Status__c,
    mode: r.Mode__c,
    phase: r.Phase__c,
    progress: r.Progress__c,
    startedAt: r.Started_At__c,
    finishedAt: r.Finished_At__c,
    recordsRead: r.Records_Read__c,
    scoresWritten: r.Scores_Written__c,
    scoresDeleted: r.Scores_Deleted__c,
    apiCalls: r.Api_Calls__c,
    errorCount: r.Error_Count__c,
    claimedBy: r.Claimed_By__c,
    watermark: r.Watermark__c,
    log: r.Log__c,
  };
}

function zodMessage(err: z.ZodError): string {
  return err.issues
    .map((i) =>
      i.code === 'unrecognized_keys'
        ? `unknown field(s): ${i.keys.join(', ')}`
        : i.path.length
          ? `${i.path.join('.')}: ${i.message}`
          : i.message,
    )
    .join('; ');
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  );
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // The client address (req.ip) keys the rate limit: behind a load balancer it comes from
  // X-Forwarded-For, trusted only as far as the operator says.
  app.set('trust proxy', deps.trustProxy ?? false);
  const runs = new RunCache(deps.org, deps.runCacheMs ?? 5_000);
  deps.runner.onFinished(() => runs.invalidate());
  const bearer = requireBearer(deps.apiToken);
  const metricsBearer = requireBearer(
    deps.metricsToken ? [deps.metricsToken, deps.apiToken] : deps.apiToken,
  );
  app.use(helmet());
  app.use(warnOfUntrustedProxy(deps.logger, Boolean(deps.trustProxy)));
  app.use(
    rateLimit({
      // The proxy check is ours (proxyCheck.ts), in the service's log, naming its setting.
      validate: { xForwardedForHeader: false },
      windowMs: 60_000,
      limit: deps.rateLimitPerMinute ?? 120,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(res, 429, 'rate_limited', 'Too many requests; wait a minute and try again.'),
    }),
  );
  app.use(express.json({ limit: '10kb', strict: true, type: 'application/json' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', activeRun: deps.runner.activeRunId });
  });

  // Readiness answers from the cached state of the last org check: never waits on the org.
  app.get('/readyz', async (_req, res) => {
    const state = await deps.readiness.probe();
    const checkedAt = state.checkedAt?.toISOString() ?? null;
    if (state.ready) res.json({ status: 'ready', checkedAt });
    else sendError(res, 503, 'not_ready', state.problem ?? 'not ready', { checkedAt });
  });

  app.post('/runs', bearer, async (req: Request, res: Response) => {
    // A body in any other type would be ignored (and a Full run started): refuse it.
    if (req.headers['content-length'] !== '0' && hasBody(req) && !req.is('application/json'))
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Send the body as application/json, e.g. {"mode":"incremental"}, or no body for a full run.',
      );
    const parsed = RunBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'invalid_body', zodMessage(parsed.error));
    const mode = parsed.data.mode === 'incremental' ? 'Incremental' : 'Full';
    const started = await deps.runner.start(mode);
    runs.invalidate();
    res.status(202).location(`/runs/${started.id}`).json(started);
  });

  app.get('/runs', bearer, async (req, res) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'invalid_query', zodMessage(q.error));
    const latest = await runs.latest(q.data.limit);
    res.json({ runs: latest.map(runView) });
  });

  app.get('/runs/:id', bearer, async (req, res) => {
    const id = RunId.safeParse(req.params.id);
    if (!id.success)
      throw new HttpError(
        404,
        'not_found',
        `No run '${String(req.params.id).slice(0, 40)}': ${id.error.issues[0]?.message}.`,
      );
    const run = await runs.byId(id.data);
    if (!run) throw new HttpError(404, 'not_found', `No run ${id.data}.`);
    res.json(runView(run));
  });

  app.get('/metrics', metricsBearer, async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  app.use((req, res) =>
    sendError(res, 404, 'not_found', `No route ${req.method} ${req.path}; see /openapi.json.`),
  );
  app.use(errorHandler(deps.logger));
  return app;
}
