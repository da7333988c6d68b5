/** Bulk API 2.0: ingest through jsforce bulk2, query paged by locator with our own requests. */
import type { Connection } from 'jsforce';
import { parse } from 'csv-parse/sync';
import type { RunningEmulator } from '../../emulator';
import { api, expectSfError, http, start } from './helpers';

let emu: RunningEmulator;
let conn: Connection;

beforeAll(async () => {
  ({ emu, conn } = await start({ scale: 30, requestsPerAccount: 10 }));
});
afterAll(() => emu.close());

describe('Bulk 2.0 query', () => {
  it('pages results by locator with Sforce-Locator and Sforce-NumberOfRecords', async () => {
    const total = emu.store.count('Escalated_Request__c');
    const job = (await conn.request({
      method: 'POST',
      url: api('jobs/query'),
      body: JSON.stringify({
        operation: 'query',
        query: 'SELECT Id, Name, Account__r.Industry, CreatedDate FROM Escalated_Request__c',
      }),
      headers: { 'Content-Type': 'application/json' },
    })) as { id: string; state: string; object: string };
    expect(job.id.startsWith('750')).toBe(true);
    expect(job.object).toBe('Escalated_Request__c');
    const polled = (await conn.request(api(`jobs/query/${job.id}`))) as {
      state: string;
      numberRecordsProcessed: number;
    };
    expect(polled).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: total });

    const ids = new Set<string>();
    let locator: string | null = null;
    let pages = 0;
    do {
      const res = await http(
        emu.url,
        api(`jobs/query/${job.id}/results?maxRecords=100${locator ? `&locator=${locator}` : ''}`),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
      expect(Number(res.headers.get('sforce-numberofrecords'))).toBe(rows.length);
      if (pages === 0) {
        expect(Object.keys(rows[0])).toEqual(['Id', 'Name', 'Account__r.Industry', 'CreatedDate']);
        expect(rows[0].CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      for (const r of rows) ids.add(r.Id);
      locator = res.headers.get('sforce-locator');
      pages += 1;
    } while (locator && locator !== 'null');
    expect(ids.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 100));
  });

  it('queryAll jobs include deleted rows', async () => {
    const id = emu.store.records('Demand_Theme__c')[0].Id as string;
    await conn.sobject('Demand_Theme__c').destroy(id);
    const run = async (operation: string) => {
      const job = (
        await http(emu.url, api('jobs/query'), {
          method: 'POST',
          body: {
            operation,
            query: `SELECT Id, IsDeleted FROM Demand_Theme__c WHERE Id = '${id}'`,
          },
        })
      ).body as { id: string };
      await http(emu.url, api(`jobs/query/${job.id}`));
      return parse((await http(emu.url, api(`jobs/query/${job.id}/results`))).text, {
        columns: true,
      }) as Array<Record<string, string>>;
    };
    expect(await run('query')).toEqual([]);
    expect(await run('queryAll')).toEqual([{ Id: id, IsDeleted: 'true' }]);
  });

  it('rejects bad SOQL at job creation and an unknown job', async () => {
    const bad = await http(emu.url, api('jobs/query'), {
      method: 'POST',
      body: { operation: 'query', query: 'SELECT Nope__c FROM Account' },
    });
    expect(bad.status).toBe(400);
    expectSfError(bad.body, 'INVALID_FIELD');
    const missing = await http(emu.url, api('jobs/query/750000000000000AAA/results'));
    expect(missing.status).toBe(404);
  });
});

