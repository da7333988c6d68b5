/**
 * Benchmark of the emulator's own cost (`npm run bench -- --only emulator [--quick]`):
 * seeding 100k accounts / 1M requests, then serving every request by REST paging (query +
 * queryMore, 2,000 per page) and by Bulk API 2.0 (locator pages of 100k). Service benchmarks
 * subtract these figures. Fails (exit 1) if the org does not fit in 2 GB.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Connection } from 'jsforce';
import { startEmulator } from '../../server/emulator';

const quick = process.argv.includes('--quick');
const SCALE = quick ? 5_000 : 100_000;
const PER_ACCOUNT = 10;
const LIMIT_BYTES = 2 * 1024 ** 3;
const TOKEN = 'bench-emulator-token';
const SOQL =
  'SELECT Id, Name, Account__c, Theme__c, Suggested_Theme__c, Requested_By__c, Urgency__c, Source__c, Status__c, Revenue_At_Stake__c, Deal_Blocker__c, Needed_By__c, CreatedDate FROM Escalated_Request__c';

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
// tsx runs the script in a child process that may not inherit --expose-gc: enable it here so
// "after GC" figures are live memory, not garbage.
v8.setFlagsFromString('--expose-gc');
const gcFn = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as () => void;
const gc = () => gcFn();

/** Tracks peak heap and RSS while a phase runs (sampled every 50 ms). */
async function phase<T>(
  name: string,
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakHeap: number; peakRss: number }> {
  gc();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 50);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  console.log(
    `${name.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s   peak heap ${mb(peakHeap).padStart(8)}   peak RSS ${mb(peakRss).padStart(8)}`,
  );
  return { value, seconds, peakHeap, peakRss };
}

async function main(): Promise<void> {
  console.log(
    `emulator benchmark: ${SCALE.toLocaleString()} accounts, ${(SCALE * PER_ACCOUNT).toLocaleString()} requests${quick ? ' (quick)' : ''}`,
  );
  const seeded = await phase('seed org + start', () =>
    startEmulator({
      seed: 'demo',
      scale: SCALE,
      requestsPerAccount: PER_ACCOUNT,
      accessToken: TOKEN,
      dailyApiLimit: 10_000_000,
    }),
  );
  const emu = seeded.value;
  gc();
  const resident = process.memoryUsage();
  const records = emu.stats().records as Record<string, number>;
  console.log(
    `org held: ${Object.entries(records)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n.toLocaleString()}`)
      .join(', ')}`,
  );
  console.log(`org resident after GC: heap ${mb(resident.heapUsed)}, RSS ${mb(resident.rss)}`);
  const total = records.Escalated_Request__c;

  const conn = new Connection({ instanceUrl: emu.url, accessToken: TOKEN, version: '62.0' });
  const rest = await phase('REST query + queryMore (2,000/page)', async () => {
    let seen = 0;
    let pages = 1;
    let res = await conn.query(SOQL);
    seen += res.records.length;
    while (!res.done && res.nextRecordsUrl) {
      res = await conn.queryMore(res.nextRecordsUrl);
      seen += res.records.length;
      pages += 1;
    }
    return { seen, pages };
  });
  if (rest.value.seen !== total)
    throw new Error(`REST paging returned ${rest.value.seen} of ${total} rows`);
  console.log(
    `  ${rest.value.seen.toLocaleString()} rows in ${rest.value.pages} pages (${Math.round(rest.value.seen / rest.seconds).toLocaleString()} rows/s)`,
  );

  const bulk = await phase('Bulk 2.0 query (100k per locator)', async () => {
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    const base = `${emu.url}/services/data/v62.0/jobs/query`;
    const job = (await (
      await fetch(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({ operation: 'query', query: SOQL }),
      })
    ).json()) as { id: string };
    let state = '';
    while (state !== 'JobComplete')
      state = ((await (await fetch(`${base}/${job.id}`, { headers })).json()) as { state: string })
        .state;
    let locator: string | null = null;
    let seen = 0;
    let pages = 0;
    let bytes = 0;
    do {
      const res = await fetch(
        `${base}/${job.id}/results?maxRecords=100000${locator ? `&locator=${locator}` : ''}`,
        { headers },
      );
      const text = await res.text();
      bytes += text.length;
      seen += Number(res.headers.get('sforce-numberofrecords'));
      locator = res.headers.get('sforce-locator');
      pages += 1;
    } while (locator && locator !== 'null');
    return { seen, pages, bytes };
  });
  if (bulk.value.seen !== total)
    throw new Error(`Bulk paging returned ${bulk.value.seen} of ${total} rows`);
  console.log(
    `  ${bulk.value.seen.toLocaleString()} rows in ${bulk.value.pages} pages, ${mb(bulk.value.bytes)} of CSV (${Math.round(bulk.value.seen / bulk.seconds).toLocaleString()} rows/s)`,
  );

  const calls = emu.stats().apiCalls as number;
  await emu.close();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`API calls counted: ${calls}`);
  console.log(`process peak RSS (resourceUsage.maxRSS): ${mb(maxRss)}`);
  const ok = maxRss < LIMIT_BYTES;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}: ${quick ? 'quick run' : '1M requests'} held and served within ${mb(LIMIT_BYTES)} (peak ${mb(maxRss)})`,
  );
  if (!ok) process.exit(1);
}

main().catch((err: unknown) => {
  console.error('emulator benchmark failed:', err);
  process.exit(1);
});
