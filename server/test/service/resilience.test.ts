import { loadEnv } from '../../src/config/env';
import { startService, type Service } from '../../src/jobs/service';
import { silentLogger } from '../../src/log';
import {
  addFaults,
  API_TOKEN,
  clearFaults,
  compareScores,
  expectedScores,
  FAST_RETRY,
  NOW,
  snapshot,
  startHarness,
  TOKEN,
  type Harness,
} from './harness';

async function deliverOne(h: Harness): Promise<void> {
  const snap = await snapshot(h);
  const r = snap.requests.find(
    (x) => x.Status__c !== 'Delivered' && (x.Theme__c || x.Suggested_Theme__c),
  );
  await h.conn
    .sobject('Escalated_Request__c')
    .update({ Id: r!.Id, Status__c: 'Delivered' } as never);
}

async function runRecord(h: Harness, id: string) {
  const res = await h.conn.query<{
    Status__c: string;
    Lock_Key__c: string | null;
    Log__c: string | null;
    Error_Count__c: number;
  }>(`SELECT Status__c, Lock_Key__c, Log__c, Error_Count__c FROM Demand_Run__c WHERE Id = '${id}'`);
  return res.records[0];
}

describe('faults: 503s and locked rows', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 40, pageSize: 200 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('converges on the same scores as a fault-free run with ~10% of calls failing', async () => {
    const expected = expectedScores(await snapshot(h));
    await addFaults(h, [
      { kind: 'http503', route: '*', rate: 0.1 },
      { kind: 'lockRow', route: '*', rate: 0.1 },
    ]);
    const { outcome } = await h.service.runner.runToEnd('Full');
    await clearFaults(h);
    expect(outcome.status).toBe('Succeeded');
    expect(outcome.log).toMatch(/transient errors retried: [1-9]/);
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
    const again = await h.service.runner.runToEnd('Full');
    expect(again.result).toMatchObject({
      scoresWritten: 0,
      scoresDeleted: 0,
      requestsUpdated: 0,
      themesUpserted: 0,
    });
  });
});

describe('limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 30 });
    expect((await h.service.runner.runToEnd('Full')).outcome.status).toBe('Succeeded');
  });
  afterAll(async () => {
    await h.close();
  });

  it('REQUEST_LIMIT_EXCEEDED mid-run fails the run, leaves previous scores intact, and is not retried', async () => {
    const before = await snapshot(h);
    await deliverOne(h);
    let callsAtFault = 0;
    h.service.runner.hooks.checkpoint = async (phase) => {
      if (phase !== 'computed') return;
      callsAtFault = (h.emulator.stats() as { apiCalls: number }).apiCalls;
      await addFaults(h, [{ kind: 'requestLimit', route: '*', count: 1 }]);
    };
    const { id, outcome } = await h.service.runner.runToEnd('Full');
    h.service.runner.hooks.checkpoint = undefined;
    expect(outcome.status).toBe('Failed');
    expect(outcome.log).toMatch(/REQUEST_LIMIT_EXCEEDED/);
    // After the refusal: only the run's own finishing update (the refused call is not counted).
    expect((h.emulator.stats() as { apiCalls: number }).apiCalls - callsAtFault).toBe(1);
    const after = await snapshot(h);
    expect(after.scores.map((s) => [s.Score_Key__c, s.Score__c, s.SystemModstamp]).sort()).toEqual(
      before.scores.map((s) => [s.Score_Key__c, s.Score__c, s.SystemModstamp]).sort(),
    );
    const run = await runRecord(h, id);
    expect(run.Status__c).toBe('Failed');
    expect(run.Lock_Key__c).toBeNull();
    // The next run recovers.
    const next = await h.service.runner.runToEnd('Incremental');
    expect(next.outcome.status).toBe('Succeeded');
    expect(compareScores(expectedScores(await snapshot(h)), await snapshot(h))).toEqual([]);
  });

  it('stops at the per-run API budget before writing anything', async () => {
    const before = await snapshot(h);
    await deliverOne(h);
    const budgeted = await startHarnessSharing(h, { QUORUM_RUN_API_BUDGET: '10' });
    try {
      const { outcome } = await budgeted.runner.runToEnd('Full');
      expect(outcome.status).toBe('Failed');
      expect(outcome.log).toMatch(/QUORUM_RUN_API_BUDGET/);
      expect((await snapshot(h)).scores.map((s) => s.SystemModstamp).sort()).toEqual(
        before.scores.map((s) => s.SystemModstamp).sort(),
      );
    } finally {
      await budgeted.close();
    }
  });

  it("stops when the org's remaining daily allowance falls under the reserve", async () => {
    const used = (h.emulator.stats() as { apiCalls: number; apiLimit: number }).apiCalls;
    const reserved = await startHarnessSharing(h, {
      QUORUM_API_RESERVE: String(150_000 - used - 3),
    });
    try {
      const { outcome } = await reserved.runner.runToEnd('Full');
      expect(outcome.status).toBe('Failed');
      expect(outcome.log).toMatch(/QUORUM_API_RESERVE/);
    } finally {
      await reserved.close();
    }
  });
});

describe('interrupted runs converge', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 30 });
    expect((await h.service.runner.runToEnd('Full')).outcome.status).toBe('Succeeded');
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(['read', 'themes', 'computed', 'stamped', 'scores'])(
    'a run stopped after %s leaves no duplicate and no orphan once the next run ends',
    async (phase) => {
      await deliverOne(h);
      await h.conn.sobject('Escalated_Request__c').create({
        Name: `Brand new need ${phase}: webhook retries with backoff`,
        Account__c: (await snapshot(h)).accounts[1].Id,
        Status__c: 'New',
        Urgency__c: 'High',
      });
      h.service.runner.hooks.checkpoint = (p) => {
        if (p === phase) {
          if (phase === 'themes') h.service.runner.abort('test abort');
          else throw new Error(`simulated crash after ${phase}`);
        }
      };
      const stopped = await h.service.runner.runToEnd('Incremental');
      h.service.runner.hooks.checkpoint = undefined;
      expect(stopped.outcome.status).toBe('Failed');
      expect((await runRecord(h, stopped.id)).Lock_Key__c).toBeNull();

      const expected = expectedScores(await snapshot(h));
      const next = await h.service.runner.runToEnd('Incremental');
      expect(next.outcome.status).toBe('Succeeded');
      const after = await snapshot(h);
      expect(compareScores(expected, after)).toEqual([]);
      const keys = after.scores.map((s) => s.Score_Key__c);
      expect(new Set(keys).size).toBe(keys.length);
      const themeKeys = after.themes.map((t) => t.Theme_Key__c).filter(Boolean);
      expect(new Set(themeKeys).size).toBe(themeKeys.length);
    },
  );
});

/** A second service instance on the same emulator with different settings. */
async function startHarnessSharing(h: Harness, env: Record<string, string>): Promise<Service> {
  return startService({
    env: loadEnv({
      SF_INSTANCE_URL: h.emulator.url,
      SF_ACCESS_TOKEN: TOKEN,
      QUORUM_API_TOKEN: API_TOKEN,
      PORT: '0',
      ...env,
    }),
    logger: silentLogger,
    timers: false,
    listen: false,
    retry: FAST_RETRY,
    runner: { clock: () => NOW },
  });
}
