import { createElement } from 'lwc';
import DemandExplanation from 'c/demandExplanation';
import { graphql } from 'lightning/graphql';

// gql keeps the query text so each emit can target one of the two queries.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});
// English wording of the labels the explanation fills in.
jest.mock(
  '@salesforce/label/c.Quorum_Demand_WordHiddenAccount',
  () => ({ default: 'an account you can’t see' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Demand_ExplainVoice', () => ({ default: 'voice {0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_ExplainOthers',
  () => ({ default: 'and {0} more accounts with a combined voice of {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_ExplainSummary',
  () => ({ default: 'Accounts asking: {0}. Score {1}.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_ExplainTotal',
  () => ({ default: 'Sum of voices: {0} (score {1})' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorUrgency',
  () => ({ default: 'urgency {0} {1}' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Demand_FactorSide', () => ({ default: '{0} side {1}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorSideWho',
  () => ({ default: '{0} side ({1}) {2}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorSideVeto',
  () => ({ default: 'Decision side: holds a veto ({0}) {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorInfluence',
  () => ({ default: 'influence {0} {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorInfluenceUnknown',
  () => ({ default: 'influence not given {0}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorSource',
  () => ({ default: 'heard by {0} {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorWorkaround',
  () => ({ default: 'workaround: {0} {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorWorkaroundUnknown',
  () => ({ default: 'workaround not given {0}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorAge',
  () => ({ default: 'latest ask {0} days ago {1}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorBlocker',
  () => ({ default: 'deal blocker {0}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_FactorRevenue',
  () => ({ default: 'revenue at stake {0} {1}' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Demand_FactorCapped', () => ({ default: 'capped at {0}' }), {
  virtual: true,
});

const mockBreakdown = require('./data/breakdown.json');
const mockWithOthers = require('./data/breakdownWithOthers.json');
const mockMalformed = require('./data/breakdownMalformed.json');
const mockOldFormat = require('./data/breakdownOldFormat.json');
const mockRequests = require('./data/strongestRequests.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

const isScoreQuery = (config) => String(config.query).includes('query scoreBreakdown(');
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

  it('names every factor of every account, strongest first, summing to the score', async () => {
    const element = await createExplanation();
    graphql.emit(mockBreakdown, isScoreQuery);
    await flush();
    graphql.emit(mockRequests, isRequestQuery);
    await flush();
    expect($(element, 'p.summary').textContent).toBe('Accounts asking: 3. Score 4.03.');
    const accounts = [...element.shadowRoot.querySelectorAll('li.contribution')].map((li) => [
      li.querySelector('.account-name').textContent,
      li.querySelector('.voice').textContent,
      [...li.querySelectorAll('li.factor')].map((f) => f.textContent),
    ]);
    expect(accounts).toEqual([
      [
        'Acme',
        'voice 3.00',
        [
          'urgency Critical ×2.00',
          'Decision side: holds a veto (Technical Evaluator) ×1.50',
          'influence High ×1.20',
          'heard by Support ×1.25',
          'workaround: None ×1.00',
          'latest ask 40 days ago ×0.96',
          'deal blocker ×1.50',
          'revenue at stake $900,000 ×1.50',
          'capped at 3.00',
        ],
      ],
      [
        'Globex',
        'voice 0.67',
        [
          'urgency Medium ×1.00',
          'Influence side (Influencer) ×1.20',
          'influence not given ×1.00',
          'heard by Account Team ×1.00',
          'workaround: Partner Can Deliver ×0.75',
          'latest ask 5 days ago ×1.00',
        ],
      ],
      [
        'an account you can’t see',
        'voice 0.35',
        [
          'urgency Low ×0.50',
          'Unknown side ×1.00',
          'influence not given ×1.00',
          'heard by Account Team ×1.00',
          'workaround not given ×1.00',
          'latest ask 365 days ago ×0.71',
        ],
      ],
    ]);
    // The voices add up to the score: the explanation accounts for all of it.
    expect($(element, 'p.total').textContent).toBe('Sum of voices: 4.03 (score 4.03)');
    expect($(element, 'p.others')).toBeNull();
  });

  it('counts and sums the accounts the breakdown does not list', async () => {
    const element = await createExplanation();
    graphql.emit(mockWithOthers, isScoreQuery);
    await flush();
    expect($(element, 'p.summary').textContent).toBe('Accounts asking: 121. Score 34.50.');
    expect($(element, 'p.others').textContent).toBe(
      'and 120 more accounts with a combined voice of 31.50',
    );
    expect($(element, 'p.total').textContent).toBe('Sum of voices: 34.50 (score 34.50)');
  });

  it('says the breakdown is unreadable when its JSON is malformed or of an older format', async () => {
    const element = await createExplanation();
    graphql.emit(mockMalformed, isScoreQuery);
    await flush();
    expect($(element, 'p.summary')).toBeNull();
    expect($(element, 'p.unreadable').textContent).toBe('c.Quorum_Demand_ExplainUnreadable');
    graphql.emit(mockOldFormat, isScoreQuery);
    await flush();
    expect($(element, 'p.unreadable')).not.toBeNull();
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
