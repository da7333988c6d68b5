/**
 * Exponential backoff with full jitter for idempotent Salesforce calls. jsforce retries only
 * GET/PUT/DELETE and never PATCH/POST; our transport turns its retries off so that every retry
 * is decided (and counted) here, and only for calls that are safe to repeat: queries, upserts by
 * External ID, updates by Id, deletes by Id. A create is never blindly repeated.
 */
import { AbortedError, isTransient } from './errors';

export interface RetryPolicy {
  /** Attempts in total, including the first. */
  maxAttempts: number;
  /** First backoff ceiling in ms; doubles per attempt. */
  baseDelayMs: number;
  /** Ceiling of any single backoff in ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 7, baseDelayMs: 250, maxDelayMs: 8_000 };

/** Full-jitter delay for attempt n (1-based): uniform in [0, min(max, base·2^(n-1))]. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryHooks {
  signal?: AbortSignal;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  /** Which errors may be retried; transient ones by default. */
  retryable?: (err: unknown) => boolean;
}

/** Runs `fn` until it succeeds, a non-transient error occurs, or attempts run out. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const retryable = hooks.retryable ?? isTransient;
  for (let attempt = 1; ; attempt += 1) {
    if (hooks.signal?.aborted) throw new AbortedError();
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= policy.maxAttempts || !retryable(err)) throw err;
      const delay = backoffDelay(policy, attempt);
      hooks.onRetry?.(err, attempt, delay);
      await sleep(delay, hooks.signal);
    }
  }
}
