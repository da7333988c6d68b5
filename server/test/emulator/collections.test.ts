/** sObject Collections and composite, through real jsforce over HTTP. */
import type { Connection } from 'jsforce';
import type { RunningEmulator } from '../../emulator';
import { api, expectSfError, http, start } from './helpers';

let emu: RunningEmulator;
let conn: Connection;
let accountId: string;

beforeAll(async () => {
  ({ emu, conn } = await start({ scale: 10 }));
  accountId = emu.store.records('Account')[0].Id as string;
});
afterAll(() => emu.close());

type Result = {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
};

describe('sObject Collections', () => {
  it('creates many records with per-record results in request order', async () => {
    const results = (await conn.sobject('Escalated_Request__c').create([
      { Name: 'ok 1', Account__c: accountId },
      { Name: 'bad urgency', Account__c: accountId, Urgency__c: 'Whenever' },
      { Name: 'ok 2', Account__c: accountId, Urgency__c: 'High' },
    ])) as Result[];
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1].errors[0]).toEqual({
      statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Urgency: bad value for restricted picklist field: Whenever',
      fields: ['Urgency__c'],
    });
    expect(emu.store.get(results[2].id!)!.Urgency__c).toBe('High');
  });

  it('rolls everything back with allOrNone', async () => {
    const before = emu.store.count('Escalated_Request__c');
    const results = (await conn
      .sobject('Escalated_Request__c')
      .create([{ Name: 'would be fine', Account__c: accountId }, { Name: 'missing account' }], {
        allOrNone: true,
      })) as Result[];
    expect(results[0]).toEqual({
      success: false,
      errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })],
    });
    expect(results[1].errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
    expect(emu.store.count('Escalated_Request__c')).toBe(before);
  });

  it('updates many and reports unknown Ids per record', async () => {
    const [a, b] = emu.store.records('Demand_Theme__c').map((r) => r.Id as string);
    const results = (await conn.sobject('Demand_Theme__c').update([
      { Id: a, Status__c: 'Planned' },
      { Id: `${b.slice(0, 12)}zzz`, Status__c: 'Planned' },
    ])) as Result[];
    expect(results[0].success).toBe(true);
    expect(results[1].success).toBe(false);
    expect(emu.store.get(a)!.Status__c).toBe('Planned');
  });

  it('upserts by External ID (created, then updated) and deletes by ids', async () => {
    const scores = conn.sobject('Segment_Demand_Score__c');
    const themeId = emu.store.records('Demand_Theme__c')[0].Id as string;
    const rows = [1, 2, 3].map((n) => ({
      Score_Key__c: `ALL:${themeId}:${n}`,
      Theme__c: themeId,
      Score__c: n,
    }));
    const first = (await scores.upsert(rows, 'Score_Key__c')) as Result[];
    expect(first.map((r) => r.created)).toEqual([true, true, true]);
    const second = (await scores.upsert(
      rows.map((r) => ({ ...r, Score__c: r.Score__c * 10 })),
      'Score_Key__c',
    )) as Result[];
    expect(second.map((r) => r.created)).toEqual([false, false, false]);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(emu.store.get(first[2].id!)!.Score__c).toBe(30);

    const deleted = (await scores.destroy(first.map((r) => r.id!))) as Result[];
    expect(deleted.every((r) => r.success)).toBe(true);
    const again = await http(
      emu.url,
      api(`composite/sobjects?ids=${first[0].id}&allOrNone=false`),
      { method: 'DELETE' },
    );
    expect(again.status).toBe(200);
    expect((again.body as Result[])[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'ENTITY_IS_DELETED' }],
    });
  });

  it('retrieves many records through the collection route', async () => {
    const ids = emu.store
      .records('Account')
      .slice(0, 3)
      .map((r) => r.Id as string);
    const got = (await conn
      .sobject('Account')
      .retrieve(ids, { fields: ['Name', 'Industry'] })) as Array<Record<string, unknown>>;
    expect(got.map((r) => r.Id ?? (r.attributes as { url: string }).url.split('/').pop())).toEqual(
      ids,
    );
    expect(typeof got[0].Name).toBe('string');
  });

  it('rejects more than 200 records and unknown fields for the whole request', async () => {
    const records = Array.from({ length: 201 }, (_x, i) => ({
      attributes: { type: 'Demand_Theme__c' },
      Name: `t${i}`,
    }));
    const tooMany = await http(emu.url, api('composite/sobjects'), {
      method: 'POST',
      body: { records },
    });
    expect(tooMany.status).toBe(400);
    expectSfError(tooMany.body, 'EXCEEDED_ID_LIMIT');
    const unknown = await http(emu.url, api('composite/sobjects/Demand_Theme__c/Theme_Key__c'), {
      method: 'PATCH',
      body: {
        records: [{ attributes: { type: 'Demand_Theme__c' }, Theme_Key__c: 'k', Bogus__c: 1 }],
      },
    });
    expect(unknown.status).toBe(400);
    expectSfError(unknown.body, 'INVALID_FIELD');
    const notExternal = await http(emu.url, api('composite/sobjects/Demand_Theme__c/Name'), {
      method: 'PATCH',
      body: { records: [] },
    });
    expect(notExternal.status).toBe(404);
    expectSfError(notExternal.body, 'NOT_FOUND');
  });
});

