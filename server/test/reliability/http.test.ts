/**
 * Items 6 and 9 of the reliability issue, through the HTTP API: run state and metrics behind the
 * token, no org call per request, rate limits per client behind a trusted proxy, and strict
 * JSON on POST /runs.
 */
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/http/app';
import { silentLogger } from '../../src/log';
import { UNTRUSTED_PROXY_WARNING } from '../../src/http/proxyCheck';
import { API_TOKEN, startHarness, type Harness } from '../service/harness';
import { figure, printFigures } from './support';

const METRICS_TOKEN = 'metrics-scraper-token-0123456789';

describe('reliability: the HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 10 });
  });
  afterAll(async () => {
    await h.close();
    printFigures();
  });
  const app = (opts: Partial<Parameters<typeof createApp>[0]> = {}) =>
    createApp({
      runner: h.service.runner,
      org: h.service.org,
      apiToken: API_TOKEN,
      metrics: h.service.metrics,
      logger: silentLogger,
      rateLimitPerMinute: 10_000,
      readiness: h.service.readiness,
      ...opts,
    });
  const auth = { authorization: `Bearer ${API_TOKEN}` };

  it('item 6: run logs and metrics need a token; a separate metrics token opens only /metrics', async () => {
    const a = app({ metricsToken: METRICS_TOKEN });
    const probes = [
      await request(a).get('/runs'),
      await request(a).get('/runs/a01000000000000AAA'),
      await request(a).get('/metrics'),
      await request(a).get('/runs').set('authorization', `Bearer ${METRICS_TOKEN}`),
    ];
    const metrics = await request(a)
      .get('/metrics')
      .set('authorization', `Bearer ${METRICS_TOKEN}`);
    const held = probes.filter((r) => r.status === 401).length + (metrics.status === 200 ? 1 : 0);
    figure('6 token on /runs, /runs/:id, /metrics', probes.length + 1, held);
    expect(probes.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(metrics.status).toBe(200);
  });

  it('item 6: 84 reads of run state cost the org at most one call per cache period', async () => {
    const a = app();
    const { id } = await h.service.runner.runToEnd('Full');
    const before = (h.emulator.stats() as { apiCalls: number }).apiCalls;
    const answers = await Promise.all(
      Array.from({ length: 84 }, (_, i) =>
        request(a)
          .get(i % 2 ? '/runs' : `/runs/${id}`)
          .set(auth),
      ),
    );
    const calls = (h.emulator.stats() as { apiCalls: number }).apiCalls - before;
    figure(
      '6 no org call per GET /runs',
      84,
      answers.filter((r) => r.status === 200).length,
      `${calls} org calls`,
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(answers.find((r) => r.body.id)?.body.id).toBe(id);
    expect(calls).toBeLessThanOrEqual(1);
  });

  it('item 6: behind a trusted proxy, each client has its own rate-limit bucket', async () => {
    const shared = app({ rateLimitPerMinute: 3 });
    const trusted = app({ rateLimitPerMinute: 3, trustProxy: 1 });
    const hit = (a: ReturnType<typeof app>, client: string) =>
      request(a).get('/healthz').set('x-forwarded-for', client);
    for (let i = 0; i < 3; i += 1) {
      await hit(shared, '203.0.113.1');
      await hit(trusted, '203.0.113.1');
    }
    const busy = await hit(trusted, '203.0.113.1');
    const other = await hit(trusted, '203.0.113.2');
    const untrusted = await hit(shared, '203.0.113.2');
    figure(
      '6 rate limit per client behind a proxy',
      2,
      (busy.status === 429 ? 1 : 0) + (other.status === 200 ? 1 : 0),
      "without trust proxy every client shares the proxy's bucket",
    );
    expect(busy.status).toBe(429);
    expect(other.status).toBe(200);
    expect(untrusted.status).toBe(429);
  });

  it("item 6: a proxy the service was not told about is named once, in the service's own log", async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await request(app({ logger })).get('/healthz');
      expect(lines).toEqual([]); // no proxy, nothing to say
      // A fresh app whose first request comes through the proxy (express-rate-limit checks the
      // first request it sees).
      const untrusted = app({ logger });
      for (const client of ['203.0.113.1', '203.0.113.2'])
        await request(untrusted).get('/healthz').set('x-forwarded-for', client);
      const trusted = app({ logger, trustProxy: 1 });
      await request(trusted).get('/healthz').set('x-forwarded-for', '203.0.113.3');
      expect(lines.map((l) => JSON.parse(l).msg)).toEqual([UNTRUSTED_PROXY_WARNING]);
      expect(UNTRUSTED_PROXY_WARNING).toContain('QUORUM_TRUST_PROXY');
      // Not express-rate-limit's stack trace on stderr.
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
    }
  });

  it('item 9: POST /runs with a body that is not application/json is refused (415) and starts nothing', async () => {
    const a = app();
    const before = (await h.conn.query('SELECT Id FROM Demand_Run__c')).totalSize;
    const kinds = [
      ['application/x-www-form-urlencoded', 'mode=incremental'],
      ['text/plain', '{"mode":"incremental"}'],
      ['multipart/form-data; boundary=x', '--x--'],
    ];
    const statuses = [];
    for (const [type, body] of kinds)
      statuses.push(
        (await request(a).post('/runs').set(auth).set('content-type', type).send(body)).status,
      );
    const after = (await h.conn.query('SELECT Id FROM Demand_Run__c')).totalSize;
    figure(
      '9 strict application/json on POST /runs',
      kinds.length,
      statuses.filter((s) => s === 415).length,
    );
    expect(statuses).toEqual([415, 415, 415]);
    expect(after).toBe(before);
    const ok = await request(a).post('/runs').set(auth).send({ mode: 'incremental' });
    expect(ok.status).toBe(202);
    await h.service.runner.idle();
  });
});
