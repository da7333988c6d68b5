import { createElement } from 'lwc';
import DemandHeatMap from 'c/demandHeatMap';

jest.mock('@salesforce/label/c.Quorum_Demand_HeatCellName', () => ({ default: '{0} in {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Quorum_Demand_HeatLegendStep', () => ({ default: '{0} – {1}' }), {
  virtual: true,
});

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
      'CSV exportDelivered',
      'Offline mode',
    ]);
    // A closed theme says so beside its name.
    expect(rowHeaders[2].querySelector('.theme-status').textContent).toBe('Delivered');
  });

  it('shows each value as text, shaded by the segment-normalised score', () => {
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
    const none = 'c.Quorum_Demand_HeatNoDemand|0';
    // Two decimals, as in the ranked table: the same score never reads 4.25 here and 4.3 there.
    expect(rows).toEqual([
      ['7.50|2', '5.00|4', '2.50|1'],
      ['4.25|1', '2.00|2', '2.25|1'],
      ['3.50|1', '2.00|2', none],
      ['1.00|1', none, none],
    ]);
    const first = element.shadowRoot.querySelector('button.heat-value .slds-assistive-text');
    expect(first.textContent).toBe('(SSO with SAML in c.Quorum_Demand_AllAccounts)');
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

  it('makes the whole cell the button, not only its number', () => {
    const element = createHeatMap({ scoreNodes, segments });
    const cells = [...element.shadowRoot.querySelectorAll('tbody td')].filter(
      (td) => !td.querySelector('.heat-blank'),
    );
    // Every scored cell holds exactly one element: its button, with the number inside.
    cells.forEach((td) => {
      expect(td.children).toHaveLength(1);
      expect(td.children[0].tagName).toBe('BUTTON');
      expect(td.children[0].querySelector('.heat-text')).not.toBeNull();
    });
    expect(cells).toHaveLength(9);
  });

  it('has a colour legend: what the shades measure and each shade with its range', () => {
    const element = createHeatMap({ scoreNodes, segments });
    expect(element.shadowRoot.querySelector('.legend-title').textContent).toBe(
      'c.Quorum_Demand_HeatLegendNormalized',
    );
    const steps = [...element.shadowRoot.querySelectorAll('.legend-step')];
    expect(steps.map((li) => li.querySelector('.legend-swatch').className)).toEqual([
      'legend-swatch heat-1',
      'legend-swatch heat-2',
      'legend-swatch heat-3',
      'legend-swatch heat-4',
    ]);
    expect(steps.map((li) => li.querySelector('.legend-range').textContent)).toEqual([
      '0.00 – 0.63',
      '0.63 – 1.25',
      '1.25 – 1.88',
      '1.88 – 2.50',
    ]);
  });

  it('says so when there is nothing to map', () => {
    const element = createHeatMap({ scoreNodes: [], segments });
    expect(element.shadowRoot.querySelector('table')).toBeNull();
    expect(element.shadowRoot.querySelector('p.empty').textContent).toBe(
      'c.Quorum_Demand_HeatEmpty',
    );
  });

  it('is accessible', async () => {
    const element = createHeatMap({ scoreNodes, segments });
    await expect(element).toBeAccessible();
  });
});
