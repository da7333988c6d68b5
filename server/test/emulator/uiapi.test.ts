/**
 * The UI API the Lightning components stand on, through HTTP: the GraphQL endpoint
 * (`lightning/graphql`) and the REST routes behind `lightning/uiRecordApi` and
 * `lightning/uiObjectInfoApi`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read field by field below */
import type { RunningEmulator } from '../../emulator';
import { api, http, start } from './helpers';

let emu: RunningEmulator;

beforeAll(async () => {
  ({ emu } = await start({ scale: 30, requestsPerAccount: 4 }));
});
afterAll(() => emu.close());

type Gql = { data: Record<string, any> | null; errors: Array<{ message: string }> };

async function gql(query: string, variables?: Record<string, unknown>): Promise<Gql> {
  const res = await http(emu.url, api('graphql'), { method: 'POST', body: { query, variables } });
  expect(res.status).toBe(200);
  return res.body as Gql;
}

const soqlIds = (soql: string) => emu.store.query(soql).map((r) => r.Id as string);

describe('GraphQL: uiapi query', () => {
  it('answers edges, nodes with { value displayValue }, parents, pageInfo and totalCount', async () => {
    const total = emu.store.count('Escalated_Request__c');
    const out = await gql(`
      query requests {
        uiapi { query {
          Escalated_Request__c(first: 5, orderBy: { Name: { order: ASC } }) {
            edges { node { Id Name { value } Urgency__c { value displayValue } Account__r { Name { value } } } }
            pageInfo { hasNextPage endCursor }
            totalCount
          }
        } }
      }`);
    expect(out.errors).toEqual([]);
    const conn = out.data!.uiapi.query.Escalated_Request__c;
    expect(conn.totalCount).toBe(total);
    expect(conn.edges).toHaveLength(5);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const expected = emu.store.query(
      'SELECT Id, Name, Urgency__c, Account__r.Name FROM Escalated_Request__c ORDER BY Name ASC LIMIT 5',
    );
    expect(conn.edges.map((e: any) => e.node.Id)).toEqual(expected.map((r) => r.Id));
    const first = conn.edges[0].node;
    expect(first.Name.value).toBe(expected[0].Name);
    expect(first.Account__r.Name.value).toBe((expected[0].Account__r as any).Name);
    // Picklists carry their label as displayValue.
    expect(typeof first.Urgency__c.displayValue).toBe('string');
  });

  it('pages with after: the cursor continues where the page ended', async () => {
    const page = (after?: string) =>
      gql(
        `query p($after: String) { uiapi { query { Account(first: 7, after: $after, orderBy: { Name: { order: ASC } }) {
          edges { node { Id } } pageInfo { hasNextPage endCursor } } } } }`,
        { after },
      );
    const one = (await page()).data!.uiapi.query.Account;
    const two = (await page(one.pageInfo.endCursor)).data!.uiapi.query.Account;
    const all = soqlIds('SELECT Id FROM Account ORDER BY Name ASC');
    expect([...one.edges, ...two.edges].map((e: any) => e.node.Id)).toEqual(all.slice(0, 14));
  });

  it('filters with variables: eq, in, or/and/not, relationship paths and null', async () => {
    const [account] = soqlIds('SELECT Id FROM Account ORDER BY Name ASC LIMIT 1');
    const byAccount = await gql(
      `query r($accountId: ID) { uiapi { query { Escalated_Request__c(where: { Account__c: { eq: $accountId } }, first: 200) {
        edges { node { Id } } totalCount } } } }`,
      { accountId: account },
    );
    const expected = soqlIds(`SELECT Id FROM Escalated_Request__c WHERE Account__c = '${account}'`);
    expect(byAccount.data!.uiapi.query.Escalated_Request__c.totalCount).toBe(expected.length);

    const viaParent = await gql(
      `query m($accountId: ID) { uiapi { query { Buying_Committee_Member__c(where: { Opportunity__r: { AccountId: { eq: $accountId } } }, first: 200) {
        totalCount } } } }`,
      { accountId: account },
    );
    expect(viaParent.data!.uiapi.query.Buying_Committee_Member__c.totalCount).toBe(
      soqlIds(
        `SELECT Id FROM Buying_Committee_Member__c WHERE Opportunity__r.AccountId = '${account}'`,
      ).length,
    );

    const logic = await gql(
      `query l($where: Account_Filter) { uiapi { query { Account(where: $where, first: 1) { totalCount } } } }`,
      {
        where: {
          or: [
            { Industry: { in: ['Banking', 'Insurance'] } },
            { not: { AnnualRevenue: { gte: 1000000 } } },
          ],
          Name: { ne: null },
        },
      },
    );
    expect(logic.errors).toEqual([]);
    expect(logic.data!.uiapi.query.Account.totalCount).toBe(
      soqlIds(
        "SELECT Id FROM Account WHERE (Industry IN ('Banking', 'Insurance') OR NOT (AnnualRevenue >= 1000000)) AND Name != null",
      ).length,
    );
  });

  it('treats a typed value as data: quotes, backslashes and LIKE wildcards never change the query', async () => {
    const name = `O'Brien \\ Sons 100%`;
    await http(emu.url, api('sobjects/Account'), { method: 'POST', body: { Name: name } });
    const count = async (where: unknown) =>
      (
        await gql(
          `query c($where: Account_Filter) { uiapi { query { Account(where: $where, first: 1) { totalCount } } } }`,
          { where },
        )
      ).data!.uiapi.query.Account.totalCount;
    expect(await count({ Name: { eq: name } })).toBe(1);
    expect(await count({ Name: { eq: "x' OR Name != '" } })).toBe(0);
    expect(await count({ Name: { like: '%Brien \\\\ Sons 100\\%' } })).toBe(1);
    expect(await count({ Name: { like: '%Sons 1000\\%' } })).toBe(0);
  });

  it('fails an unknown object, field or relationship as an org would, naming it', async () => {
    const unknownField = await gql(
      'query { uiapi { query { Account(first: 1) { edges { node { Id Colour__c { value } } } } } } }',
    );
    expect(unknownField.data).toBeNull();
    expect(unknownField.errors[0].message).toMatch(
      /Field 'Colour__c' in type 'Account' is undefined/,
    );
    const wrongCase = await gql(
      'query { uiapi { query { Account(first: 1) { edges { node { name { value } } } } } } }',
    );
    expect(wrongCase.errors[0].message).toMatch(/'name'/);
    const unknownObject = await gql('query { uiapi { query { Widget__c { totalCount } } } }');
    expect(unknownObject.errors[0].message).toMatch(/Widget__c/);
    const unknownFilter = await gql(
      'query { uiapi { query { Account(where: { Nope__c: { eq: "x" } }) { totalCount } } } }',
    );
    expect(unknownFilter.errors[0].message).toMatch(/Nope__c/);
    const wrongType = await gql(
      'query { uiapi { query { Account(where: { AnnualRevenue: { eq: "a lot" } }) { totalCount } } } }',
    );
    expect(wrongType.errors[0].message).toMatch(/AnnualRevenue/);
    const syntax = await gql('query { uiapi { query { Account( } }');
    expect(syntax.errors[0].message).toMatch(/Syntax/);
  });

  it('reads a child relationship as a connection per parent row', async () => {
    const out =
      await gql(`query { uiapi { query { Segment__c(first: 50, orderBy: { Name: { order: ASC } }) {
      edges { node { Id Criteria__r(first: 100, orderBy: { Number__c: { order: DESC } }) {
        edges { node { Id Number__c { value } } } totalCount } } } } } } }`);
    expect(out.errors).toEqual([]);
    const segments = out.data!.uiapi.query.Segment__c.edges;
    expect(segments.length).toBeGreaterThan(0);
    for (const { node } of segments) {
      const expected = emu.store.query(
        `SELECT Id, Number__c FROM Segment_Criterion__c WHERE Segment__c = '${node.Id}' ORDER BY Number__c DESC`,
      );
      expect(node.Criteria__r.totalCount).toBe(expected.length);
      expect(node.Criteria__r.edges.map((e: any) => e.node.Id)).toEqual(expected.map((r) => r.Id));
    }
    expect(segments.some(({ node }: any) => node.Criteria__r.totalCount > 0)).toBe(true);
  });

  it('matches nothing for an empty in-list and everything for an empty nin-list', async () => {
    const count = async (where: unknown) =>
      (
        await gql(
          `query c($where: Account_Filter) { uiapi { query { Account(where: $where) { totalCount } } } }`,
          { where },
        )
      ).data!.uiapi.query.Account.totalCount;
    expect(await count({ Id: { in: [] } })).toBe(0);
    expect(await count({ Id: { nin: [] } })).toBe(emu.store.count('Account'));
  });
});

