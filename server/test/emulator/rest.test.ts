/** REST query paging and single-record routes, through real jsforce over HTTP. */
import type { Connection } from 'jsforce';
import type { RunningEmulator } from '../../emulator';
import { api, expectSfError, http, start } from './helpers';

let emu: RunningEmulator;
let conn: Connection;

beforeAll(async () => {
  ({ emu, conn } = await start({ scale: 60, requestsPerAccount: 10, pageSize: 200 }));
});
afterAll(() => emu.close());

describe('query and queryMore', () => {
  it('pages with nextRecordsUrl and autoFetch returns every row', async () => {
    const total = emu.store.count('Escalated_Request__c');
    expect(total).toBeGreaterThan(200);
    const first = await conn.query('SELECT Id, Name FROM Escalated_Request__c');
    expect(first.totalSize).toBe(total);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g\w+-200$/);
    const second = await conn.queryMore(first.nextRecordsUrl!);
    expect(second.records[0].Id).not.toBe(first.records[0].Id);
    const all = await conn.query('SELECT Id FROM Escalated_Request__c', {
      autoFetch: true,
      maxFetch: 100_000,
    });
    expect(all.records).toHaveLength(total);
    expect(new Set(all.records.map((r) => r.Id)).size).toBe(total);
  });

  it('honours maxFetch and Sforce-Query-Options batchSize', async () => {
    const capped = await conn.query('SELECT Id FROM Escalated_Request__c', {
      autoFetch: true,
      maxFetch: 250,
    });
    expect(capped.records).toHaveLength(250);
    const res = await http(
      emu.url,
      api(`query?q=${encodeURIComponent('SELECT Id FROM Escalated_Request__c')}`),
      { headers: { 'Sforce-Query-Options': 'batchSize=300' } },
    );
    expect((res.body as { records: unknown[] }).records).toHaveLength(300);
    expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/150000$/);
  });

  it('pages at most 200 rows when two long text fields are selected', async () => {
    const opts = { headers: { 'Sforce-Query-Options': 'batchSize=2000' } };
    const total = emu.store.count('Escalated_Request__c');
    const one = await conn.query('SELECT Id, Description__c FROM Escalated_Request__c', opts);
    expect(one.records).toHaveLength(total);
    const two = await conn.query(
      'SELECT Id, Description__c, Account__r.Description FROM Escalated_Request__c',
      opts,
    );
    expect(two.records).toHaveLength(200);
    expect(two.totalSize).toBe(total);
  });

  it('returns parent relationship fields nested, and null when the lookup is blank', async () => {
    const res = await conn.query<{
      Account__r: { Industry: string; attributes: { type: string } };
      Opportunity__r: unknown;
    }>(
      'SELECT Id, Account__r.Industry, Opportunity__r.Name FROM Escalated_Request__c WHERE Opportunity__c = null LIMIT 1',
    );
    const rec = res.records[0];
    expect(rec.Account__r.attributes.type).toBe('Account');
    expect(typeof rec.Account__r.Industry).toBe('string');
    expect(rec.Opportunity__r).toBeNull();
  });

  it('queryAll sees deleted rows, query does not', async () => {
    const [acct] = (await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records;
    const created = await conn
      .sobject('Escalated_Request__c')
      .create({ Name: 'to delete', Account__c: acct.Id });
    const id = (created as { id: string }).id;
    await conn.sobject('Escalated_Request__c').destroy(id);
    const soql = `SELECT Id, IsDeleted FROM Escalated_Request__c WHERE Id = '${id}'`;
    expect((await conn.query(soql)).totalSize).toBe(0);
    const all = await conn.query<{ IsDeleted: boolean }>(soql, { scanAll: true });
    expect(all.records[0].IsDeleted).toBe(true);
  });

  it('rejects an invalid locator and malformed SOQL with Salesforce error bodies', async () => {
    const bad = await http(emu.url, api('query/01gBOGUS-2000'));
    expect(bad.status).toBe(400);
    expectSfError(bad.body, 'INVALID_QUERY_LOCATOR');
    await expect(conn.query('SELECT Id FROM Account GROUP BY Name')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(conn.query('SELECT Nope__c FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    await expect(conn.query('SELECT Id FROM Nope__c')).rejects.toMatchObject({
      errorCode: 'INVALID_TYPE',
    });
  });
});

