/** The SOQL evaluator, as a table of queries against expected rows (and expected rejections). */
import path from 'node:path';
import { Schema, Store } from '../../emulator';
import { compileQuery, renderRecord, runPlan } from '../../emulator/soql/query';
import { RequestError } from '../../emulator/store/errors';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

const store = new Store(Schema.load(path.resolve(__dirname, '../../../force-app/main/default')));
store.clock = () => NOW;
const [acme, beta, gamma, delta] = store.load('Account', [
  {
    Name: 'Acme Bank',
    Industry: 'Banking',
    NumberOfEmployees: 12_000,
    BillingCountry: 'United States',
  },
  {
    Name: 'Beta Insurance',
    Industry: 'Insurance',
    NumberOfEmployees: null,
    BillingCountry: 'Germany',
  },
  { Name: 'Gamma Retail', Industry: 'Retail', NumberOfEmployees: 800, BillingCountry: 'China' },
  { Name: 'delta tech', Industry: 'Technology', NumberOfEmployees: 5_000, BillingCountry: 'Japan' },
]);
const [theme] = store.load('Demand_Theme__c', [{ Name: 'Okta single sign-on' }]);
const rows = store.load('Escalated_Request__c', [
  {
    Name: 'SSO with Okta',
    Account__c: acme.Id,
    Urgency__c: 'High',
    Needed_By__c: '2026-07-01',
    Revenue_At_Stake__c: 100_000,
    Deal_Blocker__c: true,
    Status__c: 'New',
    CreatedDate: at('2026-06-10T09:00:00Z'),
    Theme__c: theme.Id,
  },
  {
    Name: '支持Okta单点登录',
    Account__c: gamma.Id,
    Urgency__c: 'Critical',
    Deal_Blocker__c: false,
    Status__c: 'Planned',
    CreatedDate: at('2026-01-01T00:00:00Z'),
  },
  {
    Name: 'Audit log export',
    Account__c: beta.Id,
    Urgency__c: 'Low',
    Needed_By__c: '2026-12-31',
    Revenue_At_Stake__c: 5_000,
    Deal_Blocker__c: false,
    Status__c: 'Delivered',
    CreatedDate: at('2025-06-01T00:00:00Z'),
  },
  {
    Name: "O'Brien's request",
    Account__c: delta.Id,
    Urgency__c: 'Medium',
    Deal_Blocker__c: false,
    Status__c: 'New',
    CreatedDate: at('2026-06-15T08:00:00Z'),
  },
  {
    Name: 'Old one',
    Account__c: acme.Id,
    Urgency__c: 'High',
    Deal_Blocker__c: false,
    Status__c: 'New',
    IsDeleted: true,
  },
]);
rows[4].IsDeleted = true;

const R = {
  sso: 'SSO with Okta',
  zh: '支持Okta单点登录',
  audit: 'Audit log export',
  obrien: "O'Brien's request",
  old: 'Old one',
};
const FROM = 'SELECT Name FROM Escalated_Request__c';
const names = (soql: string, all = false) =>
  runPlan(store, compileQuery(store, soql), all).map((r) => r.Name);

