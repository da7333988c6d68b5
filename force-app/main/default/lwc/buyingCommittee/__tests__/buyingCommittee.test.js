// Tests drive the wire adapters' test doubles (emit/getLastConfig) outside @wire.
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from '@lwc/engine-dom';
import BuyingCommittee from 'c/buyingCommittee';
import { graphql } from 'lightning/graphql';
import { getRecord, updateRecord, deleteRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import LightningConfirm from 'lightning/confirm';

// Labels with placeholders get English text so the tests can read the filled-in values.
jest.mock(
  '@salesforce/label/c.Quorum_Committee_WarningsCount',
  () => ({ default: '{0} coverage warnings' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.Quorum_Committee_WarnSingleThreaded',
  () => ({ default: 'Only {0} on the committee.' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.Quorum_Committee_WarnVeto',
  () => ({ default: '{0} is a {1} and holds a veto.' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Quorum_Committee_NameWithRole', () => ({ default: '{0} · {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Quorum_Committee_ReportsTo', () => ({ default: 'reports to {0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Committee_RemoveConfirm',
  () => ({ default: 'Remove {0}?' }),
  { virtual: true },
);

const mockCommittee = require('./data/committee.json');
const mockCommitteeGaps = require('./data/committeeGaps.json');
const mockCommitteeEmpty = require('./data/committeeEmpty.json');
const mockOpportunity = require('./data/opportunity.json');
const mockObjectInfo = require('./data/objectInfo.json');
const mockRoles = require('./data/rolePicklist.json');
const mockInfluence = require('./data/influencePicklist.json');
const mockStance = require('./data/stancePicklist.json');

const OPPORTUNITY_ID = '0065g00000AbCdEAAV';
const ACCOUNT_ID = '0015g00000Acc01AAA';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const element = createElement('c-buying-committee', { is: BuyingCommittee });
  element.recordId = OPPORTUNITY_ID;
  document.body.appendChild(element);
  return element;
}

// Wire configs are applied asynchronously, so each emit waits for the configs it filters on.
async function emitMetadata() {
  await flushPromises();
  getRecord.emit(mockOpportunity);
  getObjectInfo.emit(mockObjectInfo);
  await flushPromises();
  const byField = (name) => (config) =>
    Boolean(config && config.fieldApiName && config.fieldApiName.fieldApiName === name);
  getPicklistValues.emit(mockRoles, byField('Role__c'));
  getPicklistValues.emit(mockInfluence, byField('Influence__c'));
  getPicklistValues.emit(mockStance, byField('Stance__c'));
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const memberElements = (element) => $$(element, 'c-committee-member');

describe('c-buying-committee', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('queries the committee of its opportunity through a variable', async () => {
    mount();
    await flushPromises();
    expect(graphql.getLastConfig().variables).toEqual({ opportunityId: OPPORTUNITY_ID });
    expect(getRecord.getLastConfig().recordId).toBe(OPPORTUNITY_ID);
  });

  it('shows a spinner until the committee arrives', async () => {
    const element = mount();
    await flushPromises();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    graphql.emit(mockCommittee);
    await flushPromises();
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('renders members grouped by side with role, influence, stance, veto and note', async () => {
    const element = mount();
    await emitMetadata();
    graphql.emit(mockCommittee);
    await flushPromises();

    const sides = $$(element, 'section.side');
    expect(sides.map((section) => section.dataset.side)).toEqual(['Decision', 'Influence', 'Use']);
    const namesIn = (section) =>
      [...section.querySelectorAll('c-committee-member')].map((m) => m.member.name);
    expect(namesIn(sides[0])).toEqual(['Ana Ruiz']);
    expect(namesIn(sides[1])).toEqual(['Ben Okafor', 'Chen Li']);
    expect(namesIn(sides[2])).toEqual(['Dara Kim']);

    const ben = memberElements(element).find((m) => m.member.name === 'Ben Okafor');
    expect(ben.member).toMatchObject({
      id: 'a015g00000Mem02AAA',
      contactId: '0035g00000Ben02AAA',
      role: 'Technical Evaluator',
      influence: 'High',
      stance: 'Skeptic',
      hasVeto: true,
      notes: 'Worried about SSO and audit logs.',
    });
    // Picklist choices from getPicklistValues reach the rows
    expect(ben.stanceOptions.map((o) => o.value)).toEqual([
      'Champion',
      'Supporter',
      'Neutral',
      'Skeptic',
      'Detractor',
    ]);
    expect($(element, 'c-error-panel')).toBeNull();
    expect($(element, '.empty')).toBeNull();
  });

  it('shows only the veto warning for a well-covered committee with one risky veto', async () => {
    const element = mount();
    graphql.emit(mockCommittee);
    await flushPromises();
    const warnings = $$(element, 'li.warning');
    expect(warnings.map((li) => li.dataset.code)).toEqual(['VETO']);
    expect(warnings[0].textContent).toBe('Ben Okafor is a Skeptic and holds a veto.');
    expect($(element, '.coverage-good')).toBeNull();
  });

  it('shows every warning, each with its action, for a thin committee', async () => {
    const element = mount();
    graphql.emit(mockCommitteeGaps);
    await flushPromises();
    const warnings = $$(element, 'li.warning');
    expect(warnings.map((li) => li.dataset.code)).toEqual([
      'NO_DECISION',
      'NO_CHAMPION',
      'SINGLE_THREADED',
      'VETO',
      'NO_USE',
    ]);
    expect(warnings.map((li) => li.textContent)).toEqual([
      'c.Quorum_Committee_WarnNoDecision',
      'c.Quorum_Committee_WarnNoChampion',
      'Only 2 on the committee.',
      'Eli Novak is a Detractor and holds a veto.',
      'c.Quorum_Committee_WarnNoUse',
    ]);
    expect($(element, 'ul.warnings').getAttribute('aria-label')).toBe('5 coverage warnings');
  });

  it('shows reporting lines among committee members as an indented list', async () => {
    const element = mount();
    graphql.emit(mockCommittee);
    await flushPromises();
    const list = $(element, 'ul.reporting-lines');
    expect(list.getAttribute('aria-label')).toBe('c.Quorum_Committee_ReportingHeading');
    const lines = [...list.querySelectorAll('li')].map((li) => [
      li.className.match(/reporting-level-(\d)/)[1],
      li.firstChild.textContent.trim(),
      li.querySelector('.slds-assistive-text')?.textContent ?? '',
    ]);
    // Each member under their manager, one level deeper; the role is in the visible text, and
    // screen readers hear who each one reports to. No lightning-tree: an expanded tree item's
    // visible text includes its reports, more than its name (WCAG 2.5.3).
    expect(lines).toEqual([
      ['0', 'Ana Ruiz · Decision Maker', ''],
      ['1', 'Ben Okafor · Technical Evaluator', ', reports to Ana Ruiz'],
      ['2', 'Dara Kim · End User', ', reports to Ben Okafor'],
      ['1', 'Chen Li · Procurement', ', reports to Ana Ruiz'],
    ]);
    expect($(element, 'lightning-tree')).toBeNull();
    expect($(element, '.reporting-empty')).toBeNull();
  });

  it('explains how to get reporting lines when there are none', async () => {
    const element = mount();
    graphql.emit(mockCommitteeGaps);
    await flushPromises();
    expect($(element, 'ul.reporting-lines')).toBeNull();
    expect($(element, '.reporting-empty').textContent).toBe('c.Quorum_Committee_ReportingEmpty');
  });

  it('shows the empty state for a committee without members', async () => {
    const element = mount();
    graphql.emit(mockCommitteeEmpty);
    await flushPromises();
    expect($(element, '.empty').textContent).toBe('c.Quorum_Committee_Empty');
    expect($$(element, 'section.side')).toHaveLength(0);
    expect($(element, 'li.warning')).toBeNull();
  });

  it('shows the error panel when the query fails', async () => {
    const element = mount();
    // Nothing to add to before the committee is read.
    expect($(element, 'lightning-button.add-toggle').disabled).toBe(true);
    graphql.emitErrors([{ message: 'Field Stance__c is not accessible' }]);
    await flushPromises();
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Quorum_Committee_LoadError');
    expect(panel.errors).toEqual([{ message: 'Field Stance__c is not accessible' }]);
    expect($(element, 'lightning-spinner')).toBeNull();
    // "Add member" stood enabled beside the error ("Log request" below it was disabled).
    expect($(element, 'lightning-button.add-toggle').disabled).toBe(true);
  });

  describe('adding a member', () => {
    async function loadedWithRefresh(refresh) {
      const element = mount();
      await emitMetadata();
      graphql.emit(mockCommittee, undefined, refresh);
      await flushPromises();
      return element;
    }

    it('opens the add-member form with the account, roles and current members', async () => {
      const element = await loadedWithRefresh(jest.fn());
      expect($(element, 'c-committee-add-member')).toBeNull();
      expect($(element, 'lightning-button.add-toggle').disabled).toBe(false);
      $(element, 'lightning-button.add-toggle').click();
      await flushPromises();
      const form = $(element, 'c-committee-add-member');
      expect(form.opportunityId).toBe(OPPORTUNITY_ID);
      expect(form.accountId).toBe(ACCOUNT_ID);
      expect(form.roleOptions.map((o) => o.value)).toContain('Economic Buyer');
      expect(form.memberContactIds).toContain('0035g00000Che03AAA');
    });

    it('shows one "Add member" button at a time: the header button hides while the form is open', async () => {
      const element = await loadedWithRefresh(jest.fn());
      $(element, 'lightning-button.add-toggle').click();
      await flushPromises();
      expect($(element, 'lightning-button.add-toggle')).toBeNull();
      $(element, 'c-committee-add-member').dispatchEvent(new CustomEvent('cancel'));
      await flushPromises();
      expect($(element, 'c-committee-add-member')).toBeNull();
      expect($(element, 'lightning-button.add-toggle')).not.toBeNull();
    });

    it('closes the form and reads the committee again after a member is added', async () => {
      const refresh = jest.fn().mockResolvedValue();
      const element = await loadedWithRefresh(refresh);
      $(element, 'lightning-button.add-toggle').click();
      await flushPromises();
      $(element, 'c-committee-add-member').dispatchEvent(
        new CustomEvent('added', { detail: { id: 'a015g00000Mem09AAA' } }),
      );
      await flushPromises();
      expect(refresh).toHaveBeenCalled();
      expect($(element, 'c-committee-add-member')).toBeNull();
    });
  });

  describe('editing and removing', () => {
    async function loaded(refresh) {
      const element = mount();
      await emitMetadata();
      graphql.emit(mockCommittee, undefined, refresh);
      await flushPromises();
      return element;
    }

    it('saves the edited member with updateRecord and refreshes the committee', async () => {
      const refresh = jest.fn().mockResolvedValue();
      const element = await loaded(refresh);
      const chen = memberElements(element).find((m) => m.member.name === 'Chen Li');
      chen.dispatchEvent(new CustomEvent('edit', { detail: { id: chen.member.id } }));
      await flushPromises();
      expect(chen.editing).toBe(true);

      chen.dispatchEvent(
        new CustomEvent('save', {
          detail: {
            id: 'a015g00000Mem03AAA',
            name: 'Chen Li',
            fields: {
              Role__c: 'Procurement',
              Influence__c: 'High',
              Stance__c: 'Champion',
              Has_Veto__c: true,
              Notes__c: 'Owns vendor onboarding.',
            },
          },
        }),
      );
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: 'a015g00000Mem03AAA',
          Role__c: 'Procurement',
          Influence__c: 'High',
          Stance__c: 'Champion',
          Has_Veto__c: true,
          Notes__c: 'Owns vendor onboarding.',
        },
      });
      expect(refresh).toHaveBeenCalled();
      expect(chen.editing).toBe(false);
    });

    it('shows an error toast and keeps editing when the update fails', async () => {
      updateRecord.mockRejectedValue({ body: { message: 'Insufficient access' } });
      const element = await loaded(jest.fn());
      const toasts = jest.fn();
      element.addEventListener('lightning__showtoast', toasts);
      const ana = memberElements(element)[0];
      ana.dispatchEvent(new CustomEvent('edit', { detail: { id: ana.member.id } }));
      ana.dispatchEvent(
        new CustomEvent('save', { detail: { id: ana.member.id, name: 'Ana Ruiz', fields: {} } }),
      );
      await flushPromises();
      expect(toasts.mock.calls[0][0].detail).toMatchObject({
        variant: 'error',
        message: 'Insufficient access',
      });
      expect(ana.editing).toBe(true);
    });

    it('removes a member after confirmation', async () => {
      LightningConfirm.open = jest.fn().mockResolvedValue(true);
      const refresh = jest.fn().mockResolvedValue();
      const element = await loaded(refresh);
      const dara = memberElements(element).find((m) => m.member.name === 'Dara Kim');
      dara.dispatchEvent(
        new CustomEvent('remove', { detail: { id: 'a015g00000Mem04AAA', name: 'Dara Kim' } }),
      );
      await flushPromises();
      expect(LightningConfirm.open).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Remove Dara Kim?', theme: 'warning' }),
      );
      expect(deleteRecord).toHaveBeenCalledWith('a015g00000Mem04AAA');
      expect(refresh).toHaveBeenCalled();
    });

    it('keeps the member when the confirmation is cancelled', async () => {
      LightningConfirm.open = jest.fn().mockResolvedValue(false);
      const element = await loaded(jest.fn());
      const dara = memberElements(element).find((m) => m.member.name === 'Dara Kim');
      dara.dispatchEvent(
        new CustomEvent('remove', { detail: { id: 'a015g00000Mem04AAA', name: 'Dara Kim' } }),
      );
      await flushPromises();
      expect(deleteRecord).not.toHaveBeenCalled();
    });
  });

  it('is accessible with data', async () => {
    const element = mount();
    await emitMetadata();
    graphql.emit(mockCommittee);
    await flushPromises();
    $(element, 'lightning-button.add-toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible in the error state', async () => {
    const element = mount();
    graphql.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
