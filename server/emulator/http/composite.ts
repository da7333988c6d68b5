/**
 * `composite`: up to 25 subrequests (at most 5 queries or collections) run in order through
 * the same routes, with `@{ref.path}` references to earlier results; one API call in all.
 * allOrNone rolls every change back when one subrequest fails.
 */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import { RequestError } from '../store/errors';
import { jsonObject, type ApiRequest, type Dispatch } from './types';

const SubrequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().min(1),
  referenceId: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/, 'referenceId must be alphanumeric or underscore'),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
});
const CompositeSchema = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(SubrequestSchema).min(1),
});

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const HALTED = [
  {
    errorCode: 'PROCESSING_HALTED',
    message:
      'The transaction was rolled back since another operation in the same transaction failed.',
  },
];

class MissingReference extends Error {}

function lookup(results: Map<string, unknown>, expr: string): unknown {
  const [ref, ...rest] = expr.split('.');
  if (!results.has(ref)) throw new MissingReference(expr);
  let cur: unknown = results.get(ref);
  for (const part of rest.join('.').split('.').filter(Boolean)) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new MissingReference(expr);
    cur = (cur as Record<string, unknown> | null)?.[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) cur = (cur as unknown[] | null)?.[Number(idx)];
  }
  if (cur === undefined) throw new MissingReference(expr);
  return cur;
}

function substitute(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^@\{([^}]+)\}$/.exec(value);
    if (whole) return lookup(results, whole[1]);
    return value.replace(/@\{([^}]+)\}/g, (_m, expr: string) => String(lookup(results, expr)));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  }
  return value;
}

export function compositeRoute(emu: Emulator, req: ApiRequest, dispatch: Dispatch) {
  const parsed = CompositeSchema.safeParse(jsonObject(req));
  if (!parsed.success) {
    throw new RequestError(
      400,
      'INVALID_INPUT',
      `Invalid composite request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { allOrNone = false, compositeRequest } = parsed.data;
  if (compositeRequest.length > 25)
    throw new RequestError(
      400,
      'INVALID_INPUT',
      `A composite request may have at most 25 subrequests (got ${compositeRequest.length})`,
    );
  const heavy = compositeRequest.filter((s) =>
    /\/(query|queryAll)\b|\/composite\/sobjects/.test(s.url),
  ).length;
  if (heavy > 5)
    throw new RequestError(
      400,
      'INVALID_INPUT',
      `A composite request may have at most 5 queries or sObject Collections (got ${heavy})`,
    );

  return emu.store.transaction(() => {
    const results = new Map<string, unknown>();
    const out: SubResponse[] = [];
    let failedAt = -1;
    for (let i = 0; i < compositeRequest.length; i++) {
      const sub = compositeRequest[i];
      if (failedAt >= 0 && allOrNone) {
        out.push({
          body: HALTED,
          httpHeaders: {},
          httpStatusCode: 400,
          referenceId: sub.referenceId,
        });
        continue;
      }
      let response: SubResponse;
      try {
        const url = substitute(sub.url, results) as string;
        const body = sub.body === undefined ? undefined : substitute(sub.body, results);
        const u = new URL(url, 'http://composite.invalid');
        const m = /^\/services\/data\/v(\d+\.\d+)\/?(.*)$/.exec(u.pathname);
        if (!m)
          throw new RequestError(
            400,
            'INVALID_INPUT',
            `Subrequest URLs start with /services/data/vNN.N/ (got ${url})`,
          );
        const subReq: ApiRequest = {
          method: sub.method,
          path: m[2],
          segments: m[2].split('/').filter(Boolean).map(decodeURIComponent),
          query: u.searchParams,
          headers: Object.fromEntries(
            Object.entries(sub.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
          ),
          body: body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body)),
          version: m[1],
          fullPath: u.pathname,
        };
        // Faults aimed at a route (e.g. lockRow on composite/sobjects*) apply inside composite too.
        const res = dispatch(emu, subReq, emu.faults.lockRows(sub.method, [u.pathname, m[2]]));
        const headers: Record<string, string> = { ...(res.headers ?? {}) };
        if (res.status === 201 && res.body && typeof res.body === 'object' && 'id' in res.body) {
          headers.Location = `${u.pathname.replace(/\/$/, '')}/${(res.body as { id: string }).id}`;
        }
        response = {
          body: res.body ?? res.text ?? null,
          httpHeaders: headers,
          httpStatusCode: res.status,
          referenceId: sub.referenceId,
        };
      } catch (err) {
        if (err instanceof MissingReference) {
          response = {
            body: [
              {
                errorCode: 'PROCESSING_HALTED',
                message: `Invalid reference specified. No value for ${err.message} found in ${sub.referenceId}. Provided referenceId ('${err.message.split('.')[0]}') must be a valid referenceId of a prior successful subrequest.`,
              },
            ],
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: sub.referenceId,
          };
        } else if (err instanceof RequestError) {
          response = {
            body: err.body(),
            httpHeaders: {},
            httpStatusCode: err.status,
            referenceId: sub.referenceId,
          };
        } else throw err;
      }
      if (response.httpStatusCode < 300) results.set(sub.referenceId, response.body);
      else if (failedAt < 0) failedAt = i;
      out.push(response);
    }
    if (allOrNone && failedAt >= 0) {
      for (let i = 0; i < failedAt; i++)
        out[i] = {
          body: HALTED,
          httpHeaders: {},
          httpStatusCode: 400,
          referenceId: out[i].referenceId,
        };
      return { keep: false, value: { status: 200, body: { compositeResponse: out } } };
    }
    return { keep: true, value: { status: 200, body: { compositeResponse: out } } };
  });
}
