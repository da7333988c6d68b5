/**
 * `npm run demo [-- --once]`: the embedded default. Starts the org emulator with the seeded demo
 * org on a free port, signs in over the JWT bearer flow with a key pair made for this demo,
 * runs one full recompute through the service's HTTP API with a progress bar, prints what it
 * wrote, then keeps serving (service and emulator URLs printed) until Ctrl-C. `--once` exits
 * after the report.
 */
import '../server/src/preflight';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, startEmulator } from '../server/emulator';
import { loadEnv } from '../server/src/config/env';
import { buildReport, formatReport } from '../server/src/jobs/report';
import { minimumCalls } from '../server/src/jobs/minimum';
import { progressBar } from '../server/src/jobs/progressBar';
import { startService } from '../server/src/jobs/service';
import { chooseLogFormat, createLogger } from '../server/src/log';

const CLIENT_ID = 'quorum-demo-connected-app';

async function main(): Promise<void> {
  const once = process.argv.includes('--once');
  const started = Date.now();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyDir = mkdtempSync(path.join(tmpdir(), 'quorum-demo-'));
  const keyFile = path.join(keyDir, 'server.key');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const cleanup = () => rmSync(keyDir, { recursive: true, force: true });

  console.log('Quorum demo: starting the org emulator with the seeded demo org…');
  const emulator = await startEmulator({
    port: 0,
    seed: 'demo',
    jwtPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    clientId: CLIENT_ID,
  });
  const apiToken = `demo-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const env = loadEnv({
    SF_LOGIN_URL: emulator.url,
    SF_CLIENT_ID: CLIENT_ID,
    SF_USERNAME: DEMO_USERS.integration.Username,
    SF_PRIVATE_KEY_FILE: keyFile,
    SF_API_VERSION: '62.0',
    QUORUM_API_TOKEN: apiToken,
    PORT: '0',
    QUORUM_POLL_INTERVAL_MS: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: process.env.LOG_FORMAT,
  });
  // A command for people: readable log lines unless LOG_FORMAT=json asks for pino's JSON.
  const format = chooseLogFormat({ configured: env.LOG_FORMAT, command: true, isTTY: false });
  const logger = createLogger(env.LOG_LEVEL, process.stderr as never, format);
  const service = await startService({ env, logger, timers: false });
  const bar = progressBar();
  service.runner.hooks.onProgress = (_id, phase, pct, rows) => bar.update(phase, pct, rows);

  console.log(
    `Service on ${service.url} (JWT bearer flow as ${DEMO_USERS.integration.Username}); running a full recompute…`,
  );
  const res = await fetch(`${service.url}/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'full' }),
  });
  if (res.status !== 202) throw new Error(`POST /runs answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const finished = await service.runner.wait(id);
  bar.done();
  const { outcome, result } = finished;

  const org = await service.org();
  const report = await buildReport(org);
  console.log(`\nRun ${id}: ${outcome.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(formatReport(report));
  if (result) {
    const minimum = minimumCalls({
      reads: result.counts,
      writes: {
        segments: result.segmentsUpdated,
        requests: result.requestsUpdated,
        themes: result.themesUpserted,
        scores: result.scoresWritten,
        history: result.historyWritten,
        deletes: result.scoresDeleted,
      },
    });
    console.log(
      `\nRead ${result.recordsRead} records; wrote ${result.scoresWritten} scores (${result.scoresComputed} computed), stamped ${result.requestsUpdated} requests, updated ${result.segmentsUpdated} segments.`,
    );
    if (result.profileErrors.length > 0)
      console.log(
        `Scoring profile: ${result.profileErrors.join('; ')} (defaults used for those fields).`,
      );
    console.log(
      `API calls: ${outcome.apiCalls} used; the minimum possible for this run is ${minimum} (${(outcome.apiCalls / minimum).toFixed(2)}×).`,
    );
  }
  if (outcome.status === 'Failed') console.log(`\nThe run failed; its log:\n${outcome.log}`);

  const shutdown = async (code: number) => {
    await service.close();
    await emulator.close();
    cleanup();
    process.exit(code);
  };
  if (once) return shutdown(outcome.status === 'Failed' ? 1 : 0);
  console.log(`\nServing until Ctrl-C:`);
  console.log(
    `  service   ${service.url}/healthz   ${service.url}/runs   ${service.url}/metrics   ${service.url}/openapi.json`,
  );
  console.log(`  emulator  ${emulator.url}  (stats: ${emulator.url}/__emulator/stats)`);
  console.log(
    `  POST ${service.url}/runs with "Authorization: Bearer ${apiToken}" to recompute again.`,
  );
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch((err: Error) => {
  console.error(`\nQuorum demo failed: ${err.message}`);
  process.exit(1);
});
