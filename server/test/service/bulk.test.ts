import { compareScores, expectedScores, snapshot, startHarness, type Harness } from './harness';

describe('Bulk API 2.0 paths (low threshold)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      scale: 60,
      pageSize: 200,
      runner: { bulkThreshold: 50, bulkPageSize: 37 },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  // A whole run through Bulk query and Bulk ingest (themes, stamps, scores, history) against the
  // emulator: about 5 s on a loaded 2-core machine, so it gets 30 s.
  it('reads by Bulk query (paged results) and writes by Bulk ingest with the same result', async () => {
    const expected = expectedScores(await snapshot(h));
    const statsBefore = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    const byRoute = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const used = (route: string) => (byRoute[route] ?? 0) - (statsBefore[route] ?? 0);
    expect(used('POST jobs/query')).toBeGreaterThan(0);
    expect(used('GET jobs/query/:id/results')).toBeGreaterThan(used('POST jobs/query'));
    expect(used('POST jobs/ingest')).toBeGreaterThan(0);
    expect(result!.scoresWritten).toBe(expected.length);
    expect(compareScores(expected, await snapshot(h))).toEqual([]);
    const again = await h.service.runner.runToEnd('Full');
    expect(again.result).toMatchObject({ scoresWritten: 0, requestsUpdated: 0 });
    // Two full runs over Bulk jobs: 11.7 s measured under load, so the folder's 60 s limit from
    // jest.timeouts.js applies rather than a tighter one here.
  });
});

describe('Bulk ingest split by size', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: 'empty' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('uploads one job per size-bounded CSV and checks every job processed all its rows', async () => {
    const { bulkIngest } = await import('../../src/salesforce/ingest');
    const records = Array.from({ length: 120 }, (_, i) => ({
      Theme_Key__c: `bulk-${i}`,
      Name: `Theme "${i}", with, commas`,
      Origin__c: 'Suggested',
      Status__c: 'Suggested',
      Description__c: 'x'.repeat(200),
    }));
    const before =
      (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute['POST jobs/ingest'] ?? 0;
    const res = await bulkIngest(
      h.org,
      {
        object: 'Demand_Theme__c',
        operation: 'upsert',
        externalIdFieldName: 'Theme_Key__c',
        fields: Object.keys(records[0]),
        records,
      },
      8_000,
    );
    expect(res).toMatchObject({ written: 120, failures: [], lockedKeys: [] });
    const jobs =
      ((h.emulator.stats() as { byRoute: Record<string, number> }).byRoute['POST jobs/ingest'] ??
        0) - before;
    expect(jobs).toBeGreaterThan(2);
    const back = await h.conn.query<{ Name: string }>(
      "SELECT Name FROM Demand_Theme__c WHERE Theme_Key__c = 'bulk-7'",
    );
    expect(back.records[0].Name).toBe('Theme "7", with, commas');
  });

  it('reuses one scratch buffer across the Bulk writes of a run, each job with its own rows', async () => {
    const { bulkIngest } = await import('../../src/salesforce/ingest');
    const scratch: { buffer?: Buffer } = {};
    const write = (from: number, name: string) => {
      const records = Array.from({ length: 30 }, (_, i) => ({
        Theme_Key__c: `scratch-${from + i}`,
        Name: `${name} ${i}`,
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
      }));
      return bulkIngest(
        h.org,
        {
          object: 'Demand_Theme__c',
          operation: 'upsert',
          externalIdFieldName: 'Theme_Key__c',
          fields: Object.keys(records[0]),
          records,
        },
        8_000,
        scratch,
      );
    };
    expect(await write(0, 'first')).toMatchObject({ written: 30, failures: [] });
    const buffer = scratch.buffer;
    expect(buffer).toBeDefined();
    expect(await write(100, 'second')).toMatchObject({ written: 30, failures: [] });
    expect(scratch.buffer).toBe(buffer);
    const back = await h.conn.query<{ Theme_Key__c: string; Name: string }>(
      "SELECT Theme_Key__c, Name FROM Demand_Theme__c WHERE Theme_Key__c IN ('scratch-29', 'scratch-100')",
    );
    expect(Object.fromEntries(back.records.map((r) => [r.Theme_Key__c, r.Name]))).toEqual({
      'scratch-29': 'first 29',
      'scratch-100': 'second 0',
    });
  });
});

