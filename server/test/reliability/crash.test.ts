/**
 * Kill -9 at each phase of a run: `npm run recompute` runs as a child process through the fault
 * proxy, which kills it (SIGKILL) the moment a request of the phase arrives and lets the org
 * act on that request. The next run (another replica, lease 3 s) must converge on the
 * fault-free scores with no record left Running or Requested and no lock row behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  compareScores,
  expectedScores,
  snapshot,
  startHarness,
  TOKEN,
  type Harness,
} from '../service/harness';
import type { Service } from '../../src/jobs/service';
import { startProxy, type FaultProxy, type ProxyRule } from './proxy';
import { claimRows, dropScores, figure, printFigures, replica, runRows, sleep } from './support';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Where to kill: the first request matching the rule. */
const PHASES: Record<string, Omit<ProxyRule, 'action'>> = {
  'creating the run': { method: 'PATCH', route: /sobjects\/Demand_Run__c\/Lock_Key__c\// },
  'taking the lock': { method: 'POST', route: /\/composite$/, body: /Demand_Run_Claim__c"/ },
  'starting the run': { method: 'PATCH', route: /sobjects\/Demand_Run__c\/\w{15,18}$/ },
  // The first pages of the large reads go in one composite call (queries URL-encoded).
  'reading accounts': { method: 'POST', route: /\/composite$/, body: /FROM%20Account(?!\w)/ },
  'writing scores': { route: /composite/, body: /Segment_Demand_Score__c/ },
  'stamping the watermark': { method: 'POST', route: /\/composite$/, body: /"Finishing"/ },
  'recording the outcome': { method: 'POST', route: /\/composite$/, body: /"release"/ },
};

describe('reliability: kill -9 at each phase converges', () => {
  let h: Harness;
  let proxy: FaultProxy;
  let next: Service;
  beforeAll(async () => {
    h = await startHarness({ scale: 15 });
    proxy = await startProxy(h.emulator.url);
    // A short lease, so that the killed process's lock is taken over quickly; 3 s leaves room
    // for renewals on a loaded machine.
    next = await replica(h.emulator.url, 'next-replica', { staleAfterMs: 3_000 });
  });
  afterAll(async () => {
    await next.close();
    await proxy.close();
    await h.close();
    printFigures();
  });

  function recompute(): { child: ChildProcess; exited: Promise<string> } {
    const child = spawn(process.execPath, [TSX, 'scripts/recompute.ts', '--full'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SF_INSTANCE_URL: proxy.url,
        SF_ACCESS_TOKEN: TOKEN,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<string>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
    );
    return { child, exited };
  }

  it('kill -9 at seven points, then one run: fault-free scores, nothing stuck', async () => {
    let held = 0;
    const failures: string[] = [];
    for (const [phase, where] of Object.entries(PHASES)) {
      await dropScores(h);
      const before = await snapshot(h);
      const { child, exited } = recompute();
      proxy.rules.splice(0);
      proxy.rules.push({ ...where, action: 'lose', count: 1, onFire: () => child.kill('SIGKILL') });
      const how = await exited;
      // The lease of the killed process passes (3 s for the next replica), then one run, and a
      // poll for a run the killed process left Requested. The lease counts from the org's own
      // stamp of the last request the child sent, which the in-process emulator may write a
      // moment after the kill on a loaded machine: 1.5 s of margin, not 0.2 s (a full-suite run
      // once found the lock still fresh after 3.2 s).
      await sleep(4_500);
      const { outcome } = await next.runner.runToEnd('Full');
      await next.runner.pollOnce();
      await next.runner.idle();
      const stuck = (await runRows(h)).filter(
        (r) => r.Status__c === 'Running' || r.Status__c === 'Requested',
      );
      const problems = [
        ...(how === 'SIGKILL' ? [] : [`the child was not killed (${how})`]),
        ...(outcome.status === 'Succeeded'
          ? []
          : [`next run ${outcome.status}: ${outcome.log.split('\n').slice(-3).join(' | ')}`]),
        ...stuck.map((r) => `stuck ${r.Status__c} ${r.Id}`),
        ...(await claimRows(h)).map((c) => `lock row left for ${c.Run__c}`),
        ...compareScores(expectedScores(before), await snapshot(h)).slice(0, 3),
      ];
      if (problems.length === 0) held += 1;
      else failures.push(`${phase}: ${problems.join('; ')}`);
    }
    figure('kill -9 at each phase converges', Object.keys(PHASES).length, held);
    expect(failures).toEqual([]);
    // Seven child processes, each compiling and starting the service (5 to 15 s apiece on a
    // loaded 2-core machine), plus a converging run after each.
  }, 400_000);
});
