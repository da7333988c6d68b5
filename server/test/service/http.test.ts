import request from 'supertest';
import { tokenMatches } from '../../src/http/auth';
import { API_TOKEN, startHarness, type Harness } from './harness';

describe('HTTP API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 20 });
  });
  afterAll(async () => {
    await h.close();
  });
  const auth = { authorization: `Bearer ${API_TOKEN}` };

  it('answers health, readiness, OpenAPI and metrics', async () => {
    const app = h.service.app;
    await request(app).get('/healthz').expect(200, { status: 'ok', activeRun: null });
    await h.service.readiness.refresh(); // /readyz answers from the last check's state
    await request(app).get('/readyz').expect(200);
    const doc = await request(app).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/runs', '/runs/{id}', '/healthz', '/readyz', '/metrics']),
    );
    const metrics = await request(app)
      .get('/metrics')
      .set('authorization', `Bearer ${API_TOKEN}`)
      .expect(200);
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.text).toContain('quorum_runs_total');
    expect(metrics.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rejects POST /runs without the right bearer token (401)', async () => {
    const app = h.service.app;
    const none = await request(app).post('/runs').send({ mode: 'full' }).expect(401);
    expect(none.body.error.code).toBe('unauthorized');
    await request(app)
      .post('/runs')
      .set('authorization', 'Bearer wrong-token')
      .send({ mode: 'full' })
      .expect(401);
    await request(app)
      .post('/runs')
      .set('authorization', `Basic ${API_TOKEN}`)
      .send({ mode: 'full' })
      .expect(401);
    expect(tokenMatches(API_TOKEN, API_TOKEN)).toBe(true);
    expect(tokenMatches(`${API_TOKEN}x`, API_TOKEN)).toBe(false);
  });

  it('validates the body (400), its size (413) and its JSON', async () => {
    const app = h.service.app;
    const bad = await request(app).post('/runs').set(auth).send({ mode: 'everything' }).expect(400);
    expect(bad.body.error.message).toMatch(/mode must be 'full' or 'incremental'/);
    const extra = await request(app)
      .post('/runs')
      .set(auth)
      .send({ mode: 'full', drop: 'table' })
      .expect(400);
    expect(extra.body.error.message).toMatch(/unknown field/);
    const json = await request(app)
      .post('/runs')
      .set(auth)
      .set('content-type', 'application/json')
      .send('{"mode": ')
      .expect(400);
    expect(json.body.error.code).toBe('invalid_json');
    const big = await request(app)
      .post('/runs')
      .set(auth)
      .send({ mode: 'full', pad: 'x'.repeat(20_000) })
      .expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('404s unknown runs and routes with JSON', async () => {
    const app = h.service.app;
    const r = await request(app)
      .get('/runs/a01000000000000AAA')
      .set('authorization', `Bearer ${API_TOKEN}`)
      .expect(404);
    expect(r.body.error.code).toBe('not_found');
    await request(app)
      .get("/runs/' OR Id != '")
      .set('authorization', `Bearer ${API_TOKEN}`)
      .expect(404);
    await request(app).get('/nope').expect(404);
  });

  it('starts exactly one run for 50 concurrent POST /runs, and reports it', async () => {
    const app = h.service.app;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => request(app).post('/runs').set(auth).send({ mode: 'full' })),
    );
    for (const r of responses) expect(r.status).toBe(202);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.body.status === 'started')).toHaveLength(1);
    const [id] = [...ids];
    await h.service.runner.idle();
    const runs = await h.conn.query<{ Id: string }>('SELECT Id FROM Demand_Run__c');
    expect(runs.records.map((r) => r.Id)).toEqual([id]);
    const one = await request(app)
      .get(`/runs/${id}`)
      .set('authorization', `Bearer ${API_TOKEN}`)
      .expect(200);
    expect(one.body).toMatchObject({ id, status: 'Succeeded', mode: 'Full' });
    expect(one.body.apiCalls).toBeGreaterThan(0);
    const list = await request(app)
      .get('/runs?limit=5')
      .set('authorization', `Bearer ${API_TOKEN}`)
      .expect(200);
    expect(list.body.runs.map((r: { id: string }) => r.id)).toEqual([id]);
    await request(app).get('/runs?limit=0').set('authorization', `Bearer ${API_TOKEN}`).expect(400);
  });

  it('rate-limits with a JSON 429', async () => {
    const limited = await startHarness({ seed: 'empty', rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i += 1) await request(limited.service.app).get('/healthz').expect(200);
      const r = await request(limited.service.app).get('/healthz').expect(429);
      expect(r.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('HTTP API when the org is unreachable', () => {
  it('answers 503 on /readyz and a JSON 502 on POST /runs, naming the cause', async () => {
    const h = await startHarness({ seed: 'empty' });
    await h.emulator.close();
    try {
      await h.service.readiness.refresh(); // /readyz answers from the last check's state
      const ready = await request(h.service.app).get('/readyz').expect(503);
      expect(ready.body.error.message).toMatch(/^Cannot reach the org at .* check SF_INSTANCE_URL/);
      const run = await request(h.service.app)
        .post('/runs')
        .set({ authorization: `Bearer ${API_TOKEN}` })
        .send({ mode: 'full' })
        .expect(502);
      expect(run.body.error).toMatchObject({ code: 'salesforce_error' });
      expect(run.body.error.message).toMatch(/cannot reach the org/);
    } finally {
      await h.service.close();
    }
  });
});
