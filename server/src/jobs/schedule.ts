/**
 * Timers that start runs: a cron schedule (QUORUM_SCHEDULE, full runs) and a poll for runs that
 * people requested in the org (QUORUM_POLL_INTERVAL_MS). Failures are logged, never thrown: a
 * timer must not crash the service.
 */
import { Cron } from 'croner';
import type { Logger } from '../log';
import { describeError } from '../salesforce/errors';
import type { Runner } from './runner';

export interface Timers {
  stop(): void;
}

export function startTimers(
  runner: Runner,
  opts: { schedule?: string; pollIntervalMs: number; logger: Logger },
): Timers {
  const { logger } = opts;
  const cron = opts.schedule
    ? new Cron(opts.schedule, { protect: true }, async () => {
        try {
          const res = await runner.start('Full');
          logger.info({ runId: res.id, status: res.status }, 'scheduled run');
        } catch (err) {
          logger.error({ err: describeError(err) }, 'scheduled run could not start');
        }
      })
    : null;
  let polling = false;
  const poll =
    opts.pollIntervalMs > 0
      ? setInterval(async () => {
          if (polling) return;
          polling = true;
          try {
            const id = await runner.pollOnce();
            if (id) logger.info({ runId: id }, 'claimed a requested run');
          } catch (err) {
            logger.warn({ err: describeError(err) }, 'poll for requested runs failed');
          } finally {
            polling = false;
          }
        }, opts.pollIntervalMs)
      : null;
  poll?.unref();
  return {
    stop() {
      cron?.stop();
      if (poll) clearInterval(poll);
    },
  };
}
