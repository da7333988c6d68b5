/**
 * `npm run recompute -- --full | --incremental`: one run against the configured org (see
 * server/src/config/README.md for the environment; `.env` in the working directory is read when
 * present, variables already set win). Before the run, one call checks that the org accepts the
 * settings, so a wrong token or URL is named as such.
 *
 * Exit codes: 0 Succeeded; 3 Partially Succeeded (some records failed; the log says which);
 * 1 Failed, or the org could not be reached; 2 bad usage or a setting to fix (a bad variable, an
 * unreadable SF_PRIVATE_KEY_FILE, a token or login the org rejects).
 * Progress shows with counts and rates; log lines are readable text unless LOG_FORMAT=json.
 */
import '../server/src/preflight';
import { authConfig, settingsOrExit } from '../server/src/config/env';
import { describeError } from '../server/src/salesforce/errors';
import { explainOrgError, isSettingProblem } from '../server/src/salesforce/explain';
import { progressBar } from '../server/src/jobs/progressBar';
import { startService } from '../server/src/jobs/service';
import { chooseLogFormat, createLogger } from '../server/src/log';

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

  // The command does not serve HTTP; a placeholder token is fine when none is configured.
  const { env } = settingsOrExit({ QUORUM_API_TOKEN: 'recompute-command-no-http' }, { PORT: '0' });
  const format = chooseLogFormat({ configured: env.LOG_FORMAT, command: true, isTTY: false });
  const logger = createLogger(
    env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
    process.stderr as never,
    format,
  );
  const service = await startService({ env, logger, timers: false, listen: false });
  try {
    // One call, no retries: does the org accept these settings?
    const org = await service.org();
    await org.conn.request({ method: 'GET', url: `${org.base}/limits` });
  } catch (err) {
    await service.close();
    console.error(`recompute: ${explainOrgError(err, authConfig(env))}`);
    process.exit(isSettingProblem(err) ? 2 : 1);
  }
  const bar = progressBar();
  service.runner.hooks.onProgress = (_id, phase, pct, rows) => bar.update(phase, pct, rows);
  const { id, outcome, basis } = await service.runner.runToEnd(full ? 'Full' : 'Incremental');
  bar.done();
  await service.close();
  console.log(
    `Run ${id}: ${outcome.status}. Read ${outcome.recordsRead} records, wrote ${outcome.scoresWritten} scores, deleted ${outcome.scoresDeleted}, ${outcome.apiCalls} API calls.`,
  );
  // An incremental run says what it started from (a person asked for "only what changed").
  if (basis) console.log(basis);
  if (outcome.status !== 'Succeeded') {
    console.error(outcome.log.split('\n').slice(-15).join('\n'));
    process.exit(outcome.status === 'Failed' ? 1 : 3);
  }
}

main().catch((err: Error) => {
  console.error(`recompute failed: ${describeError(err)}`);
  process.exit(1);
});
