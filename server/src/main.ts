/**
 * `npm start` / `node dist/main.js`: the sync service. Reads `.env` from the working directory
 * when there is one, validates the environment, serves the HTTP API, runs the schedule and the
 * poll, checks the org in the background (GET /readyz), and shuts down cleanly on SIGINT/SIGTERM
 * (the active run is stopped and recorded as Failed; the next run converges).
 *
 * Exit codes: 0 after SIGINT/SIGTERM; 2 when a setting must change first (a bad or missing
 * variable, an unreadable SF_PRIVATE_KEY_FILE, a PORT in use or not allowed); 1 on anything else.
 */
import './preflight';
import { settingsOrExit } from './config/env';
import { ListenError } from './http/listen';
import { startService } from './jobs/service';
import { chooseLogFormat, createLogger } from './log';

async function main(): Promise<void> {
  const { env, dotEnv } = settingsOrExit();
  const format = chooseLogFormat({
    configured: env.LOG_FORMAT,
    command: false,
    isTTY: process.stdout.isTTY === true,
  });
  const logger = createLogger(env.LOG_LEVEL, undefined, format);
  if (dotEnv) logger.info({ file: dotEnv }, 'read settings from .env (the environment wins)');
  // Signal handlers before anything announces the service: a SIGTERM that arrives right after
  // "listening" (or during start-up) must stop it cleanly, not kill it with the default action.
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await service?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    service = await startService({ env, logger });
  } catch (err) {
    if (err instanceof ListenError) {
      logger.fatal({ code: err.code }, err.message);
      process.exit(2);
    }
    throw err;
  }
  logger.info(
    { url: service.url, replica: service.runner.replicaId, schedule: env.QUORUM_SCHEDULE ?? null },
    'Quorum service listening',
  );
}

main().catch((err: Error) => {
  console.error(`Quorum service could not start: ${err.message}`);
  process.exit(1);
});
