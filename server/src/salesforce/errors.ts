/**
 * What a Salesforce failure means for the caller: retry it, stop the run, or report it.
 */
import { cleanText } from '../text/clean';

/** The org refused because its API allowance is used up: never retried (no retry storms). */
export class RequestLimitError extends Error {
  constructor(message: string) {
    super(
      `Salesforce API limit reached (REQUEST_LIMIT_EXCEEDED): ${message}. Wait for the org's 24-hour allowance to recover, then run again.`,
    );
    this.name = 'RequestLimitError';
  }
}

/** The run's own budget or the org's reserve would be crossed by the next call. */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** The run was cancelled (shutdown, or a test's injected interruption). */
export class AbortedError extends Error {
  constructor(message = 'The run was interrupted before it finished; the next run will converge.') {
    super(message);
    this.name = 'AbortedError';
  }
}

const RETRYABLE_CODES = new Set([
  'UNABLE_TO_LOCK_ROW',
  'SERVER_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'UNKNOWN_EXCEPTION',
  'QUERY_TIMEOUT',
  'REQUEST_RUNNING_TOO_LONG',
  'TEMPORARILY_UNAVAILABLE',
]);

const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface ErrorLike {
  name?: unknown;
  errorCode?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  data?: unknown;
}

/** The Salesforce error code of a jsforce error (errorCode, or the code inside `data`). */
export function errorCodeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as ErrorLike;
  if (typeof e.errorCode === 'string') return e.errorCode;
  const data = e.data as ErrorLike | ErrorLike[] | undefined;
  const first = Array.isArray(data) ? data[0] : data;
  if (first && typeof first.errorCode === 'string') return first.errorCode;
  return undefined;
}

export function isRequestLimit(err: unknown): boolean {
  if (err instanceof RequestLimitError) return true;
  const code = errorCodeOf(err);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return true;
  // jsforce wraps several errors as MULTIPLE_API_ERRORS with the list in data.
  const data = (err as ErrorLike | undefined)?.data;
  return (
    Array.isArray(data) &&
    data.some((d) => (d as ErrorLike)?.errorCode === 'REQUEST_LIMIT_EXCEEDED')
  );
}

function socketCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && SOCKET_CODES.has(e.code)) return e.code;
  if (e.name === 'FetchError' || (e.name === 'TypeError' && e.message === 'fetch failed'))
    return 'FETCH_FAILED';
  return socketCode(e.cause, depth + 1);
}

/** Transient: a 5xx, a locked row, or a dropped connection. Safe to retry when the call is idempotent. */
export function isTransient(err: unknown): boolean {
  if (isRequestLimit(err) || err instanceof BudgetError || err instanceof AbortedError)
    return false;
  const code = errorCodeOf(err);
  if (code && (RETRYABLE_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code))) return true;
  if (code === 'MULTIPLE_API_ERRORS') {
    const data = (err as ErrorLike).data;
    return (
      Array.isArray(data) &&
      data.length > 0 &&
      data.every((d) => RETRYABLE_CODES.has(String((d as ErrorLike)?.errorCode)))
    );
  }
  return socketCode(err) !== undefined;
}

/**
 * A short, log-safe description of an error (never includes request headers or tokens; record
 * values an org error quotes are cleaned of control characters and escape codes).
 */
export function describeError(err: unknown): string {
  return cleanText(describeRaw(err));
}

function describeRaw(err: unknown): string {
  const socket = socketCode(err);
  if (socket) {
    const cause = (err as { cause?: { message?: string; code?: string } }).cause;
    const detail = cause?.message ? ` — ${cause.code ? `${cause.code} ` : ''}${cause.message}` : '';
    return `cannot reach the org (${socket}: ${(err as Error).message}${detail}); check the instance/login URL and the network`;
  }
  if (err instanceof Error) {
    const code = errorCodeOf(err);
    const text = err.message.length > 500 ? `${err.message.slice(0, 500)}…` : err.message;
    return code && !text.includes(code) ? `${code}: ${text}` : text;
  }
  return String(err);
}

/** A short name for a failure's kind (socket code, Salesforce error code or HTTP status). */
export function errorKind(err: unknown): string {
  const socket = socketCode(err);
  if (socket) return socket;
  const code = errorCodeOf(err);
  if (code) return code;
  const status =
    (err as { statusCode?: number; status?: number } | null)?.statusCode ??
    (err as { status?: number } | null)?.status;
  return status ? `HTTP ${status}` : err instanceof Error ? err.name : 'unknown';
}
