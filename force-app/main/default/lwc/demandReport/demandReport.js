import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import { formatChange, formatCount } from 'c/quorumFormat';
import { ALL_SEGMENTS, sortRows, splitByThemeStatus, themeRowsFor } from 'c/demandModel';
import { nodesOf, valueOf as val } from 'c/graphqlNodes';
import { SEGMENT_STATUS } from 'c/quorumRules';
import { takeAnswer } from 'c/wireAnswer';
import { REPORT_QUERY } from './reportQuery';
import { CLOSED_COLUMNS, OPEN_COLUMNS, SORT_KEYS } from './columns';
import TITLE from '@salesforce/label/c.Quorum_Demand_Title';
import SEGMENT_LABEL from '@salesforce/label/c.Quorum_Demand_Segment';
import ALL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_AllAccounts';
import RANKED_THEMES from '@salesforce/label/c.Quorum_Demand_RankedThemes';
import CLOSED_THEMES from '@salesforce/label/c.Quorum_Demand_ClosedThemes';
import CLOSED_HINT from '@salesforce/label/c.Quorum_Demand_ClosedHint';
import EMPTY from '@salesforce/label/c.Quorum_Demand_Empty';
import EMPTY_INVALID from '@salesforce/label/c.Quorum_Demand_EmptyInvalid';
import EMPTY_NO_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_EmptyNoAccounts';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import TRUNCATED from '@salesforce/label/c.Quorum_Demand_Truncated';
import SELECT_HINT from '@salesforce/label/c.Quorum_Demand_SelectHint';
import TREND_TEXT from '@salesforce/label/c.Quorum_Demand_TrendText';
import TREND_UP from '@salesforce/label/c.Quorum_Demand_TrendUp';
import TREND_DOWN from '@salesforce/label/c.Quorum_Demand_TrendDown';
import TREND_FLAT from '@salesforce/label/c.Quorum_Demand_TrendFlat';

const TREND_WORDS = { up: TREND_UP, down: TREND_DOWN, flat: TREND_FLAT };

/** A datatable row with the texts the columns show. */
function toDisplayRow(row) {
  return {
    ...row,
    trendWord: row.trend ? TREND_WORDS[row.trend] : '',
    trendText: row.trend
      ? formatLabel(TREND_TEXT, formatChange(row.scoreChange), formatSigned(row.accountChange))
      : '',
  };
}

function formatSigned(count) {
  if (typeof count !== 'number') {
    return '';
  }
  return count > 0 ? `+${formatCount(count)}` : formatCount(count);
}

/**
 * The product manager's demand report: ranked themes of one segment (or all accounts), a
 * themes × segments heat map, a theme's monthly trend, explanation and drill-down, and the
 * recompute run.
 * Every score is read through GraphQL with the viewing user's own sharing.
 */
export default class DemandReport extends LightningElement {
  labels = {
    TITLE,
    CLOSED_THEMES,
    CLOSED_HINT,
    SEGMENT_LABEL,
    RANKED_THEMES,
    LOAD_ERROR,
    LOADING,
    TRUNCATED,
    SELECT_HINT,
    ALL_ACCOUNTS,
  };
  columns = OPEN_COLUMNS;
  closedColumns = CLOSED_COLUMNS;

  selectedSegment = ALL_SEGMENTS;
  selectedRowId;
  sortedBy;
  sortDirection = 'asc';

  scoreNodes = [];
  segments = [];
  truncated = false;
  errors;
  loaded = false;
  refreshReport;

  @wire(graphql, { query: REPORT_QUERY })
  wiredReport(result) {
    this.refreshReport = result.refresh;
    takeAnswer(this, result, (data) => {
      const query = data.uiapi.query;
      const scores = query.Segment_Demand_Score__c;
      this.scoreNodes = nodesOf(scores);
      this.truncated = Boolean(scores && scores.pageInfo && scores.pageInfo.hasNextPage);
      const withScores = new Set(this.scoreNodes.map((node) => val(node.Segment__c)));
      // Active segments, plus inactive ones that still carry scores from an earlier run.
      this.segments = nodesOf(query.Segment__c)
        .filter((node) => val(node.Active__c) === true || withScores.has(node.Id))
        .map((node) => ({
          id: node.Id,
          name: val(node.Name),
          status: val(node.Status__c),
          statusMessage: val(node.Status_Message__c),
          accountCount: val(node.Account_Count__c),
        }));
    });
  }

  get isLoading() {
    return !this.loaded;
  }

  get hasErrors() {
    return Boolean(this.errors) && reduceErrors(this.errors).length > 0;
  }

  get segmentOptions() {
    return [
      { label: ALL_ACCOUNTS, value: ALL_SEGMENTS },
      ...this.segments.map((s) => ({ label: s.name, value: s.id })),
    ];
  }

  /** The selected segment's rows: open demand ranked, closed themes apart. */
  get segmentRows() {
    return splitByThemeStatus(
      themeRowsFor(this.scoreNodes, this.selectedSegment).map(toDisplayRow),
    );
  }

  get themeRows() {
    const rows = this.segmentRows.open;
    if (!this.sortedBy) {
      return rows;
    }
    return sortRows(rows, SORT_KEYS[this.sortedBy] || this.sortedBy, this.sortDirection);
  }

  get closedRows() {
    return this.segmentRows.closed;
  }

  get hasThemes() {
    return this.themeRows.length > 0;
  }

  /**
   * Why the selected segment ranks no theme. "Run a recompute" helps only a segment not scored
   * yet: an invalid rule or a rule no account matched stays empty after any number of runs.
   */
  get emptyText() {
    const segment = this.segments.find((s) => s.id === this.selectedSegment);
    if (segment && segment.status === SEGMENT_STATUS.INVALID) {
      return formatLabel(EMPTY_INVALID, segment.statusMessage || '').trim();
    }
    if (segment && segment.accountCount === 0) {
      return EMPTY_NO_ACCOUNTS;
    }
    return EMPTY;
  }

  get hasClosedThemes() {
    return this.closedRows.length > 0;
  }

  get selectedRows() {
    return this.selectedRowId ? [this.selectedRowId] : [];
  }

  get selectedTheme() {
    return [...this.themeRows, ...this.closedRows].find((row) => row.id === this.selectedRowId);
  }

  /** The drill-down's segment: null means all accounts. */
  get drilldownSegmentId() {
    return this.selectedSegment === ALL_SEGMENTS ? null : this.selectedSegment;
  }

  handleSegmentChange(event) {
    this.selectedSegment = event.detail.value;
    this.selectedRowId = undefined;
  }

  handleSort(event) {
    this.sortedBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
  }

  handleRowSelection(event) {
    const [row] = event.detail.selectedRows;
    this.selectedRowId = row ? row.id : undefined;
  }

  handleHeatCellSelect(event) {
    this.selectedSegment = event.detail.segmentKey;
    const rows = [...this.themeRows, ...this.closedRows];
    const row = rows.find((r) => r.themeId === event.detail.themeId);
    this.selectedRowId = row ? row.id : undefined;
  }

  /** A finished run wrote new scores: read them again. */
  handleRunFinished() {
    if (this.refreshReport) {
      this.refreshReport();
    }
  }
}
