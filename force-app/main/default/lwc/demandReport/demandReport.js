import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { reduceErrors } from 'c/ldsUtils';
import { ALL_SEGMENTS, nodesOf, sortRows, themeRowsFor, val } from 'c/demandModel';
import TITLE from '@salesforce/label/c.Quorum_Demand_Title';
import SEGMENT_LABEL from '@salesforce/label/c.Quorum_Demand_Segment';
import ALL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_AllAccounts';
import RANKED_THEMES from '@salesforce/label/c.Quorum_Demand_RankedThemes';
import EMPTY from '@salesforce/label/c.Quorum_Demand_Empty';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import TRUNCATED from '@salesforce/label/c.Quorum_Demand_Truncated';
import COL_THEME from '@salesforce/label/c.Quorum_Demand_ColTheme';
import COL_SCORE from '@salesforce/label/c.Quorum_Demand_ColScore';
import COL_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_ColAccounts';
import COL_PENETRATION from '@salesforce/label/c.Quorum_Demand_ColPenetration';
import COL_REVENUE from '@salesforce/label/c.Quorum_Demand_ColRevenue';
import COL_DECISION from '@salesforce/label/c.Quorum_Demand_ColDecisionBacked';
import COL_BLOCKERS from '@salesforce/label/c.Quorum_Demand_ColDealBlockers';
import COL_NEEDED_BY from '@salesforce/label/c.Quorum_Demand_ColNeededBy';
import COL_QUORUM from '@salesforce/label/c.Quorum_Demand_ColQuorum';
import QUORUM_REACHED from '@salesforce/label/c.Quorum_Demand_QuorumReached';
import SELECT_HINT from '@salesforce/label/c.Quorum_Demand_SelectHint';

const COLUMNS = [
  { label: COL_THEME, fieldName: 'themeName', sortable: true, wrapText: true },
  {
    label: COL_SCORE,
    fieldName: 'score',
    type: 'number',
    sortable: true,
    typeAttributes: { maximumFractionDigits: 2 },
  },
  { label: COL_ACCOUNTS, fieldName: 'accounts', type: 'number', sortable: true },
  {
    label: COL_PENETRATION,
    fieldName: 'penetration',
    type: 'percent',
    sortable: true,
    typeAttributes: { maximumFractionDigits: 1 },
  },
  {
    label: COL_REVENUE,
    fieldName: 'revenue',
    type: 'currency',
    sortable: true,
    typeAttributes: { maximumFractionDigits: 0 },
  },
  { label: COL_DECISION, fieldName: 'decisionBacked', type: 'number', sortable: true },
  { label: COL_BLOCKERS, fieldName: 'dealBlockers', type: 'number', sortable: true },
  { label: COL_NEEDED_BY, fieldName: 'neededBy', type: 'date-local', sortable: true },
  {
    label: COL_QUORUM,
    fieldName: 'quorumText',
    sortable: true,
    cellAttributes: { iconName: { fieldName: 'quorumIcon' }, iconAlternativeText: QUORUM_REACHED },
  },
];

/**
 * The product manager's demand report: ranked themes of one segment (or all accounts), a
 * themes × segments heat map, a theme's explanation and drill-down, and the recompute run.
 * Every score is read through GraphQL with the viewing user's own sharing.
 */
export default class DemandReport extends LightningElement {
  labels = {
    TITLE,
    SEGMENT_LABEL,
    RANKED_THEMES,
    EMPTY,
    LOAD_ERROR,
    LOADING,
    TRUNCATED,
    SELECT_HINT,
    ALL_ACCOUNTS,
  };
  columns = COLUMNS;

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

  // One query for the picker's segments and every score: the heat map needs them all, and
  // the ranked table is a filter of the same rows (at most 2,000 theme × segment scores).
  @wire(graphql, {
    query: gql`
      query demandReport {
        uiapi {
          query {
            Segment__c(first: 200, orderBy: { Priority__c: { order: ASC }, Name: { order: ASC } }) {
              edges {
                node {
                  Id
                  Name {
                    value
                  }
                  Active__c {
                    value
                  }
                }
              }
            }
            Segment_Demand_Score__c(first: 2000, orderBy: { Score__c: { order: DESC } }) {
              edges {
                node {
                  Id
                  Score_Key__c {
                    value
                  }
                  Segment__c {
                    value
                  }
                  Theme__c {
                    value
                  }
                  Theme__r {
                    Name {
                      value
                    }
                  }
                  Score__c {
                    value
                  }
                  Rank__c {
                    value
                  }
                  Account_Count__c {
                    value
                  }
                  Segment_Account_Count__c {
                    value
                  }
                  Penetration__c {
                    value
                  }
                  Request_Count__c {
                    value
                  }
                  Revenue_At_Stake__c {
                    value
                  }
                  Decision_Backed_Count__c {
                    value
                  }
                  Deal_Blocker_Count__c {
                    value
                  }
                  Earliest_Needed_By__c {
                    value
                  }
                  Quorum_Reached__c {
                    value
                  }
                }
              }
              pageInfo {
                hasNextPage
              }
            }
          }
        }
      }
    `,
  })
  wiredReport({ data, errors, refresh }) {
    this.refreshReport = refresh;
    if (errors) {
      this.errors = errors;
      this.loaded = true;
      return;
    }
    if (!data) {
      return;
    }
    this.errors = undefined;
    const query = data.uiapi.query;
    const scores = query.Segment_Demand_Score__c;
    this.scoreNodes = nodesOf(scores);
    this.truncated = Boolean(scores && scores.pageInfo && scores.pageInfo.hasNextPage);
    const withScores = new Set(this.scoreNodes.map((node) => val(node.Segment__c)));
    // Active segments, plus inactive ones that still carry scores from an earlier run.
    this.segments = nodesOf(query.Segment__c)
      .filter((node) => val(node.Active__c) === true || withScores.has(node.Id))
      .map((node) => ({ id: node.Id, name: val(node.Name) }));
    this.loaded = true;
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

  get themeRows() {
    const rows = themeRowsFor(this.scoreNodes, this.selectedSegment).map((row) => ({
      ...row,
      quorumText: row.quorumReached ? QUORUM_REACHED : '',
    }));
    return this.sortedBy ? sortRows(rows, this.sortedBy, this.sortDirection) : rows;
  }

  get hasThemes() {
    return this.themeRows.length > 0;
  }

  get selectedRows() {
    return this.selectedRowId ? [this.selectedRowId] : [];
  }

  get selectedTheme() {
    return this.themeRows.find((row) => row.id === this.selectedRowId);
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
    const row = this.themeRows.find((r) => r.themeId === event.detail.themeId);
    this.selectedRowId = row ? row.id : undefined;
  }

  /** A finished run wrote new scores: read them again. */
  handleRunFinished() {
    if (this.refreshReport) {
      this.refreshReport();
    }
  }
}
