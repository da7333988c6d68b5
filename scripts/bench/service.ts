/**
 * `npm run bench -- --only service [--quick]`: the sync service against the emulator at scale.
 *
 * The emulator runs in a child process (this same file with --emulator-child), so this
 * process's peak RSS is the service's alone and the emulator's CPU time is reported apart.
 * For each scale: a full run (API calls against the theoretical minimum, wall time, emulator
 * CPU), then a no-change incremental run (calls, writes). Scales grow until one takes longer
 * than the time limit; the largest finished scale is reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadEnv } from '../../server/src/config/env';
import { minimumCalls } from '../../server/src/jobs/minimum';
import { startService } from '../../server/src/jobs/service';
import { silentLogger } from '../../server/src/log';

const TOKEN = 'bench-emulator-token-0123456789';

interface EmuStats {
  cpuMs: number;
  rssMb: number;
  apiCalls: number;
  records: Record<string, number>;
  byRoute: Record<string, number>;
}

// ------------------------------------------------------------------ child: the emulator
async function emulatorChild(opts: { scale: number; requestsPerAccount: number }): Promise<void> {
  const { startEmulator } = await import('../../server/emulator');
  const t0 = Date.now();
  const emu = await startEmulator({ port: 0, seed: 'demo', scale: opts.scale, requestsPerAccount: opts.requestsPerAccount, accessToken: TOKEN, dailyApiLimit: 10_000_000 });
  const send = (kind: string, body: unknown) => process.stdout.write(`${kind} ${JSON.stringify(body)}\n`);
  send('READY', { url: emu.url, seedMs: Date.now() - t0 });
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (line === 'stats') {
      const cpu = process.cpuUsage();
      const s = emu.stats() as { apiCalls: number; records: Record<string, number>; byRoute: Record<string, number> };
      send('STATS', { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20, apiCalls: s.apiCalls, records: s.records, byRoute: s.byRoute } satisfies EmuStats);
    } else if (line === 'exit') {
      await emu.close();
      process.exit(0);
    }
  }
}

class EmulatorProcess {
  private waiting: ((line: string) => void)[] = [];
  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => this.waiting.shift()?.(line));
  }
  static async start(scale: number, requestsPerAccount: number): Promise<{ emu: EmulatorProcess; url: string; seedMs: number }> {
    const tsx = require.resolve('tsx/cli');
    const child = spawn(process.execPath, ['--max-old-space-size=8192', tsx, __filename, '--emulator-child', JSON.stringify({ scale, requestsPerAccount })], { stdio: ['pipe', 'pipe', 'inherit'] });
    const emu = new EmulatorProcess(child);
    const ready = await emu.next('READY');
    return { emu, ...(ready as { url: string; seedMs: number }) };
  }
  private next(kind: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.child.once('exit', (code) => reject(new Error(`emulator child exited (${code}) before ${kind}`)));
      this.waiting.push((line) => {
        if (!line.startsWith(`${kind} `)) return reject(new Error(`emulator child said: ${line.slice(0, 200)}`));
        resolve(JSON.parse(line.slice(kind.length + 1)));
      });
    });
  }
  async stats(): Promise<EmuStats> {
    const p = this.next('STATS');
    this.child.stdin!.write('stats\n');
    return (await p) as EmuStats;
  }
  async stop(): Promise<void> {
    this.child.stdin!.write('exit\n');
    await new Promise((r) => this.child.once('exit', r));
  }
}

// ------------------------------------------------------------------ parent: the service
function peakRssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
    },
  };
}

const fmt = (n: number, d = 1) => n.toFixed(d);

async function benchScale(scale: number, requestsPerAccount: number, timeLimitMs: number): Promise<boolean> {
  console.log(`\n--- ${scale.toLocaleString('en-US')} accounts, ~${(scale * requestsPerAccount).toLocaleString('en-US')} requests ---`);
  const { emu, url, seedMs } = await EmulatorProcess.start(scale, requestsPerAccount);
  try {
    const seeded = await emu.stats();
    const r = seeded.records;
    console.log(
      `emulator seeded in ${fmt(seedMs / 1000)} s: ${['Account', 'Opportunity', 'Buying_Committee_Member__c', 'OpportunityContactRole', 'Escalated_Request__c', 'Demand_Theme__c'].map((k) => `${k} ${(r[k] ?? 0).toLocaleString('en-US')}`).join(', ')}`,
    );
    const env = loadEnv({ SF_INSTANCE_URL: url, SF_ACCESS_TOKEN: TOKEN, QUORUM_API_TOKEN: 'bench-api-token-0123456789', PORT: '0', QUORUM_RUN_API_BUDGET: '1000000', QUORUM_API_RESERVE: '0' });
    const service = await startService({ env, logger: silentLogger, timers: false, listen: false });
    const rss = peakRssSampler();
    const cpuBefore = (await emu.stats()).cpuMs;
    const t0 = Date.now();
    const deadline = setTimeout(() => service.runner.abort(`bench time limit of ${timeLimitMs / 1000} s`), timeLimitMs);
    const full = await service.runner.runToEnd('Full');
    clearTimeout(deadline);
    const wallMs = Date.now() - t0;
    const afterFull = await emu.stats();
    const { outcome, result } = full;
    if (outcome.status === 'Failed' || !result) {
      console.log(`full run ${outcome.status} after ${fmt(wallMs / 1000)} s: ${outcome.log.split('\n').slice(-2).join(' ')}`);
      await service.close();
      return false;
    }
    const minimum = minimumCalls({
      reads: result.counts,
      writes: { segments: result.segmentsUpdated, requests: result.requestsUpdated, themes: result.themesUpserted, scores: result.scoresWritten, deletes: result.scoresDeleted },
    });
    const emuCpuMs = afterFull.cpuMs - cpuBefore;
    console.log(`full run: ${outcome.status}; read ${result.recordsRead.toLocaleString('en-US')} rows, stamped ${result.requestsUpdated.toLocaleString('en-US')} requests, wrote ${result.scoresWritten} scores`);
    console.log(`  API calls ${outcome.apiCalls} vs theoretical minimum ${minimum} → ${fmt(outcome.apiCalls / minimum, 2)}× (target ≤ 1.1×)`);
    console.log(`  wall ${fmt(wallMs / 1000)} s, of which emulator CPU ${fmt(emuCpuMs / 1000)} s (service ≈ ${fmt(Math.max(0, wallMs - emuCpuMs) / 1000)} s)`);
    const routes = Object.entries(afterFull.byRoute)
      .map(([k, v]) => [k, v - (seeded.byRoute[k] ?? 0)] as const)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`  calls by route: ${routes}`);

    const t1 = Date.now();
    const inc = await service.runner.runToEnd('Incremental');
    console.log(
      `no-change incremental: ${inc.outcome.status}; ${inc.outcome.apiCalls} API calls (target ≤ 10), ${inc.outcome.scoresWritten} scores written, ${inc.result ? 'recomputed' : 'nothing read beyond the change check'}, ${fmt((Date.now() - t1) / 1000, 2)} s`,
    );
    const peak = rss.stop();
    console.log(`service peak RSS ${fmt(peak, 0)} MB (target < 1024 MB); emulator RSS ${fmt((await emu.stats()).rssMb, 0)} MB`);
    await service.close();
    return wallMs < timeLimitMs;
  } finally {
    await emu.stop();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--emulator-child') return emulatorChild(JSON.parse(argv[1]));
  const quick = argv.includes('--quick');
  // Full scale: 100k accounts × 10 requests = 1M requests (the demo seed sizes committees).
  const plan = quick ? [{ scale: 2_000, rpa: 4 }] : [{ scale: 10_000, rpa: 10 }, { scale: 100_000, rpa: 10 }];
  const limitMs = quick ? 120_000 : 300_000;
  let largest = 0;
  for (const step of plan) {
    const ok = await benchScale(step.scale, step.rpa, limitMs);
    if (!ok) {
      console.log(`\nStopped at ${step.scale.toLocaleString('en-US')} accounts (over the ${limitMs / 1000} s limit or failed).`);
      break;
    }
    largest = step.scale;
  }
  console.log(`\nLargest scale measured: ${largest.toLocaleString('en-US')} accounts${quick ? ' (--quick)' : ''}.`);
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(`bench service failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
