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

  /** Upserts themes by key through bulkIngest, jobs of at most maxJobBytes. */
  const upsertThemes = async (
    records: Record<string, unknown>[],
    maxJobBytes: number,
    scratch?: { buffer?: Buffer },
  ) => {
    const { bulkIngest } = await import('../../src/salesforce/ingest');
    const spec = {
      object: 'Demand_Theme__c',
      operation: 'upsert' as const,
      externalIdFieldName: 'Theme_Key__c',
      fields: Object.keys(records[0]),
      records,
    };
    return bulkIngest(h.org, spec, maxJobBytes, scratch);
  };

  it('uploads one job per size-bounded CSV and checks every job processed all its rows', async () => {
    const records = Array.from({ length: 120 }, (_, i) => ({
      Theme_Key__c: `bulk-${i}`,
      Name: `Theme "${i}", with, commas`,
      Origin__c: 'Suggested',
      Status__c: 'Suggested',
      Description__c: 'x'.repeat(200),
    }));
    const before =
      (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute['POST jobs/ingest'] ?? 0;
    const res = await upsertThemes(records, 8_000);
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

  it('keeps long, multi-line and Chinese values whole across job breaks, each row once', async () => {
    // Descriptions of 3,000–11,000 characters with quotes, commas and line breaks, jobs of at
    // most 120 KB; one row is over the field limit.
    const records = Array.from({ length: 40 }, (_, i) => ({
      Theme_Key__c: `slice-${i}`,
      Name: `Slice ${i}`,
      Origin__c: 'Suggested',
      Status__c: 'Suggested',
      Description__c:
        i === 13
          ? 'y'.repeat(32_001)
          : `${i}: ${'数据存放在欧盟境内, "quoted"\n'.repeat(100 + 20 * (i % 15))}`,
    }));
    const res = await upsertThemes(records, 120_000);
    expect(res).toMatchObject({ written: 39, failures: [], lockedKeys: [] });
    expect(res.tooLong).toEqual([records[13]]);
    const back = await h.conn.query<{ Theme_Key__c: string; Description__c: string }>(
      "SELECT Theme_Key__c, Description__c FROM Demand_Theme__c WHERE Theme_Key__c LIKE 'slice-%'",
    );
    expect(back.records).toHaveLength(39);
    const byKey = new Map(back.records.map((r) => [r.Theme_Key__c, r.Description__c]));
    for (const [i, r] of records.entries())
      if (i !== 13) expect(byKey.get(r.Theme_Key__c)).toBe(r.Description__c);
  });

  it('reuses one scratch buffer across the Bulk writes of a run, each job with its own rows', async () => {
    const scratch: { buffer?: Buffer } = {};
    const write = (from: number, name: string) => {
      const records = Array.from({ length: 30 }, (_, i) => ({
        Theme_Key__c: `scratch-${from + i}`,
        Name: `${name} ${i}`,
        Origin__c: 'Suggested',
        Status__c: 'Suggested',
      }));
      return upsertThemes(records, 8_000, scratch);
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
    const { upsertMany } = await import('../../src/salesforce/writer');
    const records = Array.from({ length: 30 }, (_, i) =>
      theme(100 + i, i % 10 === 0 ? `${i}`.padEnd(32_500, 'y') : 'short'),
    );
    const before = { ...(h.emulator.stats() as { byRoute: Record<string, number> }).byRoute };
    const scratch: { buffer?: Buffer } = {};
    const res = await upsertMany(h.org, 'Demand_Theme__c', 'Theme_Key__c', records, {
      bulkThreshold: 10,
      scratch,
    });
    expect(res).toMatchObject({ written: 30, failures: [] });
    // The run's CSV buffer is let go before the long rows' JSON calls (never both resident).
    expect(scratch.buffer).toBeUndefined();
    const after = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute;
    const used = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    expect(used('POST jobs/ingest')).toBe(1);
    expect(used('PATCH composite/sobjects/:type/:extField')).toBe(1);
    const back = await h.conn.query<{ Description__c: string }>(
      "SELECT Description__c FROM Demand_Theme__c WHERE Theme_Key__c = 'long-110'",
    );
    expect(back.records[0].Description__c).toHaveLength(32_500);
  });

  it('splits a collections write by the size of its text, so no call holds all the long rows', async () => {
    const { upsertByExternalId } = await import('../../src/salesforce/write');
    // Ten rows of 32,500 characters and ten short ones, at most 70,000 characters a call:
    // two long rows a call (five calls for them), the short ones beside them.
    const records = Array.from({ length: 20 }, (_, i) =>
      theme(200 + i, i % 2 === 0 ? `${i}`.padEnd(32_500, 'z') : 'short'),
    );
    const route = 'PATCH composite/sobjects/:type/:extField';
    const before = (h.emulator.stats() as { byRoute: Record<string, number> }).byRoute[route] ?? 0;
    const res = await upsertByExternalId(h.org, 'Demand_Theme__c', 'Theme_Key__c', records, {
      maxCallChars: 70_000,
    });
    expect(res).toMatchObject({ written: 20, failures: [] });
    const calls =
      ((h.emulator.stats() as { byRoute: Record<string, number> }).byRoute[route] ?? 0) - before;
    expect(calls).toBe(5);
    const back = await h.conn.query<{ Theme_Key__c: string; Description__c: string }>(
      "SELECT Theme_Key__c, Description__c FROM Demand_Theme__c WHERE Theme_Key__c LIKE 'long-2%'",
    );
    const byKey = new Map(back.records.map((r) => [r.Theme_Key__c, r.Description__c]));
    for (const r of records) expect(byKey.get(r.Theme_Key__c)).toBe(r.Description__c);
  });
});
