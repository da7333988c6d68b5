/**
 * The HTTP API (Express 5): health, readiness, runs, metrics, OpenAPI. Runs are started through
 * the Runner (one at a time); run details are read from the org, where all state lives.
 */
import express, { type Express, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import { z } from 'zod';
import type { Logger } from '../log';
import type { Metrics } from '../jobs/metrics';
import type { Runner } from '../jobs/runner';
import { getRun, listRuns, type Run } from '../jobs/runs';
import type { Org } from '../salesforce/org';
import { requireBearer } from './auth';
import { errorHandler, HttpError, sendError } from './errors';
import { openapi } from './openapi';
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

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.rateLimitPerMinute ?? 120,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(res, 429, 'rate_limited', 'Too many requests; wait a minute and try again.'),
    }),
  );
  app.use(express.json({ limit: '10kb', strict: true }));

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

  app.post('/runs', requireBearer(deps.apiToken), async (req: Request, res: Response) => {
    const parsed = RunBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'invalid_body', zodMessage(parsed.error));
    const mode = parsed.data.mode === 'incremental' ? 'Incremental' : 'Full';
    const started = await deps.runner.start(mode);
    res.status(202).location(`/runs/${started.id}`).json(started);
  });

  app.get('/runs', async (req, res) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'invalid_query', zodMessage(q.error));
    const runs = await listRuns(await deps.org(), q.data.limit);
    res.json({ runs: runs.map(runView) });
  });

  app.get('/runs/:id', async (req, res) => {
    const id = RunId.safeParse(req.params.id);
    if (!id.success)
      throw new HttpError(
        404,
        'not_found',
        `No run '${String(req.params.id).slice(0, 40)}': ${id.error.issues[0]?.message}.`,
      );
    const run = await getRun(await deps.org(), id.data);
    if (!run) throw new HttpError(404, 'not_found', `No run ${id.data}.`);
    res.json(runView(run));
  });

  app.get('/metrics', async (_req, res) => {
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
