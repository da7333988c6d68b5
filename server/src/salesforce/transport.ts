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

  override httpRequest(req: HttpRequest, options: HttpRequestOptions = {}): StreamPromise<HttpResponse> {
    this.calls += 1;
    this.byMethod[req.method] = (this.byMethod[req.method] ?? 0) + 1;
    return super.httpRequest(req, { ...options, retry: { ...(options.retry ?? {}), maxRetries: 0 } });
  }
}

/** Installs a counting transport on a connection and returns it. */
export function countCalls(conn: Connection): CountingTransport {
  const transport = new CountingTransport();
  (conn as unknown as { _transport: Transport })._transport = transport;
  return transport;
}
