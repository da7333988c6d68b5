/**
 * A fault-injecting HTTP proxy between a service replica and the org emulator: it can reset a
 * connection before the request reaches the org, lose the answer after the org acted, or delay
 * a request; and it records when each request arrived, so a test can say what a replica sent
 * after some moment.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRule {
  action: 'reset' | 'lose' | 'delay';
  method?: string;
  /** Matched against the decoded request URL (path and query string, e.g. a SOQL text). */
  route: RegExp;
  /** Also matched against the request body, when given. */
  body?: RegExp;
  /** Fire for this many matching requests (default: every one). */
  count?: number;
  delayMs?: number;
  /** Called when the rule fires (e.g. to kill the client process at that moment). */
  onFire?: () => void;
}

export interface Seen {
  at: number;
  method: string;
  path: string;
  /** The start of the request body (what a composite call does: a lease renewal, a finish). */
  head: string;
  fault?: ProxyRule['action'];
}

export interface FaultProxy {
  url: string;
  seen: Seen[];
  rules: ProxyRule[];
  /** Faults fired, by action. */
  fired: Record<string, number>;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const seen: Seen[] = [];
  const rules: ProxyRule[] = [];
  const fired: Record<string, number> = {};
  const pick = (method: string, path: string, body: string): ProxyRule | undefined => {
    const rule = rules.find(
      (r) =>
        (!r.method || r.method === method) &&
        r.route.test(path) &&
        (!r.body || r.body.test(body)) &&
        (r.count ?? Infinity) > 0,
    );
    if (rule && rule.count !== undefined) rule.count -= 1;
    if (rule) fired[rule.action] = (fired[rule.action] ?? 0) + 1;
    rule?.onFire?.();
    return rule;
  };
  const server: Server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    let decoded = req.url ?? '/';
    try {
      decoded = decodeURIComponent(decoded.replace(/\+/g, ' '));
    } catch {
      // matched as sent
    }
    const at = Date.now();
    const body = await readAll(req);
    const rule = pick(method, decoded, body.toString('utf8'));
    seen.push({
      at,
      method,
      path,
      head: body.subarray(0, 400).toString('utf8'),
      fault: rule?.action,
    });
    if (rule?.action === 'reset') {
      req.socket.destroy();
      return;
    }
    if (rule?.action === 'delay') await new Promise((r) => setTimeout(r, rule.delayMs ?? 0));
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      async (answer) => {
        const payload = await readAll(answer);
        if (rule?.action === 'lose') {
          // The org acted; the answer never reaches the client.
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(payload);
      },
    );
    out.on('error', () => req.socket.destroy());
    out.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    rules,
    fired,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
