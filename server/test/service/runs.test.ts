import { loadEnv } from '../../src/config/env';
import { startService, type Service } from '../../src/jobs/service';
import { silentLogger } from '../../src/log';
import { API_TOKEN, FAST_RETRY, NOW, startHarness, TOKEN, type Harness } from './harness';

interface RunRow {
  Id: string;
  Status__c: string;
  Mode__c: string;
  Lock_Key__c: string | null;
  Claimed_By__c: string | null;
  Log__c: string | null;
  Phase__c: string | null;
  Progress__c: number | null;
}

async function runs(h: Harness): Promise<RunRow[]> {
  const res = await h.conn.query<RunRow>(
    'SELECT Id, Status__c, Mode__c, Lock_Key__c, Claimed_By__c, Log__c, Phase__c, Progress__c FROM Demand_Run__c ORDER BY CreatedDate',
  );
  return res.records;
}

async function replica(h: Harness, name: string): Promise<Service> {
  return startService({
    env: loadEnv({
      SF_INSTANCE_URL: h.emulator.url,
      SF_ACCESS_TOKEN: TOKEN,
      QUORUM_API_TOKEN: API_TOKEN,
      PORT: '0',
    }),
    logger: silentLogger,
    timers: false,
    listen: false,
    retry: FAST_RETRY,
    runner: { clock: () => NOW, replicaId: name },
  });
}

describe('runs: queue, claims and the lock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scale: 15 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('claims a run a person requested in the org (the poll) and records its lifecycle', async () => {
    const created = (await h.conn
      .sobject('Demand_Run__c')
      .create({ Status__c: 'Requested', Mode__c: 'Incremental' })) as unknown as { id: string };
    const id = await h.service.runner.pollOnce();
    expect(id).toBe(created.id);
    await h.service.runner.idle();
    const [run] = (await runs(h)).filter((r) => r.Id === created.id);
    expect(run).toMatchObject({
      Status__c: 'Succeeded',
      Mode__c: 'Incremental',
      Lock_Key__c: null,
      Claimed_By__c: h.service.runner.replicaId,
      Phase__c: 'Done',
      Progress__c: 100,
    });
    expect(run.Log__c).toMatch(/No earlier successful run/);
    expect(await h.service.runner.pollOnce()).toBeNull();
  });

  it('lets only one replica run at a time; the other run waits as Requested and is polled later', async () => {
    const a = await replica(h, 'replica-a');
    const b = await replica(h, 'replica-b');
    try {
      const [ra, rb] = await Promise.all([a.runner.start('Full'), b.runner.start('Full')]);
      const statuses = [ra.status, rb.status].sort();
      expect(statuses).toEqual(['queued', 'started']);
      const winner = ra.status === 'started' ? a : b;
      const loser = ra.status === 'started' ? b : a;
      const queuedId = ra.status === 'started' ? rb.id : ra.id;
      expect((await runs(h)).find((r) => r.Id === queuedId)?.Status__c).toBe('Requested');
      await winner.runner.idle();
      expect(await loser.runner.pollOnce()).toBe(queuedId);
      await loser.runner.idle();
      expect((await runs(h)).find((r) => r.Id === queuedId)).toMatchObject({
        Status__c: 'Succeeded',
        Claimed_By__c: loser.runner.replicaId,
      });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('takes over a lock whose holder stopped sending heartbeats', async () => {
    const stale = (await h.conn.sobject('Demand_Run__c').create({
      Status__c: 'Running',
      Mode__c: 'Full',
      Claimed_By__c: 'crashed-replica',
      Heartbeat_At__c: new Date(Date.now() - 60 * 60_000).toISOString(),
    })) as unknown as { id: string };
    await h.conn.sobject('Demand_Run_Claim__c').create({
      Claim_Key__c: 'ACTIVE',
      Run__c: stale.id,
      Claimed_By__c: 'crashed-replica',
    });
    const { id, outcome } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    const all = await runs(h);
    expect(all.find((r) => r.Id === stale.id)).toMatchObject({
      Status__c: 'Failed',
      Lock_Key__c: null,
    });
    expect(all.find((r) => r.Id === stale.id)?.Log__c).toMatch(/Taken over by/);
    expect(all.find((r) => r.Id === id)?.Status__c).toBe('Succeeded');
  });

  it('does not take over a lock with a fresh heartbeat', async () => {
    const fresh = (await h.conn.sobject('Demand_Run__c').create({
      Status__c: 'Running',
      Mode__c: 'Full',
      Claimed_By__c: 'busy-replica',
      Heartbeat_At__c: new Date().toISOString(),
    })) as unknown as { id: string };
    const claim = (await h.conn.sobject('Demand_Run_Claim__c').create({
      Claim_Key__c: 'ACTIVE',
      Run__c: fresh.id,
      Claimed_By__c: 'busy-replica',
    })) as unknown as { id: string };
    const res = await h.service.runner.start('Full');
    expect(res.status).toBe('queued');
    const all = await runs(h);
    expect(all.find((r) => r.Id === fresh.id)?.Status__c).toBe('Running');
    expect(all.find((r) => r.Id === res.id)?.Status__c).toBe('Requested');
    await h.conn
      .sobject('Demand_Run__c')
      .update({ Id: fresh.id, Status__c: 'Succeeded', Lock_Key__c: null } as never);
    await h.conn.sobject('Demand_Run_Claim__c').destroy(claim.id);
  });
});
