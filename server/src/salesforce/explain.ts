/**
 * Failures to use the org, in words an operator can act on: what happened, and which setting to
 * change. Used where an operator reads the answer (GET /readyz, the service's start-up log, the
 * recompute command), never for retry decisions (errors.ts decides those).
 */
import type { SalesforceAuthConfig } from '../config/env';
import { AuthError } from './auth';
import { describeError, errorCodeOf, isRequestLimit } from './errors';

const SOCKET =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

function socketCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  const e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && SOCKET.test(e.code)) return e.code;
  const inner = socketCode(e.cause, depth + 1);
  if (inner) return inner;
  if (e.name === 'FetchError' || (e.name === 'TypeError' && e.message === 'fetch failed'))
    return 'fetch failed';
  return undefined;
}

export function explainOrgError(err: unknown, auth: SalesforceAuthConfig): string {
  // The JWT login's own errors already say which of the SF_* variables to check.
  if (err instanceof AuthError) return err.message;
  const host = auth.kind === 'token' ? auth.instanceUrl : auth.loginUrl;
  const urlVariable = auth.kind === 'token' ? 'SF_INSTANCE_URL' : 'SF_LOGIN_URL';
  const socket = socketCode(err);
  if (socket)
    return `Cannot reach the org at ${host} (${socket}): check ${urlVariable} and that this machine can open HTTPS connections to it.`;
  if (isRequestLimit(err))
    return "The org's daily API allowance is used up (REQUEST_LIMIT_EXCEEDED): wait for it to recover (a rolling 24 hours), or raise the allowance in the org.";
  const code = errorCodeOf(err);
  switch (code) {
    case 'INVALID_SESSION_ID':
      return auth.kind === 'token'
        ? `The org rejected the access token (INVALID_SESSION_ID): set SF_ACCESS_TOKEN to a current session for ${host} (for a scratch org: sf org display --json).`
        : `The org rejected the session from the JWT login (INVALID_SESSION_ID): check that SF_USERNAME is active and pre-authorized for the connected app SF_CLIENT_ID.`;
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
      return `The org refused API access (${code}): give the integration user the "API Enabled" permission (the org's edition must include API access).`;
    case 'NOT_FOUND':
      return `The org has no REST API version ${auth.apiVersion} at ${host} (NOT_FOUND): set SF_API_VERSION to a version the org serves, such as 62.0.`;
    case 'INSUFFICIENT_ACCESS':
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
      return `The org refused the integration user (${code}): assign the Quorum_Integration permission set to the user the service signs in as.`;
    default:
      return `The org answered with an error: ${describeError(err)}`;
  }
}

const SETTING_CODES = new Set([
  'INVALID_SESSION_ID',
  'API_DISABLED_FOR_ORG',
  'API_CURRENTLY_DISABLED',
  'NOT_FOUND',
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
]);

/** True when the failure needs a setting changed (a rejected login, token, version or user). */
export function isSettingProblem(err: unknown): boolean {
  if (err instanceof AuthError) return true;
  if (socketCode(err)) return false;
  return SETTING_CODES.has(errorCodeOf(err) ?? '');
}
