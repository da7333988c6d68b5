import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel } from 'c/ldsUtils';
import { countedAccountIds, drilldownRows, drilldownWhere, markCounted } from 'c/demandModel';
import { countedStatusesOf } from 'c/quorumProfile';
import { nodesOf, queryNodes, valueOf } from 'c/graphqlNodes';
import { takeAnswer } from 'c/wireAnswer';
import { SCORE_BREAKDOWN_QUERY } from 'c/scoreBreakdownQuery';
import { PROFILE_QUERY } from 'c/scoringProfileQuery';
import TITLE from '@salesforce/label/c.Quorum_Demand_DrillTitle';
import TITLE_THEME from '@salesforce/label/c.Quorum_Demand_DrillTitleTheme';
import SUMMARY from '@salesforce/label/c.Quorum_Demand_DrillSummary';
import SUMMARY_NOT_COUNTED from '@salesforce/label/c.Quorum_Demand_DrillSummaryNotCounted';
import NOT_COUNTED from '@salesforce/label/c.Quorum_Demand_StatusNotCounted';
import EMPTY from '@salesforce/label/c.Quorum_Demand_DrillEmpty';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';
import COL_ACCOUNT from '@salesforce/label/c.Quorum_Demand_ColAccount';
import COL_REQUEST from '@salesforce/label/c.Quorum_Demand_ColRequest';
import COL_URGENCY from '@salesforce/label/c.Quorum_Demand_ColUrgency';
import COL_STATUS from '@salesforce/label/c.Quorum_Demand_ColStatus';
import COL_ASKED_ON from '@salesforce/label/c.Quorum_Requests_ColAskedOn';
import COL_NEEDED_BY from '@salesforce/label/c.Quorum_Requests_ColNeededBy';
import COL_REVENUE from '@salesforce/label/c.Quorum_Demand_ColRevenue';
import COL_BLOCKER from '@salesforce/label/c.Quorum_Demand_ColDealBlocker';
import COL_REASON from '@salesforce/label/c.Quorum_Demand_ColSuggestionReason';

// Widths for the card's full width at 1,280 px (about 1,200 px): a request name fits on one or
// two lines, every header stays whole (wrapped between words), and "Why suggested" takes the rest.
// "Asked on" is the date recency counts from (Asked_On__c), not when the record was logged.
const COLUMNS = [
  { label: COL_ACCOUNT, fieldName: 'accountName', wrapText: true, initialWidth: 150 },
  {
    label: COL_REQUEST,
    fieldName: 'url',
    type: 'url',
    wrapText: true,
    initialWidth: 220,
    typeAttributes: { label: { fieldName: 'title' } },
  },
  { label: COL_URGENCY, fieldName: 'urgency', initialWidth: 100 },
  { label: COL_STATUS, fieldName: 'status', wrapText: true, initialWidth: 115 },
  { label: COL_ASKED_ON, fieldName: 'askedOn', type: 'date-local', initialWidth: 110 },
  { label: COL_NEEDED_BY, fieldName: 'neededBy', type: 'date-local', initialWidth: 110 },
  {
    label: COL_REVENUE,
    fieldName: 'revenue',
    type: 'currency',
    initialWidth: 115,
    typeAttributes: { maximumFractionDigits: 0 },
  },
  { label: COL_BLOCKER, fieldName: 'dealBlocker', type: 'boolean', initialWidth: 100 },
  { label: COL_REASON, fieldName: 'suggestionReason', wrapText: true },
];

/**
 * The requesting accounts and requests behind one theme in one segment. GraphQL applies the
 * viewing user's sharing, so a product manager sees what they may see (which can be fewer
 * accounts than the service counted: the score is computed over all accounts).
 */
export default class DemandDrilldown extends NavigationMixin(LightningElement) {
  @api themeId;
  @api themeName;
  /** The Segment_Demand_Score__c shown: its breakdown says which accounts the segment counted. */
  @api scoreId;
  /** Segment__c Id, or null for all accounts. */
  @api segmentId;

  labels = { TITLE, EMPTY, LOADING, LOAD_ERROR };
  columns = COLUMNS;
  rows = [];
  accountCount = 0;
  errors;
  loaded = false;
  readCount = 0;

