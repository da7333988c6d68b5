/**
 * The lease's heartbeat against the org (jobs/heartbeat.ts, renewals through real jsforce to the
 * emulator): a run slower than several lease intervals keeps its lease with the cadence "when the
 * lease needs it, and on phase changes", the renewals it makes stay within the formula's bounds,
 * and the phase a run is in reaches its record even when phases change faster than the spacing.
 */
import { beatCadence, beatsAtMost, Heartbeat } from '../../src/jobs/heartbeat';
import { claimRun, finishUnderLease, renewLease } from '../../src/jobs/lease';
import { leaseRenewalsNeeded } from '../../src/jobs/minimum';
import { createRun, outcomeFields } from '../../src/jobs/runs';
import type { Service } from '../../src/jobs/service';
import { startHarness, type Harness } from '../service/harness';
import { startProxy, type FaultProxy, type Seen } from './proxy';
import { claimRows, figure, printFigures, replica, runRows, sleep } from './support';

const TTL = 4_000;

const isRenewal = (s: Seen) =>
  s.path.endsWith('/composite') && /fields=Run__c,Claimed_By__c/.test(s.head);
const isClaim = (s: Seen) => s.path.endsWith('/composite') && /"Claim_Key__c"/.test(s.head);
const isFinish = (s: Seen) => s.path.endsWith('/composite') && /fields=Id,Run__c/.test(s.head);

