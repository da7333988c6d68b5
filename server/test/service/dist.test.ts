/**
 * The compiled service as production runs it: `npm run build`'s output started with plain
 * `node`, against the org emulator. Start-up, health and readiness, and what an operator sees
 * when a setting is wrong (exit codes as documented: 2 for a setting to fix).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildService } from '../../../scripts/build';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { API_TOKEN, TOKEN } from './harness';

// Spawning Node and loading jsforce takes about 0.5 s alone and up to several seconds on a loaded
// 2-core machine; each case starts one or two processes. 60 s keeps well over 3x.
const SPAWN_TIMEOUT = 60_000;

const ROOT = path.resolve(__dirname, '../../..');
// Inside the repository, so the bundle finds node_modules as dist/ does.
const OUT = path.join(ROOT, 'dist', `.test-${process.pid}`);

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; until?: (stdout: string) => boolean; nodeArgs?: string[] } = {},
): { exited: Promise<Exit>; stdout: () => string; kill: () => void; ready: Promise<string> } {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(OUT, file), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  let stdout = '';
  let stderr = '';
  let markReady: (s: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d) => {
    stdout += String(d);
    if (opts.until?.(stdout)) markReady(stdout);
  });
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => {
      markReady(stdout);
      resolve({ code, stdout, stderr });
    }),
  );
  return { exited, stdout: () => stdout, kill: () => child.kill('SIGTERM'), ready };
}

const listeningUrl = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg?: string; url?: string })
    .find((l) => l.msg === 'Quorum service listening')?.url;

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  await buildService(OUT);
  emulator = await startEmulator({ port: 0, seed: 'demo', scale: 20, accessToken: TOKEN });
}, SPAWN_TIMEOUT);
afterAll(async () => {
  await emulator?.close();
  rmSync(OUT, { recursive: true, force: true });
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quorum-dist-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const serviceEnv = () => ({
  SF_INSTANCE_URL: emulator.url,
  SF_ACCESS_TOKEN: TOKEN,
  QUORUM_API_TOKEN: API_TOKEN,
  PORT: '0',
  QUORUM_POLL_INTERVAL_MS: '0',
  LOG_FORMAT: 'json',
});

describe('the built service (node dist/main.js)', () => {
  it(
    'starts, answers /healthz and /readyz, and exits 0 on SIGTERM',
    async () => {
      const p = run('main.js', [], serviceEnv(), { until: (out) => Boolean(listeningUrl(out)) });
      const url = listeningUrl(await p.ready);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', activeRun: null });
      let ready = await fetch(`${url}/readyz`);
      for (let i = 0; i < 50 && ready.status !== 200; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`${url}/readyz`);
      }
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      p.kill();
      expect((await p.exited).code).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'reads .env from its working directory (variables already set win)',
    async () => {
      const env = serviceEnv();
      writeFileSync(
        path.join(dir, '.env'),
        Object.entries({ ...env, PORT: '1' })
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
      );
      // Only PORT in the environment: everything else must come from .env (PORT 1 would fail).
      const p = run(
        'main.js',
        [],
        { PORT: '0', LOG_FORMAT: 'json' },
        {
          cwd: dir,
          until: (out) => Boolean(listeningUrl(out)),
        },
      );
      const out = await p.ready;
      expect(listeningUrl(out)).toBeDefined();
      expect(out).toContain('read settings from .env');
      p.kill();
      expect((await p.exited).code).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 2 naming PORT when the port is in use',
    async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, resolve));
      const port = (blocker.address() as AddressInfo).port;
      try {
        const exit = await run('main.js', [], {
          ...serviceEnv(),
          PORT: String(port),
          LOG_FORMAT: 'text',
        }).exited;
        expect(exit.code).toBe(2);
        expect(exit.stdout).toContain(
          `FATAL Port ${port} is already in use (EADDRINUSE): another process is listening on it. Set PORT to a free port, or stop the other process.`,
        );
        expect(exit.stdout + exit.stderr).not.toContain("reading 'port'");
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 2 naming SF_PRIVATE_KEY_FILE when the key file is missing',
    async () => {
      const keyFile = path.join(dir, 'missing.key');
      const exit = await run('main.js', [], {
        SF_LOGIN_URL: emulator.url,
        SF_CLIENT_ID: 'cid',
        SF_USERNAME: 'integration@quorum.example',
        SF_PRIVATE_KEY_FILE: keyFile,
        QUORUM_API_TOKEN: API_TOKEN,
      }).exited;
      expect(exit.code).toBe(2);
      expect(exit.stderr).toContain(`SF_PRIVATE_KEY_FILE cannot read '${keyFile}' (no such file)`);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'on a Node older than 22.19 says so in one line and exits 2',
    async () => {
      const fake = path.join(dir, 'old-node.js');
      writeFileSync(
        fake,
        "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });\n",
      );
      const exit = await run('main.js', [], serviceEnv(), { nodeArgs: ['--require', fake] }).exited;
      expect(exit.code).toBe(2);
      expect(exit.stderr.trim().split('\n')).toHaveLength(1);
      expect(exit.stderr).toMatch(
        /^Quorum needs Node\.js >= 22\.19\.0, but this is Node\.js 20\.20\.2/,
      );
    },
    SPAWN_TIMEOUT,
  );
});

describe('the built recompute command (node dist/recompute.js)', () => {
  it(
    'exits 2 with "The org rejected the access token ... set SF_ACCESS_TOKEN" for a wrong token',
    async () => {
      const exit = await run('recompute.js', ['--full'], {
        ...serviceEnv(),
        SF_ACCESS_TOKEN: 'expired-session',
      }).exited;
      expect(exit.code).toBe(2);
      expect(exit.stderr).toContain(
        'recompute: The org rejected the access token (INVALID_SESSION_ID): set SF_ACCESS_TOKEN to a current session',
      );
    },
    SPAWN_TIMEOUT,
  );

  it(
    'runs to Succeeded (exit 0) and prints readable lines, no JSON',
    async () => {
      const { LOG_FORMAT: _json, ...env } = serviceEnv();
      const exit = await run('recompute.js', ['--full'], { ...env, LOG_LEVEL: 'debug' }).exited;
      expect(exit.code).toBe(0);
      expect(exit.stdout).toMatch(/^… Reading /m); // the progress lines of a non-terminal
      expect(exit.stdout).toMatch(/Run \w+: Succeeded\. Read \d+ records/);
      const lines = (exit.stdout + exit.stderr).split('\n').filter(Boolean);
      expect(lines.filter((l) => l.trim().startsWith('{'))).toEqual([]);
      expect(exit.stderr).toMatch(/^\d\d:\d\d:\d\d INFO {2}Full run claimed by /m);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says what an incremental run started from: here, nothing changed since the full run',
    async () => {
      const exit = await run('recompute.js', ['--incremental'], serviceEnv()).exited;
      expect(exit.code).toBe(0);
      expect(exit.stdout).toMatch(/Run \w+: Succeeded\. Read 0 records/);
      expect(exit.stdout).toMatch(
        /^Nothing changed since the last successful run \(.+\); nothing to write\.$/m,
      );
    },
    SPAWN_TIMEOUT,
  );
});