describe('Bulk 2.0 ingest', () => {
  it('upserts CSV with per-record successes and failures', async () => {
    const themeId = emu.store.records('Demand_Theme__c')[0].Id as string;
    const csv = [
      'Score_Key__c,Theme__c,Score__c,Quorum_Reached__c',
      `ALL:${themeId},${themeId},12.5,true`,
      `S1:${themeId},${themeId},3,false`,
      `S2:${themeId},${themeId},not-a-number,false`,
    ].join('\n');
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Segment_Demand_Score__c',
      operation: 'upsert',
      externalIdFieldName: 'Score_Key__c',
      input: csv,
      pollInterval: 50,
      pollTimeout: 10_000,
    });
    expect(results.successfulResults).toHaveLength(2);
    expect(results.failedResults).toHaveLength(1);
    expect(results.successfulResults[0]).toMatchObject({
      sf__Created: 'true',
      Score_Key__c: `ALL:${themeId}`,
    });
    expect(String(results.failedResults[0].sf__Error)).toMatch(/^INVALID_TYPE_ON_FIELD_IN_RECORD:/);
    const stored = emu.store
      .records('Segment_Demand_Score__c')
      .find((r) => r.Score_Key__c === `ALL:${themeId}`)!;
    expect(stored).toMatchObject({ Score__c: 12.5, Quorum_Reached__c: true });

    const again = await conn.bulk2.loadAndWaitForResults({
      object: 'Segment_Demand_Score__c',
      operation: 'upsert',
      externalIdFieldName: 'Score_Key__c',
      input: `Score_Key__c,Score__c\nALL:${themeId},20\n`,
      pollInterval: 50,
      pollTimeout: 10_000,
    });
    expect(again.successfulResults[0]).toMatchObject({ sf__Created: 'false', sf__Id: stored.Id });
  });

  it('inserts and updates, with #N/A clearing a field and blanks leaving it', async () => {
    const inserted = await conn.bulk2.loadAndWaitForResults({
      object: 'Demand_Theme__c',
      operation: 'insert',
      input:
        'Name,Product_Area__c,Status__c\n"Passkeys, everywhere",Identity,Open\nBad status,Identity,Sideways\n',
      pollInterval: 50,
      pollTimeout: 10_000,
    });
    expect(inserted.successfulResults).toHaveLength(1);
    expect(inserted.failedResults[0].sf__Error).toMatch(
      /^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:/,
    );
    const id = String(inserted.successfulResults[0].sf__Id);
    expect(emu.store.get(id)).toMatchObject({
      Name: 'Passkeys, everywhere',
      Product_Area__c: 'Identity',
    });
    const updated = await conn.bulk2.loadAndWaitForResults({
      object: 'Demand_Theme__c',
      operation: 'update',
      input: `Id,Product_Area__c,Status__c\n${id},#N/A,\n`,
      pollInterval: 50,
      pollTimeout: 10_000,
    });
    expect(updated.successfulResults[0]).toMatchObject({ sf__Id: id, sf__Created: 'false' });
    expect(emu.store.get(id)).toMatchObject({ Product_Area__c: null, Status__c: 'Open' });
  });

  it('deletes by Id and reports job counts', async () => {
    const ids = emu.store.records('Segment_Demand_Score__c').map((r) => r.Id as string);
    expect(ids.length).toBeGreaterThan(0);
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Segment_Demand_Score__c',
      operation: 'delete',
      input: `Id\n${ids.join('\n')}\n`,
      pollInterval: 50,
      pollTimeout: 10_000,
    });
    expect(results.successfulResults).toHaveLength(ids.length);
    expect(emu.store.count('Segment_Demand_Score__c')).toBe(0);
  });

  it('fails a job whose CSV names an unknown field, and reports unprocessed records on abort', async () => {
    const create = (body: unknown) => http(emu.url, api('jobs/ingest'), { method: 'POST', body });
    const job = (await create({ object: 'Demand_Theme__c', operation: 'insert' })).body as {
      id: string;
      state: string;
    };
    expect(job.state).toBe('Open');
    const put = await http(emu.url, api(`jobs/ingest/${job.id}/batches`), {
      method: 'PUT',
      body: 'Name,Bogus__c\nx,1\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(put.status).toBe(201);
    await http(emu.url, api(`jobs/ingest/${job.id}`), {
      method: 'PATCH',
      body: { state: 'UploadComplete' },
    });
    const info = (await http(emu.url, api(`jobs/ingest/${job.id}`))).body as {
      state: string;
      errorMessage: string;
    };
    expect(info).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : Bogus__c',
    });

    const job2 = (await create({ object: 'Demand_Theme__c', operation: 'insert' })).body as {
      id: string;
    };
    await http(emu.url, api(`jobs/ingest/${job2.id}/batches`), {
      method: 'PUT',
      body: 'Name\nkept out\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    await http(emu.url, api(`jobs/ingest/${job2.id}`), {
      method: 'PATCH',
      body: { state: 'Aborted' },
    });
    const unprocessed = await http(emu.url, api(`jobs/ingest/${job2.id}/unprocessedrecords`));
    expect(parse(unprocessed.text, { columns: true })).toEqual([{ Name: 'kept out' }]);

    const badJob = await create({ object: 'Nope__c', operation: 'insert' });
    expect(badJob.status).toBe(400);
    expectSfError(badJob.body, 'INVALIDENTITY');
    const noExt = await create({ object: 'Demand_Theme__c', operation: 'upsert' });
    expectSfError(noExt.body, 'INVALIDJOB');
  });
});
