/**
 * `npm start`: the sync service. Validates the environment (exits with a message naming each
 * bad variable), serves the HTTP API, runs the schedule and the poll, and shuts down cleanly on
 * SIGINT/SIGTERM (the active run is stopped and recorded as Failed; the next run converges).
 */
import { ConfigError, loadEnv } from './config/env';
import { startService } from './jobs/service';
import { createLogger } from './log';
import { describeError } from './salesforce/errors';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const service = await startService({ env, logger });
  logger.info(
    { url: service.url, replica: service.runner.replicaId, schedule: env.QUORUM_SCHEDULE ?? null },
    'Quorum service listening',
  );
  // Sign in once now so a bad key, user or URL shows at start-up; the service keeps serving
  // (GET /readyz answers 503 until the org answers) rather than crash-looping.
  service
    .org()
    .then((org) =>
      org.call('limits', () => org.conn.request({ method: 'GET', url: `${org.base}/limits` })),
    )
    .then(() => logger.info('connected to the org'))
    .catch((err: Error) =>
      logger.error(
        { err: describeError(err) },
        'cannot connect to the org yet; check the SF_* settings (GET /readyz reports it)',
      ),
    );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`Quorum service could not start: ${err.message}`);
  process.exit(1);
});
