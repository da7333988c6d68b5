/** JSON errors for the HTTP API: `{ error: { code, message } }` with the right status. */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log';
import {
  BudgetError,
  describeError,
  errorCodeOf,
  isRequestLimit,
  isTransient,
} from '../salesforce/errors';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  details?: unknown,
): void {
  res
    .status(status)
    .json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** Maps body-parser and our own errors to JSON; anything else is a 500 without internals. */
export function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError)
      return sendError(res, err.status, err.code, err.message, err.details);
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large')
      return sendError(
        res,
        413,
        'payload_too_large',
        'The request body is too large; send at most 10 kB of JSON.',
      );
    if (e?.type === 'entity.parse.failed')
      return sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
      return sendError(res, 415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
      return sendError(res, e.status, 'bad_request', e.message ?? 'Bad request.');
    // The org refused or could not be reached: say so, with its reason (never a stack).
    if (errorCodeOf(err) || isTransient(err) || isRequestLimit(err) || err instanceof BudgetError) {
      logger.warn({ err: describeError(err) }, 'Salesforce error while serving an HTTP request');
      return sendError(
        res,
        502,
        'salesforce_error',
        `The org answered with an error: ${describeError(err)}`,
      );
    }
    logger.error({ err: e?.message ?? String(err) }, 'unhandled HTTP error');
    return sendError(
      res,
      500,
      'internal_error',
      'The service hit an unexpected error; see its logs.',
    );
  };
}
