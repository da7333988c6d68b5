/**
 * `npm run recompute -- --full | --incremental`: one run against the configured org (see
 * server/src/config/README.md for the environment). Exit 0 when the run Succeeded; 3 when Partially
 * Succeeded (some records failed; the log says which); 1 when it Failed; 2 on bad usage or
 * configuration. A progress bar shows on a terminal.
 */
import { ConfigError, loadEnv } from '../server/src/config/env';
import { describeError } from '../server/src/salesforce/errors';
import { progressBar } from '../server/src/jobs/progressBar';
import { startService } from '../server/src/jobs/service';
import { createLogger } from '../server/src/log';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run recompute -- --full | --incremental`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const incremental = args.includes('--incremental');
  const unknown = args.filter((a) => a !== '--full' && a !== '--incremental');
  if (unknown.length > 0) usage(`recompute: unknown argument(s) ${unknown.join(' ')}.`);
  if (full === incremental) usage('recompute: choose exactly one of --full or --incremental.');

  let env;
  try {
    // The command does not serve HTTP; a placeholder token is fine when none is configured.
    env = loadEnv({ QUORUM_API_TOKEN: 'recompute-command-no-http', ...process.env, PORT: '0' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(
    env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
    process.stderr as never,
  );
  const service = await startService({ env, logger, timers: false, listen: false });
  const bar = progressBar();
  service.runner.hooks.onProgress = (_id, phase, pct) => bar.update(phase, pct);
  const { id, outcome } = await service.runner.runToEnd(full ? 'Full' : 'Incremental');
  bar.done();
  await service.close();
  console.log(
    `Run ${id}: ${outcome.status}. Read ${outcome.recordsRead} records, wrote ${outcome.scoresWritten} scores, deleted ${outcome.scoresDeleted}, ${outcome.apiCalls} API calls.`,
  );
  if (outcome.status !== 'Succeeded') {
    console.error(outcome.log.split('\n').slice(-15).join('\n'));
    process.exit(outcome.status === 'Failed' ? 1 : 3);
  }
}

main().catch((err: Error) => {
  console.error(`recompute failed: ${describeError(err)}`);
  process.exit(1);
});
