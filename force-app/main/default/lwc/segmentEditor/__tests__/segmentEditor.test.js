// Tests drive wire adapters directly through their test emitters (emit, error, getLastConfig).
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from 'lwc';
import SegmentEditor from 'c/segmentEditor';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { executeMutation, graphql } from 'lightning/graphql';
import { parseFilterLogic } from 'c/quorumRules';

// gql keeps the query text, and refuses interpolations: a query must be a constant.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return {
    ...actual,
    gql: (strings, ...substitutions) => {
      if (substitutions.length > 0) {
        throw new Error('a GraphQL query must not interpolate values');
      }
      return strings.join('');
    },
    executeMutation: jest.fn(),
  };
});
jest.mock(
  '@salesforce/label/c.Quorum_Segment_ServiceStatus',
  () => ({ default: 'Service says: {0}. {1}' }),
  { virtual: true },
);

const mockAccountInfo = require('./data/accountObjectInfo.json');
const mockSegments = require('../../segmentRules/__tests__/data/segments.json');

const S1 = 'a0B000000000001AAA';

/** The first segment of the list payload, shaped as segmentRules passes it. */
function segmentFrom(index) {
  const node = mockSegments.uiapi.query.Segment__c.edges[index].node;
  return {
    id: node.Id,
    name: node.Name.value,
    description: node.Description__c.value,
    logic: node.Filter_Logic__c.value,
    status: node.Status__c.value,
    statusLabel: node.Status__c.displayValue,
    statusMessage: node.Status_Message__c.value,
    accountCount: node.Account_Count__c.value,
    criteria: node.Criteria__r.edges.map(({ node: c }) => ({
      id: c.Id,
      number: c.Number__c.value,
      field: c.Field__c.value,
      operator: c.Operator__c.value,
      value: c.Value__c.value,
    })),
  };
}

