// Tests drive wire adapters directly through their test emitters (emit, error, getLastConfig).
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from 'lwc';
import ScoringProfileEditor from 'c/scoringProfileEditor';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { NUMBER_FIELDS, WEIGHT_FIELDS } from 'c/quorumProfile';
import { PROFILE_NUMBER_FIELDS } from 'c/profileWeights';

// The English wording of the labels the summary and messages are built from.
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryUrgency',
  () => ({ default: 'A Critical request counts {0}× a Low one.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummarySide',
  () => ({ default: 'A decision maker’s request counts {0}× a user’s.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryDecay',
  () => ({ default: 'A request loses half its weight every {0} days but never below {1}%.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryBlocker',
  () => ({ default: 'A deal blocker multiplies a request by {0}.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryRevenue',
  () => ({ default: 'Revenue at stake of {1} raises a voice by {0}%.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryVoice',
  () => ({
    default: 'No account counts more than {0}; {1} ordinary accounts outrank any single account.',
  }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_SummaryQuorum',
  () => ({ default: 'Quorum at {0} accounts.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Profile_ErrorHalfLife',
  () => ({ default: 'Between {0} and {1} days.' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Profile_DefaultName', () => ({ default: 'Default' }), {
  virtual: true,
});

const mockInfo = require('./data/profileObjectInfo.json');
const mockProfile = require('./data/activeProfile.json');
const mockNoProfile = require('./data/noProfile.json');
const mockErrors = require('./data/graphqlErrors.json');

async function flush() {
  for (let i = 0; i < 6; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function createEditor(profile = mockProfile) {
  const element = createElement('c-scoring-profile-editor', { is: ScoringProfileEditor });
  document.body.appendChild(element);
  getObjectInfo.emit(mockInfo);
  graphql.emit(profile, undefined, jest.fn().mockResolvedValue());
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
// The weights and the summary are the editor's children (c-profile-weights, c-profile-summary).
const weights = (element) => $(element, 'c-profile-weights').shadowRoot;
const summary = (element) => $(element, 'c-profile-summary').shadowRoot;
const input = (element, field) =>
  weights(element).querySelector(`lightning-input[data-field="${field}"]`);
const type = async (target, value) => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
};
const summaryOf = (element) =>
  [...summary(element).querySelectorAll('.summary-lines li')].map((li) => li.textContent);

const DEFAULT_FIELDS = {
  Urgency_Critical__c: 2,
  Urgency_High__c: 1.5,
  Urgency_Medium__c: 1,
  Urgency_Low__c: 0.5,
  Source_Account_Team__c: 1,
  Source_Inside_Sales__c: 1.25,
  Source_Customer_Success__c: 1,
  Source_Support__c: 1.25,
  Source_Partner__c: 0.75,
  Side_Decision__c: 1.5,
  Side_Influence__c: 1.2,
  Side_Use__c: 1,
  Side_Unknown__c: 1,
  Influence_High__c: 1.2,
  Influence_Medium__c: 1,
  Influence_Low__c: 0.8,
  Influence_Unknown__c: 1,
  Workaround_None__c: 1,
  Workaround_Partner__c: 0.75,
  Workaround_Self_Serve__c: 0.5,
  Deal_Blocker_Factor__c: 1.5,
  Half_Life_Days__c: 730,
  Decay_Floor__c: 0.25,
  Revenue_Weight__c: 0.5,
  Reference_Revenue__c: 100000,
  Account_Voice_Cap__c: 3,
  Quorum_Size__c: 6,
};

describe('c-scoring-profile-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows every weight of the active profile with its label and help text', async () => {
    const element = await createEditor();
    const inputs = [...weights(element).querySelectorAll('lightning-input[data-field]')];
    expect(inputs.map((i) => i.dataset.field).sort()).toEqual(Object.keys(DEFAULT_FIELDS).sort());
    expect(input(element, 'Urgency_Critical__c').value).toBe(3);
    expect(input(element, 'Urgency_Critical__c').label).toBe(
      mockInfo.fields.Urgency_Critical__c.label,
    );
    expect(input(element, 'Urgency_Critical__c').fieldLevelHelp).toBe(
      mockInfo.fields.Urgency_Critical__c.inlineHelpText,
    );
    expect(input(element, 'Half_Life_Days__c').value).toBe(180);
    expect(input(element, 'Half_Life_Days__c').step).toBe('1');
    expect($(element, 'lightning-checkbox-group.statuses').value).toEqual([
      'New',
      'Under Review',
      'Planned',
    ]);
    expect($(element, 'lightning-input.name').value).toBe('FY27 weights');
  });

  it('summarises what the weights mean in plain words', async () => {
    const element = await createEditor(mockNoProfile);
    expect(summaryOf(element)).toEqual([
      'A Critical request counts 4× a Low one.',
      'A decision maker’s request counts 1.5× a user’s.',
      'A request loses half its weight every 730 days but never below 25%.',
      'A deal blocker multiplies a request by 1.5.',
      'Revenue at stake of $100,000 raises a voice by 15.1%.',
      'No account counts more than 3; 6 ordinary accounts outrank any single account.',
      'Quorum at 6 accounts.',
    ]);
    await type(input(element, 'Urgency_Low__c'), '1');
    expect(summaryOf(element)[0]).toBe('A Critical request counts 2× a Low one.');
    expect(summaryOf(element)[5]).toBe(
      'No account counts more than 3; 3 ordinary accounts outrank any single account.',
    );
  });

  it('updates the active profile with every field on save', async () => {
    const element = await createEditor();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await type(input(element, 'Urgency_Low__c'), '0.25');
    $(element, 'lightning-checkbox-group.statuses').dispatchEvent(
      new CustomEvent('change', { detail: { value: ['Planned', 'New'] } }),
    );
    await flush();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(createRecord).not.toHaveBeenCalled();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: 'a0P000000000001AAA',
        Name: 'FY27 weights',
        Description__c: 'Critical counts more this year',
        Active__c: true,
        Counted_Statuses__c: 'New;Planned',
        Role_Side_Mapping__c: '{"Influencer":"Decision"}',
        ...DEFAULT_FIELDS,
        Urgency_Critical__c: 3,
        Urgency_Low__c: 0.25,
        Half_Life_Days__c: 180,
        Decay_Floor__c: 0.2,
        Reference_Revenue__c: 250000,
        Quorum_Size__c: 5,
      },
    });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
  });

  it('creates an active profile from the defaults when none is active', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a0P000000000002AAA' });
    const element = await createEditor(mockNoProfile);
    expect(input(element, 'Quorum_Size__c').value).toBe(6);
    $(element, 'lightning-button.save').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Demand_Scoring_Profile__c',
      fields: {
        Name: 'Default',
        Description__c: '',
        Active__c: true,
        Counted_Statuses__c: 'New;Under Review;Planned',
        Role_Side_Mapping__c: '',
        ...DEFAULT_FIELDS,
      },
    });
  });

  it('edits the influence and workaround weights, within the shared ranges', async () => {
    const element = await createEditor();
    expect(input(element, 'Influence_High__c').value).toBe(1.2);
    expect(input(element, 'Workaround_Self_Serve__c').value).toBe(0.5);
    // A workaround may lower a weight, never raise it (the shared module's range is 0–1).
    await type(input(element, 'Workaround_Partner__c'), '1.2');
    const errors = [...weights(element).querySelectorAll('.field-error')];
    expect(errors.map((e) => e.dataset.field)).toEqual(['Workaround_Partner__c']);
    expect(errors[0].textContent.trim()).toBe('c.Quorum_Profile_ErrorWorkaround');
    await type(input(element, 'Workaround_Partner__c'), '0.6');
    await type(input(element, 'Influence_Low__c'), '0.7');
    $(element, 'lightning-button.save').click();
    await flush();
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Workaround_Partner__c: 0.6,
      Influence_Low__c: 0.7,
    });
  });

  it('edits every field of the shared profile module, grouped under legends above them', async () => {
    const element = await createEditor();
    const shared = [
      ...Object.values(WEIGHT_FIELDS).flatMap((byValue) => Object.values(byValue)),
      ...Object.values(NUMBER_FIELDS),
    ].sort();
    expect(PROFILE_NUMBER_FIELDS.slice().sort()).toEqual(shared);
    const legends = [...weights(element).querySelectorAll('fieldset.weight-group > legend')];
    expect(legends.map((legend) => legend.textContent)).toEqual([
      'c.Quorum_Profile_GroupUrgency',
      'c.Quorum_Profile_GroupSource',
      'c.Quorum_Profile_GroupSide',
      'c.Quorum_Profile_GroupInfluence',
      'c.Quorum_Profile_GroupWorkaround',
      'c.Quorum_Profile_GroupRequest',
      'c.Quorum_Profile_GroupVoice',
    ]);
    // SLDS's slds-form-element__legend floats the legend beside the fields: not used, so a
    // plain legend stays above its fields (the browser test measures where it is drawn).
    const allLegends = [
      ...element.shadowRoot.querySelectorAll('legend'),
      ...weights(element).querySelectorAll('legend'),
    ];
    expect(allLegends.length).toBeGreaterThan(1);
    allLegends.forEach((legend) => {
      expect(legend.classList).not.toContain('slds-form-element__legend');
    });
  });

  it('edits the role → side map as a table of roles, not JSON', async () => {
    const element = await createEditor();
    expect(element.shadowRoot.querySelector('lightning-textarea.role-mapping')).toBeNull();
    const roleSides = $(element, 'c-profile-role-sides');
    expect(roleSides.overrides).toEqual({ Influencer: 'Decision' });
    roleSides.dispatchEvent(
      new CustomEvent('change', {
        detail: { overrides: { Influencer: 'Decision', 'End User': 'Influence' } },
      }),
    );
    await flush();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(JSON.parse(updateRecord.mock.calls[0][0].fields.Role_Side_Mapping__c)).toEqual({
      Influencer: 'Decision',
      'End User': 'Influence',
    });
    roleSides.dispatchEvent(new CustomEvent('change', { detail: { overrides: {} } }));
    await flush();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(updateRecord.mock.calls[1][0].fields.Role_Side_Mapping__c).toBe('');
  });

  it('says when the stored role map cannot be read, and starts from the built-in sides', async () => {
    const broken = JSON.parse(JSON.stringify(mockProfile));
    broken.uiapi.query.Demand_Scoring_Profile__c.edges[0].node.Role_Side_Mapping__c = {
      value: '{"Influencer":',
    };
    const element = await createEditor(broken);
    expect($(element, '.role-mapping-error').textContent.trim()).toBe('c.Quorum_Profile_ErrorJson');
    expect($(element, 'c-profile-role-sides').overrides).toEqual({});
  });

  it.each([
    ['Urgency_High__c', '11'],
    ['Source_Partner__c', '-1'],
    ['Half_Life_Days__c', '0'],
    ['Half_Life_Days__c', '3651'],
    ['Decay_Floor__c', '1.5'],
    ['Account_Voice_Cap__c', '0.5'],
    ['Quorum_Size__c', '1001'],
    ['Quorum_Size__c', '2.5'],
    ['Reference_Revenue__c', '0'],
    ['Revenue_Weight__c', ''],
  ])('rejects %s = "%s", does not save, and puts the user on the field', async (field, value) => {
    const element = await createEditor();
    await type(input(element, field), value);
    const errors = [...weights(element).querySelectorAll('.field-error')];
    expect(errors.map((e) => e.dataset.field)).toEqual([field]);
    expect(summary(element).querySelector('.summary-blocked')).not.toBeNull();
    const focus = jest.spyOn(input(element, field), 'focus');
    $(element, 'lightning-button.save').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect($(element, '.save-error')).not.toBeNull();
    // The message sits by Save; the field can be a screen above it.
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('phrases the half-life range', async () => {
    const element = await createEditor();
    await type(input(element, 'Half_Life_Days__c'), '0');
    expect(weights(element).querySelector('.field-error').textContent.trim()).toBe(
      'Between 1 and 3650 days.',
    );
  });

  it('checks the counted statuses and never offers Delivered', async () => {
    const element = await createEditor();
    const statuses = $(element, 'lightning-checkbox-group.statuses');
    expect(statuses.options.map((o) => o.value)).toEqual([
      'New',
      'Under Review',
      'Planned',
      'Declined',
    ]);
    statuses.dispatchEvent(new CustomEvent('change', { detail: { value: [] } }));
    await flush();
    expect($(element, '.statuses-error')).not.toBeNull();
    $(element, 'lightning-button.save').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('toasts the reason when saving fails', async () => {
    updateRecord.mockRejectedValueOnce({
      body: {
        output: {
          errors: [],
          fieldErrors: { Quorum_Size__c: [{ message: 'Quorum: number too large' }] },
        },
      },
      status: 400,
    });
    const element = await createEditor();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    $(element, 'lightning-button.save').click();
    await flush();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'Quorum: number too large',
    });
  });

  it('shows the error panel when the profile cannot be read', async () => {
    const element = createElement('c-scoring-profile-editor', { is: ScoringProfileEditor });
    document.body.appendChild(element);
    graphql.emitErrors(mockErrors);
    await flush();
    expect($(element, 'c-error-panel').errors).toEqual(mockErrors);
  });

  it('is accessible', async () => {
    const element = await createEditor();
    await expect(element).toBeAccessible();
  });
});
