import { createElement } from 'lwc';
import DemandExplanation from 'c/demandExplanation';
import { graphql } from 'lightning/graphql';

// gql keeps the query text so each emit can target one of the two queries.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});
// English words for the explanation, as the custom labels hold them.
jest.mock('@salesforce/label/c.Quorum_Demand_WordAccounts', () => ({ default: 'accounts' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Quorum_Demand_WordStrongest', () => ({ default: 'strongest' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Quorum_Demand_WordSide', () => ({ default: 'side' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_WordDealBlocker',
  () => ({ default: 'deal blocker' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Quorum_Demand_WordUrgency', () => ({ default: 'urgency' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_WordHiddenAccount',
  () => ({ default: 'an account you can’t see' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Demand_ExplainVoice', () => ({ default: 'voice' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_ExplainOthers',
  () => ({ default: 'and {0} more accounts with a combined voice of {1}' }),
  { virtual: true },
);

const mockBreakdown = require('./data/breakdown.json');
const mockWithOthers = require('./data/breakdownWithOthers.json');
const mockMalformed = require('./data/breakdownMalformed.json');
const mockRequests = require('./data/strongestRequests.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

const isScoreQuery = (config) => String(config.query).includes('query demandExplanation(');
const isRequestQuery = (config) => String(config.query).includes('query demandExplanationRequests');

async function flush() {
  for (let i = 0; i < 4; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function createExplanation() {
  const element = createElement('c-demand-explanation', { is: DemandExplanation });
  element.scoreId = 'a0D01';
  element.themeName = 'SSO with SAML';
  document.body.appendChild(element);
  // Wire configs are set asynchronously; emits filtered by query need them.
  await flush();
  return element;
}

/** The current configs of the live graphql wires (a filter that emits to none of them). */
function liveConfigs() {
  const configs = [];
  graphql.emit(undefined, (config) => {
    configs.push(config);
    return false;
  });
  return configs.filter((config) => config.query);
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const items = (element) =>
  [...element.shadowRoot.querySelectorAll('ol.contributions li')].map((li) =>
    li.textContent.replace(/\s+/g, ' ').trim(),
  );

describe('c-demand-explanation', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('queries the breakdown of its score, then the strongest requests, through variables', async () => {
    await createExplanation();
    expect(liveConfigs().find(isScoreQuery).variables).toEqual({ scoreId: 'a0D01' });
    expect(liveConfigs().find(isRequestQuery).variables).toBeUndefined();
    graphql.emit(mockBreakdown, isScoreQuery);
    await flush();
    expect(liveConfigs().find(isRequestQuery).variables).toEqual({
      ids: ['a0R000000000002AAA', 'a0R000000000001AAA', 'a0R000000000009AAA'],
    });
  });

  it('explains the score in plain words, strongest account first', async () => {
    const element = await createExplanation();
    graphql.emit(mockBreakdown, isScoreQuery);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await flush();
    expect($(element, 'p.summary').textContent).toBe(
      '3 accounts; strongest: Acme — Critical × Decision side × deal blocker',
    );
    expect(items(element)).toEqual([
      'Acme: voice 3 (Critical × Decision side × deal blocker)',
      'Globex: voice 1.2 (Medium × Influence side)',
      'an account you can’t see: voice 0.5 (urgency ×0.5 × Use side)',
    ]);
    expect($(element, 'p.others')).toBeNull();
  });

  it('counts and sums the accounts the breakdown does not list', async () => {
    const element = await createExplanation();
    graphql.emit(mockWithOthers, isScoreQuery);
    await flush();
    expect($(element, 'p.summary').textContent).toMatch(/^123 accounts; strongest: /);
    expect($(element, 'p.others').textContent).toBe(
      'and 120 more accounts with a combined voice of 31.5',
    );
  });

  it('says the breakdown is unreadable when its JSON is malformed', async () => {
    const element = await createExplanation();
    graphql.emit(mockMalformed, isScoreQuery);
    await flush();
    expect($(element, 'p.summary')).toBeNull();
    expect($(element, 'p.unreadable').textContent).toBe('c.Quorum_Demand_ExplainUnreadable');
  });

  it('shows the error panel when the score cannot be read', async () => {
    const element = await createExplanation();
    graphql.emitErrors(mockErrors, isScoreQuery);
    await flush();
    expect($(element, 'c-error-panel').errors).toEqual(mockErrors);
  });

  it('still explains, with an error panel, when the names cannot be read', async () => {
    const element = await createExplanation();
    graphql.emit(mockBreakdown, isScoreQuery);
    await flush();
    graphql.emitErrors(mockErrors, isRequestQuery);
    await flush();
    expect($(element, 'p.summary')).not.toBeNull();
    expect($(element, 'c-error-panel').errors).toEqual(mockErrors);
  });

  it('is accessible', async () => {
    const element = await createExplanation();
    graphql.emit(mockBreakdown, isScoreQuery);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await flush();
    await expect(element).toBeAccessible();
  });
});