async function flush() {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function createEditor(index = 0) {
  const element = createElement('c-segment-editor', { is: SegmentEditor });
  element.segment = segmentFrom(index);
  document.body.appendChild(element);
  getObjectInfo.emit(mockAccountInfo);
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const rowsOf = (element) => [...element.shadowRoot.querySelectorAll('c-segment-criterion-row')];
const change = (target, detail) => target.dispatchEvent(new CustomEvent('change', { detail }));

describe('c-segment-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('reads Account fields from getObjectInfo and offers the usable ones', async () => {
    const element = await createEditor();
    expect(getObjectInfo.getLastConfig().objectApiName).toEqual({ objectApiName: 'Account' });
    const row = rowsOf(element)[0];
    expect(row.fieldOptions.map((o) => o.value)).toEqual([
      'Name',
      'AnnualRevenue',
      'BillingCountry',
      'Customer_Since__c',
      'NumberOfEmployees',
      'Industry',
      'OwnerId',
      'Is_Partner__c',
    ]);
    expect(row.recordTypeId).toBe('012000000000000AAA');
    expect(row.fieldTypes.Industry).toBe('Picklist');
  });

  it('shows the criteria and the valid rule preview', async () => {
    const element = await createEditor();
    expect(
      rowsOf(element).map((r) => [
        r.criterion.number,
        r.criterion.field,
        r.criterion.operator,
        r.criterion.value,
        r.error,
      ]),
    ).toEqual([
      [1, 'Industry', 'equals', 'Banking', null],
      [2, 'BillingCountry', 'in', 'Germany, France', null],
      [3, 'AnnualRevenue', 'greater than', '1000000', null],
    ]);
    const preview = $(element, 'c-segment-preview');
    expect(preview.valid).toBe(true);
    expect(preview.where).toEqual({
      and: [
        { Industry: { eq: 'Banking' } },
        {
          or: [
            { BillingCountry: { in: ['Germany', 'France'] } },
            { AnnualRevenue: { gt: 1000000 } },
          ],
        },
      ],
    });
    expect($(element, '.logic-error')).toBeNull();
  });

  it('shows the service status and count', async () => {
    const element = await createEditor();
    expect($(element, '.service-status').textContent).toBe('Service says: Valid. ');
    expect($(element, '.service-count')).not.toBeNull();
    const invalid = await createEditor(1);
    expect($(invalid, '.service-status').textContent).toBe(
      "Service says: Invalid. Criterion 1: 'lots' is not a number for NumberOfEmployees",
    );
    expect($(invalid, '.service-status').className).toContain('slds-text-color_error');
  });

  it.each(['1 AND (2 OR', '1 AND 2', '1 AND 2 AND 3 AND 4', '1 AND 2 OR 3', '1 AND (2 OR 3) XOR'])(
    'validates the filter logic "%s" live with the shared grammar message',
    async (logic) => {
      const element = await createEditor();
      change($(element, 'lightning-input.logic-input'), { value: logic });
      await flush();
      const expected = parseFilterLogic(logic, [1, 2, 3]);
      expect(expected.ok).toBe(false);
      expect($(element, '.logic-error').textContent).toBe(expected.message);
      expect($(element, 'c-segment-preview').valid).toBe(false);
    },
  );

  it('flags a value that does not fit the field type on its row', async () => {
    const element = await createEditor();
    change(rowsOf(element)[2], { key: 'a0C000000000003AAA', value: 'lots' });
    await flush();
    expect(rowsOf(element)[2].error).toBe("Criterion 3: 'lots' is not a number for AnnualRevenue");
    expect($(element, 'c-segment-preview').valid).toBe(false);
  });

  it('sends typed values to the preview only as GraphQL variables', async () => {
    const element = await createEditor();
    const typed = "Zürich') OR Name LIKE '%";
    change(rowsOf(element)[1], { key: 'a0C000000000002AAA', operator: 'contains', value: typed });
    await flush();
    const config = graphql.getLastConfig();
    expect(config.query).toContain('query segmentPreview($where: Account_Filter)');
    expect(config.query).not.toContain('Zürich');
    expect(JSON.stringify(config.variables)).toContain('Zürich');
    expect(config.variables.where.and[1].or[0]).toEqual({
      BillingCountry: { like: "%Zürich') OR Name LIKE '\\%%" },
    });
  });

  it('writes the segment and exactly the changed, new and removed criteria on save', async () => {
    const element = await createEditor();
    const saved = jest.fn();
    const toast = jest.fn();
    element.addEventListener('saved', saved);
    element.addEventListener('lightning__showtoast', toast);

    change($(element, 'lightning-input.name'), { value: 'EU Banks & Insurers ' });
    change(rowsOf(element)[1], { key: 'a0C000000000002AAA', value: 'Germany,France,Italy' });
    rowsOf(element)[2].dispatchEvent(
      new CustomEvent('remove', { detail: { key: 'a0C000000000003AAA' } }),
    );
    await flush();
    $(element, 'lightning-button.add-criterion').click();
    await flush();
    const added = rowsOf(element)[2];
    expect(added.criterion.number).toBe(3);
    change(added, {
      key: added.criterion.key,
      field: 'NumberOfEmployees',
      operator: 'greater than',
      value: '',
    });
    await flush();
    change(rowsOf(element)[2], { key: added.criterion.key, value: '500' });
    await flush();

    $(element, 'lightning-button.save').click();
    await flush();

    // ONE all-or-none write: the segment, then exactly the changed, new and removed criteria.
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const { query, variables } = executeMutation.mock.calls[0][0];
    expect(query).toContain('uiapi(input: { allOrNone: true })');
    expect(query).toContain('op0: Segment__cUpdate(input: $op0)');
    expect(query).toContain('op1: Segment_Criterion__cUpdate(input: $op1)');
    expect(query).toContain('op2: Segment_Criterion__cCreate(input: $op2)');
    expect(query).toContain('op3: Segment_Criterion__cDelete(input: $op3)');
    expect(query).not.toContain('Insurers');
    expect(variables).toEqual({
      op0: {
        Id: S1,
        Segment__c: {
          Name: 'EU Banks & Insurers',
          Description__c: 'Banks headquartered in the EU',
          Filter_Logic__c: '1 AND (2 OR 3)',
        },
      },
      op1: {
        Id: 'a0C000000000002AAA',
        Segment_Criterion__c: {
          Number__c: 2,
          Field__c: 'BillingCountry',
          Operator__c: 'in',
          Value__c: 'Germany,France,Italy',
        },
      },
      op2: {
        Segment_Criterion__c: {
          Number__c: 3,
          Field__c: 'NumberOfEmployees',
          Operator__c: 'greater than',
          Value__c: '500',
          Segment__c: S1,
        },
      },
      op3: { Id: 'a0C000000000003AAA' },
    });
    expect(saved).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
  });

  it('does not save a rule with problems', async () => {
    const element = await createEditor();
    change($(element, 'lightning-input.logic-input'), { value: '1 AND' });
    await flush();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(executeMutation).not.toHaveBeenCalled();
    expect($(element, '.save-error')).not.toBeNull();
  });

  it('requires a name', async () => {
    const element = await createEditor();
    change($(element, 'lightning-input.name'), { value: '   ' });
    await flush();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(executeMutation).not.toHaveBeenCalled();
    expect($(element, '.name-error')).not.toBeNull();
  });

  it('reports two criteria with one number', async () => {
    const element = await createEditor();
    change(rowsOf(element)[2], { key: 'a0C000000000003AAA', number: 2 });
    change($(element, 'lightning-input.logic-input'), { value: '' });
    await flush();
    expect(
      [...element.shadowRoot.querySelectorAll('.other-error')].map((e) => e.textContent),
    ).toEqual(['Two criteria have the number 2; give each criterion its own number']);
  });

  it('toasts the reason when saving fails', async () => {
    executeMutation.mockResolvedValueOnce({
      data: undefined,
      errors: [{ message: 'Filter Logic: data value too large' }],
    });
    const element = await createEditor();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    $(element, 'lightning-button.save').click();
    await flush();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'Filter Logic: data value too large',
    });
  });

  it('shows the error panel when Account fields cannot be read', async () => {
    const element = createElement('c-segment-editor', { is: SegmentEditor });
    element.segment = segmentFrom(0);
    document.body.appendChild(element);
    getObjectInfo.error({ message: 'You do not have access to Account' });
    await flush();
    expect($(element, 'c-error-panel')).not.toBeNull();
  });

  it('is accessible', async () => {
    const element = await createEditor();
    await expect(element).toBeAccessible();
  });
});

