/**
 * The HTTP front: body reading, sessions, faults, API counting and the `Sforce-Limit-Info`
 * header, in front of the shared dispatcher.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Emulator } from '../emulator';
import { DmlError, RequestError } from '../store/errors';
import { adminRoute } from './admin';
import { authorized, tokenEndpoint } from './auth';
import { dispatch, routeName } from './dispatch';
import type { ApiRequest, ApiResponse } from './types';

const MAX_BODY = 160 * 1024 * 1024; // Bulk API 2.0 accepts uploads up to 150 MB

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(
          new RequestError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body exceeds 150 MB'),
        );
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer | null,
  headers: Record<string, string>,
  limitInfo?: string,
): void {
  if (body !== null && !headers['Content-Type'])
    headers['Content-Type'] = 'application/json;charset=UTF-8';
  if (limitInfo && !headers['Sforce-Limit-Info']) headers['Sforce-Limit-Info'] = limitInfo;
  res.writeHead(status, headers);
  res.end(body ?? undefined);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createEmulatorServer(emu: Emulator, reset: () => void): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const pathname = url.pathname;

    if (pathname.startsWith('/__emulator/')) {
      const out = adminRoute(emu, method, pathname.slice('/__emulator/'.length), body, reset);
      send(res, out.status, JSON.stringify(out.body), {});
      return;
    }

    if (pathname === '/services/oauth2/token' && method === 'POST') {
      const tokenPaths = [pathname, 'oauth2/token'];
      const slow = emu.faults.fire('latency', method, tokenPaths);
      if (slow?.latencyMs) await sleep(slow.latencyMs);
      if (emu.faults.fire('http503', method, tokenPaths)) {
        send(
          res,
          503,
          JSON.stringify({
            error: 'temporarily_unavailable',
            error_description: 'Service temporarily unavailable; retry later',
          }),
          {},
          emu.limitInfo(),
        );
        return;
      }
      const params = new URLSearchParams(body.toString('utf8'));
      for (const [k, v] of url.searchParams) if (!params.has(k)) params.set(k, v);
      const out = tokenEndpoint(emu, params);
      send(res, out.status, JSON.stringify(out.body), {}, emu.limitInfo());
      return;
    }

    const m = /^\/services\/data(?:\/v(\d+\.\d+))?(\/.*)?$/.exec(pathname);
    if (!m) {
      send(
        res,
        404,
        JSON.stringify([
          { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
        ]),
        {},
        pathname.startsWith('/services') ? emu.limitInfo() : undefined,
      );
      return;
    }
    const limitHeaders = () => ({ 'Sforce-Limit-Info': emu.limitInfo() });
    const fail = (err: RequestError) =>
      send(res, err.status, JSON.stringify(err.body()), limitHeaders());
    if (!m[1]) {
      // Version discovery is open, like an org's.
      const versions = ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0', '64.0'].map((v) => ({
        label: `v${v}`,
        url: `/services/data/v${v}`,
        version: v,
      }));
      send(res, 200, JSON.stringify(versions), limitHeaders());
      return;
    }
    const rest = (m[2] ?? '/').slice(1);
    let segments: string[];
    try {
      segments = rest
        .split('/')
        .filter(Boolean)
        .map((seg) => decodeURIComponent(seg));
    } catch {
      send(
        res,
        400,
        JSON.stringify([
          {
            errorCode: 'MALFORMED_URL',
            message: `Malformed percent-encoding in ${pathname}`,
            fields: [],
          },
        ]),
        {},
        emu.limitInfo(),
      );
      return;
    }
    const apiReq: ApiRequest = {
      method,
      path: rest,
      segments,
      query: url.searchParams,
      headers: req.headers,
      body,
      version: m[1],
      fullPath: pathname,
    };
    const paths = [pathname, rest];

    const token = authorized(emu, req.headers.authorization);
    if (!token)
      return fail(new RequestError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));

    const latency = emu.faults.fire('latency', method, paths);
    if (latency?.latencyMs) await sleep(latency.latencyMs);
    if (emu.faults.fire('invalidSession', method, paths)) {
      emu.tokens.delete(token); // the session stays expired until the client authenticates again
      return fail(new RequestError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));
    }
    if (emu.faults.fire('requestLimit', method, paths) || emu.apiCalls >= emu.opts.dailyApiLimit) {
      return fail(new RequestError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    }
    if (emu.faults.fire('http503', method, paths)) {
      send(
        res,
        503,
        JSON.stringify([
          {
            errorCode: 'SERVER_UNAVAILABLE',
            message: 'Service temporarily unavailable; retry later',
          },
        ]),
        limitHeaders(),
      );
      return;
    }

    emu.count(routeName(apiReq));
    let out: ApiResponse;
    try {
      out = dispatch(emu, apiReq, emu.faults.lockRows(method, paths));
    } catch (err) {
      if (err instanceof RequestError) return fail(err);
      if (err instanceof DmlError) return fail(err.toRequestError());
      throw err;
    }
    if (emu.faults.fire('lostResponse', method, paths)) {
      // The org did the work, then the answer never arrived (a dropped connection).
      res.socket?.destroy();
      return;
    }
    const headers: Record<string, string> = { ...limitHeaders(), ...(out.headers ?? {}) };
    if (out.text !== undefined) {
      headers['Content-Type'] = out.contentType ?? 'text/plain;charset=UTF-8';
      send(res, out.status, out.text, headers);
    } else send(res, out.status, out.body === undefined ? null : JSON.stringify(out.body), headers);
  };

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof RequestError) {
        send(res, err.status, JSON.stringify(err.body()), {});
        return;
      }
      // An emulator bug must be loud but must not take the process down.
      console.error('emulator: internal error', err);
      if (!res.headersSent)
        send(
          res,
          500,
          JSON.stringify([
            {
              errorCode: 'UNKNOWN_EXCEPTION',
              message: `An unexpected error occurred in the emulator: ${(err as Error).message}`,
            },
          ]),
          {},
        );
      else res.end();
    });
  });
}
