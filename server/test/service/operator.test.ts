/**
 * What an operator reads: the port in use, the readiness probe, the wording of org failures, the
 * key file and `.env` checks, the log format and the progress line. Through real jsforce against
 * the emulator wherever an org is involved.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { startEmulator } from '../../emulator';
import { checkEnvFiles, ConfigError, loadDotEnv, loadEnv } from '../../src/config/env';
import { ListenError } from '../../src/http/listen';
import { Readiness } from '../../src/http/readiness';
import { progressBar } from '../../src/jobs/progressBar';
import { startService } from '../../src/jobs/service';
import { chooseLogFormat, createLogger, formatLogLine, silentLogger } from '../../src/log';
import { nodeVersionProblem } from '../../src/preflight';
import { explainOrgError, isSettingProblem } from '../../src/salesforce/explain';
import { API_TOKEN, startHarness, TOKEN } from './harness';

const tokenEnv = (instanceUrl: string, accessToken = TOKEN, extra: Record<string, string> = {}) =>
  loadEnv({
    SF_INSTANCE_URL: instanceUrl,
    SF_ACCESS_TOKEN: accessToken,
    QUORUM_API_TOKEN: API_TOKEN,
    PORT: '0',
    QUORUM_POLL_INTERVAL_MS: '0',
    ...extra,
  });

describe('port in use', () => {
  it('names the port and PORT instead of failing on a null address', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const started = startService({
        env: tokenEnv('http://127.0.0.1:9', TOKEN, { PORT: String(port) }),
        logger: silentLogger,
        timers: false,
      });
      await expect(started).rejects.toBeInstanceOf(ListenError);
      await expect(started).rejects.toThrow(
        `Port ${port} is already in use (EADDRINUSE): another process is listening on it. Set PORT to a free port, or stop the other process.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('GET /readyz', () => {
  it('answers from cached state while the org hangs (never waiting out the check), then says the org did not answer', async () => {
    // An "org" that accepts connections and never answers.
    const sockets = new Set<import('node:net').Socket>();
    const hanging: Server = createServer(() => undefined);
    hanging.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const service = await startService({
      env: tokenEnv(url),
      logger: silentLogger,
      timers: false,
      listen: false,
    });
    try {
      // The org never answers, so a probe that waited on it could only answer after the check's
      // 5 s timeout, with the timeout's message. These answer "starting" (the probe waits at
      // most 500 ms for a first check; see the fake-clock test below for that bound). The
      // wall-clock bound here is loose on purpose: HTTP on a loaded machine adds its own delay.
      for (let i = 0; i < 2; i += 1) {
        const started = Date.now();
        const res = await request(service.app).get('/readyz').expect(503);
        expect(Date.now() - started).toBeLessThan(4_000);
        expect(res.body.error).toMatchObject({ code: 'not_ready' });
        expect(res.body.error.message).toMatch(/^starting: the first check of the org/);
      }
      // The check gives up after its timeout (5 s) and the probe then says so, from its state.
      await service.readiness.refresh();
      const started = Date.now();
      const res = await request(service.app).get('/readyz').expect(503);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(res.body.error.message).toBe(
        'The org did not answer within 5 s: check SF_INSTANCE_URL / SF_LOGIN_URL and the network',
      );
      expect(res.body.error.details.checkedAt).toEqual(expect.any(String));
    } finally {
      await service.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  }, 30_000); // one check waits out its 5 s timeout; 30 s leaves 3x under load

  it('a probe waits at most 500 ms for the first check, never for the org (fake clock)', async () => {
    jest.useFakeTimers();
    try {
      const readiness = new Readiness({
        check: () => new Promise<void>(() => undefined), // an org that never answers
        explain: String,
      });
      let answered: { ready: boolean; problem: string | null } | null = null;
      void readiness.probe().then((s) => (answered = s));
      await jest.advanceTimersByTimeAsync(499);
      expect(answered).toBeNull();
      await jest.advanceTimersByTimeAsync(1);
      expect(answered).toMatchObject({ ready: false, problem: expect.stringMatching(/^starting/) });
      // Once the check times out (5 s), probes answer from that state without any wait.
      await jest.advanceTimersByTimeAsync(4_500);
      expect(readiness.current.problem).toMatch(/^The org did not answer within 5 s/);
      await expect(readiness.probe()).resolves.toMatchObject({ ready: false });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is ready from the cached state of the last check, and starts a new check in the background when stale', async () => {
    let calls = 0;
    let fail = false;
    const readiness = new Readiness({
      check: async () => {
        calls += 1;
        if (fail)
          throw Object.assign(new Error('Session expired or invalid'), {
            errorCode: 'INVALID_SESSION_ID',
          });
      },
      explain: (err) => `explained: ${(err as Error).message}`,
      staleAfterMs: -1, // always stale
    });
    expect((await readiness.probe()).ready).toBe(true);
    expect(calls).toBe(1);
    fail = true;
    // Stale: this probe answers the cached "ready" and starts a check for the next one.
    expect((await readiness.probe()).ready).toBe(true);
    expect(calls).toBe(2);
    await readiness.refresh(); // joins the check the probe started
    expect(calls).toBe(2);
    const state = await readiness.probe();
    expect(state).toMatchObject({ ready: false, problem: 'explained: Session expired or invalid' });
  });
});

describe('org failures name what happened and the variable to fix', () => {
  it('a wrong access token: "The org rejected the access token (INVALID_SESSION_ID): set SF_ACCESS_TOKEN"', async () => {
    const emulator = await startEmulator({ port: 0, seed: 'empty', accessToken: TOKEN });
    const service = await startService({
      env: tokenEnv(emulator.url, 'not-the-session'),
      logger: silentLogger,
      timers: false,
      listen: false,
    });
    try {
      await service.readiness.refresh();
      const res = await request(service.app).get('/readyz').expect(503);
      expect(res.body.error.message).toBe(
        `The org rejected the access token (INVALID_SESSION_ID): set SF_ACCESS_TOKEN to a current session for ${emulator.url} (for a scratch org: sf org display --json).`,
      );
      expect(res.body.error.message).not.toContain('not-the-session');
    } finally {
      await service.close();
      await emulator.close();
    }
  });

  it('an unreachable org names SF_INSTANCE_URL; a rejected login is a setting problem, a dropped network is not', async () => {
    const h = await startHarness({ seed: 'empty' });
    await h.emulator.close();
    try {
      const state = await h.service.readiness.refresh();
      expect(state.problem).toMatch(
        /^Cannot reach the org at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): check SF_INSTANCE_URL/,
      );
    } finally {
      await h.service.close();
    }
    const auth = {
      kind: 'token',
      instanceUrl: 'https://x.my.salesforce.com',
      accessToken: 't',
      apiVersion: '62.0',
    } as const;
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const rejected = Object.assign(new Error('Session expired'), {
      errorCode: 'INVALID_SESSION_ID',
    });
    expect(isSettingProblem(refused)).toBe(false);
    expect(isSettingProblem(rejected)).toBe(true);
    expect(explainOrgError(rejected, { ...auth, kind: 'token' })).toMatch(/set SF_ACCESS_TOKEN/);
  });
});

describe('files the environment names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quorum-operator-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const jwtEnv = (keyFile: string) =>
    loadEnv({
      SF_LOGIN_URL: 'https://login.salesforce.com',
      SF_CLIENT_ID: 'cid',
      SF_USERNAME: 'u@example.com',
      SF_PRIVATE_KEY_FILE: keyFile,
      QUORUM_API_TOKEN: API_TOKEN,
    });

  it('a missing or unusable SF_PRIVATE_KEY_FILE is a configuration error naming the variable', () => {
    const missing = path.join(dir, 'server.key');
    expect(() => checkEnvFiles(jwtEnv(missing))).toThrow(ConfigError);
    expect(() => checkEnvFiles(jwtEnv(missing))).toThrow(
      `SF_PRIVATE_KEY_FILE cannot read '${missing}' (no such file)`,
    );
    writeFileSync(missing, 'not a key');
    expect(() => checkEnvFiles(jwtEnv(missing))).toThrow(
      /SF_PRIVATE_KEY_FILE '.*' is not a PEM private key/,
    );
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(missing, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => checkEnvFiles(jwtEnv(missing))).not.toThrow();
  });

  it('.env is read when present, and variables already set win', () => {
    const target: NodeJS.ProcessEnv = { PORT: '4000' };
    expect(loadDotEnv(dir, target)).toBeNull();
    writeFileSync(
      path.join(dir, '.env'),
      '# Quorum\nPORT=3000 # the service port\nQUORUM_API_TOKEN="a-long-enough-secret-token"\n',
    );
    expect(loadDotEnv(dir, target)).toBe(path.join(dir, '.env'));
    expect(target).toEqual({ PORT: '4000', QUORUM_API_TOKEN: 'a-long-enough-secret-token' });
  });
});

describe('log format', () => {
  it('text: one readable line a record, secrets still redacted; JSON only when asked', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink as never, 'text');
    logger.warn(
      { runId: 'a01', accessToken: '00D!secret', phase: 'Reading accounts' },
      'progress update failed',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d WARN {2}progress update failed {2}runId=a01 {2}accessToken=\[redacted\] {2}phase="Reading accounts"\n$/,
    );
    expect(lines[0]).not.toContain('{');
    expect(
      formatLogLine(
        '{"level":50,"time":"2026-01-02T03:04:05.000Z","msg":"boom","err":{"message":"bad"}}',
      ),
    ).toBe('03:04:05 ERROR boom  err="bad"');
    expect(chooseLogFormat({ command: true, isTTY: false })).toBe('text');
    expect(chooseLogFormat({ command: false, isTTY: false })).toBe('json');
    expect(chooseLogFormat({ command: false, isTTY: true })).toBe('text');
    expect(chooseLogFormat({ configured: 'json', command: true, isTTY: true })).toBe('json');
    expect(
      loadEnv({
        SF_INSTANCE_URL: 'https://x.example',
        SF_ACCESS_TOKEN: 't',
        QUORUM_API_TOKEN: API_TOKEN,
        LOG_FORMAT: 'JSON',
      }).LOG_FORMAT,
    ).toBe('json');
    expect(() =>
      loadEnv({
        SF_INSTANCE_URL: 'https://x.example',
        SF_ACCESS_TOKEN: 't',
        QUORUM_API_TOKEN: API_TOKEN,
        LOG_FORMAT: 'pretty',
      }),
    ).toThrow(/LOG_FORMAT must be one of json, text/);
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, s: { isTTY, columns: 160, write: (t: string) => out.push(t) } };
  };

  it('shows counts, the announced total and the rate inside a long read', () => {
    let now = 0;
    const { out, s } = stream(true);
    const bar = progressBar(s, { now: () => now });
    const rows = (done: number) => ({ object: 'Escalated_Request__c', done, total: 1_000_000 });
    bar.update('Reading escalated requests', 45, rows(2_000));
    now = 3_000;
    bar.update('Reading escalated requests', 45, rows(122_000));
    expect(out.at(-1)).toContain('Reading escalated requests: 122,000 of ~1,000,000 (40,000/s)');
  });

  it('off a terminal: a line per phase and a count line at most every few seconds', () => {
    let now = 0;
    const { out, s } = stream(false);
    const bar = progressBar(s, { now: () => now, everyMs: 2_000 });
    const rows = (done: number) => ({ object: 'Account', done, total: 9_000 });
    bar.update('Reading accounts', 10);
    bar.update('Reading accounts', 10, rows(2_000));
    now = 1_000;
    bar.update('Reading accounts', 10, rows(4_000));
    now = 2_500;
    bar.update('Reading accounts', 10, rows(6_000));
    expect(out).toEqual([
      '… Reading accounts\n',
      '  Reading accounts: 6,000 of ~9,000 (1,600/s)\n',
    ]);
  });

  it('a run reports rows read inside its read phases (through jsforce, paged)', async () => {
    const h = await startHarness({ scale: 60, pageSize: 200 });
    try {
      const seen: { phase: string; object: string; done: number; total: number }[] = [];
      h.service.runner.hooks.onProgress = (_id, phase, _pct, rows) => {
        if (rows) seen.push({ phase, ...rows });
      };
      await h.service.runner.runToEnd('Full');
      const requests = seen.filter((r) => r.object === 'Escalated_Request__c');
      expect(requests.length).toBeGreaterThan(1);
      // All within the one phase that reads requests (its name belongs to recompute.ts).
      expect(new Set(requests.map((r) => r.phase)).size).toBe(1);
      expect(requests.at(-1)?.done).toBe(requests.at(-1)?.total);
      expect(requests.map((r) => r.done)).toEqual(
        [...requests.map((r) => r.done)].sort((a, b) => a - b),
      );
    } finally {
      await h.close();
    }
  }, 60_000); // a full run at scale 60: about 2 s alone; 60 s leaves a wide margin under load
});

describe('Node version preflight', () => {
  it('accepts the supported Node and says in one line what to do on an older one', () => {
    expect(nodeVersionProblem('22.19.0', '/n')).toBeNull();
    expect(nodeVersionProblem('24.1.0', '/n')).toBeNull();
    const problem = nodeVersionProblem('20.20.2', '/usr/bin/node');
    expect(problem).toMatch(
      /^Quorum needs Node\.js >= 22\.19\.0, but this is Node\.js 20\.20\.2 \(\/usr\/bin\/node\)\./,
    );
    expect(problem).not.toContain('\n');
    expect(nodeVersionProblem('22.18.9', '/n')).not.toBeNull();
  });
});