describe('composite', () => {
  const url = (p: string) => `/services/data/v62.0/${p}`;

  it('runs subrequests with references between them as one API call', async () => {
    const before = emu.stats().apiCalls as number;
    const res = (await conn.requestPost(api('composite'), {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: url('sobjects/Demand_Run__c'),
          referenceId: 'run',
          body: { Status__c: 'Requested', Mode__c: 'Full' },
        },
        { method: 'GET', url: url('sobjects/Demand_Run__c/@{run.id}'), referenceId: 'read' },
        {
          method: 'PATCH',
          url: url('sobjects/Demand_Run__c/@{run.id}'),
          referenceId: 'claim',
          body: { Status__c: 'Running', Phase__c: '@{read.Status__c}' },
        },
        {
          method: 'GET',
          url: url(
            `query?q=${encodeURIComponent('SELECT Id, Status__c, Phase__c FROM Demand_Run__c')}`,
          ),
          referenceId: 'q',
        },
      ],
    })) as {
      compositeResponse: Array<{
        httpStatusCode: number;
        referenceId: string;
        body: Record<string, unknown>;
        httpHeaders: Record<string, string>;
      }>;
    };
    const [create, read, claim, query] = res.compositeResponse;
    expect(create.httpStatusCode).toBe(201);
    expect(create.httpHeaders.Location).toContain(`/sobjects/Demand_Run__c/${create.body.id}`);
    expect(read.body.Status__c).toBe('Requested');
    expect(claim.httpStatusCode).toBe(204);
    expect(query.body.records).toEqual([
      expect.objectContaining({ Status__c: 'Running', Phase__c: 'Requested' }),
    ]);
    expect(emu.stats().apiCalls).toBe(before + 1);
  });

  it('rolls back on failure with allOrNone and halts the rest', async () => {
    const before = emu.store.count('Demand_Run__c');
    const res = (await conn.requestPost(api('composite'), {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: url('sobjects/Demand_Run__c'),
          referenceId: 'ok',
          body: { Status__c: 'Requested' },
        },
        {
          method: 'POST',
          url: url('sobjects/Demand_Run__c'),
          referenceId: 'bad',
          body: { Status__c: 'Exploded' },
        },
        { method: 'GET', url: url('sobjects/Demand_Run__c/@{ok.id}'), referenceId: 'after' },
      ],
    })) as {
      compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string }> }>;
    };
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(res.compositeResponse.map((r) => r.body[0].errorCode)).toEqual([
      'PROCESSING_HALTED',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'PROCESSING_HALTED',
    ]);
    expect(emu.store.count('Demand_Run__c')).toBe(before);
  });

  it('without allOrNone keeps successes and halts only dependent subrequests', async () => {
    const res = (await conn.requestPost(api('composite'), {
      compositeRequest: [
        {
          method: 'POST',
          url: url('sobjects/Demand_Run__c'),
          referenceId: 'bad',
          body: { Status__c: 'Nope' },
        },
        { method: 'GET', url: url('sobjects/Demand_Run__c/@{bad.id}'), referenceId: 'dependent' },
        {
          method: 'POST',
          url: url('sobjects/Demand_Run__c'),
          referenceId: 'independent',
          body: { Status__c: 'Requested' },
        },
      ],
    })) as { compositeResponse: Array<{ httpStatusCode: number; body: unknown }> };
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 201]);
    expectSfError(res.compositeResponse[1].body, 'PROCESSING_HALTED');
  });

  it('rejects more than 25 subrequests', async () => {
    const compositeRequest = Array.from({ length: 26 }, (_x, i) => ({
      method: 'GET',
      url: url('limits'),
      referenceId: `r${i}`,
    }));
    const res = await http(emu.url, api('composite'), {
      method: 'POST',
      body: { compositeRequest },
    });
    expect(res.status).toBe(400);
    expectSfError(res.body, 'INVALID_INPUT');
  });
});

describe('delete rules and checkbox values', () => {
  it('clears SetNull lookups, blocks Restrict lookups and stores false for a cleared checkbox', async () => {
    const theme = (await conn.sobject('Demand_Theme__c').create({ Name: 'to be deleted' })) as {
      id: string;
    };
    const req = (await conn.sobject('Escalated_Request__c').create({
      Name: 'themed',
      Account__c: accountId,
      Theme__c: theme.id,
      Deal_Blocker__c: true,
    })) as { id: string };
    await conn.sobject('Escalated_Request__c').update({ Id: req.id, Deal_Blocker__c: null });
    expect(emu.store.get(req.id)!.Deal_Blocker__c).toBe(false);
    await conn.sobject('Demand_Theme__c').destroy(theme.id);
    expect(emu.store.get(req.id)!.Theme__c).toBeNull();
    const blocked = await http(emu.url, api(`sobjects/Account/${accountId}`), { method: 'DELETE' });
    expect(blocked.status).toBe(400);
    expectSfError(blocked.body, 'DELETE_FAILED');
    expect(emu.store.get(accountId)!.IsDeleted).toBe(false);
  });

  it('applies lockRow faults to collections inside composite', async () => {
    await http(emu.url, '/__emulator/faults', {
      method: 'POST',
      token: null,
      body: { kind: 'lockRow', route: 'composite/sobjects*', count: 1 },
    });
    const res = (await conn.requestPost(api('composite'), {
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/composite/sobjects',
          referenceId: 'c0',
          body: {
            records: [
              { attributes: { type: 'Demand_Theme__c' }, Name: 'a' },
              { attributes: { type: 'Demand_Theme__c' }, Name: 'b' },
            ],
          },
        },
      ],
    })) as { compositeResponse: Array<{ body: Result[] }> };
    expect(res.compositeResponse[0].body.map((r) => r.success)).toEqual([false, true]);
    expect(res.compositeResponse[0].body[0].errors[0].statusCode).toBe('UNABLE_TO_LOCK_ROW');
    await http(emu.url, '/__emulator/faults', { method: 'DELETE', token: null });
  });
});
