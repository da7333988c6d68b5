/**
 * `npm run workbench [-- --fixture] [--port N] [--scale N]`: Quorum's real components in a browser.
 *
 * Live mode (default): starts the org emulator (seeded demo org) and the Quorum service against
 * it, runs one full recompute so the demand pages have scores, and serves the pages; every read
 * and write the components make goes to the emulator (the server adds the session), and
 * "Recompute now" is claimed and run by the service. Fixture mode answers from the jest payloads.
 * Pages: /opportunity, /account, /demand, /segments (record pages pick a seeded record; add
 * `/<recordId>` for another). `?lang=zh_CN` shows the Chinese labels; fixture pages take
 * `?state=loaded|empty|error|loading`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { startEmulator, type RunningEmulator } from '../server/emulator';
import { loadEnv } from '../server/src/config/env';
import { startService, type Service } from '../server/src/jobs/service';
import { createLogger } from '../server/src/log';
import { build, DIST, FORCE_APP, loadLabels, loadTranslations, ROOT } from './build';
import { Fixtures, FIXTURE_STATES, type FixtureState } from './fixtures';
import { renderPage, type PageContext } from './html';
import { loadPages, type Page } from './pages';

export interface WorkbenchOptions {
  mode?: 'live' | 'fixture';
  port?: number;
  /** Accounts in the seeded demo org (live mode). */
  scale?: number;
  /** Build the bundle even when the sources did not change. */
  rebuild?: boolean;
  /** Milliseconds between the service's polls for requested runs (live mode). */
  pollIntervalMs?: number;
}

export interface Workbench {
  url: string;
  mode: 'live' | 'fixture';
  emulator?: RunningEmulator;
  service?: Service;
  /** Record ids the record pages open by default. */
  records: { opportunity: string | null; account: string | null };
  close(): Promise<void>;
}