describe('c-segment-editor draft', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('keeps unsaved edits when the same segment is read again, and reloads after its own save', async () => {
    const element = await createEditor();
    change($(element, 'lightning-input.logic-input'), { value: '1 OR 2 OR 3' });
    await flush();
    element.segment = { ...segmentFrom(0) };
    await flush();
    expect($(element, 'lightning-input.logic-input').value).toBe('1 OR 2 OR 3');

    $(element, 'lightning-button.save').click();
    await flush();
    element.segment = { ...segmentFrom(0), logic: '1 OR 2 OR 3' };
    await flush();
    expect($(element, 'lightning-input.logic-input').value).toBe('1 OR 2 OR 3');
    element.segment = segmentFrom(1);
    await flush();
    expect($(element, 'lightning-input.name').value).toBe('Retail');
    expect($(element, 'lightning-input.logic-input').value).toBe('');
  });

  it('matches every account once all criteria are removed', async () => {
    const element = await createEditor(2);
    expect($(element, 'p.no-criteria')).toBeNull();
    rowsOf(element)[0].dispatchEvent(
      new CustomEvent('remove', { detail: { key: 'a0C000000000005AAA' } }),
    );
    await flush();
    expect($(element, 'p.no-criteria')).not.toBeNull();
    const preview = $(element, 'c-segment-preview');
    expect(preview.valid).toBe(true);
    expect(preview.where).toBeNull();
  });
});
