import { LightningElement, api } from 'lwc';
import { buildHeatMap } from 'c/demandModel';
import { formatLabel } from 'c/ldsUtils';
import { formatScore } from 'c/quorumFormat';
import CAPTION from '@salesforce/label/c.Quorum_Demand_HeatCaption';
import LEGEND from '@salesforce/label/c.Quorum_Demand_HeatLegend';
import LEGEND_NORMALIZED from '@salesforce/label/c.Quorum_Demand_HeatLegendNormalized';
import LEGEND_SCORE from '@salesforce/label/c.Quorum_Demand_HeatLegendScore';
import LEGEND_SCALE from '@salesforce/label/c.Quorum_Demand_HeatLegendScale';
import LEGEND_STEP from '@salesforce/label/c.Quorum_Demand_HeatLegendStep';
import THEME_HEADER from '@salesforce/label/c.Quorum_Demand_ColTheme';
import ALL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_AllAccounts';
import CELL_NAME from '@salesforce/label/c.Quorum_Demand_HeatCellName';
import NO_DEMAND from '@salesforce/label/c.Quorum_Demand_HeatNoDemand';
import EMPTY from '@salesforce/label/c.Quorum_Demand_HeatEmpty';

/**
 * Themes × segments heat map: a real table (caption, column and row headers) whose cells show
 * each score as text, shaded by the segment-normalised score so segments of different sizes
 * compare; a legend says what each shade stands for. Each scored cell is one button (keyboard
 * reachable, the whole cell clickable) that asks the report to show that theme in that segment.
 */
export default class DemandHeatMap extends LightningElement {
  /** Segment_Demand_Score__c GraphQL nodes. */
  @api scoreNodes = [];
  /** Segment columns in priority order: [{ id, name }]. */
  @api segments = [];

  labels = { CAPTION, LEGEND, LEGEND_SCALE, THEME_HEADER, NO_DEMAND, EMPTY };

  get heatMap() {
    return buildHeatMap(this.scoreNodes || [], this.segments || [], ALL_ACCOUNTS, CELL_NAME);
  }

  get hasRows() {
    return this.heatMap.rows.length > 0;
  }

  /**
   * Every column the same share of the width, as a fixed table layout gives, but in the automatic
   * layout a column still widens to its longest word: at 853 px (a 1,280 px screen at 150 % zoom)
   * the fixed layout broke theme names inside words ("provisionin|g"). When the names cannot fit,
   * the table scrolls sideways in its own box.
   */
  get columnStyle() {
    return `width: ${(100 / (this.heatMap.columns.length + 1)).toFixed(2)}%`;
  }

  /** What the shades measure: the normalised score, or the score on rows from before it. */
  get legendTitle() {
    return this.heatMap.normalized ? LEGEND_NORMALIZED : LEGEND_SCORE;
  }

  get legend() {
    return this.heatMap.legend.map((step) => ({
      ...step,
      text: formatLabel(LEGEND_STEP, formatScore(step.from), formatScore(step.to)),
    }));
  }

  handleCellClick(event) {
    const { themeId, segmentKey } = event.currentTarget.dataset;
    this.dispatchEvent(new CustomEvent('selectcell', { detail: { themeId, segmentKey } }));
  }
}