  /** undefined until read; null when the breakdown can't be read (fallback: the stamp). */
  accountIds;
  accountsRead = false;

  get breakdownVariables() {
    return this.segmentId && this.scoreId ? { scoreId: this.scoreId } : undefined;
  }

  @wire(graphql, {
    query: SCORE_BREAKDOWN_QUERY,
    variables: '$breakdownVariables',
  })
  wiredAccounts({ data, errors }) {
    if (data) {
      const [node] = queryNodes(data, 'Segment_Demand_Score__c');
      this.accountIds = countedAccountIds(node ? valueOf(node.Breakdown__c) : null);
      this.accountsRead = true;
    } else if (errors) {
      this.accountIds = null;
      this.accountsRead = true;
    }
  }

  /**
   * The request statuses the score counts: the active scoring profile's (the one the service
   * uses: active, changed last), the defaults until it is read or when there is none.
   */
  countedStatuses = countedStatusesOf(null);

  @wire(graphql, { query: PROFILE_QUERY })
  wiredCountedStatuses({ data }) {
    if (data) {
      const [profile] = queryNodes(data, 'Demand_Scoring_Profile__c');
      this.countedStatuses = countedStatusesOf(
        profile ? valueOf(profile.Counted_Statuses__c) : null,
      );
    }
  }

  get variables() {
    if (!this.themeId) {
      return undefined;
    }
    if (!this.segmentId) {
      return { where: drilldownWhere(this.themeId, null) };
    }
    if (this.scoreId && !this.accountsRead) {
      return undefined; // the segment's accounts come first
    }
    return { where: drilldownWhere(this.themeId, this.segmentId, this.accountIds) };
  }

  @wire(graphql, {
    query: gql`
      query demandDrilldown($where: Escalated_Request__c_Filter) {
        uiapi {
          query {
            Escalated_Request__c(
              where: $where
              first: 200
              orderBy: { Asked_On__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Name {
                    value
                  }
                  Account__c {
                    value
                  }
                  Account__r {
                    Name {
                      value
                    }
                  }
                  Urgency__c {
                    value
                    displayValue
                  }
                  Status__c {
                    value
                    displayValue
                  }
                  Asked_On__c {
                    value
                  }
                  Needed_By__c {
                    value
                  }
                  Revenue_At_Stake__c {
                    value
                  }
                  Deal_Blocker__c {
                    value
                  }
                  Theme__c {
                    value
                  }
                  Suggestion_Reason__c {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$variables',
  })
  wiredRequests(result) {
    takeAnswer(this, result, (data) => {
      const { rows, accountCount } = drilldownRows(nodesOf(data.uiapi.query.Escalated_Request__c));
      this.rows = rows;
      this.accountCount = accountCount;
      this.readCount += 1;
      this.addRecordUrls(rows, this.readCount);
    });
  }

  /** Each request's link, from NavigationMixin (the platform's URL, never one built by hand). */
  async addRecordUrls(rows, readCount) {
    const urls = await Promise.all(
      rows.map((row) =>
        this[NavigationMixin.GenerateUrl]({
          type: 'standard__recordPage',
          attributes: {
            recordId: row.id,
            objectApiName: 'Escalated_Request__c',
            actionName: 'view',
          },
        }),
      ),
    );
    // A newer read may have replaced the rows meanwhile: only fill in the rows asked about.
    if (this.readCount === readCount) {
      this.rows = rows.map((row, index) => ({ ...row, url: urls[index] }));
    }
  }

  get heading() {
    return this.themeName ? formatLabel(TITLE_THEME, this.themeName) : TITLE;
  }

  get isLoading() {
    return !this.loaded;
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  /** The rows as shown: a status the score does not count says so. */
  get marked() {
    return markCounted(this.rows, this.countedStatuses, NOT_COUNTED);
  }

  get tableRows() {
    return this.marked.rows;
  }

  get summary() {
    const { notCounted } = this.marked;
    return notCounted > 0
      ? formatLabel(
          SUMMARY_NOT_COUNTED,
          this.accountCount,
          this.rows.length,
          notCounted,
          this.countedStatuses.join(', '),
        )
      : formatLabel(SUMMARY, this.accountCount, this.rows.length);
  }
}
