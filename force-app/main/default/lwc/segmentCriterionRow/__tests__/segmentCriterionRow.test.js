// Tests drive wire adapters directly through their test emitters (emit, error, getLastConfig).
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from 'lwc';
import SegmentCriterionRow from 'c/segmentCriterionRow';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { operatorsForType, splitValues } from 'c/quorumRules';

const mockPicklist = require('./data/industryPicklist.json');
const mockAccountInfo = require('../../segmentEditor/__tests__/data/accountObjectInfo.json');

const FIELD_TYPES = Object.fromEntries(
  Object.values(mockAccountInfo.fields).map((f) => [f.apiName, f.dataType]),
);
const FIELD_OPTIONS = Object.values(mockAccountInfo.fields).map((f) => ({
  label: f.label,
  value: f.apiName,
}));

async function flush() {
  for (let i = 0; i < 4; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function createRow(criterion, error) {
  const element = createElement('c-segment-criterion-row', { is: SegmentCriterionRow });
  element.criterion = { key: 'k1', number: 1, value: '', ...criterion };
  element.fieldTypes = FIELD_TYPES;
  element.fieldOptions = FIELD_OPTIONS;
  element.recordTypeId = '012000000000000AAA';
  element.error = error;
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-segment-criterion-row', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('offers only the operators that fit the field type', () => {
    const element = createRow({
      field: 'NumberOfEmployees',
      operator: 'greater than',
      value: '10',
    });
    expect($(element, 'lightning-combobox.operator').options.map((o) => o.value)).toEqual(
      operatorsForType('number'),
    );
    const bool = createRow({ field: 'Is_Partner__c', operator: 'equals', value: 'true' });
    expect($(bool, 'lightning-combobox.operator').options.map((o) => o.value)).toEqual([
      'equals',
      'not equal to',
    ]);
    expect($(bool, 'lightning-combobox.value-boolean').options.map((o) => o.value)).toEqual([
      'true',
      'false',
    ]);
  });

  it.each([
    ['NumberOfEmployees', 'greater than', 'number'],
    ['Customer_Since__c', 'less than', 'date'],
    ['Name', 'starts with', 'text'],
    ['NumberOfEmployees', 'in', 'text'],
  ])('types the value input of %s %s as %s', (field, operator, type) => {
    const element = createRow({ field, operator });
    expect($(element, 'lightning-input.value-input').type).toBe(type);
  });

  it('explains comma-separated lists', () => {
    const element = createRow({ field: 'NumberOfEmployees', operator: 'in' });
    expect($(element, 'lightning-input.value-input').fieldLevelHelp).toBe(
      'c.Quorum_Segment_ValuesHint',
    );
  });

  it('asks for no value for is blank', () => {
    const element = createRow({ field: 'Name', operator: 'is blank' });
    expect($(element, '.value')).toBeNull();
  });

  it('offers the picklist values of a picklist field', async () => {
    const element = createRow({ field: 'Industry', operator: 'equals', value: 'Banking' });
    await flush();
    expect(getPicklistValues.getLastConfig()).toEqual({
      recordTypeId: '012000000000000AAA',
      fieldApiName: 'Account.Industry',
    });
    getPicklistValues.emit(mockPicklist);
    await flush();
    const combo = $(element, 'lightning-combobox.value-picklist');
    expect(combo.options.map((o) => o.value)).toEqual(['Banking', 'Insurance', 'Retail']);
    expect(combo.value).toBe('Banking');
  });

  it('offers picklist checkboxes for in and joins the choice with commas', async () => {
    const element = createRow({ field: 'Industry', operator: 'in', value: 'Banking, Retail' });
    await flush();
    getPicklistValues.emit(mockPicklist);
    await flush();
    const group = $(element, 'lightning-checkbox-group.value-picklist-list');
    expect(group.value).toEqual(['Banking', 'Retail']);
    const handler = jest.fn();
    element.addEventListener('change', handler);
    group.dispatchEvent(new CustomEvent('change', { detail: { value: ['Banking', 'Insurance'] } }));
    expect(handler.mock.calls[0][0].detail).toEqual({ key: 'k1', value: 'Banking, Insurance' });
  });

  it('reads and writes picklist values holding a comma in double quotes', async () => {
    const element = createRow({
      field: 'Industry',
      operator: 'in',
      value: '"Media, Entertainment & Games", Retail',
    });
    await flush();
    const withComma = JSON.parse(JSON.stringify(mockPicklist));
    withComma.values.push({
      attributes: null,
      label: 'Media, Entertainment & Games',
      validFor: [],
      value: 'Media, Entertainment & Games',
    });
    getPicklistValues.emit(withComma);
    await flush();
    const group = $(element, 'lightning-checkbox-group.value-picklist-list');
    expect(group.value).toEqual(['Media, Entertainment & Games', 'Retail']);
    const handler = jest.fn();
    element.addEventListener('change', handler);
    group.dispatchEvent(
      new CustomEvent('change', {
        detail: { value: ['Media, Entertainment & Games', 'Banking', 'Say "hi"'] },
      }),
    );
    const written = handler.mock.calls[0][0].detail.value;
    expect(written).toBe('"Media, Entertainment & Games", Banking, "Say ""hi"""');
    // What is written reads back as the same values with the shared grammar.
    expect(splitValues(written)).toEqual(['Media, Entertainment & Games', 'Banking', 'Say "hi"']);
  });

  it('keeps a fitting operator and clears the value when the field changes', () => {
    const element = createRow({ field: 'Industry', operator: 'equals', value: 'Banking' });
    const handler = jest.fn();
    element.addEventListener('change', handler);
    $(element, 'lightning-combobox.field').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'NumberOfEmployees' } }),
    );
    expect(handler.mock.calls[0][0].detail).toEqual({
      key: 'k1',
      field: 'NumberOfEmployees',
      operator: 'equals',
      value: '',
    });
  });

  it('picks the first fitting operator when the old one does not fit', () => {
    const element = createRow({ field: 'Name', operator: 'contains', value: 'bank' });
    const handler = jest.fn();
    element.addEventListener('change', handler);
    $(element, 'lightning-combobox.field').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Customer_Since__c' } }),
    );
    expect(handler.mock.calls[0][0].detail).toEqual({
      key: 'k1',
      field: 'Customer_Since__c',
      operator: 'equals',
      value: '',
    });
  });

  it('sends operator and value edits up', () => {
    const element = createRow({ field: 'NumberOfEmployees', operator: 'equals', value: '' });
    const handler = jest.fn();
    element.addEventListener('change', handler);
    $(element, 'lightning-combobox.operator').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'less than' } }),
    );
    $(element, 'lightning-input.value-input').dispatchEvent(
      new CustomEvent('change', { detail: { value: '250' } }),
    );
    expect(handler.mock.calls.map((c) => c[0].detail)).toEqual([
      { key: 'k1', operator: 'less than' },
      { key: 'k1', value: '250' },
    ]);
  });

  it('asks to be removed', () => {
    const element = createRow({ field: 'Name', operator: 'equals', value: 'Acme' });
    const handler = jest.fn();
    element.addEventListener('remove', handler);
    $(element, 'lightning-button-icon.remove').click();
    expect(handler.mock.calls[0][0].detail).toEqual({ key: 'k1' });
  });

  it('shows its error', () => {
    const element = createRow(
      { field: 'NumberOfEmployees', operator: 'equals', value: 'x' },
      "Criterion 1: 'x' is not a number for NumberOfEmployees",
    );
    expect($(element, '.criterion-error').textContent).toBe(
      "Criterion 1: 'x' is not a number for NumberOfEmployees",
    );
  });

  it('is accessible', async () => {
    const element = createRow(
      { field: 'Industry', operator: 'in', value: 'Banking' },
      'Some problem',
    );
    await flush();
    getPicklistValues.emit(mockPicklist);
    await flush();
    await expect(element).toBeAccessible();
  });
});
