import { createElement } from 'lwc';
import SegmentRules from 'c/segmentRules';
import { executeMutation, graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import LightningConfirm from 'lightning/confirm';

// gql returns its text so emits can target this component's query (the editor has others).
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join(''), executeMutation: jest.fn() };
});
jest.mock('@salesforce/label/c.Quorum_Segment_CopyName', () => ({ default: '{0} (copy)' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Segment_ServiceCount',
  () => ({ default: '{0} accounts at the last run' }),
  { virtual: true },
);

const mockSegments = require('./data/segments.json');
const mockEmpty = require('./data/segmentsEmpty.json');
const mockErrors = require('./data/graphqlErrors.json');

const S1 = 'a0B000000000001AAA';
const S2 = 'a0B000000000002AAA';
const S3 = 'a0B000000000003AAA';
const isListQuery = (config) => String(config.query).includes('query segmentRules');

async function flush() {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function createRules(data = mockSegments) {
  const element = createElement('c-segment-rules', { is: SegmentRules });
  document.body.appendChild(element);
  const refresh = jest.fn().mockResolvedValue();
  graphql.emit(data, isListQuery, refresh);
  await flush();
  return { element, refresh };
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

describe('c-segment-rules', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('lists segments in priority order with the service status', async () => {
    const { element } = await createRules();
    expect($$(element, 'button.select-segment').map((b) => b.textContent.trim())).toEqual([
      'EU Banks',
      'Retail',
      'Partners',
    ]);
    expect($$(element, 'lightning-badge').map((b) => b.label)).toEqual(['Valid', 'Invalid']);
    // The size at the last run, for valid segments only (an invalid rule counted no one).
    expect($$(element, '.segment-count').map((c) => c.textContent)).toEqual([
      '42 accounts at the last run',
    ]);
    expect($$(element, '.status-message').map((p) => p.textContent)).toEqual([
      "Criterion 1: 'lots' is not a number for NumberOfEmployees",
    ]);
    expect($$(element, 'lightning-input.active-toggle').map((t) => t.checked)).toEqual([
      true,
      true,
      false,
    ]);
    // Each switch says what it does: named by its segment, its state in words beside it (it
    // showed a bare switch, and its hidden name "EU Banks active" held even when it was off).
    expect(
      $$(element, 'lightning-input.active-toggle').map((t) => [
        t.label,
        t.messageToggleActive,
        t.messageToggleInactive,
      ]),
    ).toEqual([
      ['EU Banks', 'c.Quorum_Segment_ToggleOn', 'c.Quorum_Segment_ToggleOff'],
      ['Retail', 'c.Quorum_Segment_ToggleOn', 'c.Quorum_Segment_ToggleOff'],
      ['Partners', 'c.Quorum_Segment_ToggleOn', 'c.Quorum_Segment_ToggleOff'],
    ]);
  });

  it('cannot move the first segment up nor the last down', async () => {
    const { element } = await createRules();
    expect($$(element, 'lightning-button-icon.move-up').map((b) => b.disabled)).toEqual([
      true,
      false,
      false,
    ]);
    expect($$(element, 'lightning-button-icon.move-down').map((b) => b.disabled)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('moves a segment up by rewriting Priority__c in ONE write', async () => {
    executeMutation.mockResolvedValue({ data: { uiapi: {} } });
    const { element, refresh } = await createRules();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    $$(element, 'lightning-button-icon.move-up')[2].click();
    await flush();
    // One request for the whole new order (all-or-none), not one updateRecord per segment.
    expect(updateRecord).not.toHaveBeenCalled();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const { query, variables } = executeMutation.mock.calls[0][0];
    expect(query).toContain('uiapi(input: { allOrNone: true })');
    expect(variables).toEqual({
      op0: { Id: S3, Segment__c: { Priority__c: 20 } },
      op1: { Id: S2, Segment__c: { Priority__c: 30 } },
    });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(refresh).toHaveBeenCalled();
  });

  it('moves a segment down', async () => {
    executeMutation.mockResolvedValue({ data: { uiapi: {} } });
    const { element } = await createRules();
    $$(element, 'lightning-button-icon.move-down')[0].click();
    await flush();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0][0].variables).toEqual({
      op0: { Id: S2, Segment__c: { Priority__c: 10 } },
      op1: { Id: S1, Segment__c: { Priority__c: 20 } },
    });
  });

  it('deactivates a segment', async () => {
    const { element } = await createRules();
    $$(element, 'lightning-input.active-toggle')[0].dispatchEvent(
      new CustomEvent('change', { detail: { checked: false } }),
    );
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: S1, Active__c: false } });
  });

  it('creates an inactive segment at the end and opens it', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a0B000000000009AAA' });
    const { element } = await createRules();
    const create = $(element, 'lightning-button.create');
    expect(create.disabled).toBe(true);
    $(element, 'lightning-input.new-name').dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Mid-market ' } }),
    );
    await flush();
    expect(create.disabled).toBe(false);
    create.click();
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Segment__c',
      fields: { Name: 'Mid-market', Priority__c: 40, Active__c: false },
    });
    expect($(element, 'lightning-input.new-name').value).toBe('');
  });

  it('clones a segment with its criteria in ONE write that links them to the copy', async () => {
    executeMutation.mockResolvedValue({
      data: { uiapi: { op0: { Record: { Id: 'a0B00000000000CAAA' } } } },
    });
    const { element } = await createRules();
    $$(element, 'lightning-button-icon.clone')[0].click();
    await flush();
    expect(createRecord).not.toHaveBeenCalled();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const { query, variables } = executeMutation.mock.calls[0][0];
    expect(query).toContain('op0: Segment__cCreate(input: $op0)');
    expect(query).toContain('op3: Segment_Criterion__cCreate(input: $op3)');
    expect(query).not.toContain('EU Banks');
    const criterion = (number, field, operator, value) => ({
      Segment_Criterion__c: {
        // The criteria point at the segment created by op0 of the same request.
        Segment__c: '@{op0}',
        Number__c: number,
        Field__c: field,
        Operator__c: operator,
        Value__c: value,
      },
    });
    expect(variables).toEqual({
      op0: {
        Segment__c: {
          Name: 'EU Banks (copy)',
          Description__c: 'Banks headquartered in the EU',
          Filter_Logic__c: '1 AND (2 OR 3)',
          Priority__c: 40,
          Active__c: false,
        },
      },
      op1: criterion(1, 'Industry', 'equals', 'Banking'),
      op2: criterion(2, 'BillingCountry', 'in', 'Germany, France'),
      op3: criterion(3, 'AnnualRevenue', 'greater than', '1000000'),
    });
  });

  it('keeps nothing and says why when the clone is refused', async () => {
    executeMutation.mockResolvedValue({
      data: undefined,
      errors: [{ message: 'Value__c: data value too large' }],
    });
    const { element, refresh } = await createRules();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    $$(element, 'lightning-button-icon.clone')[0].click();
    await flush();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'Value__c: data value too large',
    });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('deletes a segment only after confirmation', async () => {
    LightningConfirm.open = jest.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    const { element } = await createRules();
    $$(element, 'lightning-button-icon.delete')[1].click();
    await flush();
    expect(LightningConfirm.open).toHaveBeenCalledTimes(1);
    expect(deleteRecord).not.toHaveBeenCalled();
    $$(element, 'lightning-button-icon.delete')[1].click();
    await flush();
    expect(deleteRecord).toHaveBeenCalledWith(S2);
  });

  it('toasts the reason when a write fails', async () => {
    updateRecord.mockRejectedValueOnce({
      body: { message: 'insufficient access rights on cross-reference id' },
      status: 403,
    });
    const { element } = await createRules();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    $$(element, 'lightning-input.active-toggle')[2].dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } }),
    );
    await flush();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'insufficient access rights on cross-reference id',
    });
  });

  it('opens the selected segment in the editor', async () => {
    const { element } = await createRules();
    expect($(element, 'c-segment-editor')).toBeNull();
    $$(element, 'button.select-segment')[0].click();
    await flush();
    const editor = $(element, 'c-segment-editor');
    expect(editor.segment).toMatchObject({
      id: S1,
      name: 'EU Banks',
      logic: '1 AND (2 OR 3)',
      status: 'Valid',
      accountCount: 42,
    });
    expect(editor.segment.criteria).toHaveLength(3);
    expect($$(element, 'button.select-segment')[0].getAttribute('aria-current')).toBe('true');
  });

  it('shows the empty state', async () => {
    const { element } = await createRules(mockEmpty);
    expect($(element, 'p.empty')).not.toBeNull();
    expect($(element, 'ol.segment-list')).toBeNull();
  });

  it('shows the error panel', async () => {
    const element = createElement('c-segment-rules', { is: SegmentRules });
    document.body.appendChild(element);
    graphql.emitErrors(mockErrors, isListQuery);
    await flush();
    expect($(element, 'c-error-panel').errors).toEqual(mockErrors);
  });

  it('is accessible', async () => {
    const { element } = await createRules();
    await expect(element).toBeAccessible();
  });
});