describe('GraphQL: API call counting', () => {
  it('counts a mutation apart from reads, so a caller can tell how many writes an action made', async () => {
    const routes = () => (emu.stats() as { byRoute: Record<string, number> }).byRoute;
    const before = { ...routes() };
    const used = (route: string) => (routes()[route] ?? 0) - (before[route] ?? 0);
    await gql('query q { uiapi { query { Segment__c(first: 1) { edges { node { Id } } } } } }');
    await gql(
      '  # a comment first\n  mutation m($a: Segment__cCreateInput!) { uiapi { a: Segment__cCreate(input: $a) { Record { Id } } } }',
      {
        a: { Segment__c: { Name: 'Counted' } },
      },
    );
    expect({ reads: used('POST graphql'), writes: used('POST graphql mutation') }).toEqual({
      reads: 1,
      writes: 1,
    });
  });
});

describe('GraphQL: uiapi mutations', () => {
  const mutation = `mutation clone($op0: Segment__cCreateInput!, $op1: Segment_Criterion__cCreateInput!) {
    uiapi(input: { allOrNone: true }) {
      op0: Segment__cCreate(input: $op0) { Record { Id Name { value } } }
      op1: Segment_Criterion__cCreate(input: $op1) { Record { Id } }
    }
  }`;

  it('creates, updates and deletes in one request, later operations referring to earlier ones', async () => {
    const out = await gql(mutation, {
      op0: { Segment__c: { Name: 'Cloned banks' } },
      op1: {
        Segment_Criterion__c: {
          Segment__c: '@{op0}',
          Number__c: 1,
          Field__c: 'Industry',
          Operator__c: 'equals',
          Value__c: 'Banking',
        },
      },
    });
    expect(out.errors).toEqual([]);
    const segmentId = out.data!.uiapi.op0.Record.Id;
    expect(out.data!.uiapi.op0.Record.Name.value).toBe('Cloned banks');
    const criterion = emu.store.get(out.data!.uiapi.op1.Record.Id)!;
    expect(criterion.Segment__c).toBe(segmentId);

    const change = await gql(
      `mutation m($a: Segment__cUpdateInput!, $b: RecordDeleteInput!) { uiapi(input: { allOrNone: true }) {
        a: Segment__cUpdate(input: $a) { success } b: Segment_Criterion__cDelete(input: $b) { Id } } }`,
      { a: { Id: segmentId, Segment__c: { Name: 'Renamed banks' } }, b: { Id: criterion.Id } },
    );
    expect(change.errors).toEqual([]);
    expect(change.data!.uiapi.a.success).toBe(true);
    expect(emu.store.get(segmentId)!.Name).toBe('Renamed banks');
    expect(emu.store.get(criterion.Id as string)!.IsDeleted).toBe(true);
  });

  it('writes nothing when one operation fails (allOrNone)', async () => {
    const segments = emu.store.count('Segment__c');
    const criteria = emu.store.count('Segment_Criterion__c');
    const out = await gql(mutation, {
      op0: { Segment__c: { Name: 'Half a rule' } },
      op1: { Segment_Criterion__c: { Segment__c: '@{op0}', Operator__c: 'sounds like' } },
    });
    expect(out.data).toBeNull();
    expect(out.errors[0].message).toMatch(/op1/);
    expect(emu.store.count('Segment__c')).toBe(segments);
    expect(emu.store.count('Segment_Criterion__c')).toBe(criteria);
  });
});

