/**
 * A jsforce transport that counts every HTTP request the service makes to the org (each one is
 * an API call against the daily allowance) and turns off jsforce's own retries, so that all
 * retries are decided, bounded and counted by ../retry.ts.
 */
import type { Connection } from 'jsforce';
import Transport from 'jsforce/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce/lib/types';
import type { StreamPromise } from 'jsforce/lib/util/promise';

export class CountingTransport extends Transport {
  calls = 0;
  byMethod: Record<string, number> = {};
  /** Calls by method and path, Ids and locators replaced (where a run's calls go). */
  byRoute: Record<string, number> = {};

  override httpRequest(
    req: HttpRequest,
    options: HttpRequestOptions = {},
  ): StreamPromise<HttpResponse> {
    this.calls += 1;
    this.byMethod[req.method] = (this.byMethod[req.method] ?? 0) + 1;
    const route = `${req.method} ${routeOf(req.url)}`;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
    return super.httpRequest(req, {
      ...options,
      retry: { ...(options.retry ?? {}), maxRetries: 0 },
    });
  }
}

/**
 * '/services/data/v62.0/jobs/query/750…/results?locator=…' → 'jobs/query/:id/results': Ids,
 * query locators and key values (long parts with digits) become ':id'.
 */
export function routeOf(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  return path
    .replace(/^\/services\/data\/v[\d.]+\//, '')
    .split('/')
    .map((part) => (part.length >= 12 && /\d/.test(part) ? ':id' : part))
    .join('/');
}

/** Installs a counting transport on a connection and returns it. */
export function countCalls(conn: Connection): CountingTransport {
  const transport = new CountingTransport();
  (conn as unknown as { _transport: Transport })._transport = transport;
  return transport;
}