describe('sObject rows', () => {
  it('creates, retrieves, updates, upserts and deletes', async () => {
    const themes = conn.sobject('Demand_Theme__c');
    const created = (await themes.create({
      Name: 'Passkeys',
      Status__c: 'Open',
      Origin__c: 'Manual',
    })) as { id: string; success: boolean };
    expect(created.success).toBe(true);
    expect(created.id.startsWith(emu.store.schema.find('Demand_Theme__c')!.keyPrefix)).toBe(true);
    expect(created.id).toHaveLength(18);
    const got = (await themes.retrieve(created.id)) as Record<string, unknown>;
    expect(got.Name).toBe('Passkeys');
    expect(got.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(got.IsDeleted).toBe(false);
    await themes.update({ Id: created.id, Status__c: 'Planned' });
    const after = (await themes.retrieve(created.id)) as Record<string, string>;
    expect(after.Status__c).toBe('Planned');
    expect(after.LastModifiedDate >= (got.LastModifiedDate as string)).toBe(true);

    const up1 = (await themes.upsert(
      { Name: 'Suggested one', Theme_Key__c: 'sso|okta', Origin__c: 'Suggested' },
      'Theme_Key__c',
    )) as { created: boolean; id: string };
    expect(up1.created).toBe(true);
    const up2 = (await themes.upsert(
      { Name: 'Suggested renamed', Theme_Key__c: 'sso|okta' },
      'Theme_Key__c',
    )) as { created: boolean; id: string };
    expect(up2.created).toBe(false);
    expect(up2.id).toBe(up1.id);

    const gone = (await themes.destroy(created.id)) as { success: boolean };
    expect(gone.success).toBe(true);
    const missing = await http(emu.url, api(`sobjects/Demand_Theme__c/${created.id}`));
    expect(missing.status).toBe(404);
    expectSfError(missing.body, 'NOT_FOUND');
  });

  it('upserts through sobjects/T/extField/value with 201 then 200', async () => {
    const path = api('sobjects/Demand_Theme__c/Theme_Key__c/key-201');
    const first = await http(emu.url, path, { method: 'PATCH', body: { Name: 'Via URL' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ success: true, created: true, errors: [] });
    const again = await http(emu.url, path, { method: 'PATCH', body: { Name: 'Via URL 2' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false });
    const byKey = await http(emu.url, path);
    expect((byKey.body as { Name: string }).Name).toBe('Via URL 2');
  });

  it('rejects like an org: unknown field, wrong type, restricted picklist, required, cross reference, duplicate', async () => {
    const [acct] = (await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records;
    const post = (body: unknown) =>
      http(emu.url, api('sobjects/Escalated_Request__c'), { method: 'POST', body });

    const unknown = await post({ Name: 'x', Account__c: acct.Id, Nope__c: 1 });
    expect(unknown.status).toBe(400);
    expectSfError(unknown.body, 'INVALID_FIELD');
    expect((unknown.body as Array<{ message: string }>)[0].message).toContain(
      "No such column 'Nope__c'",
    );

    const wrongType = await post({ Name: 'x', Account__c: acct.Id, Revenue_At_Stake__c: 'lots' });
    expectSfError(wrongType.body, 'JSON_PARSER_ERROR');

    const picklist = await post({ Name: 'x', Account__c: acct.Id, Urgency__c: 'Urgentish' });
    expectSfError(picklist.body, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((picklist.body as Array<{ fields: string[] }>)[0].fields).toEqual(['Urgency__c']);

    const required = await post({ Name: 'x' });
    expectSfError(required.body, 'REQUIRED_FIELD_MISSING');
    expect((required.body as Array<{ fields: string[] }>)[0].fields).toEqual(['Account__c']);

    const fakeAccount = `${acct.Id.slice(0, 9)}zzzzzz`;
    const crossRef = await post({ Name: 'x', Account__c: fakeAccount });
    expectSfError(crossRef.body, 'INVALID_CROSS_REFERENCE_KEY');

    const wrongObject = await post({ Name: 'x', Account__c: emu.store.records('Contact')[0].Id });
    expectSfError(wrongObject.body, 'FIELD_INTEGRITY_EXCEPTION');

    await conn.sobject('Demand_Theme__c').create({ Name: 'dup', Theme_Key__c: 'dup-key' });
    const dup = await http(emu.url, api('sobjects/Demand_Theme__c'), {
      method: 'POST',
      body: { Name: 'dup 2', Theme_Key__c: 'DUP-KEY' },
    });
    expect(dup.status).toBe(400);
    expectSfError(dup.body, 'DUPLICATE_VALUE');

    const readOnly = await http(emu.url, api('sobjects/Contact'), {
      method: 'POST',
      body: { LastName: 'Li', Name: 'Wei Li' },
    });
    expectSfError(readOnly.body, 'INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('maintains compound names and opportunity stage flags', async () => {
    const c = (await conn.sobject('Contact').create({ FirstName: 'Mei', LastName: 'Chen' })) as {
      id: string;
    };
    const contact = (await conn.sobject('Contact').retrieve(c.id)) as Record<string, unknown>;
    expect(contact.Name).toBe('Mei Chen');
    const o = (await conn
      .sobject('Opportunity')
      .create({ Name: 'Won deal', StageName: 'Closed Won', CloseDate: '2026-01-31' })) as {
      id: string;
    };
    const opp = (await conn.sobject('Opportunity').retrieve(o.id)) as Record<string, unknown>;
    expect(opp).toMatchObject({
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      CloseDate: '2026-01-31',
    });
  });
});

describe('describe, limits and sessions', () => {
  it('describes objects with fields, picklist values and references', async () => {
    const d = await conn.sobject('Escalated_Request__c').describe();
    const urgency = d.fields.find((f) => f.name === 'Urgency__c')!;
    expect(urgency.type).toBe('picklist');
    expect(urgency.restrictedPicklist).toBe(true);
    expect(urgency.picklistValues!.map((p) => p.value)).toEqual([
      'Critical',
      'High',
      'Medium',
      'Low',
    ]);
    const account = d.fields.find((f) => f.name === 'Account__c')!;
    expect(account).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
      nillable: false,
    });
    const acct = await conn.sobject('Account').describe();
    expect(acct.fields.find((f) => f.name === 'NumberOfEmployees')!.type).toBe('int');
    expect(
      acct.childRelationships.some(
        (c) =>
          c.childSObject === 'Escalated_Request__c' && c.relationshipName === 'Escalated_Requests',
      ),
    ).toBe(true);
    expect(acct.childRelationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          childSObject: 'Contact',
          field: 'AccountId',
          relationshipName: 'Contacts',
        }),
        expect.objectContaining({
          childSObject: 'Opportunity',
          field: 'AccountId',
          relationshipName: 'Opportunities',
        }),
      ]),
    );
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Account', 'OpportunityContactRole', 'Segment_Demand_Score__c']),
    );
  });

  it('reports limits and API usage, and counts calls', async () => {
    const before = emu.stats().apiCalls as number;
    const limits = (await conn.request(api('limits'))) as {
      DailyApiRequests: { Max: number; Remaining: number };
    };
    expect(limits.DailyApiRequests.Max).toBe(150_000);
    expect(limits.DailyApiRequests.Remaining).toBe(150_000 - (before + 1));
    expect(conn.limitInfo.apiUsage).toEqual({ used: before + 1, limit: 150_000 });
    expect((emu.stats().byRoute as Record<string, number>)['GET limits']).toBeGreaterThanOrEqual(1);
  });

  it('rejects a missing or unknown token with INVALID_SESSION_ID', async () => {
    const none = await http(emu.url, api('limits'), { token: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] },
    ]);
    const wrong = await http(emu.url, api('limits'), { token: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
  });
});
