/** The emulator's internal request/response model, shared by HTTP and composite subrequests. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Emulator } from '../emulator';
import { RequestError } from '../store/errors';

export interface ApiRequest {
  method: string;
  /** Path after `/services/data/vNN.N/`, without query string (e.g. `sobjects/Account/describe`). */
  path: string;
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  version: string;
  /** Full pathname, for fault matching. */
  fullPath: string;
}

export interface ApiResponse {
  status: number;
  /** JSON body (arrays and objects), or text with `contentType`. */
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Runs one request through the routes (http/dispatch.ts); passed to composite, never imported. */
export type Dispatch = (
  emu: Emulator,
  req: ApiRequest,
  locked: (() => boolean) | null,
) => ApiResponse;

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): ApiResponse => ({ status, body, headers });
export const noContent = (): ApiResponse => ({ status: 204 });

export function parseJson(req: ApiRequest): unknown {
  if (req.body.length === 0)
    throw new RequestError(
      400,
      'JSON_PARSER_ERROR',
      'The request body is empty; send a JSON document',
    );
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch (err) {
    throw new RequestError(
      400,
      'JSON_PARSER_ERROR',
      `Unexpected character in the JSON body: ${(err as Error).message}`,
    );
  }
}

export function jsonObject(req: ApiRequest): Record<string, unknown> {
  const body = parseJson(req);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestError(400, 'JSON_PARSER_ERROR', 'Expected a JSON object as the request body');
  }
  return body as Record<string, unknown>;
}

export const notFound = () =>
  new RequestError(404, 'NOT_FOUND', 'The requested resource does not exist');
