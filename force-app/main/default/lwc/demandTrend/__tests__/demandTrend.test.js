import { createElement } from 'lwc';
import DemandTrend from 'c/demandTrend';
import { graphql } from 'lightning/graphql';
import { monthlyScores, pointsOf, HEIGHT, MONTHS_SHOWN } from '../sparkline';

const mockHistory = require('./data/history.json');
const mockOneMonth = require('./data/historyOneMonth.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

jest.mock(
  '@salesforce/label/c.Quorum_Demand_TrendAlt',
  () => ({ default: 'Score by month: {0}' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Quorum_Demand_TrendSpan', () => ({ default: '{0} → {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Quorum_Demand_Trend90d', () => ({ default: 'Last 90 days: {0}' }), {
  virtual: true,
});

const KEY = 'a0B000000000001AAA:a0T000000000001AAA';

function flush() {
  return Promise.resolve();
}

function createTrend(props = {}) {
  const element = createElement('c-demand-trend', { is: DemandTrend });
  Object.assign(element, { scoreKey: KEY, ...props });
  document.body.appendChild(element);
  return element;
}

describe('c-demand-trend', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('reads the history of its score key, the key only in variables', async () => {
    createTrend();
    await flush();
    const config = graphql.getLastConfig();
    expect(config.variables).toEqual({ scoreKey: KEY, first: MONTHS_SHOWN });
    expect(String(config.query)).not.toContain(KEY);
  });

  it('draws the score month by month, with every month in words for screen readers', async () => {
    const element = createTrend();
    graphql.emit(mockHistory);
    await flush();
    const svg = element.shadowRoot.querySelector('svg.sparkline');
    expect(svg.getAttribute('role')).toBe('img');
    // Oldest first; May had no row (nothing changed), so it kept April's figure; the drop to
    // zero in June is shown, not skipped.
    expect(svg.getAttribute('aria-label')).toBe(
      'Score by month: Mar 2.00, Apr 3.50, May 3.50, Jun 0.00, Jul 1.25',
    );
    const points = svg
      .querySelector('polyline')
      .getAttribute('points')
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(5);
    const ys = points.map(([, y]) => y);
    expect(Math.min(...ys)).toBe(ys[1]); // the highest score is the highest point
    expect(ys[3]).toBe(HEIGHT - 3); // zero lies on the bottom
    expect(points.map(([x]) => x)).toEqual([...points.map(([x]) => x)].sort((a, b) => a - b));
    const dot = svg.querySelector('circle.now');
    expect([Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))]).toEqual(points[4]);
    expect(element.shadowRoot.querySelector('.empty')).toBeNull();
    // Under the line, its two ends with their years: the span and where it stands now.
    expect(element.shadowRoot.querySelector('p.span').textContent).toBe(
      'Mar 2026 2.00 → Jul 2026 1.25',
    );
  });

  it('keeps the 90-day change beside the line, with its arrow', async () => {
    const element = createTrend({
      trendIcon: 'utility:arrowup',
      trendWord: 'Growing',
      trendText: 'Score +1.50, accounts +2',
    });
    graphql.emit(mockHistory);
    await flush();
    const icon = element.shadowRoot.querySelector('.change lightning-icon');
    expect(icon.iconName).toBe('utility:arrowup');
    expect(icon.alternativeText).toBe('Growing');
    expect(element.shadowRoot.querySelector('.change-text').textContent).toBe(
      'Last 90 days: Score +1.50, accounts +2',
    );
  });

  it('says there is no trend yet with fewer than two months', async () => {
    const element = createTrend();
    graphql.emit(mockOneMonth);
    await flush();
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
    expect(element.shadowRoot.querySelector('.empty').textContent).toBe(
      'c.Quorum_Demand_TrendEmpty',
    );
    // No change figure without a 90-day baseline.
    expect(element.shadowRoot.querySelector('.change')).toBeNull();
  });

  it('shows a spinner until the history arrives, and the error panel when it fails', async () => {
    const element = createTrend();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    graphql.emitErrors(mockErrors);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual(mockErrors);
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
  });

  it('is accessible', async () => {
    const element = createTrend({
      trendIcon: 'utility:arrowdown',
      trendWord: 'Falling',
      trendText: 'Score -0.50, accounts -1',
    });
    graphql.emit(mockHistory);
    await flush();
    await expect(element).toBeAccessible();
  });
});

describe('sparkline', () => {
  it('fills months without a row with the figure before them and keeps the last year', () => {
    const node = (month, score) => ({ Month__c: { value: month }, Score__c: { value: score } });
    const months = monthlyScores([node('2025-01-01', 1), node('2026-06-01', 2)]);
    expect(months).toHaveLength(MONTHS_SHOWN);
    expect(months[0]).toEqual({ month: '2025-07', score: 1 });
    expect(months[MONTHS_SHOWN - 1]).toEqual({ month: '2026-06', score: 2 });
    // Across a year end, in order.
    expect(monthlyScores([node('2026-01-01', 3), node('2025-12-01', 4)])).toEqual([
      { month: '2025-12', score: 4 },
      { month: '2026-01', score: 3 },
    ]);
    expect(monthlyScores([node(null, 1), node('2026-01-01', null)])).toEqual([]);
  });

  it('puts a flat zero line on the bottom', () => {
    const flat = pointsOf([
      { month: '2026-01', score: 0 },
      { month: '2026-02', score: 0 },
    ]);
    expect(flat.map((p) => p.y)).toEqual([HEIGHT - 3, HEIGHT - 3]);
  });
});