describe('SOQL evaluation', () => {
  it.each<[string, string[]]>([
    [`${FROM} WHERE Urgency__c = 'high'`, [R.sso]],
    [`${FROM} WHERE Urgency__c != 'High'`, [R.zh, R.audit, R.obrien]],
    [`${FROM} WHERE Urgency__c <> 'High'`, [R.zh, R.audit, R.obrien]],
    [`${FROM} WHERE Urgency__c IN ('Critical', 'Low')`, [R.zh, R.audit]],
    [`${FROM} WHERE Urgency__c NOT IN ('Critical', 'Low')`, [R.sso, R.obrien]],
    [`${FROM} WHERE Revenue_At_Stake__c > 5000`, [R.sso]],
    [`${FROM} WHERE Revenue_At_Stake__c >= 5000`, [R.sso, R.audit]],
    [`${FROM} WHERE Revenue_At_Stake__c < 100000.5`, [R.sso, R.audit]],
    [`${FROM} WHERE Revenue_At_Stake__c = null`, [R.zh, R.obrien]],
    [`${FROM} WHERE Revenue_At_Stake__c != null`, [R.sso, R.audit]],
    [`${FROM} WHERE Name LIKE '%okta%'`, [R.sso, R.zh]],
    [`${FROM} WHERE Name LIKE 'SSO%'`, [R.sso]],
    [`${FROM} WHERE Name LIKE '%\\%%'`, []],
    [`${FROM} WHERE Name LIKE 'SSO\\_with%'`, []],
    [`${FROM} WHERE Name LIKE 'SSO_with%'`, [R.sso]],
    [`${FROM} WHERE Name LIKE 'O\\'Brien_s%'`, [R.obrien]],
    [`${FROM} WHERE Needed_By__c > 2026-07-01`, [R.audit]],
    [`${FROM} WHERE Needed_By__c <= 2026-07-01`, [R.sso]],
    [`${FROM} WHERE CreatedDate = LAST_N_DAYS:7`, [R.sso, R.obrien]],
    [`${FROM} WHERE CreatedDate = TODAY`, [R.obrien]],
    [`${FROM} WHERE CreatedDate < THIS_YEAR`, [R.audit]],
    [`${FROM} WHERE CreatedDate < 2026-01-01T00:00:00Z`, [R.audit]],
    [`${FROM} WHERE CreatedDate >= 2026-01-01T00:00:00Z`, [R.sso, R.zh, R.obrien]],
    [`${FROM} WHERE CreatedDate > 2026-06-10T10:00:00+02:00`, [R.sso, R.obrien]],
    [`${FROM} WHERE Needed_By__c = NEXT_N_DAYS:30`, [R.sso]],
    [`${FROM} WHERE Account__r.Industry = 'Banking'`, [R.sso]],
    [`${FROM} WHERE Account__r.NumberOfEmployees >= 5000`, [R.sso, R.obrien]],
    [`${FROM} WHERE Account__r.NumberOfEmployees = null`, [R.audit]],
    [`${FROM} WHERE Theme__r.Name = 'Okta single sign-on'`, [R.sso]],
    [
      `${FROM} WHERE (Urgency__c = 'High' OR Urgency__c = 'Critical') AND Status__c != 'Planned'`,
      [R.sso],
    ],
    [
      `${FROM} WHERE Urgency__c = 'High' OR (Urgency__c = 'Critical' AND Status__c = 'Planned')`,
      [R.sso, R.zh],
    ],
    [`${FROM} WHERE NOT Urgency__c = 'High'`, [R.zh, R.audit, R.obrien]],
    [
      `${FROM} WHERE NOT (Urgency__c = 'Low' OR Deal_Blocker__c = true) AND Status__c = 'New'`,
      [R.obrien],
    ],
    [`${FROM} WHERE Deal_Blocker__c = true`, [R.sso]],
    [`${FROM} WHERE Deal_Blocker__c = false`, [R.zh, R.audit, R.obrien]],
    [`${FROM} WHERE Account__c = '${String(acme.Id).slice(0, 15)}'`, [R.sso]],
    [
      `${FROM} ORDER BY Revenue_At_Stake__c DESC NULLS LAST, Name`,
      [R.sso, R.audit, R.obrien, R.zh],
    ],
    [`${FROM} ORDER BY Revenue_At_Stake__c, Name`, [R.obrien, R.zh, R.audit, R.sso]],
    [
      `${FROM} ORDER BY Revenue_At_Stake__c ASC NULLS LAST, Name DESC`,
      [R.audit, R.sso, R.zh, R.obrien],
    ],
    [`${FROM} ORDER BY Account__r.Name`, [R.sso, R.audit, R.obrien, R.zh]],
    [`${FROM} ORDER BY Name LIMIT 2 OFFSET 1`, [R.obrien, R.sso]],
    [`${FROM} WHERE Urgency__c = 'High' LIMIT 5`, [R.sso]],
  ])('%s', (soql, expected) => {
    const got = names(soql);
    if (/ORDER BY/.test(soql)) expect(got).toEqual(expected);
    else expect([...got].sort()).toEqual([...expected].sort());
  });

  it('queryAll also sees deleted rows', () => {
    expect(names(`${FROM} WHERE Name = 'Old one'`)).toEqual([]);
    expect(names(`${FROM} WHERE Name = 'Old one'`, true)).toEqual([R.old]);
  });

  it('COUNT() counts the matching rows', () => {
    const plan = compileQuery(
      store,
      "SELECT COUNT() FROM Escalated_Request__c WHERE Status__c = 'New'",
    );
    expect(plan.countOnly).toBe(true);
    expect(runPlan(store, plan, false)).toHaveLength(2);
  });

  it('renders parent fields nested with attributes, and null for a blank lookup', () => {
    const plan = compileQuery(
      store,
      'SELECT Id, Name, Account__r.Name, Account__r.Owner.Name, Theme__r.Name FROM Escalated_Request__c ORDER BY Name',
    );
    const records = runPlan(store, plan, false).map((r) => renderRecord(plan, r, '62.0'));
    const sso = records.find((r) => r.Name === R.sso)!;
    expect(sso.Account__r).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${acme.Id}` },
      Name: 'Acme Bank',
      Owner: null,
    });
    expect((sso.Theme__r as Record<string, unknown>).Name).toBe('Okta single sign-on');
    expect(records.find((r) => r.Name === R.zh)!.Theme__r).toBeNull();
    expect(Object.keys(sso)).toEqual(['attributes', 'Id', 'Name', 'Account__r', 'Theme__r']);
  });
});

describe('SOQL rejections', () => {
  it.each<[string, string, RegExp]>([
    [
      `${FROM} WHERE Urgency__c = 'High' AND Status__c = 'New' OR Deal_Blocker__c = true`,
      'MALFORMED_QUERY',
      /mixing AND and OR/,
    ],
    [
      'SELECT Urgency__c, COUNT(Id) FROM Escalated_Request__c GROUP BY Urgency__c',
      'MALFORMED_QUERY',
      /GROUP BY/,
    ],
    [
      'SELECT Id, (SELECT Id FROM Escalated_Requests) FROM Account',
      'MALFORMED_QUERY',
      /subqueries/,
    ],
    [
      'SELECT Id FROM Account WHERE Id IN (SELECT Account__c FROM Escalated_Request__c)',
      'MALFORMED_QUERY',
      /semi-join/,
    ],
    ['SELECT SUM(Revenue_At_Stake__c) FROM Escalated_Request__c', 'MALFORMED_QUERY', /SUM/],
    ['SELECT FIELDS(ALL) FROM Account LIMIT 10', 'MALFORMED_QUERY', /FIELDS/],
    ['SELECT Id FROM Account FOR UPDATE', 'MALFORMED_QUERY', /FOR/],
    ['SELECT Id FROM Account USING SCOPE mine', 'MALFORMED_QUERY', /USING SCOPE/],
    [`${FROM} WHERE CreatedDate = THIS_FISCAL_QUARTER`, 'MALFORMED_QUERY', /THIS_FISCAL_QUARTER/],
    [`${FROM} WHERE CALENDAR_YEAR(CreatedDate) = 2026`, 'MALFORMED_QUERY', /./],
    ['SELEKT Id FROM Account', 'MALFORMED_QUERY', /./],
    ['SELECT Id, COUNT() FROM Account', 'MALFORMED_QUERY', /COUNT\(\)/],
    [
      'SELECT Nope__c FROM Account',
      'INVALID_FIELD',
      /No such column 'Nope__c' on entity 'Account'/,
    ],
    [
      'SELECT Nope__r.Name FROM Escalated_Request__c',
      'INVALID_FIELD',
      /Didn't understand relationship 'Nope__r'/,
    ],
    [`${FROM} WHERE Revenue_At_Stake__c = 'abc'`, 'INVALID_FIELD', /must be of type currency/],
    [`${FROM} WHERE Urgency__c = 5`, 'INVALID_FIELD', /must be of type picklist/],
    [`${FROM} WHERE CreatedDate > 2026-01-01`, 'INVALID_FIELD', /must be of type dateTime/],
    [`${FROM} WHERE Description__c LIKE '%sso%'`, 'INVALID_FIELD', /can not be filtered/],
    [`${FROM} WHERE Revenue_At_Stake__c LIKE '5%'`, 'INVALID_FIELD', /LIKE/],
    [`${FROM} ORDER BY Description__c`, 'INVALID_FIELD', /can not be sorted/],
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE', /sObject type 'Nope__c' is not supported/],
    ['SELECT Id FROM Account LIMIT 10 OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE', /2000/],
  ])('%s → %s', (soql, code, message) => {
    let error: unknown;
    try {
      compileQuery(store, soql);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).errorCode).toBe(code);
    expect((error as RequestError).message).toMatch(message);
    expect((error as RequestError).status).toBe(400);
  });
});