describe('reliability: the lease heartbeat', () => {
  let h: Harness;
  const open: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    h = await startHarness({ scale: 15 });
  });
  afterAll(async () => {
    for (const o of open.reverse()) await o.close();
    await h.close();
    printFigures();
  });

  const phaseOf = async (id: string) =>
    (await runRows(h)).find((r) => r.Id === id)?.Phase__c ?? null;
  /** Polls the run record until it shows `phase`; returns how long that took (ms). */
  const phaseReaches = async (id: string, phase: string, withinMs: number) => {
    const from = Date.now();
    while (Date.now() - from < withinMs) {
      if ((await phaseOf(id)) === phase) return Date.now() - from;
      await sleep(50);
    }
    throw new Error(`Phase__c of ${id} did not become "${phase}" within ${withinMs} ms`);
  };

  it('keeps the lease of a run slower than several lease intervals, within the renewal bounds', async () => {
    const proxy: FaultProxy = await startProxy(h.emulator.url);
    open.push(proxy);
    const settings = { staleAfterMs: TTL, phaseSpacingMs: 600 };
    const a: Service = await replica(proxy.url, 'slow-a', settings);
    open.push(a);
    const b: Service = await replica(h.emulator.url, 'eager-b', { staleAfterMs: TTL });
    open.push(b);
    const cadence = beatCadence(TTL, settings);
    expect(cadence).toEqual({ renewEveryMs: 1_000, phaseSpacingMs: 600 });

    let runId = '';
    let phaseChanges = 0;
    let current = 'Starting';
    const reached: Record<string, number> = {};
    let bSwept: string[] | null = null;
    let bClaim: unknown = null;
    a.runner.hooks = {
      onProgress: (_id, phase) => {
        if (phase !== current) phaseChanges += 1;
        current = phase;
      },
      checkpoint: async (phase) => {
        if (phase === 'read') await sleep(5_500);
        if (phase === 'themes') {
          // Assigning segments and grouping came right after the pause, within the spacing.
          reached.themes = await phaseReaches(runId, 'Grouping themes', 5 * cadence.renewEveryMs);
          await sleep(1_500);
          // More than a whole lease after the claim: another replica finds the lease alive.
          bSwept = await b.runner.sweep();
          bClaim = await b.runner.runToEnd('Full').catch((err: Error) => err.message);
        }
        if (phase === 'computed') {
          reached.computed = await phaseReaches(
            runId,
            'Computing scores',
            5 * cadence.renewEveryMs,
          );
        }
      },
    };
    const started = await a.runner.start('Full');
    expect(started.status).toBe('started');
    runId = started.id;
    const { outcome } = await a.runner.wait(runId);
    expect(outcome.status).toBe('Succeeded');
    expect(bSwept).toEqual([]);
    expect(bClaim).toMatch(/holds the run lock.*closed without running/);
    expect(await claimRows(h)).toEqual([]);
    const run = (await runRows(h)).find((r) => r.Id === runId);
    expect(run).toMatchObject({
      Status__c: 'Succeeded',
      Claimed_By__c: 'slow-a',
      Phase__c: 'Done',
    });
    expect(run?.Log__c).not.toMatch(/lost its lock|Taken over/);

    // Renewals, as the org saw them: from the claim to the finish.
    const claimAt = proxy.seen.find(isClaim)?.at ?? NaN;
    const finishAt = proxy.seen.find(isFinish)?.at ?? NaN;
    const renewals = proxy.seen.filter((s) => isRenewal(s) && s.at >= claimAt && s.at <= finishAt);
    const duration = finishAt - claimAt;
    const floor = leaseRenewalsNeeded(duration, TTL);
    const ceiling = beatsAtMost(duration, phaseChanges, cadence);
    figure(
      'heartbeat: slow run keeps its lease (lease 4 s, renewals within bounds)',
      1,
      renewals.length >= floor && renewals.length <= ceiling ? 1 : 0,
      `${renewals.length} renewals in ${(duration / 1000).toFixed(1)} s, ${phaseChanges} phase changes; needed ≥ ${floor}, cadence ≤ ${ceiling}`,
    );
    // The run outlived what its lease holds (3.2 s) twice over: without renewals it would have
    // stopped.
    expect(floor).toBeGreaterThanOrEqual(2);
    expect(renewals.length).toBeGreaterThanOrEqual(floor);
    expect(renewals.length).toBeLessThanOrEqual(ceiling);
    expect(run?.Log__c).toMatch(new RegExp(`Lease renewals: ${renewals.length} API calls in `));
    // Each phase seen on the record within one spacing and one renewal's round trip or so.
    expect(reached.themes).toBeDefined();
    expect(reached.computed).toBeDefined();
  }, 45_000);

  it('renews a due lease before a long synchronous stretch, which no timer can interrupt', async () => {
    // Lease 8 s: holds 6.4 s after a renewal, renewed every 2 s, phases 300 ms apart.
    const proxy = await startProxy(h.emulator.url);
    open.push(proxy);
    const a = await replica(proxy.url, 'busy-a', { staleAfterMs: 8_000, phaseSpacingMs: 300 });
    open.push(a);
    const renewedAt = () => proxy.seen.filter(isRenewal).at(-1)?.at ?? NaN;
    let sinceRenewal = NaN;
    a.runner.hooks = {
      checkpoint: async (phase) => {
        if (phase !== 'read') return;
        // Wait until the latest renewal is 1.8 s old: the lease at its oldest before the next
        // one (2 s), when the run starts computing.
        for (;;) {
          const age = Date.now() - renewedAt();
          if (age >= 1_800 && age < 1_950) break;
          await sleep(10);
        }
        sinceRenewal = Date.now() - renewedAt();
      },
      onProgress: (_id, phase) => {
        if (phase !== 'Grouping themes') return;
        // Grouping a large backlog: 5 s of the CPU with no turn of the event loop. Started on a
        // 1.8 s old lease it would end past the 6.4 s it holds; settle renewed it first.
        const until = Date.now() + 5_000;
        while (Date.now() < until) {
          // busy
        }
      },
    };
    const { outcome, id } = await a.runner.runToEnd('Full');
    expect(sinceRenewal).toBeGreaterThanOrEqual(1_800);
    expect(outcome.status).toBe('Succeeded');
    const run = (await runRows(h)).find((r) => r.Id === id);
    expect(run?.Log__c).not.toMatch(/lost its lock/);
    figure(
      'heartbeat: lease renewed before 5 s of synchronous work (lease holds 6.4 s)',
      1,
      outcome.status === 'Succeeded' ? 1 : 0,
    );
  }, 45_000);

  it('records the phase the run is in when phases change faster than the spacing', async () => {
    const id = await createRun(h.org, 'Full');
    const claim = await claimRun(h.org, id, { replicaId: 'phases', ttlMs: 60_000 });
    if (!claim.claimed) throw new Error(claim.reason);
    const lease = claim.lease;
    const beat = new Heartbeat(
      async (phase, percent) => {
        await renewLease(h.org, lease, phase, percent);
        return 'ok';
      },
      beatCadence(lease.ttlMs, { phaseSpacingMs: 400 }),
      lease.confirmedAt,
    );
    try {
      expect(await phaseOf(id)).toBe('Starting');
      beat.update('Reading accounts', 20);
      beat.update('Reading escalated requests', 45);
      beat.update('Assigning segments', 62);
      await phaseReaches(id, 'Assigning segments', 5_000);
      // One beat for the three phases, with the latest one's percent.
      expect(beat.beats).toBe(1);
      const row = await h.conn.query<{ Progress__c: number }>(
        `SELECT Progress__c FROM Demand_Run__c WHERE Id = '${id}'`,
      );
      expect(row.records[0].Progress__c).toBe(62);
      figure('heartbeat: fast phases share one beat with the latest', 1, 1, `3 phases, 1 beat`);
    } finally {
      await beat.stop();
      const fields = outcomeFields({
        status: 'Succeeded',
        recordsRead: 0,
        scoresWritten: 0,
        scoresDeleted: 0,
        apiCalls: 0,
        errorCount: 0,
        log: 'heartbeat test',
        watermark: null,
      });
      expect(await finishUnderLease(h.org, lease, fields)).toBe(true);
    }
    expect(await claimRows(h)).toEqual([]);
  }, 30_000);
});
