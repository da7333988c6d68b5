import { createElement } from 'lwc';
import DemandHeatMap from 'c/demandHeatMap';

const mockReport = require('../../demandReport/__tests__/data/demandReport.json');

const scoreNodes = mockReport.uiapi.query.Segment_Demand_Score__c.edges.map((edge) => edge.node);
const segments = [
  { id: 'a0B000000000001AAA', name: 'EU Banks' },
  { id: 'a0B000000000002AAA', name: 'Retail' },
];

function createHeatMap(props) {
  const element = createElement('c-demand-heat-map', { is: DemandHeatMap });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-demand-heat-map', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('renders a captioned table with column and row headers', () => {
    const element = createHeatMap({ scoreNodes, segments });
    const table = element.shadowRoot.querySelector('table');
    expect(table.querySelector('caption').textContent).toBe('c.Quorum_Demand_HeatCaption');
    const columnHeaders = [...table.querySelectorAll('thead th')];
    expect(columnHeaders.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(columnHeaders.map((th) => th.textContent.trim())).toEqual([
      'c.Quorum_Demand_ColTheme',
      'c.Quorum_Demand_AllAccounts',
      'EU Banks',
      'Retail',
    ]);
    const rowHeaders = [...table.querySelectorAll('tbody th')];
    expect(rowHeaders.every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    expect(rowHeaders.map((th) => th.textContent)).toEqual([
      'SSO with SAML',
      'Audit log export',
      'Offline mode',
    ]);
  });

  it('shows each value as text with a shading computed from the data', () => {
    const element = createHeatMap({ scoreNodes, segments });
    const rows = [...element.shadowRoot.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => {
        const value = td.querySelector('.heat-text');
        const text = value
          ? value.textContent
          : td.querySelector('.slds-assistive-text').textContent;
        return `${text}|${td.className.match(/heat-(\d)/)[1]}`;
      }),
    );
    expect(rows).toEqual([
      ['7.5|4', '5|3', '2.5|2'],
      ['4.3|3', '2|2', '2.3|2'],
      ['1|1', 'c.Quorum_Demand_HeatNoDemand|0', 'c.Quorum_Demand_HeatNoDemand|0'],
    ]);
    const first = element.shadowRoot.querySelector('button.heat-value .slds-assistive-text');
    expect(first.textContent).toBe('(SSO with SAML, c.Quorum_Demand_AllAccounts)');
  });

  it('asks for a theme in a segment when a value is clicked', () => {
    const element = createHeatMap({ scoreNodes, segments });
    const handler = jest.fn();
    element.addEventListener('selectcell', handler);
    const buttons = element.shadowRoot.querySelectorAll('button.heat-value');
    // Row 2 (Audit log export), column EU Banks
    buttons[4].click();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({
      themeId: 'a0T000000000002AAA',
      segmentKey: 'a0B000000000001AAA',
    });
  });

  it('says so when there is nothing to map', () => {
    const element = createHeatMap({ scoreNodes: [], segments });
    expect(element.shadowRoot.querySelector('table')).toBeNull();
    expect(element.shadowRoot.querySelector('p.empty').textContent).toBe('c.Quorum_Demand_HeatEmpty');
  });

  it('is accessible', async () => {
    const element = createHeatMap({ scoreNodes, segments });
    await expect(element).toBeAccessible();
  });
});
