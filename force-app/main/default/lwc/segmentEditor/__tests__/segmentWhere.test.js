import { buildWhere, escapeLike } from '../segmentWhere';

const TYPES = {
  Name: 'String',
  Industry: 'Picklist',
  AnnualRevenue: 'Currency',
  NumberOfEmployees: 'Int',
  Customer_Since__c: 'Date',
  LastActivityAt__c: 'DateTime',
  Is_Partner__c: 'Boolean',
};

const c = (n, field, operator, value) => ({
  Number__c: n,
  Field__c: field,
  Operator__c: operator,
  Value__c: value,
});
const one = (criterion) => buildWhere([criterion], '', TYPES);

describe('buildWhere: operators', () => {
  it.each([
    ['equals', 'Banking', { Industry: { eq: 'Banking' } }],
    ['not equal to', 'Banking', { Industry: { ne: 'Banking' } }],
    ['contains', 'bank', { Industry: { like: '%bank%' } }],
    ['does not contain', 'bank', { not: { Industry: { like: '%bank%' } } }],
    ['starts with', 'Ban', { Industry: { like: 'Ban%' } }],
    ['in', 'Banking, Insurance', { Industry: { in: ['Banking', 'Insurance'] } }],
    ['not in', 'Banking,Insurance', { Industry: { nin: ['Banking', 'Insurance'] } }],
    [
      'in',
      '"Media, Entertainment & Games", Retail',
      { Industry: { in: ['Media, Entertainment & Games', 'Retail'] } },
    ],
    [
      'equals',
      '"Media, Entertainment & Games"',
      { Industry: { eq: 'Media, Entertainment & Games' } },
    ],
    ['is blank', '', { Industry: { eq: null } }],
    ['is not blank', null, { Industry: { ne: null } }],
  ])('picklist %s', (operator, value, where) => {
    expect(one(c(1, 'Industry', operator, value))).toEqual({ ok: true, where });
  });

  it.each([
    ['equals', '500', { NumberOfEmployees: { eq: 500 } }],
    ['less than', '500', { NumberOfEmployees: { lt: 500 } }],
    ['greater than', '1 000', { NumberOfEmployees: { gt: 1000 } }],
    ['less or equal', '10', { NumberOfEmployees: { lte: 10 } }],
    ['greater or equal', '10', { NumberOfEmployees: { gte: 10 } }],
    ['in', '1, 2', { NumberOfEmployees: { in: [1, 2] } }],
    ['not in', '3', { NumberOfEmployees: { nin: [3] } }],
  ])('number %s types the value', (operator, value, where) => {
    expect(one(c(1, 'NumberOfEmployees', operator, value))).toEqual({ ok: true, where });
  });

  it('types booleans', () => {
    expect(one(c(1, 'Is_Partner__c', 'equals', 'true'))).toEqual({
      ok: true,
      where: { Is_Partner__c: { eq: true } },
    });
    expect(one(c(1, 'Is_Partner__c', 'not equal to', 'false'))).toEqual({
      ok: true,
      where: { Is_Partner__c: { ne: false } },
    });
  });

  it('types dates as date inputs', () => {
    expect(one(c(1, 'Customer_Since__c', 'greater than', '2024-01-31'))).toEqual({
      ok: true,
      where: { Customer_Since__c: { gt: { value: '2024-01-31' } } },
    });
    expect(one(c(1, 'Customer_Since__c', 'in', '2024-01-31,2024-02-01'))).toEqual({
      ok: true,
      where: { Customer_Since__c: { in: [{ value: '2024-01-31' }, { value: '2024-02-01' }] } },
    });
  });

  it('treats a date on a date/time field as the whole day, as the evaluator does', () => {
    expect(one(c(1, 'LastActivityAt__c', 'equals', '2024-01-31'))).toEqual({
      ok: true,
      where: {
        and: [
          { LastActivityAt__c: { gte: { value: '2024-01-31T00:00:00.000Z' } } },
          { LastActivityAt__c: { lt: { value: '2024-02-01T00:00:00.000Z' } } },
        ],
      },
    });
    expect(one(c(1, 'LastActivityAt__c', 'greater than', '2024-01-31'))).toEqual({
      ok: true,
      where: { LastActivityAt__c: { gte: { value: '2024-02-01T00:00:00.000Z' } } },
    });
  });

  it('matches LIKE wildcards literally', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(one(c(1, 'Name', 'contains', '50%'))).toEqual({
      ok: true,
      where: { Name: { like: '%50\\%%' } },
    });
  });
});

describe('buildWhere: filter logic', () => {
  const criteria = [
    c(1, 'Industry', 'equals', 'Banking'),
    c(2, 'AnnualRevenue', 'greater than', '1000000'),
    c(3, 'Name', 'starts with', 'Acme'),
  ];

  it('ANDs all criteria when the logic is blank', () => {
    expect(buildWhere(criteria, '', TYPES).where).toEqual({
      and: [
        { Industry: { eq: 'Banking' } },
        { AnnualRevenue: { gt: 1000000 } },
        { Name: { like: 'Acme%' } },
      ],
    });
  });

  it('follows AND, OR and NOT of the logic', () => {
    expect(buildWhere(criteria, '1 AND (2 OR NOT 3)', TYPES).where).toEqual({
      and: [
        { Industry: { eq: 'Banking' } },
        { or: [{ AnnualRevenue: { gt: 1000000 } }, { not: { Name: { like: 'Acme%' } } }] },
      ],
    });
  });

  it('matches every account when there are no criteria', () => {
    expect(buildWhere([], '', TYPES)).toEqual({ ok: true, where: null });
  });

  it('returns the shared grammar message for bad logic', () => {
    const result = buildWhere(criteria, '1 AND (2 OR', TYPES);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Filter logic/);
    expect(buildWhere(criteria, '1 AND 2', TYPES).message).toBe(
      'Criterion 3 is not used in the filter logic',
    );
  });

  it('returns the shared message for a bad value', () => {
    const result = buildWhere([c(1, 'NumberOfEmployees', 'greater than', 'many')], '', TYPES);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain("'many' is not a number");
  });
});