/** A fingerprint of everything the bundle is built from, so an unchanged tree is not rebuilt. */
function sourceStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__') walk(full);
      } else {
        hash.update(full);
        hash.update(String(statSync(full).mtimeMs));
      }
    }
  };
  for (const dir of [
    'force-app/main/default/lwc',
    'force-app/main/default/labels',
    'force-app/main/default/translations',
    'force-app/main/default/flexipages',
    'force-app/main/default/objects',
    'workbench/platform',
  ])
    walk(path.join(ROOT, dir));
  for (const file of ['package-lock.json', 'workbench/build.ts', 'workbench/pages.ts'])
    hash.update(readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

export async function ensureBuilt(rebuild = false): Promise<void> {
  const stampFile = path.join(DIST, '.stamp');
  const stamp = sourceStamp();
  if (
    !rebuild &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp &&
    existsSync(path.join(DIST, 'app.js'))
  )
    return;
  await build();
  writeFileSync(stampFile, stamp);
}

/** An Opportunity with requests and a buying committee, and its Account, for the record pages. */
function defaultRecords(emu: RunningEmulator): Workbench['records'] {
  const withRequests = new Set(
    emu.store
      .query('SELECT Opportunity__c FROM Escalated_Request__c WHERE Opportunity__c != null')
      .map((r) => r.Opportunity__c),
  );
  const members = new Set(
    emu.store
      .query('SELECT Opportunity__c FROM Buying_Committee_Member__c')
      .map((r) => r.Opportunity__c),
  );
  const [opp] = emu.store
    .query('SELECT Id, AccountId FROM Opportunity ORDER BY Name ASC')
    .filter((o) => withRequests.has(o.Id) && members.has(o.Id));
  return { opportunity: (opp?.Id as string) ?? null, account: (opp?.AccountId as string) ?? null };
}

function recordSummary(emu: RunningEmulator, object: string, id: string): PageContext['record'] {
  const [row] =
    object === 'Opportunity'
      ? emu.store.query(
          `SELECT Name, StageName, Amount, CloseDate, Account.Name FROM Opportunity WHERE Id = '${id.replace(/[^A-Za-z0-9]/g, '')}'`,
        )
      : emu.store.query(
          `SELECT Name, Industry, AnnualRevenue, BillingCountry FROM Account WHERE Id = '${id.replace(/[^A-Za-z0-9]/g, '')}'`,
        );
  if (!row) return null;
  const text = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? v.toLocaleString('en-US')
        : String(v);
  const fields: Array<[string, string]> =
    object === 'Opportunity'
      ? [
          ['Account', text((row.Account as Record<string, unknown> | null)?.Name)],
          ['Stage', text(row.StageName)],
          ['Amount', text(row.Amount)],
          ['Close Date', text(row.CloseDate)],
        ]
      : [
          ['Industry', text(row.Industry)],
          ['Annual Revenue', text(row.AnnualRevenue)],
          ['Billing Country', text(row.BillingCountry)],
        ];
  return { name: text(row.Name), fields };
}

/** Change events for the empApi stand-in: records of one object polled for changes. */
function changeEvents(emu: RunningEmulator, req: Request, res: Response): void {
  const channel = String(req.query.channel ?? '');
  const m = /^\/data\/(\w+?)(__)?ChangeEvent$/.exec(channel);
  const object = m ? (m[2] ? `${m[1]}__c` : m[1]) : '';
  if (!emu.store.schema.find(object)) {
    res.status(404).json({ error: `No change events for ${channel}` });
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const seen = new Map<string, unknown>();
  const snapshot = () =>
    emu.store
      .records(object)
      .map((r) => [r.Id as string, r.SystemModstamp ?? r.LastModifiedDate] as const);
  for (const [id, stamp] of snapshot()) seen.set(id, stamp);
  const timer = setInterval(() => {
    for (const [id, stamp] of snapshot()) {
      const before = seen.get(id);
      if (before === stamp) continue;
      seen.set(id, stamp);
      const payload = {
        ChangeEventHeader: {
          entityName: object,
          changeType: before === undefined ? 'CREATE' : 'UPDATE',
          recordIds: [id],
        },
      };
      res.write(`data: ${JSON.stringify({ channel, data: { payload } })}\n\n`);
    }
  }, 250);
  req.on('close', () => clearInterval(timer));
}

export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const mode = opts.mode ?? 'live';
  await ensureBuilt(opts.rebuild);
  const pages = loadPages(path.join(FORCE_APP, 'flexipages'));
  const translations = loadTranslations();
  const english = loadLabels();
  const fixtures = mode === 'fixture' ? new Fixtures(path.join(FORCE_APP, 'lwc')) : null;

  let emulator: RunningEmulator | undefined;
  let service: Service | undefined;
  let records: Workbench['records'] = { opportunity: null, account: null };
  const token = `workbench-${randomBytes(12).toString('hex')}`;
  if (mode === 'live') {
    emulator = await startEmulator({
      port: 0,
      seed: 'demo',
      scale: opts.scale ?? 40,
      accessToken: token,
    });
    const env = loadEnv({
      SF_INSTANCE_URL: emulator.url,
      SF_ACCESS_TOKEN: token,
      SF_API_VERSION: '62.0',
      QUORUM_API_TOKEN: `svc-${randomBytes(12).toString('hex')}`,
      PORT: '0',
      QUORUM_POLL_INTERVAL_MS: String(opts.pollIntervalMs ?? 1000),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    service = await startService({
      env,
      logger: createLogger(env.LOG_LEVEL, process.stderr as never),
      listen: false,
    });
    // One full run up front, so the Demand page has scores to show.
    const finished = await service.runner.runToEnd('Full');
    if (finished.outcome.status === 'Failed')
      throw new Error(`the first recompute failed: ${finished.outcome.log}`);
    records = defaultRecords(emulator);
  } else if (fixtures) {
    records = { opportunity: fixtures.recordId, account: fixtures.recordId };
  }
  const userId = emulator
    ? ((emulator.store.query("SELECT Id FROM User WHERE Username = 'admin@quorum.example'")[0]
        ?.Id as string) ?? null)
    : '005000000000001AAA';

  const app = express();
  app.disable('x-powered-by');
  app.get('/app.js', (_req, res) => res.sendFile(path.join(DIST, 'app.js')));
  app.use('/assets', express.static(path.join(DIST, 'assets'), { maxAge: '1h' }));
  app.get('/', (_req, res) => {
    const links = pages.map((p) => `<li><a href="/${p.slug}">${p.label}</a></li>`).join('');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quorum workbench</title></head><body><h1>Quorum workbench (${mode})</h1><ul>${links}</ul></body></html>`,
      );
  });

  const pageRoute = (page: Page) => (req: Request, res: Response) => {
    const lang =
      typeof req.query.lang === 'string' && translations[req.query.lang] ? req.query.lang : 'en_US';
    const state = typeof req.query.state === 'string' ? req.query.state : null;
    const kept = new URLSearchParams();
    if (lang !== 'en_US') kept.set('lang', lang);
    if (state) kept.set('state', state);
    let recordId: string | null = null;
    if (page.objectApiName) {
      recordId =
        (req.params.id as string | undefined) ?? records[page.slug as 'opportunity' | 'account'];
      if (!recordId) {
        res.status(404).send('No record to show');
        return;
      }
    }
    const ctx: PageContext = {
      page,
      mode,
      lang,
      recordId,
      record:
        emulator && page.objectApiName && recordId
          ? recordSummary(emulator, page.objectApiName, recordId)
          : null,
      labels: lang === 'en_US' ? null : { ...english, ...translations[lang] },
      userId,
      query: kept.size > 0 ? `?${kept}` : '',
    };
    res.type('html').send(renderPage(ctx));
  };
  for (const page of pages) {
    app.get(`/${page.slug}`, pageRoute(page));
    if (page.objectApiName) app.get(`/${page.slug}/:id`, pageRoute(page));
  }

  // Lightning's record URLs (what the navigation stand-in generates): Opportunity and Account
  // records open the workbench's record pages; other records have no workbench page, so a plain
  // placeholder names the record (the link worked, there is just nothing to show).
  app.get('/lightning/r/:object/:id/:action', (req, res) => {
    const object = String(req.params.object).toLowerCase();
    const id = String(req.params.id).replace(/[^A-Za-z0-9]/g, '');
    const query = new URL(req.originalUrl, 'http://workbench').search;
    if (object === 'opportunity' || object === 'account') {
      res.redirect(`/${object}/${id}${query}`);
      return;
    }
    const name = String(req.params.object).replace(/[^A-Za-z0-9_]/g, '');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} ${id}</title></head><body><h1>${name} ${id}</h1><p>The workbench has no page for this record; in Lightning it opens the record page.</p><p><a href="/">Workbench pages</a></p></body></html>`,
      );
  });

  app.get('/__workbench/events', (req, res) => {
    if (!emulator) res.status(404).json({ error: 'Change events exist in live mode only' });
    else changeEvents(emulator, req, res);
  });

  app.use('/services/data', express.raw({ type: () => true, limit: '10mb' }));
  app.all(/^\/services\/data\/.*/, async (req, res) => {
    if (fixtures) {
      const referer = req.get('referer');
      const raw = referer ? new URL(referer).searchParams.get('state') : null;
      const state: FixtureState = FIXTURE_STATES.includes(raw as FixtureState)
        ? (raw as FixtureState)
        : 'loaded';
      const segments = req.path.split('/').filter(Boolean).slice(3).map(decodeURIComponent);
      const body =
        Buffer.isBuffer(req.body) && req.body.length > 0
          ? JSON.parse(req.body.toString('utf8'))
          : {};
      const answer =
        segments[0] === 'graphql'
          ? ((s) => (s === null ? null : ([200, s] as [number, unknown])))(
              fixtures.graphql(body, state),
            )
          : segments[0] === 'ui-api'
            ? fixtures.uiApi(req.method, segments, state)
            : ([404, [{ errorCode: 'NOT_FOUND', message: 'Not available in fixture mode' }]] as [
                number,
                unknown,
              ]);
      if (answer === null) return; // loading: never answered
      res.status(answer[0]).json(answer[1]);
      return;
    }
    // Live: forward to the emulator with the session the workbench holds.
    const upstream = await fetch(`${emulator!.url}${req.originalUrl}`, {
      method: req.method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': req.get('content-type') ?? 'application/json',
      },
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : (req.body as Buffer),
    });
    res.status(upstream.status);
    const type = upstream.headers.get('content-type');
    if (type) res.set('Content-Type', type);
    res.send(Buffer.from(await upstream.arrayBuffer()));
  });

  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    mode,
    emulator,
    service,
    records,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service?.close();
      await emulator?.close();
    },
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes('--build-only')) {
    await ensureBuilt(process.argv.includes('--rebuild'));
    return;
  }
  const mode = process.argv.includes('--fixture') ? 'fixture' : 'live';
  const port = Number(argValue('--port') ?? 4173);
  const scale = argValue('--scale') ? Number(argValue('--scale')) : undefined;
  console.log(`Quorum workbench (${mode}): building the components and starting…`);
  const wb = await startWorkbench({
    mode,
    port,
    scale,
    rebuild: process.argv.includes('--rebuild'),
  });
  console.log(`\nOpen in a browser:`);
  console.log(`  Opportunity  ${wb.url}/opportunity`);
  console.log(`  Account      ${wb.url}/account`);
  console.log(`  Demand       ${wb.url}/demand`);
  console.log(`  Segments     ${wb.url}/segments`);
  if (mode === 'fixture')
    console.log(`  (add ?state=empty, ?state=error or ?state=loading; ?lang=zh_CN for Chinese)`);
  else console.log(`  (?lang=zh_CN for Chinese labels; emulator at ${wb.emulator!.url})`);
  console.log('Ctrl-C stops it.');
  const stop = () => void wb.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`workbench failed: ${err.message}`);
    process.exit(1);
  });
}
