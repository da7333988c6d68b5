import { createElement } from 'lwc';
import SegmentPreview from 'c/segmentPreview';
import { graphql } from 'lightning/graphql';

jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return {
    ...actual,
    gql: (strings, ...substitutions) => {
      if (substitutions.length > 0) {
        throw new Error('a GraphQL query must not interpolate values');
      }
      return strings.join('');
    },
  };
});
jest.mock(
  '@salesforce/label/c.Quorum_Segment_PreviewMatches',
  () => ({ default: '{0} accounts match' }),
  { virtual: true },
);

const mockCount = require('./data/count.json');
const mockErrors = require('../../segmentRules/__tests__/data/graphqlErrors.json');

async function flush() {
  for (let i = 0; i < 4; i++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function createPreview(where, valid = true) {
  const element = createElement('c-segment-preview', { is: SegmentPreview });
  element.where = where;
  element.valid = valid;
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-segment-preview', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('passes the where object only as a variable, never in the query text', async () => {
    const typed = 'O\'Brien %_ " } } { uiapi';
    createPreview({ Name: { like: `%${typed}%` } });
    await flush();
    const config = graphql.getLastConfig();
    expect(config.query).toMatch(/query segmentPreview\(\$where: Account_Filter\)/);
    expect(config.query).toContain('Account(where: $where');
    expect(config.query).not.toContain("O'Brien");
    expect(config.variables).toEqual({ where: { Name: { like: `%${typed}%` } } });
  });

  it('counts every account when the rule has no criteria', async () => {
    createPreview(null);
    await flush();
    expect(graphql.getLastConfig().variables).toEqual({ where: null });
  });

  it('shows the count', async () => {
    const element = createPreview({ Industry: { eq: 'Banking' } });
    await flush();
    expect($(element, '.counting')).not.toBeNull();
    graphql.emit(mockCount);
    await flush();
    expect($(element, '.count').textContent).toBe('137 accounts match');
  });

  it('counts nothing while the rule is invalid', async () => {
    const element = createPreview({ Industry: { eq: 'Banking' } }, false);
    await flush();
    expect($(element, '.invalid')).not.toBeNull();
    expect($(element, '.count')).toBeNull();
  });

  it('shows the error panel when the count fails', async () => {
    const element = createPreview({ Industry: { eq: 'Banking' } });
    await flush();
    graphql.emitErrors(mockErrors);
    await flush();
    expect($(element, 'c-error-panel').errors).toEqual(mockErrors);
  });

  it('is accessible', async () => {
    const element = createPreview({ Industry: { eq: 'Banking' } });
    await flush();
    graphql.emit(mockCount);
    await flush();
    await expect(element).toBeAccessible();
  });
});
