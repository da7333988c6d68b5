// Tests drive the wire adapters' test doubles (emit/getLastConfig) outside @wire.
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import { createElement } from '@lwc/engine-dom';
import EscalatedRequests from 'c/escalatedRequests';
import RequestEditor from 'c/requestEditor';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';

// gql returns its text here, so a test can tell the wired queries apart and read them.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});
jest.mock(
  '@salesforce/label/c.Quorum_Requests_Signal',
  () => ({ default: 'Asked by {0} accounts in {1}, rank {2}, score {3}' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_SignalOne',
  () => ({ default: 'Asked by 1 account in {1}, rank {2}, score {3}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_SignalUnranked',
  () => ({ default: 'Asked again by {0} accounts in {1} (not ranked), score {3}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_SignalUnrankedOne',
  () => ({ default: 'Asked again by 1 account in {1} (not ranked), score {3}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_RequesterWithRole',
  () => ({ default: '{0} ({1})' }),
  {
    virtual: true,
  },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_Created',
  () => ({ default: 'Request "{0}" logged.' }),
  { virtual: true },
);

const mockRequests = require('./data/requests.json');
const mockRequestsEmpty = require('./data/requestsEmpty.json');
const mockScores = require('./data/scores.json');
const mockCommittee = require('./data/committee.json');
const mockOpportunity = require('./data/opportunity.json');

const OPPORTUNITY_ID = '0065g00000AbCdEAAV';
const ACCOUNT_ID = '0015g00000Acc01AAA';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const queryNamed = (name) => (config) =>
  Boolean(config && config.query && config.query.includes(`query ${name}(`));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

async function mountOnOpportunity() {
  const element = createElement('c-escalated-requests', { is: EscalatedRequests });
  element.recordId = OPPORTUNITY_ID;
  element.objectApiName = 'Opportunity';
  document.body.appendChild(element);
  await flushPromises();
  getRecord.emit(mockOpportunity);
  await flushPromises();
  return element;
}

async function mountOnAccount() {
  const element = createElement('c-escalated-requests', { is: EscalatedRequests });
  element.recordId = ACCOUNT_ID;
  element.objectApiName = 'Account';
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emitAll(refresh) {
  graphql.emit(mockRequests, queryNamed('accountRequests'), refresh);
  await flushPromises();
  graphql.emit(mockScores, queryNamed('themeSignals'));
  await flushPromises();
}

const groupNames = (element, key) =>
  [...element.shadowRoot.querySelectorAll(`section[data-group="${key}"] c-request-item`)].map(
    (item) => item.request.name,
  );

describe('c-escalated-requests', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it("asks for the opportunity's account requests through variables", async () => {
    await mountOnOpportunity();
    const configs = [];
    graphql.emit(mockRequestsEmpty, (config) => {
      configs.push(config);
      return false;
    });
    const requestsConfig = configs.find(queryNamed('accountRequests'));
    expect(requestsConfig.variables).toEqual({ accountId: ACCOUNT_ID });
    expect(requestsConfig.query).not.toContain(ACCOUNT_ID);
    expect(getRecord.getLastConfig().recordId).toBe(OPPORTUNITY_ID);
  });

  it("lists the opportunity's requests first, then the rest of the account's", async () => {
    const element = await mountOnOpportunity();
    await emitAll();
    expect(groupNames(element, 'current')).toEqual([
      'SSO with Okta for 4,000 agents',
      'EU data residency for the Frankfurt team',
    ]);
    expect(groupNames(element, 'others')).toEqual([
      'Export audit logs to Splunk',
      '数据必须存放在欧盟境内',
      'Hardware security keys (FIDO2) for admins',
    ]);
    const headings = $$(element, 'section.group h3').map((h) => h.textContent);
    expect(headings).toEqual([
      'c.Quorum_Requests_ThisOpportunity',
      'c.Quorum_Requests_OtherRequests',
    ]);
  });

  it('shows status, urgency, needed-by and theme of each request', async () => {
    const element = await mountOnOpportunity();
    await emitAll();
    const first = $(element, 'c-request-item').request;
    expect(first).toMatchObject({
      name: 'SSO with Okta for 4,000 agents',
      status: 'Under Review',
      urgencyLabel: 'Critical',
      neededBy: '2026-12-15',
      themeName: 'Single sign-on (SAML/OIDC)',
      dealBlocker: true,
    });
  });

  it("shows the segment's cross-account signal, falling back to the all-accounts row", async () => {
    const element = await mountOnOpportunity();
    await emitAll();
    const byName = Object.fromEntries(
      $$(element, 'c-request-item').map((item) => [item.request.name, item.request]),
    );
    expect(byName['SSO with Okta for 4,000 agents']).toMatchObject({
      signalText: 'Asked by 7 accounts in EMEA Banks, rank 1, score 12.35',
      signalBadge: 'c.Quorum_Requests_Pattern',
      signalKind: 'pattern',
    });
    // Its theme is Delivered: no rank, said as asked again.
    expect(byName['Export audit logs to Splunk']).toMatchObject({
      signalText:
        'Asked again by 1 account in c.Quorum_Requests_AllAccounts (not ranked), score 1.80',
      signalBadge: 'c.Quorum_Requests_Closed',
      signalKind: 'closed',
    });
    // Themed but not scored yet
    expect(byName['EU data residency for the Frankfurt team'].signalText).toBe(
      'c.Quorum_Requests_NoSignal',
    );
    // Unthemed: no signal at all
    expect(byName['数据必须存放在欧盟境内'].signalText).toBeNull();
  });

  it('asks for signals of the listed themes and segments only, as variables', async () => {
    await mountOnOpportunity();
    graphql.emit(mockRequests, queryNamed('accountRequests'));
    await flushPromises();
    const configs = [];
    graphql.emit(mockScores, (config) => {
      configs.push(config);
      return false;
    });
    const signalsConfig = configs.find(queryNamed('themeSignals'));
    expect(signalsConfig.variables).toEqual({
      themeIds: ['a035g00000Thm01AAA', 'a035g00000Thm02AAA', 'a035g00000Thm03AAA'],
      segmentIds: ['a045g00000Seg01AAA'],
    });
  });

  it('lists every request in one list on an account page', async () => {
    const element = await mountOnAccount();
    await emitAll();
    expect(groupNames(element, 'all')).toHaveLength(5);
    expect($(element, 'section[data-group="current"]')).toBeNull();
    expect($(element, 'section.group h3')).toBeNull();
  });

  it('shows a spinner, then the empty state', async () => {
    const element = await mountOnAccount();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    graphql.emit(mockRequestsEmpty, queryNamed('accountRequests'));
    await flushPromises();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, '.empty').textContent).toBe('c.Quorum_Requests_Empty');
    expect($(element, 'c-request-item')).toBeNull();
  });

  it('shows the error panel when the requests cannot be read', async () => {
    const element = await mountOnAccount();
    graphql.emitErrors([{ message: 'No such column Urgency__c' }], queryNamed('accountRequests'));
    await flushPromises();
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Quorum_Requests_LoadError');
    expect(panel.errors).toEqual([{ message: 'No such column Urgency__c' }]);
  });

  it('opens the editor for a new request with the account, opportunity, amount and committee', async () => {
    RequestEditor.open = jest
      .fn()
      .mockResolvedValue({ id: 'a025g00000Req09AAA', name: 'SCIM provisioning', created: true });
    const element = await mountOnOpportunity();
    const refresh = jest.fn().mockResolvedValue();
    await emitAll(refresh);
    graphql.emit(mockCommittee, queryNamed('committeeMembers'));
    await flushPromises();
    const toasts = jest.fn();
    element.addEventListener('lightning__showtoast', toasts);

    $(element, 'lightning-button.new-request').click();
    await flushPromises();

    expect(RequestEditor.open).toHaveBeenCalledWith({
      size: 'medium',
      label: 'c.Quorum_Requests_NewTitle',
      description: 'c.Quorum_Requests_NewTitle',
      accountId: ACCOUNT_ID,
      opportunityId: OPPORTUNITY_ID,
      defaultAmount: 250000,
      requesterOptions: [
        { label: 'Ana Ruiz (Decision Maker)', value: '0035g00000Ana01AAA' },
        { label: 'Ben Okafor (Technical Evaluator)', value: '0035g00000Ben02AAA' },
        { label: 'Gus Weber', value: '0035g00000Gus08AAA' },
      ],
      recordId: undefined,
      values: undefined,
      themeName: undefined,
    });
    expect(toasts.mock.calls[0][0].detail).toMatchObject({
      variant: 'success',
      message: 'Request "SCIM provisioning" logged.',
    });
    expect(refresh).toHaveBeenCalled();
  });

  it('opens the editor on an existing request with its values', async () => {
    RequestEditor.open = jest.fn().mockResolvedValue(undefined);
    const element = await mountOnOpportunity();
    const refresh = jest.fn();
    await emitAll(refresh);
    const item = $$(element, 'c-request-item').find(
      (i) => i.request.name === 'Export audit logs to Splunk',
    );
    item.dispatchEvent(new CustomEvent('edit', { detail: { id: 'a025g00000Req02AAA' } }));
    await flushPromises();
    const args = RequestEditor.open.mock.calls[0][0];
    expect(args).toMatchObject({
      label: 'c.Quorum_Requests_EditTitle',
      recordId: 'a025g00000Req02AAA',
      themeName: 'Audit log export',
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
    // Cancelled: nothing to refresh
    expect(refresh).not.toHaveBeenCalled();
  });

  it("passes Quorum's suggested theme to the editor while the request has no theme", async () => {
    RequestEditor.open = jest.fn().mockResolvedValue(undefined);
    const element = await mountOnAccount();
    await emitAll();
    const edit = async (id) => {
      const item = $$(element, 'c-request-item').find((i) => i.request.id === id);
      item.dispatchEvent(new CustomEvent('edit', { detail: { id } }));
      await flushPromises();
      return RequestEditor.open.mock.calls.at(-1)[0];
    };
    // Unthemed, matched by Quorum to EU data residency.
    expect((await edit('a025g00000Req03AAA')).suggestedTheme).toEqual({
      id: 'a035g00000Thm03AAA',
      name: 'EU data residency',
    });
    // Themed by a person: their choice stands, nothing to suggest.
    expect((await edit('a025g00000Req01AAA')).suggestedTheme).toBeUndefined();
  });

  it('still offers the requester of an edited request who is not on the committee', async () => {
    RequestEditor.open = jest.fn().mockResolvedValue(undefined);
    const element = await mountOnOpportunity();
    // Zoe Lam asked for the Splunk export but is on no committee of this account (she left it).
    const requests = JSON.parse(JSON.stringify(mockRequests));
    const node = requests.uiapi.query.Escalated_Request__c.edges.find(
      (edge) => edge.node.Id === 'a025g00000Req02AAA',
    ).node;
    node.Requested_By__c = { value: '0035g00000Zoe09AAA' };
    node.Requested_By__r = { Name: { value: 'Zoe Lam' } };
    graphql.emit(requests, queryNamed('accountRequests'));
    await flushPromises();
    graphql.emit(mockCommittee, queryNamed('committeeMembers'));
    await flushPromises();
    const editRequest = async (id) => {
      const item = $$(element, 'c-request-item').find((i) => i.request.id === id);
      item.dispatchEvent(new CustomEvent('edit', { detail: { id } }));
      await flushPromises();
      return RequestEditor.open.mock.calls.at(-1)[0];
    };

    const args = await editRequest('a025g00000Req02AAA');
    expect(args.values.Requested_By__c).toBe('0035g00000Zoe09AAA');
    expect(args.requesterOptions).toEqual([
      { label: 'Ana Ruiz (Decision Maker)', value: '0035g00000Ana01AAA' },
      { label: 'Ben Okafor (Technical Evaluator)', value: '0035g00000Ben02AAA' },
      { label: 'Gus Weber', value: '0035g00000Gus08AAA' },
      { label: 'Zoe Lam', value: '0035g00000Zoe09AAA' },
    ]);
    // A requester on the committee is offered once, with the role.
    const onCommittee = await editRequest('a025g00000Req01AAA');
    expect(onCommittee.requesterOptions.map((o) => o.value)).toEqual([
      '0035g00000Ana01AAA',
      '0035g00000Ben02AAA',
      '0035g00000Gus08AAA',
    ]);
  });

  it('offers the committees of all the account opportunities on an account page, once per person', async () => {
    RequestEditor.open = jest.fn().mockResolvedValue(undefined);
    const element = await mountOnAccount();
    await emitAll();
    const configs = [];
    graphql.emit(mockCommittee, (config) => {
      configs.push(config);
      return queryNamed('committeeMembers')(config);
    });
    await flushPromises();
    expect(configs.find(queryNamed('committeeMembers')).variables).toEqual({
      where: { Opportunity__r: { AccountId: { eq: ACCOUNT_ID } } },
    });
    $(element, 'lightning-button.new-request').click();
    await flushPromises();
    const args = RequestEditor.open.mock.calls[0][0];
    expect(args.opportunityId).toBeUndefined();
    expect(args.defaultAmount).toBeNull();
    expect(args.requesterOptions.map((o) => o.value)).toEqual([
      '0035g00000Ana01AAA',
      '0035g00000Ben02AAA',
      '0035g00000Gus08AAA',
    ]);
  });

  it("reads the opportunity's committee with a filter passed as a variable", async () => {
    await mountOnOpportunity();
    const configs = [];
    graphql.emit(mockCommittee, (config) => {
      configs.push(config);
      return false;
    });
    const committee = configs.find(queryNamed('committeeMembers'));
    expect(committee.variables).toEqual({
      where: { Opportunity__c: { eq: OPPORTUNITY_ID } },
    });
    expect(committee.query).not.toContain(OPPORTUNITY_ID);
  });

  it('stops loading and shows the error when the opportunity cannot be read', async () => {
    const element = createElement('c-escalated-requests', { is: EscalatedRequests });
    element.recordId = OPPORTUNITY_ID;
    element.objectApiName = 'Opportunity';
    document.body.appendChild(element);
    await flushPromises();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    getRecord.error({ message: 'Insufficient access' });
    await flushPromises();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.Quorum_Requests_LoadError');
    expect($(element, 'lightning-button.new-request').disabled).toBe(true);
  });

  it('stops loading and says so when the opportunity has no account', async () => {
    const element = createElement('c-escalated-requests', { is: EscalatedRequests });
    element.recordId = OPPORTUNITY_ID;
    element.objectApiName = 'Opportunity';
    document.body.appendChild(element);
    await flushPromises();
    getRecord.emit({
      ...mockOpportunity,
      fields: { ...mockOpportunity.fields, AccountId: { value: null, displayValue: null } },
    });
    await flushPromises();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, '.no-account').textContent).toBe('c.Quorum_Requests_NoAccount');
    expect($(element, 'lightning-button.new-request').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('gives the tile the requester, revenue, asked-on date, reason and a delivered theme', async () => {
    const element = await mountOnOpportunity();
    await emitAll();
    const byName = Object.fromEntries(
      $$(element, 'c-request-item').map((item) => [item.request.name, item.request]),
    );
    expect(byName['SSO with Okta for 4,000 agents']).toMatchObject({
      requesterName: 'Ben Okafor',
      revenue: 250000,
      askedOn: '2026-11-18',
      alreadyDelivered: false,
    });
    expect(byName['Export audit logs to Splunk']).toMatchObject({
      themeStatus: 'Delivered',
      alreadyDelivered: true,
    });
    expect(byName['数据必须存放在欧盟境内'].suggestionReason).toBe(
      'shares: EU, 数据 with 3 requests',
    );
  });

  it('tells the account team when Quorum matched a request to a Delivered or Declined theme', async () => {
    const element = await mountOnAccount();
    await emitAll();
    const byName = Object.fromEntries(
      $$(element, 'c-request-item').map((item) => [item.request.name, item.request]),
    );
    expect(byName['Hardware security keys (FIDO2) for admins']).toMatchObject({
      themeName: null,
      suggestedThemeName: 'Multi-factor authentication',
      matchedDelivered: true,
      matchedDeclined: false,
      alreadyDelivered: false,
    });
    // A match to an open theme is no news.
    expect(byName['数据必须存放在欧盟境内']).toMatchObject({
      matchedDelivered: false,
      matchedDeclined: false,
    });
  });

  it('maps a match to a Declined theme, and none once a person chose a theme or answered it', async () => {
    const element = await mountOnAccount();
    const data = JSON.parse(JSON.stringify(mockRequests));
    const edges = data.uiapi.query.Escalated_Request__c.edges;
    const matched = edges.find(({ node }) => node.Id === 'a025g00000Req05AAA').node;
    const declined = { ...matched, Id: 'a025g00000Req06AAA', Name: { value: 'Declined match' } };
    declined.Suggested_Theme__r = {
      Name: { value: 'Microsoft Teams integration' },
      Status__c: { value: 'Declined' },
    };
    const chosen = { ...matched, Id: 'a025g00000Req07AAA', Name: { value: 'Person chose' } };
    chosen.Theme__c = { value: 'a035g00000Thm01AAA' };
    chosen.Theme__r = { Name: { value: 'Single sign-on' }, Status__c: { value: 'Open' } };
    const answered = { ...matched, Id: 'a025g00000Req08AAA', Name: { value: 'Answered' } };
    answered.Status__c = { value: 'Delivered', displayValue: 'Delivered' };
    edges.push({ node: declined }, { node: chosen }, { node: answered });
    graphql.emit(data, queryNamed('accountRequests'));
    await flushPromises();
    const byName = Object.fromEntries(
      $$(element, 'c-request-item').map((item) => [item.request.name, item.request]),
    );
    expect(byName['Declined match']).toMatchObject({
      matchedDeclined: true,
      matchedDelivered: false,
      suggestedThemeName: 'Microsoft Teams integration',
    });
    expect(byName['Person chose']).toMatchObject({
      matchedDelivered: false,
      matchedDeclined: false,
    });
    expect(byName.Answered).toMatchObject({ matchedDelivered: false, matchedDeclined: false });
  });

  it('reads the status of the suggested theme in its query', async () => {
    await mountOnAccount();
    const configs = [];
    graphql.emit(mockRequestsEmpty, (config) => {
      configs.push(config);
      return false;
    });
    const query = configs.find(queryNamed('accountRequests')).query.replace(/\s+/g, ' ');
    expect(query).toContain('Suggested_Theme__r { Name { value } Status__c { value } }');
  });

  it('gives a closed theme no rank in its signal', async () => {
    const element = await mountOnOpportunity();
    graphql.emit(mockRequests, queryNamed('accountRequests'));
    await flushPromises();
    const scores = JSON.parse(JSON.stringify(mockScores));
    scores.uiapi.query.Segment_Demand_Score__c.edges.forEach(({ node }) => {
      node.Rank__c = { value: null };
      node.Account_Count__c = { value: 1200 };
    });
    graphql.emit(scores, queryNamed('themeSignals'));
    await flushPromises();
    const sso = $$(element, 'c-request-item').find(
      (item) => item.request.name === 'SSO with Okta for 4,000 agents',
    );
    expect(sso.request.signalText).toBe(
      'Asked again by 1,200 accounts in EMEA Banks (not ranked), score 12.35',
    );
  });

  it('is accessible with data', async () => {
    const element = await mountOnOpportunity();
    await emitAll();
    await expect(element).toBeAccessible();
  });

  it('is accessible in the empty and error states', async () => {
    const element = await mountOnAccount();
    graphql.emit(mockRequestsEmpty, queryNamed('accountRequests'));
    await flushPromises();
    await expect(element).toBeAccessible();
    graphql.emitErrors([{ message: 'boom' }], queryNamed('accountRequests'));
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
