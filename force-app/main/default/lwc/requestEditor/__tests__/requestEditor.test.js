// Tests drive the wire adapters' test doubles (emit/getLastConfig) outside @wire.
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from '@lwc/engine-dom';
import RequestEditor from 'c/requestEditor';
import { graphql, gql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { SEARCH_DELAY_MS, todayIso } from '../themeSearch';

// gql records every query text and every interpolated value it is given, and returns the
// text, so the tests can prove the user's search text never reaches a query string.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return {
    ...actual,
    gql: jest.fn((strings, ...values) =>
      strings.reduce((text, part, i) => text + values[i - 1] + part),
    ),
  };
});

jest.mock(
  '@salesforce/label/c.Quorum_Requests_ThemeSuggested',
  () => ({ default: 'Quorum suggests {0}.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_ThemeUseSuggestion',
  () => ({ default: 'Use {0}' }),
  {
    virtual: true,
  },
);

const mockObjectInfo = require('./data/objectInfo.json');
const mockUrgency = require('./data/urgencyPicklist.json');
const mockSource = require('./data/sourcePicklist.json');
const mockWorkaround = require('./data/workaroundPicklist.json');
const mockStatus = require('./data/statusPicklist.json');
const mockThemes = require('./data/themes.json');
const mockThemesEmpty = require('./data/themesEmpty.json');

// Captured before any test clears mocks: the query texts the module built at import.
const queryTexts = gql.mock.calls.map(([strings, ...values]) => ({
  strings: [...strings],
  values,
}));

const ACCOUNT_ID = '0015g00000Acc01AAA';
const OPPORTUNITY_ID = '0065g00000AbCdEAAV';
const REQUESTERS = [
  { label: 'Ana Ruiz (Decision Maker)', value: '0035g00000Ana01AAA' },
  { label: 'Ben Okafor (Technical Evaluator)', value: '0035g00000Ben02AAA' },
];

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const field = (element, apiName) => $(element, `[data-field="${apiName}"]`);
const themeSearch = (config) =>
  Boolean(config && config.query && config.query.includes('query themeSearch('));

async function mount(props) {
  const element = createElement('c-request-editor', { is: RequestEditor });
  Object.assign(element, props);
  const closed = jest.fn();
  element.addEventListener('modalclose', closed);
  document.body.appendChild(element);
  await flushPromises();
  getObjectInfo.emit(mockObjectInfo);
  await flushPromises();
  const byField = (name) => (config) =>
    Boolean(config && config.fieldApiName && config.fieldApiName.fieldApiName === name);
  getPicklistValues.emit(mockUrgency, byField('Urgency__c'));
  getPicklistValues.emit(mockSource, byField('Source__c'));
  getPicklistValues.emit(mockWorkaround, byField('Workaround__c'));
  getPicklistValues.emit(mockStatus, byField('Status__c'));
  await flushPromises();
  return { element, closed };
}

const mountNew = () =>
  mount({
    accountId: ACCOUNT_ID,
    opportunityId: OPPORTUNITY_ID,
    defaultAmount: 250000,
    requesterOptions: REQUESTERS,
  });

function change(element, apiName, value) {
  field(element, apiName).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function check(element, apiName, checked) {
  const input = field(element, apiName);
  input.checked = checked;
  input.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
}

const searchPause = () => new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 20));

/** Types into the theme search and pauses, so the debounced search runs. */
async function typeThemeSearch(element, text) {
  $(element, '.theme-search').dispatchEvent(new CustomEvent('change', { detail: { value: text } }));
  await searchPause();
}

async function save(element) {
  $(element, 'lightning-button.save').click();
  await flushPromises();
}

describe('c-request-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    createRecord.mockReset();
    createRecord.mockResolvedValue({});
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
  });

  it('starts a new request with the opportunity amount, the account team as source and the committee', async () => {
    const { element } = await mountNew();
    expect($(element, 'lightning-modal-header').label).toBe('c.Quorum_Requests_NewTitle');
    expect(field(element, 'Revenue_At_Stake__c').value).toBe(250000);
    expect(field(element, 'Source__c').value).toBe('Account Team');
    expect(field(element, 'Source__c').options.map((o) => o.value)).toEqual([
      'Account Team',
      'Inside Sales',
      'Customer Success',
      'Support',
      'Partner',
    ]);
    expect(field(element, 'Requested_By__c').options).toEqual([
      { label: 'c.Quorum_Requests_NotSpecified', value: '' },
      ...REQUESTERS,
    ]);
    expect(field(element, 'Status__c')).toBeNull();
  });

  it('passes the theme search text only as a GraphQL variable', async () => {
    const { element } = await mountNew();
    const typed = "SSO 50%_'} }) { Id } #";
    await typeThemeSearch(element, typed);

    const configs = [];
    graphql.emit(mockThemesEmpty, (config) => {
      configs.push(config);
      return false;
    });
    const searchConfig = configs.find(themeSearch);
    // The text arrives as the $pattern variable, with LIKE wildcards escaped...
    expect(searchConfig.variables).toEqual({ pattern: "%SSO 50\\%\\_'} }) { Id } #%" });
    // ...while the query is the constant text with a $pattern placeholder,
    expect(searchConfig.query).toContain('like: $pattern');
    expect(searchConfig.query).not.toContain('SSO');
    // and no query text was ever built from an interpolated value.
    expect(queryTexts.length).toBeGreaterThan(0);
    queryTexts.forEach(({ values }) => expect(values).toEqual([]));
    expect(gql.mock.calls.every(([strings]) => !strings.join('').includes('SSO'))).toBe(true);
  });

  it('searches once the user pauses typing, not on every keystroke', async () => {
    const { element } = await mountNew();
    const searched = () => {
      const patterns = [];
      graphql.emit(mockThemesEmpty, (config) => {
        if (themeSearch(config)) {
          patterns.push(config.variables.pattern);
        }
        return false;
      });
      return patterns;
    };
    ['S', 'SS', 'SSO', 'SSO ', 'SSO s'].forEach((text) =>
      $(element, '.theme-search').dispatchEvent(
        new CustomEvent('change', { detail: { value: text } }),
      ),
    );
    await flushPromises();
    // Typed, but not yet paused: no query at all, and the box shows what was typed.
    expect(searched()).toEqual([]);
    expect($(element, '.theme-search').value).toBe('SSO s');
    await searchPause();
    // One query, for the last text only.
    expect(searched()).toEqual(['%SSO s%']);
  });

  it('defaults "asked on" to today for a new request and keeps an edited date', async () => {
    const { element } = await mountNew();
    expect(field(element, 'Asked_On__c').value).toBe(todayIso());
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
    createRecord.mockResolvedValue({ id: 'a025g00000Req11AAA' });
    change(element, 'Name', 'Old ask, logged late');
    change(element, 'Urgency__c', 'Low');
    change(element, 'Asked_On__c', '2026-03-02');
    await flushPromises();
    await save(element);
    expect(createRecord.mock.calls[0][0].fields.Asked_On__c).toBe('2026-03-02');
  });

  it('does not search for fewer than two characters', async () => {
    const { element } = await mountNew();
    await typeThemeSearch(element, 'S');
    const configs = [];
    graphql.emit(mockThemes, (config) => {
      configs.push(config);
      return false;
    });
    expect(configs.some(themeSearch)).toBe(false);
    expect($(element, '.theme-results')).toBeNull();
  });

  it('offers matching themes, and says when none matches', async () => {
    const { element } = await mountNew();
    await typeThemeSearch(element, 'SSO');
    graphql.emit(mockThemes, themeSearch);
    await flushPromises();
    expect($$(element, '.theme-option').map((b) => b.textContent.trim())).toEqual([
      'Single sign-on (SAML/OIDC)',
      'SSO session timeout policy',
    ]);

    await typeThemeSearch(element, 'kanban');
    graphql.emit(mockThemesEmpty, themeSearch);
    await flushPromises();
    expect($(element, '.theme-results')).toBeNull();
    expect($(element, '.theme-no-match').textContent.trim()).toBe('c.Quorum_Requests_ThemeNoMatch');
  });

  it('creates the request with exactly the values entered, including the chosen theme', async () => {
    createRecord.mockResolvedValue({ id: 'a025g00000Req09AAA' });
    const { element, closed } = await mountNew();
    change(element, 'Name', '  SCIM provisioning for Okta  ');
    change(element, 'Description__c', 'Provision and deprovision 4,000 agents automatically.');
    await typeThemeSearch(element, 'sso');
    graphql.emit(mockThemes, themeSearch);
    await flushPromises();
    $(element, '.theme-option').click();
    await flushPromises();
    expect($(element, '.theme-pill').label).toBe('Single sign-on (SAML/OIDC)');

    change(element, 'Urgency__c', 'High');
    change(element, 'Needed_By__c', '2027-01-31');
    change(element, 'Revenue_At_Stake__c', '180000');
    check(element, 'Deal_Blocker__c', true);
    change(element, 'Requested_By__c', '0035g00000Ben02AAA');
    change(element, 'Source__c', 'Inside Sales');
    change(element, 'Workaround__c', 'Partner Can Deliver');
    await flushPromises();
    await save(element);

    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Escalated_Request__c',
      fields: {
        Name: 'SCIM provisioning for Okta',
        Description__c: 'Provision and deprovision 4,000 agents automatically.',
        Theme__c: 'a035g00000Thm01AAA',
        Urgency__c: 'High',
        Needed_By__c: '2027-01-31',
        Asked_On__c: todayIso(),
        Revenue_At_Stake__c: 180000,
        Deal_Blocker__c: true,
        Requested_By__c: '0035g00000Ben02AAA',
        Source__c: 'Inside Sales',
        Workaround__c: 'Partner Can Deliver',
        Account__c: ACCOUNT_ID,
        Opportunity__c: OPPORTUNITY_ID,
      },
    });
    expect(closed.mock.calls[0][0].detail).toEqual({
      id: 'a025g00000Req09AAA',
      name: 'SCIM provisioning for Okta',
      created: true,
    });
  });

  it('leaves the theme blank when none is chosen, and defaults the rest', async () => {
    createRecord.mockResolvedValue({ id: 'a025g00000Req10AAA' });
    const { element } = await mount({ accountId: ACCOUNT_ID, requesterOptions: [] });
    change(element, 'Name', 'Bulk export');
    change(element, 'Urgency__c', 'Low');
    await flushPromises();
    await save(element);
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Escalated_Request__c',
      fields: {
        Name: 'Bulk export',
        Description__c: null,
        Theme__c: null,
        Urgency__c: 'Low',
        Needed_By__c: null,
        Asked_On__c: todayIso(),
        Revenue_At_Stake__c: null,
        Deal_Blocker__c: false,
        Requested_By__c: null,
        Source__c: 'Account Team',
        Workaround__c: null,
        Account__c: ACCOUNT_ID,
        Opportunity__c: null,
      },
    });
  });

  it('updates an existing request, status included, and can clear its theme', async () => {
    const { element, closed } = await mount({
      accountId: ACCOUNT_ID,
      recordId: 'a025g00000Req02AAA',
      themeName: 'Audit log export',
      requesterOptions: REQUESTERS,
      values: {
        Name: 'Export audit logs to Splunk',
        Description__c: null,
        Status__c: 'New',
        Urgency__c: 'High',
        Needed_By__c: null,
        Asked_On__c: '2026-10-02',
        Theme__c: 'a035g00000Thm02AAA',
        Requested_By__c: null,
        Revenue_At_Stake__c: 40000,
        Deal_Blocker__c: false,
        Source__c: 'Support',
        Workaround__c: 'Customer Can Self-Serve',
      },
    });
    expect($(element, 'lightning-modal-header').label).toBe('c.Quorum_Requests_EditTitle');
    expect($(element, '.theme-pill').label).toBe('Audit log export');
    expect(field(element, 'Name').value).toBe('Export audit logs to Splunk');

    $(element, '.theme-pill').dispatchEvent(new CustomEvent('remove'));
    change(element, 'Status__c', 'Under Review');
    await flushPromises();
    await save(element);

    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: 'a025g00000Req02AAA',
        Name: 'Export audit logs to Splunk',
        Description__c: null,
        Theme__c: null,
        Urgency__c: 'High',
        Needed_By__c: null,
        Asked_On__c: '2026-10-02',
        Revenue_At_Stake__c: 40000,
        Deal_Blocker__c: false,
        Requested_By__c: null,
        Source__c: 'Support',
        Workaround__c: 'Customer Can Self-Serve',
        Status__c: 'Under Review',
      },
    });
    expect(createRecord).not.toHaveBeenCalled();
    expect(closed.mock.calls[0][0].detail).toEqual({
      id: 'a025g00000Req02AAA',
      name: 'Export audit logs to Splunk',
      created: false,
    });
  });

  it("offers Quorum's suggested theme on an unthemed request, and saves it when taken", async () => {
    const { element } = await mount({
      accountId: ACCOUNT_ID,
      recordId: 'a025g00000Req03AAA',
      requesterOptions: REQUESTERS,
      suggestedTheme: { id: 'a035g00000Thm03AAA', name: 'EU data residency' },
      values: {
        Name: 'Data must stay in the EU',
        Description__c: null,
        Status__c: 'New',
        Urgency__c: 'Low',
        Needed_By__c: null,
        Asked_On__c: '2026-09-01',
        Theme__c: null,
        Requested_By__c: null,
        Revenue_At_Stake__c: null,
        Deal_Blocker__c: false,
        Source__c: 'Inside Sales',
        Workaround__c: 'None',
      },
    });
    // The account team saw "Suggested: EU data residency" on the tile; the editor showed an
    // empty theme search with no way to take it but to search for it by name.
    expect($(element, '.theme-suggestion').textContent).toContain(
      'Quorum suggests EU data residency.',
    );
    const use = $(element, 'button.use-suggestion');
    expect(use.textContent.trim()).toBe('Use EU data residency');

    use.click();
    await flushPromises();
    expect($(element, '.theme-pill').label).toBe('EU data residency');
    expect($(element, '.theme-suggestion')).toBeNull();
    // Focus goes to the chosen theme, not lost with the button that disappeared.
    expect(element.shadowRoot.activeElement).toBe($(element, '.theme-chosen'));

    await save(element);
    expect(updateRecord.mock.calls[0][0].fields.Theme__c).toBe('a035g00000Thm03AAA');
  });

  it('offers no suggestion once the request has a theme, and again after it is removed', async () => {
    const { element } = await mount({
      accountId: ACCOUNT_ID,
      recordId: 'a025g00000Req02AAA',
      themeName: 'Audit log export',
      requesterOptions: REQUESTERS,
      suggestedTheme: { id: 'a035g00000Thm03AAA', name: 'EU data residency' },
      values: { Name: 'Export audit logs to Splunk', Theme__c: 'a035g00000Thm02AAA' },
    });
    expect($(element, '.theme-suggestion')).toBeNull();
    $(element, '.theme-pill').dispatchEvent(new CustomEvent('remove'));
    await flushPromises();
    expect($(element, 'button.use-suggestion')).not.toBeNull();
  });

  it("puts the server's field-level errors on the fields and stays open", async () => {
    createRecord.mockRejectedValue({
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [],
          fieldErrors: {
            Needed_By__c: [
              {
                errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                field: 'Needed_By__c',
                fieldLabel: 'Needed By',
                message: 'Needed by must be today or later.',
              },
            ],
          },
        },
      },
    });
    const { element, closed } = await mountNew();
    const neededBy = field(element, 'Needed_By__c');
    const setCustomValidity = jest.spyOn(neededBy, 'setCustomValidity');
    change(element, 'Name', 'Old date');
    change(element, 'Urgency__c', 'Medium');
    change(element, 'Needed_By__c', '2020-01-01');
    await flushPromises();
    setCustomValidity.mockClear();
    await save(element);

    expect(setCustomValidity).toHaveBeenCalledWith('Needed by must be today or later.');
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Quorum_Requests_FixErrors');
    expect(closed).not.toHaveBeenCalled();

    // Changing the field clears its server error
    change(element, 'Needed_By__c', '2027-01-01');
    expect(setCustomValidity).toHaveBeenLastCalledWith('');
  });

  it('shows record-level server errors in the panel', async () => {
    createRecord.mockRejectedValue({
      body: {
        output: {
          errors: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'You cannot create requests.' }],
          fieldErrors: {},
        },
      },
    });
    const { element } = await mountNew();
    change(element, 'Name', 'Anything');
    await save(element);
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Quorum_Common_SaveFailed');
    expect(panel.errors.body.output.errors[0].message).toBe('You cannot create requests.');
  });

  it('does not save while a field is invalid', async () => {
    const { element } = await mountNew();
    jest.spyOn(field(element, 'Name'), 'reportValidity').mockReturnValue(false);
    await save(element);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('closes with nothing on cancel', async () => {
    const { element, closed } = await mountNew();
    $(element, 'lightning-button.cancel').click();
    // close() without a result: the opener receives nothing (a DOM event carries null)
    expect(closed.mock.calls[0][0].detail).toBeNull();
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('is accessible, with theme results and with errors', async () => {
    createRecord.mockRejectedValue({ body: { message: 'Server unavailable' } });
    const { element } = await mountNew();
    await typeThemeSearch(element, 'sso');
    graphql.emit(mockThemes, themeSearch);
    await flushPromises();
    await expect(element).toBeAccessible();
    await save(element);
    await expect(element).toBeAccessible();
  });
});
