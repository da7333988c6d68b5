import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import {
  contributorName,
  describeFactors,
  explainBreakdown,
  formatScore,
  nodesOf,
  parseBreakdown,
  strongestRequestIds,
  val,
  withRequestDetails,
} from 'c/demandModel';
import TITLE from '@salesforce/label/c.Quorum_Demand_ExplainTitle';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';
import UNREADABLE from '@salesforce/label/c.Quorum_Demand_ExplainUnreadable';
import OTHERS from '@salesforce/label/c.Quorum_Demand_ExplainOthers';
import WORD_ACCOUNTS from '@salesforce/label/c.Quorum_Demand_WordAccounts';
import WORD_STRONGEST from '@salesforce/label/c.Quorum_Demand_WordStrongest';
import WORD_SIDE from '@salesforce/label/c.Quorum_Demand_WordSide';
import WORD_DEAL_BLOCKER from '@salesforce/label/c.Quorum_Demand_WordDealBlocker';
import WORD_URGENCY from '@salesforce/label/c.Quorum_Demand_WordUrgency';
import WORD_HIDDEN_ACCOUNT from '@salesforce/label/c.Quorum_Demand_WordHiddenAccount';
import VOICE from '@salesforce/label/c.Quorum_Demand_ExplainVoice';
import { formatLabel } from 'c/ldsUtils';

const WORDS = {
  accounts: WORD_ACCOUNTS,
  strongest: WORD_STRONGEST,
  side: WORD_SIDE,
  dealBlocker: WORD_DEAL_BLOCKER,
  urgency: WORD_URGENCY,
  hiddenAccount: WORD_HIDDEN_ACCOUNT,
};
/** Accounts listed by name; a broad theme's long tail is summed, as the engine does. */
const LISTED = 50;

/**
 * Explains one score in plain words from its Breakdown__c (the service's JSON of every factor
 * of every contributing account): how many accounts, which one is strongest and why, then each
 * account's voice. The breakdown holds Ids only, so names and urgency labels come from the
 * strongest requests, read with the viewer's own sharing. A breakdown the component can't read
 * gets a friendly sentence, not a crash.
 */
export default class DemandExplanation extends LightningElement {
  /** Id of the Segment_Demand_Score__c to explain. */
  @api scoreId;
  @api themeName;

  labels = { TITLE, LOADING, LOAD_ERROR, UNREADABLE, VOICE };
  breakdown = { ok: false };
  requestNodes = [];
  errors;
  detailErrors;
  loaded = false;

  get variables() {
    return this.scoreId ? { scoreId: this.scoreId } : undefined;
  }

  @wire(graphql, {
    query: gql`
      query demandExplanation($scoreId: ID) {
        uiapi {
          query {
            Segment_Demand_Score__c(where: { Id: { eq: $scoreId } }, first: 1) {
              edges {
                node {
                  Id
                  Breakdown__c {
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
  wiredBreakdown({ data, errors }) {
    if (errors) {
      this.errors = errors;
      this.loaded = true;
    } else if (data) {
      this.errors = undefined;
      const [node] = nodesOf(data.uiapi.query.Segment_Demand_Score__c);
      this.breakdown = parseBreakdown(node ? val(node.Breakdown__c) : null);
      this.requestNodes = [];
      this.loaded = true;
    }
  }

  get requestVariables() {
    const ids = strongestRequestIds(this.breakdown, LISTED);
    return ids.length > 0 ? { ids } : undefined;
  }

  @wire(graphql, {
    query: gql`
      query demandExplanationRequests($ids: [ID]) {
        uiapi {
          query {
            Escalated_Request__c(where: { Id: { in: $ids } }, first: 50) {
              edges {
                node {
                  Id
                  Urgency__c {
                    value
                    displayValue
                  }
                  Account__r {
                    Name {
                      value
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$requestVariables',
  })
  wiredRequests({ data, errors }) {
    if (errors) {
      this.detailErrors = errors;
    } else if (data) {
      this.detailErrors = undefined;
      this.requestNodes = nodesOf(data.uiapi.query.Escalated_Request__c);
    }
  }

  get heading() {
    return this.themeName ? `${TITLE}: ${this.themeName}` : TITLE;
  }

  get isLoading() {
    return !this.loaded;
  }

  get isReadable() {
    return this.breakdown.ok;
  }

  get explained() {
    return withRequestDetails(this.breakdown, this.requestNodes);
  }

  get summary() {
    return explainBreakdown(this.explained, WORDS);
  }

  get contributions() {
    return this.explained.accounts.slice(0, LISTED).map((account, index) => ({
      key: `${index}:${account.accountId || account.name}`,
      name: contributorName(account, WORDS),
      voice: formatScore(account.voice),
      factors: describeFactors(account, WORDS),
    }));
  }

  /** "and 120 more accounts with a combined voice of 31.5" for the unlisted long tail. */
  get othersText() {
    const listedOut = Math.max(0, this.explained.accounts.length - LISTED);
    const others = this.explained.others;
    const count = listedOut + (others ? others.accounts : 0);
    if (count === 0) {
      return null;
    }
    const voice = this.explained.accounts
      .slice(LISTED)
      .reduce((sum, a) => sum + (a.voice || 0), others ? others.voice : 0);
    return formatLabel(OTHERS, count, formatScore(voice));
  }
}
