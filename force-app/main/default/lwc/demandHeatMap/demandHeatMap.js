import { LightningElement, api } from 'lwc';
import { buildHeatMap } from 'c/demandModel';
import CAPTION from '@salesforce/label/c.Quorum_Demand_HeatCaption';
import LEGEND from '@salesforce/label/c.Quorum_Demand_HeatLegend';
import THEME_HEADER from '@salesforce/label/c.Quorum_Demand_ColTheme';
import ALL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_AllAccounts';
import NO_DEMAND from '@salesforce/label/c.Quorum_Demand_HeatNoDemand';
import EMPTY from '@salesforce/label/c.Quorum_Demand_HeatEmpty';

/**
 * Themes × segments heat map: a real table (caption, column and row headers) whose cells show
 * each score as text; shading only repeats the number for sighted users. Clicking a score
 * (a button, so it is keyboard reachable) asks the report to show that theme in that segment.
 */
export default class DemandHeatMap extends LightningElement {
  /** Segment_Demand_Score__c GraphQL nodes. */
  @api scoreNodes = [];
  /** Segment columns in priority order: [{ id, name }]. */
  @api segments = [];

  labels = { CAPTION, LEGEND, THEME_HEADER, NO_DEMAND, EMPTY };

  get heatMap() {
    return buildHeatMap(this.scoreNodes || [], this.segments || [], ALL_ACCOUNTS);
  }

  get hasRows() {
    return this.heatMap.rows.length > 0;
  }

  handleCellClick(event) {
    const { themeId, segmentKey } = event.currentTarget.dataset;
    this.dispatchEvent(new CustomEvent('selectcell', { detail: { themeId, segmentKey } }));
  }
}