describe('Bulk ingest and long text', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: 'empty' });
  });
  afterAll(async () => {
    await h.close();
  });
  const theme = (i: number, description: string) => ({
    Theme_Key__c: `long-${i}`,
    Name: `Theme ${i}`,
    Origin__c: 'Suggested',
    Status__c: 'Suggested',
    Description__c: description,
  });

  it('the emulator rejects a field over 32,000 characters in a Bulk upload, as Salesforce does', async () => {
    // A raw job (bulkIngest itself never uploads such a row): create, upload, close, wait.
    const base = '/services/data/v62.0/jobs/ingest';
    const job = await h.conn.request<{ id: string }>({
      method: 'POST',
      url: base,
      body: JSON.stringify({
        object: 'Demand_Theme__c',
        operation: 'upsert',
        externalIdFieldName: 'Theme_Key__c',
        contentType: 'CSV',
        lineEnding: 'LF',
      }),
      headers: { 'content-type': 'application/json' },
    });
    const csv = `Theme_Key__c,Name,Origin__c,Status__c,Description__c\nlong-1,Theme 1,Suggested,Suggested,${'x'.repeat(32_001)}\nlong-2,Theme 2,Suggested,Suggested,short\n`;
    await h.conn.request({
      method: 'PUT',
      url: `${base}/${job.id}/batches`,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    await h.conn.request({
      method: 'PATCH',
      url: `${base}/${job.id}`,
      body: JSON.stringify({ state: 'UploadComplete' }),
      headers: { 'content-type': 'application/json' },
    });
    let info = await h.conn.request<{
      state: string;
      numberRecordsProcessed: number;
      numberRecordsFailed: number;
    }>(`${base}/${job.id}`);
    for (let i = 0; i < 50 && info.state !== 'JobComplete'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      info = await h.conn.request(`${base}/${job.id}`);
    }
    expect(info).toMatchObject({ numberRecordsProcessed: 2, numberRecordsFailed: 1 });
    const failed = await fetch(`${h.emulator.url}${base}/${job.id}/failedResults`, {
      headers: { authorization: `Bearer ${h.conn.accessToken}` },
    });
    expect(await failed.text()).toMatch(/STRING_TOO_LONG:Description__c/);
  });

  it('bulkIngest hands rows with a field over that limit back instead of uploading them', async () => {
    const { bulkIngest } = await import('../../src/salesforce/ingest');
    const records = [theme(3, 'x'.repeat(32_001)), theme(4, 'short')];
    const res = await bulkIngest(h.org, {
      object: 'Demand_Theme__c',
      operation: 'upsert',
      externalIdFieldName: 'Theme_Key__c',
      fields: Object.keys(records[0]),
      records,
    });
    expect(res).toMatchObject({ written: 1, failures: [] });
    expect(res.tooLong).toEqual([records[0]]);
  });

  it('writes rows with text over that limit through collections and the rest through Bulk', async () => {
    const { upsertMany } = await import('../../src/jobs/writer');
    const records = Array.from({ length: 30 }, (_, i) =>
      theme(100 + i, i % 10 === 0 ? `${i}`.padEnd(32_500, 'y') : 'short'),
    );
    const before = { ...(h.emulator.stats() as { byRoute: Record<string, number> }).byRoute };
    const res = await upsertMany(h.org, 'Demand_Theme__c', 'Theme_Key__c', records, {
      bulkThreshold: 10,
    });
    expect(res).toMatchObject({ written: 30, failures: [] });
    const after = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const used = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    expect(used('POST jobs/ingest')).toBe(1);
    expect(used('PATCH composite/sobjects/:type/:extField')).toBe(1);
    const back = await h.conn.query<{ Description__c: string }>(
      "SELECT Description__c FROM Demand_Theme__c WHERE Theme_Key__c = 'long-110'",
    );
    expect(back.records[0].Description__c).toHaveLength(32_500);
  });
});
