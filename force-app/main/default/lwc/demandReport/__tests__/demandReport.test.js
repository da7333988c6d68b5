import { createElement } from 'lwc';
import DemandReport from 'c/demandReport';
import { graphql } from 'lightning/graphql';

const mockReport = require('./data/demandReport.json');
const mockEmpty = require('./data/demandReportEmpty.json');
const mockErrors = require('./data/graphqlErrors.json');

const S1 = 'a0B000000000001AAA';

// gql returns the query text so each emit can target one query: the report and its children
// (run status, explanation, drill-down) all use the same graphql adapter.
jest.mock('lightning/graphql', () => {
  const actual = jest.requireActual('lightning/graphql');
  return { ...actual, gql: (strings) => strings.join('') };
});
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

  it('shows a spinner until the scores arrive', () => {
    const element = createReport();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
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
      quorumText: 'c.Quorum_Demand_QuorumReached',
    });
    expect(table.data[1].quorumText).toBe('');
    expect(table.columns.every((column) => column.sortable)).toBe(true);
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
  });

  it('jumps to a theme in a segment from the heat map', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    const heatMap = element.shadowRoot.querySelector('c-demand-heat-map');
    expect(heatMap.segments).toEqual([
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

  it('is accessible', async () => {
    const element = createReport();
    graphql.emit(mockReport, isReportQuery);
    await flush();
    await expect(element).toBeAccessible();
  });
});
