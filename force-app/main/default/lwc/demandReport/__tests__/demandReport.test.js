import { createElement } from 'lwc';
import DemandReport from 'c/demandReport';
import { graphql } from 'lightning/graphql';

const mockReport = require('./data/demandReport.json');
const mockEmpty = require('./data/demandReportEmpty.json');
const mockErrors = require('./data/graphqlErrors.json');

const S1 = 'a0B000000000001AAA';

// gql returns the query text so each emit can target one query: the report and its children
// (run status, explanation, drill-down) all use the same graphql adapter.
jest.mock(
  '@salesforce/label/c.Quorum_Demand_TrendText',
  () => ({ default: 'Score {0}, accounts {1}' }),
  { virtual: true },
);
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});
jest.mock(
  '@salesforce/label/c.Quorum_Demand_EmptyInvalid',
  () => ({ default: 'Invalid rule. Fix it. {0}' }),
  { virtual: true },
);

const isReportQuery = (config) => String(config.query).includes('query demandReport');

function flush() {
  return Promise.resolve();
}

function createReport() {
  const element = createElement('c-demand-report', { is: DemandReport });
  document.body.appendChild(element);
  return element;
}

describe('c-demand-report', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner in a box of its own until the scores arrive', () => {
    const element = createReport();
    const spinner = element.shadowRoot.querySelector('lightning-spinner');
    expect(spinner).not.toBeNull();
    // The spinner's overlay fills its nearest positioned ancestor: that must be the small
    // loading box, not the card (the run status in the header stays usable).
    expect(spinner.parentElement.classList).toContain('loading');
    expect(spinner.parentElement.classList).toContain('slds-is-relative');
  });

  it('ranks the all-accounts themes by default', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    expect(table.data.map((row) => row.themeName)).toEqual([
      'SSO with SAML',
      'Audit log export',
      'Offline mode',
    ]);
    expect(table.data[0]).toMatchObject({
      score: 7.5,
      accounts: 6,
      penetration: 0.006,
      revenue: 1200000,
      decisionBacked: 4,
      dealBlockers: 2,
      neededBy: '2026-12-01',
      quorumIcon: 'utility:groups',
    });
    expect(table.data[1].quorumIcon).toBeNull();
    expect(table.columns.every((column) => column.sortable)).toBe(true);
    expect(table.data.map((row) => row.rank)).toEqual([1, 2, 3]);
  });

  it('shows the 90-day trend of each theme with an arrow', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    expect(
      table.data.map((row) => [row.themeName, row.trendIcon, row.trendWord, row.trendText]),
    ).toEqual([
      ['SSO with SAML', 'utility:arrowup', 'c.Quorum_Demand_TrendUp', 'Score +1.50, accounts +2'],
      [
        'Audit log export',
        'utility:arrowdown',
        'c.Quorum_Demand_TrendDown',
        'Score -0.50, accounts -1',
      ],
      ['Offline mode', null, '', ''],
    ]);
    table.dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'trendText', sortDirection: 'desc' } }),
    );
    await flush();
    expect(table.data.map((row) => row.scoreChange)).toEqual([1.5, -0.5, null]);
  });

  it('lists Delivered and Declined themes apart, without a rank, and opens them too', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const ranked = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    expect(ranked.data.map((row) => row.themeName)).not.toContain('CSV export');
    const closed = element.shadowRoot.querySelector('lightning-datatable.closed-table');
    expect(closed.data.map((row) => [row.themeName, row.themeStatusLabel, row.rank])).toEqual([
      ['CSV export', 'Delivered', null],
    ]);
    expect(closed.columns.map((column) => column.fieldName)).not.toContain('rank');
    expect(element.shadowRoot.querySelector('.closed-themes h2').textContent).toBe(
      'c.Quorum_Demand_ClosedThemes',
    );
    closed.dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [closed.data[0]] } }),
    );
    await flush();
    expect(element.shadowRoot.querySelector('c-demand-explanation').scoreId).toBe('a0D08');
  });

  it('shows every score with the same two decimals and wraps long column headers', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    const score = table.columns.find((column) => column.fieldName === 'score');
    expect(score.typeAttributes).toEqual({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
    // Headers wrap instead of being cut ("Decision-backed…") at 1,280 px, and the columns fit
    // the card there (1,222 px inside it, about 40 of them for the selection column).
    expect(table.wrapTableHeader).toBe('all');
    const widths = table.columns.map((column) => column.initialWidth);
    expect(widths.every((width) => width >= 90)).toBe(true);
    expect(widths.reduce((sum, width) => sum + width, 0) + 40).toBeLessThanOrEqual(1222);
    // The quorum mark sits in the accounts cell: one column less.
    const accounts = table.columns.find((column) => column.fieldName === 'accounts');
    expect(accounts.cellAttributes.iconName).toEqual({ fieldName: 'quorumIcon' });
  });

  it('offers all accounts plus the segments that are active or carry scores', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const picker = element.shadowRoot.querySelector('lightning-combobox.segment-picker');
    expect(picker.options.map((o) => o.label)).toEqual([
      'c.Quorum_Demand_AllAccounts',
      'EU Banks',
      'Retail',
    ]);
    expect(picker.value).toBe('ALL');
  });

  it('shows one segment when picked', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const picker = element.shadowRoot.querySelector('lightning-combobox.segment-picker');
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: S1 } }));
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    expect(table.data.map((row) => [row.themeName, row.score, row.penetration])).toEqual([
      ['SSO with SAML', 5, 0.1],
      ['Audit log export', 2, 0.025],
    ]);
    const closed = element.shadowRoot.querySelector('lightning-datatable.closed-table');
    expect(closed.data.map((row) => [row.themeName, row.score])).toEqual([['CSV export', 2]]);
  });

  it('sorts when a column header is sorted', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    table.dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'revenue', sortDirection: 'asc' } }),
    );
    await flush();
    expect(table.data.map((row) => row.revenue)).toEqual([250000, 1200000, null]);
    expect(table.sortedBy).toBe('revenue');
    expect(table.sortedDirection).toBe('asc');
  });

  it('opens the explanation and the drill-down of the selected theme', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    expect(element.shadowRoot.querySelector('c-demand-explanation')).toBeNull();
    const table = element.shadowRoot.querySelector('lightning-datatable.theme-table');
    table.dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [table.data[0]] } }),
    );
    await flush();
    const explanation = element.shadowRoot.querySelector('c-demand-explanation');
    expect(explanation.scoreId).toBe('a0D01');
    expect(explanation.themeName).toBe('SSO with SAML');
    const drill = element.shadowRoot.querySelector('c-demand-drilldown');
    expect(drill.themeId).toBe('a0T000000000001AAA');
    expect(drill.segmentId).toBeNull();
    // The monthly trend of that score, with the table's 90-day change (▲ and its figures).
    const trend = element.shadowRoot.querySelector('c-demand-trend');
    expect(trend.scoreKey).toBe('ALL:a0T000000000001AAA');
    expect(trend.trendIcon).toBe('utility:arrowup');
    expect(trend.trendText).toBe(table.data[0].trendText);
    expect(trend.trendText).toMatch(/^Score \+1\.50, accounts /);
  });

  it('jumps to a theme in a segment from the heat map', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const heatMap = element.shadowRoot.querySelector('c-demand-heat-map');
    expect(heatMap.segments.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: S1, name: 'EU Banks' },
      { id: 'a0B000000000002AAA', name: 'Retail' },
    ]);
    heatMap.dispatchEvent(
      new CustomEvent('selectcell', { detail: { themeId: 'a0T000000000002AAA', segmentKey: S1 } }),
    );
    await flush();
    expect(element.shadowRoot.querySelector('lightning-combobox.segment-picker').value).toBe(S1);
    const drill = element.shadowRoot.querySelector('c-demand-drilldown');
    expect(drill.themeId).toBe('a0T000000000002AAA');
    expect(drill.segmentId).toBe(S1);
  });

  it('re-reads the scores when a run finishes', async () => {
    const element = createReport();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockReport, isReportQuery, refresh);
    await flush();
    element.shadowRoot
      .querySelector('c-demand-run-status')
      .dispatchEvent(new CustomEvent('runfinished'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('shows the empty state when no scores exist', async () => {
    const element = createReport();
    graphql.emit(mockEmpty, isReportQuery);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-datatable.theme-table')).toBeNull();
    expect(element.shadowRoot.querySelector('p.empty').textContent).toBe('c.Quorum_Demand_Empty');
  });

  it('says why an active segment has no scores: an invalid rule, or no account matched', async () => {
    // Two active segments the last run left empty; "run a recompute" would change neither.
    const report = JSON.parse(JSON.stringify(mockReport));
    report.uiapi.query.Segment__c.edges.push(
      {
        node: {
          Id: 'a0B000000000009AAA',
          Name: { value: 'Draft' },
          Active__c: { value: true },
          Status__c: { value: 'Invalid' },
          Status_Message__c: { value: "Filter logic: expected a criterion number after 'OR'" },
          Account_Count__c: { value: 0 },
        },
      },
      {
        node: {
          Id: 'a0B000000000010AAA',
          Name: { value: 'Nobody' },
          Active__c: { value: true },
          Status__c: { value: 'Valid' },
          Status_Message__c: { value: null },
          Account_Count__c: { value: 0 },
        },
      },
    );
    const element = createReport();
    graphql.emit(report, isReportQuery);
    await flush();
    const pick = async (value) => {
      element.shadowRoot
        .querySelector('lightning-combobox.segment-picker')
        .dispatchEvent(new CustomEvent('change', { detail: { value } }));
      await flush();
      return element.shadowRoot.querySelector('p.empty').textContent;
    };
    expect(await pick('a0B000000000009AAA')).toBe(
      "Invalid rule. Fix it. Filter logic: expected a criterion number after 'OR'",
    );
    expect(await pick('a0B000000000010AAA')).toBe('c.Quorum_Demand_EmptyNoAccounts');
  });

  it('notes when there are more scores than one page', async () => {
    const element = createReport();
    const truncated = JSON.parse(JSON.stringify(mockReport));
    truncated.uiapi.query.Segment_Demand_Score__c.pageInfo.hasNextPage = true;
    graphql.emit(truncated, isReportQuery);
    await flush();
    expect(element.shadowRoot.querySelector('.truncated')).not.toBeNull();
  });

  it('shows the error panel when the query fails', async () => {
    const element = createReport();
    graphql.emitErrors(mockErrors, isReportQuery);
    await flush();
    const panel = element.shadowRoot.querySelector('c-error-panel');
    expect(panel).not.toBeNull();
    expect(panel.errors).toEqual(mockErrors);
    expect(panel.friendlyMessage).toBe('c.Quorum_Demand_LoadError');
    expect(element.shadowRoot.querySelector('lightning-datatable')).toBeNull();
  });

  // axe checks the whole report (two datatables, the heat map with its legend, the run status):
  // about 4 s on an idle machine, so it gets its own timeout with room for a loaded one.
  it('is accessible', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    await expect(element).toBeAccessible();
  }, 20000);
});
