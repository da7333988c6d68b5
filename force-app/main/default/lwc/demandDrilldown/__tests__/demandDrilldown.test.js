import { createElement } from 'lwc';
import DemandDrilldown from 'c/demandDrilldown';
import { graphql } from 'lightning/graphql';

jest.mock(
  '@salesforce/label/c.Quorum_Demand_DrillSummary',
  () => ({ default: '{0} accounts, {1} requests you can see' }),
  { virtual: true },
);

jest.mock(
  '@salesforce/label/c.Quorum_Demand_DrillSummaryNotCounted',
  () => ({
    default:
      '{0} accounts, {1} requests you can see; {2} of them have a status the score does not count (it counts {3})',
  }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_StatusNotCounted',
  () => ({ default: '{0} (not counted)' }),
  { virtual: true },
);

// gql keeps the query text so an emit can target one of the two queries.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});

const mockRequests = require('./data/requests.json');
const mockBreakdown = require('../../demandExplanation/__tests__/data/breakdown.json');
const isRequestQuery = (config) => String(config.query).includes('query demandDrilldown(');
const isAccountsQuery = (config) => String(config.query).includes('query scoreBreakdown(');
const isStatusesQuery = (config) => String(config.query).includes('query activeScoringProfile');
const profileCounting = (statuses) => ({
  uiapi: {
    query: {
      Demand_Scoring_Profile__c: {
        edges: [{ node: { Id: 'a0P1', Counted_Statuses__c: { value: statuses } } }],
      },
    },
  },
});

/** The variables of the live request query (an emit that reaches no wire). */
function requestVariables() {
  let variables;
  graphql.emit(undefined, (config) => {
    if (isRequestQuery(config)) {
      variables = config.variables;
    }
    return false;
  });
  return variables;
}
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');
const THEME = 'a0T000000000001AAA';
const SEGMENT = 'a0B000000000001AAA';

function createDrilldown(segmentId) {
  const element = createElement('c-demand-drilldown', { is: DemandDrilldown });
  element.themeId = THEME;
  element.themeName = 'SSO with SAML';
  element.segmentId = segmentId;
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();

describe('c-demand-drilldown', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('filters by theme and segment through the where variable', async () => {
    createDrilldown(SEGMENT);
    await flush();
    expect(requestVariables().where).toEqual({
      and: [
        {
          or: [
            { Theme__c: { eq: THEME } },
            { Theme__r: { Merged_Into__c: { eq: THEME } } },
            {
              and: [
                { Theme__c: { eq: null } },
                {
                  or: [
                    { Suggested_Theme__c: { eq: THEME } },
                    { Suggested_Theme__r: { Merged_Into__c: { eq: THEME } } },
                  ],
                },
              ],
            },
          ],
        },
        { Segment__c: { eq: SEGMENT } },
      ],
    });
  });

  it("lists the requests of every account the segment's score counted, not only the stamped ones", async () => {
    const element = createElement('c-demand-drilldown', { is: DemandDrilldown });
    element.themeId = THEME;
    element.segmentId = SEGMENT;
    element.scoreId = 'a0D01';
    document.body.appendChild(element);
    await flush();
    // The accounts come first: no request query until the breakdown has been read.
    expect(requestVariables()).toBeUndefined();
    graphql.emit(mockBreakdown, isAccountsQuery);
    await flush();
    const where = requestVariables().where;
    // An account counts in every segment it matches, but its requests carry only its primary
    // segment: filter on the counted accounts instead of the stamp.
    expect(where.and[1]).toEqual({
      Account__c: { in: ['001000000000001AAA', '001000000000002AAA', '001000000000003AAA'] },
    });
  });

  it('falls back to the segment stamp when the breakdown cannot be read', async () => {
    const element = createElement('c-demand-drilldown', { is: DemandDrilldown });
    element.themeId = THEME;
    element.segmentId = SEGMENT;
    element.scoreId = 'a0D01';
    document.body.appendChild(element);
    await flush();
    graphql.emitErrors([{ message: 'No access to Breakdown__c' }], isAccountsQuery);
    await flush();
    expect(requestVariables().where.and[1]).toEqual({ Segment__c: { eq: SEGMENT } });
  });

  it('does not filter by segment for all accounts', async () => {
    createDrilldown(null);
    await flush();
    expect(requestVariables().where).toEqual({
      or: [
        { Theme__c: { eq: THEME } },
        { Theme__r: { Merged_Into__c: { eq: THEME } } },
        {
          and: [
            { Theme__c: { eq: null } },
            {
              or: [
                { Suggested_Theme__c: { eq: THEME } },
                { Suggested_Theme__r: { Merged_Into__c: { eq: THEME } } },
              ],
            },
          ],
        },
      ],
    });
  });

  it('lists the requests grouped by account with a summary', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await flush();
    // Okta SAML login is Declined: listed as an ask, but not in the score (default statuses).
    expect(element.shadowRoot.querySelector('p.summary').textContent).toBe(
      '2 accounts, 3 requests you can see; 1 of them have a status the score does not count (it counts New, Under Review, Planned)',
    );
    const table = element.shadowRoot.querySelector('lightning-datatable');
    // By account, and within one the latest ask first: recency counts from Asked on.
    expect(table.data.map((row) => [row.accountName, row.title, row.urgency, row.askedOn])).toEqual(
      [
        ['Acme', 'SSO blocks the renewal', 'Critical', '2026-11-20'],
        ['Acme', 'Okta SAML login', 'High', '2026-03-10'],
        ['Globex', 'SAML for the EU tenant', 'Medium', '2026-09-01'],
      ],
    );
    expect(table.columns.map((column) => column.fieldName)).toContain('askedOn');
  });

  it('marks the statuses the active scoring profile does not count, as the profile says', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    graphql.emit(profileCounting('New;Declined'), isStatusesQuery);
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable');
    expect(table.data.map((row) => [row.title, row.status, row.counted])).toEqual([
      ['SSO blocks the renewal', 'Under Review (not counted)', false],
      ['Okta SAML login', 'Declined', true],
      ['SAML for the EU tenant', 'New', true],
    ]);
    expect(element.shadowRoot.querySelector('p.summary').textContent).toBe(
      '2 accounts, 3 requests you can see; 1 of them have a status the score does not count (it counts New, Declined)',
    );
    // Every status counted: the plain summary.
    graphql.emit(profileCounting('New;Under Review;Declined'), isStatusesQuery);
    await flush();
    expect(element.shadowRoot.querySelector('p.summary').textContent).toBe(
      '2 accounts, 3 requests you can see',
    );
  });

  it('reads the latest asks first when a theme has more requests than it shows', async () => {
    createDrilldown(null);
    await flush();
    let query;
    graphql.emit(undefined, (config) => {
      if (isRequestQuery(config)) query = String(config.query);
      return false;
    });
    expect(query.replace(/\s+/g, ' ')).toContain(
      'orderBy: { Asked_On__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }',
    );
  });

  it('links each request through NavigationMixin and says why a theme was suggested', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const table = element.shadowRoot.querySelector('lightning-datatable');
    // The jest NavigationMixin stub answers every GenerateUrl with example.com: no row carries
    // a hand-built /lightning/r/ path.
    expect(table.data.map((row) => row.url)).toEqual([
      'https://www.example.com',
      'https://www.example.com',
      'https://www.example.com',
    ]);
    expect(table.data.map((row) => row.suggestionReason)).toEqual([
      null,
      'shares: SAML, single sign-on with 5 requests',
      null,
    ]);
    expect(table.columns.map((column) => column.fieldName)).toContain('suggestionReason');
    // Laid out for the card's full width at 1,280 px: headers wrap between words instead of
    // being cut, every column but "Why suggested" has a width, and long texts wrap.
    expect(table.wrapTableHeader).toBe('all');
    const widths = table.columns.map((column) => column.initialWidth);
    expect(widths.slice(0, -1).every((width) => width >= 100)).toBe(true);
    expect(widths.slice(0, -1).reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(1050);
    expect(table.columns.at(-1).fieldName).toBe('suggestionReason');
    const wrapped = table.columns.filter((column) => column.wrapText).map((c) => c.fieldName);
    expect(wrapped).toEqual(['accountName', 'url', 'status', 'suggestionReason']);
  });

  it('shows the empty state', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emit({ uiapi: { query: { Escalated_Request__c: { edges: [] } } } }, isRequestQuery);
    await flush();
    expect(element.shadowRoot.querySelector('p.empty')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-datatable')).toBeNull();
  });

  it('shows the error panel', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emitErrors(mockErrors, isRequestQuery);
    await flush();
    expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual(mockErrors);
  });

  it('is accessible', async () => {
    const element = createDrilldown(SEGMENT);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await flush();
    await expect(element).toBeAccessible();
  });
});
