/** Fault injection and API counting: deterministic under a seed, never counted themselves. */
import { Connection } from 'jsforce';
import type { RunningEmulator } from '../../emulator';
import { api, expectSfError, http, start, TOKEN } from './helpers';

let emu: RunningEmulator;
let conn: Connection;

beforeAll(async () => {
  ({ emu, conn } = await start({
    scale: 10,
    clientId: 'cid',
    clientSecret: 'csecret',
    dailyApiLimit: 1000,
  }));
});
afterAll(() => emu.close());
afterEach(() =>
  http(emu.url, '/__emulator/reset', { method: 'POST', body: { scope: 'faults' }, token: null }),
);

const addFault = (fault: unknown) =>
  http(emu.url, '/__emulator/faults', { method: 'POST', body: fault, token: null });

describe('faults', () => {
  it('validates fault definitions with a message that shows what to send', async () => {
    const bad = await addFault({ kind: 'meteor', route: '*' });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toMatch(/kind.*Example: \{"kind":"http503"/);
    const noRate = await addFault({ kind: 'http503' });
    expect((noRate.body as { message: string }).message).toContain('give either rate');
  });

  it('answers 503 for a count of matching requests, then recovers; admin calls are not counted', async () => {
    await addFault({ kind: 'http503', route: '*/limits', method: 'GET', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await http(emu.url, api('limits'))).status);
    expect(statuses).toEqual([503, 503, 200]);
    const before = (
      (await http(emu.url, '/__emulator/stats', { token: null })).body as { apiCalls: number }
    ).apiCalls;
    await http(emu.url, '/__emulator/stats', { token: null });
    const after = (await http(emu.url, '/__emulator/stats', { token: null })).body as {
      apiCalls: number;
      faults: Array<{ hits: number }>;
    };
    expect(after.apiCalls).toBe(before);
    expect(after.faults[0].hits).toBe(2);
  });

  it('fails chosen records of a collection with UNABLE_TO_LOCK_ROW while the others succeed', async () => {
    await addFault({ kind: 'lockRow', route: 'composite/sobjects*', count: 1 });
    const themeId = emu.store.records('Demand_Theme__c')[0].Id as string;
    const results = (await conn.sobject('Segment_Demand_Score__c').upsert(
      [1, 2, 3].map((n) => ({ Score_Key__c: `lock:${n}`, Theme__c: themeId })),
      'Score_Key__c',
    )) as Array<{ success: boolean; errors: Array<{ statusCode: string }> }>;
    expect(results.map((r) => r.success)).toEqual([false, true, true]);
    expect(results[0].errors[0].statusCode).toBe('UNABLE_TO_LOCK_ROW');
  });

  it('expires a session with INVALID_SESSION_ID until the client authenticates again', async () => {
    const token = (
      await http(emu.url, '/services/oauth2/token', {
        method: 'POST',
        token: null,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=cid&client_secret=csecret',
      })
    ).body as { access_token: string };
    const session = new Connection({
      instanceUrl: emu.url,
      accessToken: token.access_token,
      version: '62.0',
    });
    await addFault({ kind: 'invalidSession', route: '*', count: 1 });
    await expect(session.query('SELECT Id FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
    const after = await http(emu.url, api('limits'), { token: token.access_token });
    expect(after.status).toBe(401);
    expectSfError(after.body, 'INVALID_SESSION_ID');
    expect((await http(emu.url, api('limits'), { token: TOKEN })).status).toBe(200);
  });

  it('answers REQUEST_LIMIT_EXCEEDED by fault and once the daily budget is spent', async () => {
    await addFault({ kind: 'requestLimit', route: '*', count: 1 });
    const limited = await http(emu.url, api('limits'));
    expect(limited.status).toBe(403);
    expect(limited.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED', fields: [] },
    ]);

    const used = emu.stats().apiCalls as number;
    const budget = await start({ scale: 5, dailyApiLimit: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await http(budget.emu.url, api('limits'))).status);
      expect(codes).toEqual([200, 200, 200, 403]);
      expect(budget.emu.stats().apiCalls).toBe(3);
    } finally {
      await budget.emu.close();
    }
    expect(emu.stats().apiCalls).toBe(used);
  });

  it('adds latency', async () => {
    await addFault({ kind: 'latency', route: '*/limits', count: 1, latencyMs: 150 });
    const t0 = performance.now();
    await http(emu.url, api('limits'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('is deterministic under a fault seed', async () => {
    const pattern = async (seed: string) => {
      const { emu: e } = await start({ scale: 5, faultSeed: seed });
      try {
        await http(e.url, '/__emulator/faults', {
          method: 'POST',
          token: null,
          body: { kind: 'http503', route: '*', rate: 0.5 },
        });
        const out: number[] = [];
        for (let i = 0; i < 16; i++) out.push((await http(e.url, api('limits'))).status);
        return out.join(',');
      } finally {
        await e.close();
      }
    };
    const a = await pattern('seed-a');
    expect(await pattern('seed-a')).toBe(a);
    expect(a).toMatch(/503/);
    expect(a).toMatch(/200/);
  });
});

describe('admin reset', () => {
  it('reseeds the org and zeroes counters', async () => {
    await conn.sobject('Demand_Theme__c').create({ Name: 'temporary' });
    const themes = emu.store.count('Demand_Theme__c');
    const res = await http(emu.url, '/__emulator/reset', { method: 'POST', token: null });
    expect(res.status).toBe(200);
    expect((res.body as { apiCalls: number }).apiCalls).toBe(0);
    expect(emu.store.count('Demand_Theme__c')).toBe(themes - 1);
    const unknown = await http(emu.url, '/__emulator/nothing', { token: null });
    expect(unknown.status).toBe(404);
  });
});
