import { assignSegments } from '../../src/domain';

const TYPES = { Industry: 'picklist', NumberOfEmployees: 'int', BillingCountry: 'string' };
const accounts = [
  { Id: 'A1', Industry: 'Banking', NumberOfEmployees: 20000, BillingCountry: 'US' },
  { Id: 'A2', Industry: 'Banking', NumberOfEmployees: 50, BillingCountry: 'DE' },
  { Id: 'A3', Industry: 'Retail', NumberOfEmployees: 9000, BillingCountry: 'US' },
  { Id: 'A4', Industry: null, NumberOfEmployees: null, BillingCountry: null },
];

describe('assignSegments', () => {
  it('puts each account in every active valid segment it matches, the first by priority then name as its primary; invalid ones do not stop the run', () => {
    const segments = [
      { Id: 'S_ENT', Name: 'Enterprise', Priority__c: 2, Active__c: true, Filter_Logic__c: null },
      { Id: 'S_BANK', Name: 'Banks', Priority__c: 2, Active__c: true, Filter_Logic__c: '1' },
      { Id: 'S_BAD', Name: 'Broken', Priority__c: 1, Active__c: true, Filter_Logic__c: '1 OR (2' },
      { Id: 'S_OFF', Name: 'Inactive', Priority__c: 0, Active__c: false, Filter_Logic__c: '' },
      { Id: 'S_NUM', Name: 'Typo', Priority__c: null, Active__c: true, Filter_Logic__c: '' },
    ];
    const criteria = [
      {
        Segment__c: 'S_ENT',
        Number__c: 1,
        Field__c: 'NumberOfEmployees',
        Operator__c: 'greater or equal',
        Value__c: '5000',
      },
      {
        Segment__c: 'S_BANK',
        Number__c: 1,
        Field__c: 'Industry',
        Operator__c: 'equals',
        Value__c: 'banking',
      },
      {
        Segment__c: 'S_BAD',
        Number__c: 1,
        Field__c: 'Industry',
        Operator__c: 'equals',
        Value__c: 'Banking',
      },
      {
        Segment__c: 'S_BAD',
        Number__c: 2,
        Field__c: 'BillingCountry',
        Operator__c: 'equals',
        Value__c: 'US',
      },
      {
        Segment__c: 'S_OFF',
        Number__c: 1,
        Field__c: 'Industry',
        Operator__c: 'is not blank',
        Value__c: null,
      },
      {
        Segment__c: 'S_NUM',
        Number__c: 1,
        Field__c: 'NumberOfEmployees',
        Operator__c: 'less than',
        Value__c: 'abc',
      },
    ];
    const {
      segments: statuses,
      accountSegment,
      memberships,
    } = assignSegments(accounts, segments, criteria, TYPES);
    expect(statuses.map((s) => [s.segmentId, s.status, s.message, s.accountCount])).toEqual([
      ['S_OFF', 'Valid', null, 0],
      ['S_BAD', 'Invalid', "Filter logic: missing closing parenthesis after '2'", 0],
      ['S_BANK', 'Valid', null, 2],
      ['S_ENT', 'Valid', null, 2],
      ['S_NUM', 'Invalid', "Criterion 1: 'abc' is not a number for NumberOfEmployees", 0],
    ]);
    expect(Object.fromEntries(accountSegment)).toEqual({
      A1: 'S_BANK',
      A2: 'S_BANK',
      A3: 'S_ENT',
      A4: null,
    });
    // Segments overlap: an account counts in every segment it matches, primary first.
    expect([...memberships.values()].flat().filter((s) => s === 'S_ENT')).toHaveLength(2);
    expect(memberships.has('A4')).toBe(false);
  });

  it('does not depend on the order segments and criteria arrive in', () => {
    const segments = [
      { Id: 'S1', Name: 'B', Priority__c: 1, Active__c: true },
      { Id: 'S2', Name: 'A', Priority__c: 1, Active__c: true },
    ];
    const criteria = [
      {
        Segment__c: 'S1',
        Number__c: 1,
        Field__c: 'BillingCountry',
        Operator__c: 'equals',
        Value__c: 'US',
      },
      {
        Segment__c: 'S2',
        Number__c: 2,
        Field__c: 'Industry',
        Operator__c: 'equals',
        Value__c: 'Retail',
      },
      {
        Segment__c: 'S2',
        Number__c: 1,
        Field__c: 'BillingCountry',
        Operator__c: 'equals',
        Value__c: 'US',
      },
    ];
    const a = assignSegments(accounts, segments, criteria, TYPES);
    const b = assignSegments(
      [...accounts].reverse(),
      [...segments].reverse(),
      [...criteria].reverse(),
      TYPES,
    );
    expect(Object.fromEntries(a.accountSegment)).toEqual({
      A1: 'S1',
      A2: null,
      A3: 'S2',
      A4: null,
    });
    expect(Object.fromEntries(b.accountSegment)).toEqual(Object.fromEntries(a.accountSegment));
    expect(b.segments).toEqual(a.segments);
  });
});