describe('UI API records and object info', () => {
  it('creates, reads, updates and deletes a record in the record representation', async () => {
    const [opportunity] = emu.store.query('SELECT Id, AccountId FROM Opportunity LIMIT 1');
    const created = await http(emu.url, api('ui-api/records'), {
      method: 'POST',
      body: {
        apiName: 'Escalated_Request__c',
        fields: {
          Name: 'Export to 税务 format',
          Account__c: opportunity.AccountId,
          Opportunity__c: opportunity.Id,
          Urgency__c: 'High',
        },
      },
    });
    expect(created.status).toBe(201);
    const rec = created.body as any;
    expect(rec.apiName).toBe('Escalated_Request__c');
    expect(rec.fields.Name.value).toBe('Export to 税务 format');
    expect(rec.fields.Urgency__c.displayValue).toBe('High');

    const read = await http(
      emu.url,
      api(
        `ui-api/records/${rec.id}?fields=Escalated_Request__c.Name&optionalFields=Escalated_Request__c.Nope__c`,
      ),
    );
    expect(read.status).toBe(200);
    expect(Object.keys((read.body as any).fields)).toEqual(['Name']);

    const updated = await http(emu.url, api(`ui-api/records/${rec.id}`), {
      method: 'PATCH',
      body: { fields: { Id: rec.id, Urgency__c: 'Low' } },
    });
    expect(updated.status).toBe(200);
    expect(emu.store.get(rec.id)!.Urgency__c).toBe('Low');

    const bad = await http(emu.url, api(`ui-api/records/${rec.id}`), {
      method: 'PATCH',
      body: { fields: { Urgency__c: 'Whenever' } },
    });
    expect(bad.status).toBe(400);
    const [error] = bad.body as any[];
    expect(error.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(error.output.fieldErrors.Urgency__c[0].message).toEqual(expect.any(String));
    expect(emu.store.get(rec.id)!.Urgency__c).toBe('Low');

    const deleted = await http(emu.url, api(`ui-api/records/${rec.id}`), { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await http(emu.url, api(`ui-api/records/${rec.id}`))).status).toBe(404);
  });

  it('rejects an unknown field on create without writing anything', async () => {
    const before = emu.store.count('Segment__c');
    const res = await http(emu.url, api('ui-api/records'), {
      method: 'POST',
      body: { apiName: 'Segment__c', fields: { Name: 'X', Colour__c: 'red' } },
    });
    expect(res.status).toBe(400);
    expect((res.body as any[])[0].errorCode).toBe('INVALID_FIELD');
    expect(emu.store.count('Segment__c')).toBe(before);
  });

  it('describes an object and its picklist values from the metadata', async () => {
    const info = (await http(emu.url, api('ui-api/object-info/Buying_Committee_Member__c')))
      .body as any;
    expect(info.apiName).toBe('Buying_Committee_Member__c');
    expect(info.fields.Role__c.dataType).toBe('Picklist');
    const picklist = (
      await http(
        emu.url,
        api(
          `ui-api/object-info/Buying_Committee_Member__c/picklist-values/${info.defaultRecordTypeId}/Role__c`,
        ),
      )
    ).body as any;
    const def = emu.store.schema.find('Buying_Committee_Member__c')!.fieldMap.get('role__c')!;
    expect(picklist.values.map((v: any) => v.value)).toEqual(
      def.picklistValues.map((p) => p.value),
    );
    const missing = await http(emu.url, api('ui-api/object-info/Widget__c'));
    expect(missing.status).toBe(400);
  });
});
