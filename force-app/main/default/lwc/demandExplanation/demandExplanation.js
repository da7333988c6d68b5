import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel } from 'c/ldsUtils';
import { queryNodes, valueOf } from 'c/graphqlNodes';
import { formatCount, formatScore } from 'c/quorumFormat';
import { explainScore, strongestRequestIds, withAccountNames } from 'c/demandModel';
import { takeAnswer } from 'c/wireAnswer';
import { SCORE_BREAKDOWN_QUERY } from 'c/scoreBreakdownQuery';
import { factorsOf } from './factors';
import TITLE from '@salesforce/label/c.Quorum_Demand_ExplainTitle';
import TITLE_THEME from '@salesforce/label/c.Quorum_Demand_ExplainTitleTheme';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';
import UNREADABLE from '@salesforce/label/c.Quorum_Demand_ExplainUnreadable';
import OTHERS from '@salesforce/label/c.Quorum_Demand_ExplainOthers';
import SUMMARY from '@salesforce/label/c.Quorum_Demand_ExplainSummary';
import TOTAL from '@salesforce/label/c.Quorum_Demand_ExplainTotal';
import VOICE from '@salesforce/label/c.Quorum_Demand_ExplainVoice';
import FORMULA from '@salesforce/label/c.Quorum_Demand_ExplainFormula';
import HIDDEN_ACCOUNT from '@salesforce/label/c.Quorum_Demand_WordHiddenAccount';
import F_URGENCY from '@salesforce/label/c.Quorum_Demand_FactorUrgency';
import F_SIDE from '@salesforce/label/c.Quorum_Demand_FactorSide';
import F_SIDE_WHO from '@salesforce/label/c.Quorum_Demand_FactorSideWho';
import F_SIDE_VETO from '@salesforce/label/c.Quorum_Demand_FactorSideVeto';
import F_INFLUENCE from '@salesforce/label/c.Quorum_Demand_FactorInfluence';
import F_INFLUENCE_UNKNOWN from '@salesforce/label/c.Quorum_Demand_FactorInfluenceUnknown';
import F_SOURCE from '@salesforce/label/c.Quorum_Demand_FactorSource';
import F_WORKAROUND from '@salesforce/label/c.Quorum_Demand_FactorWorkaround';
import F_WORKAROUND_UNKNOWN from '@salesforce/label/c.Quorum_Demand_FactorWorkaroundUnknown';
import F_AGE from '@salesforce/label/c.Quorum_Demand_FactorAge';
import F_BLOCKER from '@salesforce/label/c.Quorum_Demand_FactorBlocker';
import F_REVENUE from '@salesforce/label/c.Quorum_Demand_FactorRevenue';
import F_CAPPED from '@salesforce/label/c.Quorum_Demand_FactorCapped';

const WORDS = {
  urgency: F_URGENCY,
  side: F_SIDE,
  sideWho: F_SIDE_WHO,
  sideVeto: F_SIDE_VETO,
  influence: F_INFLUENCE,
  influenceUnknown: F_INFLUENCE_UNKNOWN,
  source: F_SOURCE,
  workaround: F_WORKAROUND,
  workaroundUnknown: F_WORKAROUND_UNKNOWN,
  age: F_AGE,
  blocker: F_BLOCKER,
  revenue: F_REVENUE,
  capped: F_CAPPED,
};
/** Accounts listed one by one; a broad theme's long tail is summed in one line. */
const LISTED = 50;

/**
 * Explains one score in plain words from its Breakdown__c (read with the shared reader,
 * c/quorumBreakdown): per account, every factor that made its voice — urgency, side and who,
 * influence, source, workaround, age, deal blocker, revenue and the cap — and the voices
 * summing to the score. The breakdown holds Ids only, so account names come from the listed
 * accounts' strongest requests, read with the viewer's own sharing. A breakdown the component
 * can't read gets a friendly sentence, not a crash.
 */
export default class DemandExplanation extends LightningElement {
  /** Id of the Segment_Demand_Score__c to explain. */
  @api scoreId;
  @api themeName;

  labels = { TITLE, LOADING, LOAD_ERROR, UNREADABLE, FORMULA };
  explained = { ok: false };
  requestNodes = [];
  errors;
  detailErrors;
  loaded = false;

  get variables() {
    return this.scoreId ? { scoreId: this.scoreId } : undefined;
  }

  @wire(graphql, {
    query: SCORE_BREAKDOWN_QUERY,
    variables: '$variables',
  })
  wiredBreakdown(result) {
    takeAnswer(this, result, (data) => {
      const [node] = queryNodes(data, 'Segment_Demand_Score__c');
      this.explained = explainScore(node ? valueOf(node.Breakdown__c) : null);
      this.requestNodes = [];
    });
  }

  get requestVariables() {
    const ids = strongestRequestIds(this.explained, LISTED);
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
      this.requestNodes = queryNodes(data, 'Escalated_Request__c');
    }
  }

  get heading() {
    return this.themeName ? formatLabel(TITLE_THEME, this.themeName) : TITLE;
  }

  get isLoading() {
    return !this.loaded;
  }

  get isReadable() {
    return this.explained.ok;
  }

  get named() {
    return withAccountNames(this.explained, this.requestNodes);
  }

  /** "6 accounts ask; each counts with its strongest request, and the voices sum to 7.25." */
  get summary() {
    const named = this.named;
    return formatLabel(SUMMARY, formatCount(named.accountCount), formatScore(named.score));
  }

  get contributions() {
    const cap = this.named.cap;
    return this.named.accounts.slice(0, LISTED).map((account, index) => ({
      key: `${index}:${account.account}`,
      name: account.name || HIDDEN_ACCOUNT,
      voice: formatLabel(VOICE, formatScore(account.voice)),
      factors: factorsOf(account, WORDS, cap),
    }));
  }

  /** "and 120 more accounts with a combined voice of 31.50" for the unlisted long tail. */
  get othersText() {
    const named = this.named;
    const listedOut = named.accounts.slice(LISTED);
    const others = named.others;
    const count = listedOut.length + (others ? others.accounts : 0);
    if (count === 0) {
      return null;
    }
    const voice = listedOut.reduce((sum, a) => sum + (a.voice || 0), others ? others.voice : 0);
    return formatLabel(OTHERS, formatCount(count), formatScore(voice));
  }

  /** The voices added up, beside the score: the explanation accounts for all of it. */
  get totalText() {
    return formatLabel(TOTAL, formatScore(this.named.total), formatScore(this.named.score));
  }
}
