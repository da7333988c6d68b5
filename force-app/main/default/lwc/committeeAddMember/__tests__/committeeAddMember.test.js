import { createElement } from '@lwc/engine-dom';
import CommitteeAddMember from 'c/committeeAddMember';
import { createRecord } from 'lightning/uiRecordApi';

const OPPORTUNITY_ID = '0065g00000AbCdEAAV';
const ACCOUNT_ID = '0015g00000Acc01AAA';
const ROLES = [
  { label: 'Decision Maker', value: 'Decision Maker' },
  { label: 'Economic Buyer', value: 'Economic Buyer' },
];

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function openAddForm({ accountId = ACCOUNT_ID } = {}) {
  const element = createElement('c-committee-add-member', { is: CommitteeAddMember });
  element.opportunityId = OPPORTUNITY_ID;
  element.accountId = accountId;
  element.roleOptions = ROLES;
  element.memberContactIds = ['0035g00000Ana01AAA', '0035g00000Che03AAA'];
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function pickContact(element, recordId) {
  $(element, 'lightning-record-picker').dispatchEvent(
    new CustomEvent('change', { detail: { recordId } }),
  );
}

describe('c-committee-add-member', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it("offers the opportunity's account contacts first, then all contacts", async () => {
    const element = await openAddForm();
    const picker = $(element, 'lightning-record-picker');
    expect(picker.objectApiName).toBe('Contact');
    expect(picker.filter).toEqual({
      criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: ACCOUNT_ID }],
    });

    $(element, 'lightning-radio-group.scope').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'all' } }),
    );
    await flushPromises();
    expect(picker.filter).toBeUndefined();
  });

  it('offers no account scope when the opportunity has no account', async () => {
    const element = await openAddForm({ accountId: null });
    expect($(element, 'lightning-radio-group.scope')).toBeNull();
    expect($(element, 'lightning-record-picker').filter).toBeUndefined();
  });

  it('creates the member with its unique key and chosen role, then says so', async () => {
    createRecord.mockResolvedValue({ id: 'a015g00000Mem09AAA' });
    const element = await openAddForm();
    const toasts = jest.fn();
    const added = jest.fn();
    element.addEventListener('lightning__showtoast', toasts);
    element.addEventListener('added', added);

    pickContact(element, '0035g00000New07AAA');
    $(element, 'lightning-combobox.role-choice').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Economic Buyer' } }),
    );
    await flushPromises();
    $(element, 'lightning-button.add-submit').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Buying_Committee_Member__c',
      fields: {
        Opportunity__c: OPPORTUNITY_ID,
        Contact__c: '0035g00000New07AAA',
        Member_Key__c: `${OPPORTUNITY_ID}:0035g00000New07AAA`,
        Role__c: 'Economic Buyer',
      },
    });
    expect(toasts).toHaveBeenCalledTimes(1);
    expect(toasts.mock.calls[0][0].detail.variant).toBe('success');
    expect(added.mock.calls[0][0].detail).toEqual({ id: 'a015g00000Mem09AAA' });
  });

  it('says the person is already on the committee without calling the server', async () => {
    const element = await openAddForm();
    pickContact(element, '0035g00000Che03AAA');
    await flushPromises();
    $(element, 'lightning-button.add-submit').click();
    await flushPromises();
    expect(createRecord).not.toHaveBeenCalled();
    expect($(element, '.add-message').textContent.trim()).toBe('c.Quorum_Committee_AlreadyMember');
  });

  it('turns a DUPLICATE_VALUE from the server into the same clear message', async () => {
    createRecord.mockRejectedValue({
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [
            {
              errorCode: 'DUPLICATE_VALUE',
              message:
                'duplicate value found: Member_Key__c duplicates value on record with id: a015g00000Mem08AAA',
            },
          ],
          fieldErrors: {},
        },
      },
    });
    const element = await openAddForm();
    const toasts = jest.fn();
    const added = jest.fn();
    element.addEventListener('lightning__showtoast', toasts);
    element.addEventListener('added', added);
    pickContact(element, '0035g00000New08AAA');
    await flushPromises();
    $(element, 'lightning-button.add-submit').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Buying_Committee_Member__c',
      fields: {
        Opportunity__c: OPPORTUNITY_ID,
        Contact__c: '0035g00000New08AAA',
        Member_Key__c: `${OPPORTUNITY_ID}:0035g00000New08AAA`,
      },
    });
    expect($(element, '.add-message').textContent.trim()).toBe('c.Quorum_Committee_AlreadyMember');
    expect(toasts).not.toHaveBeenCalled();
    expect(added).not.toHaveBeenCalled();
  });

  it('shows any other failure in an error toast and stays open', async () => {
    createRecord.mockRejectedValue({ body: { message: 'Insufficient access' } });
    const element = await openAddForm();
    const toasts = jest.fn();
    element.addEventListener('lightning__showtoast', toasts);
    pickContact(element, '0035g00000New08AAA');
    await flushPromises();
    $(element, 'lightning-button.add-submit').click();
    await flushPromises();
    expect(toasts.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'Insufficient access',
    });
    expect($(element, 'lightning-button.add-submit').disabled).toBe(false);
  });

  it('disables Add until a contact is picked, and asks to close on Cancel', async () => {
    const element = await openAddForm();
    expect($(element, 'lightning-button.add-submit').disabled).toBe(true);
    pickContact(element, '0035g00000New07AAA');
    await flushPromises();
    expect($(element, 'lightning-button.add-submit').disabled).toBe(false);
    const cancel = jest.fn();
    element.addEventListener('cancel', cancel);
    $(element, 'lightning-button.cancel').click();
    expect(cancel).toHaveBeenCalled();
  });

  it('is accessible', async () => {
    const element = await openAddForm();
    await expect(element).toBeAccessible();
  });
});
