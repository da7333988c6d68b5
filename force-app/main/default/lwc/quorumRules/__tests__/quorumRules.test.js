import {
  OPERATORS,
  normalizeFieldType,
  operatorsForType,
  parseFilterLogic,
  parseCriterionValue,
  compileSegment,
  splitValues,
} from '../quorumRules';

const ref = (n) => ({ type: 'ref', n });

describe('normalizeFieldType', () => {
  it.each([
    ['string', 'text'],
    ['textarea', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['url', 'text'],
    ['id', 'text'],
    ['reference', 'text'],
    ['picklist', 'picklist'],
    ['multipicklist', 'picklist'],
    ['double', 'number'],
    ['int', 'number'],
    ['currency', 'number'],
    ['percent', 'number'],
    ['date', 'date'],
    ['datetime', 'datetime'],
    ['boolean', 'boolean'],
    ['String', 'text'],
    ['Picklist', 'picklist'],
    ['Double', 'number'],
    ['Int', 'number'],
    ['Currency', 'number'],
    ['Percent', 'number'],
    ['Date', 'date'],
    ['DateTime', 'datetime'],
    ['Boolean', 'boolean'],
    ['Reference', 'text'],
    ['TextArea', 'text'],
    ['Email', 'text'],
    ['Phone', 'text'],
    ['Url', 'text'],
    ['location', null],
    [undefined, null],
  ])('%s -> %s', (type, kind) => {
    expect(normalizeFieldType(type)).toBe(kind);
  });
});

describe('operators', () => {
  it('lists the 13 operators of the design', () => {
    expect(OPERATORS).toHaveLength(13);
  });
  it('fits operators to field kinds', () => {
    expect(operatorsForType('boolean')).toEqual(['equals', 'not equal to']);
    expect(operatorsForType('number')).not.toContain('contains');
    expect(operatorsForType('text')).not.toContain('less than');
    expect(operatorsForType('date')).toContain('greater or equal');
    expect(operatorsForType('nonsense')).toEqual([]);
  });
});

describe('parseFilterLogic', () => {
  const and = (...items) => ({ type: 'and', items });
  const or = (...items) => ({ type: 'or', items });
  const not = (expr) => ({ type: 'not', expr });
  it.each([
    ['', [1, 2, 3], and(ref(1), ref(2), ref(3))],
    [null, [2, 1], and(ref(1), ref(2))],
    ['   ', [1], ref(1)],
    ['1', [1], ref(1)],
    ['1 AND 2', [1, 2], and(ref(1), ref(2))],
    ['1 and (2 or not 3)', [1, 2, 3], and(ref(1), or(ref(2), not(ref(3))))],
    ['1 AND (2 OR NOT 3)', [1, 2, 3], and(ref(1), or(ref(2), not(ref(3))))],
    ['(1 OR 2) AND 3', [1, 2, 3], and(or(ref(1), ref(2)), ref(3))],
    ['NOT (1 OR 2)', [1, 2], not(or(ref(1), ref(2)))],
    ['((1))', [1], ref(1)],
    ['1 Or 2 oR 3', [1, 2, 3], or(ref(1), ref(2), ref(3))],
    ['1AND2', [1, 2], and(ref(1), ref(2))],
    ['NOT NOT 1', [1], not(not(ref(1)))],
  ])('accepts %p', (logic, numbers, ast) => {
    expect(parseFilterLogic(logic, numbers)).toEqual({ ok: true, ast });
  });

  it.each([
    ['1 AND (2 OR 3', [1, 2, 3], "Filter logic: missing closing parenthesis after '2 OR 3'"],
    ['(1 AND 2', [1, 2], "Filter logic: missing closing parenthesis after '1 AND 2'"],
    [
      '1 AND 2 OR 3',
      [1, 2, 3],
      "Filter logic: '1 AND 2 OR 3' mixes AND and OR without parentheses; add parentheses to say which comes first, e.g. '1 AND (2 OR 3)'",
    ],
    [
      '1 AND (2 OR 3 AND 1)',
      [1, 2, 3],
      "Filter logic: '2 OR 3 AND 1' mixes AND and OR without parentheses; add parentheses to say which comes first, e.g. '1 AND (2 OR 3)'",
    ],
    [
      '1 AND',
      [1],
      "Filter logic: expected a criterion number after 'AND', but the logic ends there",
    ],
    ['AND 1', [1], "Filter logic: expected a criterion number at the start, found 'AND'"],
    ['()', [1], "Filter logic: expected a criterion number after '(', found ')'"],
    ['1 2', [1, 2], "Filter logic: expected AND or OR before '2'"],
    ['1 AND 2)', [1, 2], "Filter logic: ')' has no matching opening parenthesis"],
    [
      '1 XOR 2',
      [1, 2],
      "Filter logic: 'XOR' is not allowed; use criterion numbers, AND, OR, NOT and parentheses",
    ],
    [
      '1 && 2',
      [1, 2],
      "Filter logic: '&' is not allowed; use criterion numbers, AND, OR, NOT and parentheses",
    ],
    ['1 AND 4', [1], 'Filter logic mentions 4, but there is no criterion 4'],
    ['1 AND 2', [1, 2, 3], 'Criterion 3 is not used in the filter logic'],
    ['1 NOT 2', [1, 2], "Filter logic: expected AND or OR before 'NOT'"],
  ])('rejects %p with a clear message', (logic, numbers, message) => {
    expect(parseFilterLogic(logic, numbers)).toEqual({ ok: false, message });
  });
});

describe('parseCriterionValue', () => {
  it.each([
    ['number', 'equals', ' 42 ', 42],
    ['number', 'in', '1, 2,3', [1, 2, 3]],
    ['text', 'equals', 'Banking', 'banking'],
    ['text', 'in', ' A , b ,', ['a', 'b']],
    ['boolean', 'equals', 'TRUE', true],
    ['boolean', 'equals', 'no', false],
    ['date', 'equals', '2025-02-28', { from: Date.UTC(2025, 1, 28), to: Date.UTC(2025, 2, 1) }],
    ['text', 'is blank', null, null],
  ])('%s %s %p', (kind, op, raw, value) => {
    expect(parseCriterionValue(kind, op, raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['number', 'equals', 'abc', "'abc' is not a number for NumberOfEmployees"],
    ['number', 'in', '1, x', "'x' is not a number for NumberOfEmployees"],
    [
      'date',
      'less than',
      '2025-02-30',
      "'2025-02-30' is not a date (use YYYY-MM-DD, e.g. 2025-12-31) for NumberOfEmployees",
    ],
    ['boolean', 'equals', 'maybe', "'maybe' is not true or false for NumberOfEmployees"],
    ['text', 'equals', '  ', "enter a value for NumberOfEmployees, or use 'is blank'"],
    ['text', 'in', ' , ', 'enter one or more values separated by commas for NumberOfEmployees'],
  ])('%s %s %p fails', (kind, op, raw, message) => {
    expect(parseCriterionValue(kind, op, raw, 'NumberOfEmployees')).toEqual({ ok: false, message });
  });
});

// Every operator on every field kind: [type, operator, value, matching, not matching, on blank]
const FIELD_TYPES = {
  Name: 'string',
  Industry: 'picklist',
  Employees: 'int',
  Founded: 'date',
  Seen: 'datetime',
  Active: 'boolean',
};
const FIELD_OF = {
  string: 'Name',
  picklist: 'Industry',
  int: 'Employees',
  date: 'Founded',
  datetime: 'Seen',
  boolean: 'Active',
};
const MATRIX = [
  ['string', 'equals', 'Acme', 'ACME', 'Acme Corp', false],
  ['string', 'not equal to', 'Acme', 'Acme Corp', 'acme', true],
  ['string', 'contains', 'bank', 'BigBank', 'Acme', false],
  ['string', 'does not contain', 'bank', 'Acme', 'Bankia', true],
  ['string', 'starts with', 'big', 'BigBank', 'NotBig', false],
  ['string', 'in', 'Acme, BigBank', 'bigbank', 'Other', false],
  ['string', 'not in', 'Acme, BigBank', 'Other', 'ACME', true],
  ['string', 'is blank', '', '', 'x', true],
  ['string', 'is not blank', '', 'x', null, false],
  ['picklist', 'equals', 'Banking', 'banking', 'Retail', false],
  ['picklist', 'not equal to', 'Banking', 'Retail', 'Banking', true],
  ['picklist', 'contains', 'bank', 'Banking', 'Retail', false],
  ['picklist', 'does not contain', 'bank', 'Retail', 'Banking', true],
  ['picklist', 'starts with', 'Ban', 'Banking', 'Urban', false],
  ['picklist', 'in', 'Banking,Insurance', 'Insurance', 'Retail', false],
  ['picklist', 'not in', 'Banking,Insurance', 'Retail', 'Banking', true],
  ['picklist', 'is blank', '', null, 'Retail', true],
  ['picklist', 'is not blank', '', 'Retail', '', false],
  ['int', 'equals', '100', 100, 101, false],
  ['int', 'not equal to', '100', 101, 100, true],
  ['int', 'less than', '100', 99, 100, false],
  ['int', 'greater than', '100', 101, 100, false],
  ['int', 'less or equal', '100', 100, 101, false],
  ['int', 'greater or equal', '100', 100, 99, false],
  ['int', 'in', '1, 5000', 5000, 2, false],
  ['int', 'not in', '1, 5000', 2, 1, true],
  ['int', 'is blank', '', null, 0, true],
  ['int', 'is not blank', '', 0, null, false],
  ['date', 'equals', '2020-01-15', '2020-01-15', '2020-01-16', false],
  ['date', 'not equal to', '2020-01-15', '2020-01-16', '2020-01-15', true],
  ['date', 'less than', '2020-01-15', '2020-01-14', '2020-01-15', false],
  ['date', 'greater than', '2020-01-15', '2020-01-16', '2020-01-15', false],
  ['date', 'less or equal', '2020-01-15', '2020-01-15', '2020-01-16', false],
  ['date', 'greater or equal', '2020-01-15', '2020-01-15', '2020-01-14', false],
  ['date', 'in', '2020-01-15, 2021-01-01', '2021-01-01', '2020-01-01', false],
  ['date', 'not in', '2020-01-15, 2021-01-01', '2020-01-01', '2020-01-15', true],
  ['date', 'is blank', '', null, '2020-01-01', true],
  ['date', 'is not blank', '', '2020-01-01', null, false],
  [
    'datetime',
    'equals',
    '2020-01-15',
    '2020-01-15T23:59:00.000+0000',
    '2020-01-16T00:00:00Z',
    false,
  ],
  [
    'datetime',
    'not equal to',
    '2020-01-15T10:00:00Z',
    '2020-01-15T10:00:01Z',
    '2020-01-15T10:00:00.000Z',
    true,
  ],
  ['datetime', 'less than', '2020-01-15', '2020-01-14T23:59:59Z', '2020-01-15T00:00:00Z', false],
  ['datetime', 'greater than', '2020-01-15', '2020-01-16T00:00:00Z', '2020-01-15T23:00:00Z', false],
  [
    'datetime',
    'less or equal',
    '2020-01-15',
    '2020-01-15T23:00:00Z',
    '2020-01-16T00:00:00Z',
    false,
  ],
  [
    'datetime',
    'greater or equal',
    '2020-01-15',
    '2020-01-15T00:00:00Z',
    '2020-01-14T23:59:59Z',
    false,
  ],
  [
    'datetime',
    'in',
    '2020-01-15, 2020-02-01',
    '2020-02-01T08:00:00Z',
    '2020-03-01T08:00:00Z',
    false,
  ],
  ['datetime', 'not in', '2020-01-15', '2020-03-01T08:00:00Z', '2020-01-15T08:00:00Z', true],
  ['datetime', 'is blank', '', null, '2020-01-15T08:00:00Z', true],
  ['datetime', 'is not blank', '', '2020-01-15T08:00:00Z', '', false],
  ['boolean', 'equals', 'true', true, false, false],
  ['boolean', 'not equal to', 'true', false, true, true],
];

describe('every operator on every field kind', () => {
  it.each(MATRIX)('%s %s %p', (type, operator, value, yes, no, onBlank) => {
    const field = FIELD_OF[type];
    const compiled = compileSegment(
      {},
      [{ Number__c: 1, Field__c: field, Operator__c: operator, Value__c: value }],
      FIELD_TYPES,
    );
    expect(compiled.ok).toBe(true);
    expect(compiled.matches({ [field]: yes })).toBe(true);
    expect(compiled.matches({ [field]: no })).toBe(false);
    expect(compiled.matches({})).toBe(onBlank);
  });

  const pairs = [];
  for (const type of Object.keys(FIELD_OF)) {
    for (const operator of OPERATORS) {
      if (!MATRIX.some((row) => row[0] === type && row[1] === operator))
        pairs.push([type, operator]);
    }
  }
  it('the matrix covers each allowed pair, and everything else is rejected', () => {
    expect(pairs.length).toBeGreaterThan(0);
    for (const [type, operator] of pairs) {
      const kind = normalizeFieldType(type);
      expect(operatorsForType(kind)).not.toContain(operator);
    }
  });
  it.each(pairs)('%s rejects %p with a message naming the allowed operators', (type, operator) => {
    const field = FIELD_OF[type];
    const kind = normalizeFieldType(type);
    const compiled = compileSegment(
      {},
      [{ Number__c: 1, Field__c: field, Operator__c: operator, Value__c: '1' }],
      FIELD_TYPES,
    );
    expect(compiled).toEqual(
      expect.objectContaining({
        ok: false,
        message: `Criterion 1: '${operator}' doesn't work on the ${kind} field ${field}; use one of: ${operatorsForType(kind).join(', ')}`,
      }),
    );
  });
});

describe('compileSegment', () => {
  const types = { Industry: 'picklist', NumberOfEmployees: 'int', BillingCountry: 'string' };
  const criteria = [
    { Number__c: 1, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'Banking' },
    {
      Number__c: 2,
      Field__c: 'NumberOfEmployees',
      Operator__c: 'greater or equal',
      Value__c: '1000',
    },
    { Number__c: '3', Field__c: 'billingcountry', Operator__c: 'In', Value__c: 'US, CA' },
  ];
  it('evaluates filter logic over typed criteria', () => {
    const seg = compileSegment({ Filter_Logic__c: '1 AND (2 OR NOT 3)' }, criteria, types);
    expect(seg.ok).toBe(true);
    expect(
      seg.matches({ Industry: 'Banking', NumberOfEmployees: 5000, BillingCountry: 'US' }),
    ).toBe(true);
    expect(seg.matches({ Industry: 'Banking', NumberOfEmployees: 10, BillingCountry: 'DE' })).toBe(
      true,
    );
    expect(seg.matches({ Industry: 'Banking', NumberOfEmployees: 10, BillingCountry: 'us' })).toBe(
      false,
    );
    expect(seg.matches({ Industry: 'Retail', NumberOfEmployees: 5000, BillingCountry: 'US' })).toBe(
      false,
    );
  });
  it('ANDs all criteria when the logic is blank', () => {
    const seg = compileSegment({ Filter_Logic__c: '' }, criteria, types);
    expect(
      seg.matches({ Industry: 'Banking', NumberOfEmployees: 5000, BillingCountry: 'CA' }),
    ).toBe(true);
    expect(
      seg.matches({ Industry: 'Banking', NumberOfEmployees: 5000, BillingCountry: 'DE' }),
    ).toBe(false);
  });
  it('matches every account when there are no criteria', () => {
    const seg = compileSegment({}, [], types);
    expect(seg.ok && seg.matches({})).toBe(true);
  });
  it.each([
    [
      [{ Number__c: 1, Field__c: 'NumberOfEmployees', Operator__c: 'equals', Value__c: 'abc' }],
      "Criterion 1: 'abc' is not a number for NumberOfEmployees",
      '',
    ],
    [
      [{ Number__c: 1, Field__c: 'Industy', Operator__c: 'equals', Value__c: 'x' }],
      "Criterion 1: Account has no field 'Industy' (use the field's API name, e.g. Industry or My_Field__c)",
      '',
    ],
    [
      [{ Number__c: 1, Field__c: '', Operator__c: 'equals', Value__c: 'x' }],
      'Criterion 1: choose an Account field',
      '',
    ],
    [
      [{ Number__c: 1, Field__c: 'Industry', Operator__c: 'like', Value__c: 'x' }],
      "Criterion 1: 'like' is not an operator; use one of: equals, not equal to, contains, does not contain, starts with, in, not in, is blank, is not blank",
      '',
    ],
    [
      [{ Number__c: null, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'x' }],
      'Criterion #1 in the list needs a number (1, 2, 3, ...) to be used in the filter logic',
      '',
    ],
    [
      [
        { Number__c: 1, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'x' },
        { Number__c: 1, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'y' },
      ],
      'Two criteria have the number 1; give each criterion its own number',
      '',
    ],
    [
      [
        { Number__c: 1, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'x' },
        { Number__c: 2, Field__c: 'Industry', Operator__c: 'equals', Value__c: 'y' },
      ],
      'Criterion 2 is not used in the filter logic',
      '1',
    ],
  ])('reports %#', (crit, message, logic) => {
    const seg = compileSegment({ Filter_Logic__c: logic || '' }, crit, types);
    expect(seg.ok).toBe(false);
    expect(seg.message).toBe(message);
  });
  it('reports unusable field types', () => {
    const seg = compileSegment(
      {},
      [{ Number__c: 1, Field__c: 'BillingAddress', Operator__c: 'equals', Value__c: 'x' }],
      { BillingAddress: 'address' },
    );
    expect(seg.message).toBe(
      "Criterion 1: BillingAddress is a field of type 'address', which segment rules can't use",
    );
  });
});

describe('quoted values', () => {
  it('keeps a comma inside double quotes in in / not in lists', () => {
    expect(splitValues('"Media, Entertainment & Games", Retail')).toEqual([
      'Media, Entertainment & Games',
      'Retail',
    ]);
    expect(splitValues('a, "say ""hi"", then", b')).toEqual(['a', 'say "hi", then', 'b']);
    expect(splitValues(' a ,, b ')).toEqual(['a', 'b']);
    expect(splitValues('"open, never closed')).toBeNull();
  });

  it('matches accounts by a quoted value in in, not in and equals', () => {
    const types = { Industry: 'picklist' };
    const media = { Industry: 'Media, Entertainment & Games' };
    const retail = { Industry: 'Retail' };
    const rule = (operator, value) =>
      compileSegment(
        {},
        [{ Number__c: 1, Field__c: 'Industry', Operator__c: operator, Value__c: value }],
        types,
      );
    const inList = rule('in', '"Media, Entertainment & Games", Retail');
    expect(inList.matches(media)).toBe(true);
    expect(inList.matches(retail)).toBe(true);
    expect(inList.matches({ Industry: 'Media' })).toBe(false);
    expect(rule('not in', '"Media, Entertainment & Games"').matches(media)).toBe(false);
    expect(rule('equals', '"Media, Entertainment & Games"').matches(media)).toBe(true);
    expect(rule('in', '"Media, Entertainment').ok).toBe(false);
  });
});
