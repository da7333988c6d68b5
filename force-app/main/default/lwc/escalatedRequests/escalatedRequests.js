import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LOCALE from '@salesforce/i18n/locale';
import RequestEditor from 'c/requestEditor';
import { formatLabel } from 'c/ldsUtils';
import {
  splitByOpportunity,
  scoreForRequest,
  signalKind,
  KIND_PATTERN,
  KIND_EMERGING,
} from './signals';

import OPPORTUNITY_ACCOUNT_FIELD from '@salesforce/schema/Opportunity.AccountId';
import OPPORTUNITY_AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';
import NAME_FIELD from '@salesforce/schema/Escalated_Request__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Escalated_Request__c.Description__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/Escalated_Request__c.Opportunity__c';
import STATUS_FIELD from '@salesforce/schema/Escalated_Request__c.Status__c';
import URGENCY_FIELD from '@salesforce/schema/Escalated_Request__c.Urgency__c';
import NEEDED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Needed_By__c';
import THEME_FIELD from '@salesforce/schema/Escalated_Request__c.Theme__c';
import SUGGESTED_THEME_FIELD from '@salesforce/schema/Escalated_Request__c.Suggested_Theme__c';
import SUGGESTION_REASON_FIELD from '@salesforce/schema/Escalated_Request__c.Suggestion_Reason__c';
import SEGMENT_FIELD from '@salesforce/schema/Escalated_Request__c.Segment__c';
import REQUESTED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Requested_By__c';
import REVENUE_FIELD from '@salesforce/schema/Escalated_Request__c.Revenue_At_Stake__c';
import DEAL_BLOCKER_FIELD from '@salesforce/schema/Escalated_Request__c.Deal_Blocker__c';
import SOURCE_FIELD from '@salesforce/schema/Escalated_Request__c.Source__c';
import WORKAROUND_FIELD from '@salesforce/schema/Escalated_Request__c.Workaround__c';
import SCORE_THEME_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Theme__c';
import SCORE_SEGMENT_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Segment__c';
import SCORE_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Score__c';
import RANK_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Rank__c';
import ACCOUNT_COUNT_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Account_Count__c';
import QUORUM_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Quorum_Reached__c';
import MEMBER_CONTACT_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Contact__c';
import MEMBER_ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';

import LABELS from './labels';

// All user-dependent values (record ids) travel as variables; the query texts are constants.
const REQUESTS_QUERY = gql`
  query accountRequests($accountId: ID) {
    uiapi {
      query {
        Escalated_Request__c(
          where: { Account__c: { eq: $accountId } }
          first: 200
          orderBy: { CreatedDate: { order: DESC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Description__c {
                value
              }
              Opportunity__c {
                value
              }
              Status__c {
                value
                displayValue
              }
              Urgency__c {
                value
                displayValue
              }
              Needed_By__c {
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
              Suggested_Theme__c {
                value
              }
              Suggested_Theme__r {
                Name {
                  value
                }
              }
              Suggestion_Reason__c {
                value
              }
              Segment__c {
                value
              }
              Requested_By__c {
                value
              }
              Revenue_At_Stake__c {
                value
              }
              Deal_Blocker__c {
                value
              }
              Source__c {
                value
              }
              Workaround__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// The service writes one score per (segment, theme) and one per theme over all accounts.
const SIGNALS_QUERY = gql`
  query themeSignals($themeIds: [ID], $segmentIds: [ID]) {
    uiapi {
      query {
        Segment_Demand_Score__c(
          where: {
            and: [
              { Theme__c: { in: $themeIds } }
              { or: [{ Segment__c: { in: $segmentIds } }, { Segment__c: { eq: null } }] }
            ]
          }
          first: 2000
        ) {
          edges {
            node {
              Id
              Theme__c {
                value
              }
              Segment__c {
                value
              }
              Segment__r {
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
              Quorum_Reached__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// Who can be "requested by": the committee of this opportunity...
const OPPORTUNITY_COMMITTEE_QUERY = gql`
  query opportunityCommittee($opportunityId: ID) {
    uiapi {
      query {
        Buying_Committee_Member__c(where: { Opportunity__c: { eq: $opportunityId } }, first: 200) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
              }
              Role__c {
                value
                displayValue
              }
            }
          }
        }
      }
    }
  }
`;

// ...or, on an account page, the committees of the account's opportunities.
const ACCOUNT_COMMITTEE_QUERY = gql`
  query accountCommittee($accountId: ID) {
    uiapi {
      query {
        Buying_Committee_Member__c(
          where: { Opportunity__r: { AccountId: { eq: $accountId } } }
          first: 200
        ) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
              }
              Role__c {
                value
                displayValue
              }
            }
          }
        }
      }
    }
  }
`;

const valueOf = (field) => (field ? field.value : null);
const displayOf = (field) => (field ? field.displayValue || field.value : null);
const nameOf = (parent) => (parent && parent.Name ? parent.Name.value : null);

/** A GraphQL request row flattened; `fields` keeps the raw values the editor starts from. */
function toRequest(node) {
  const value = (field) => valueOf(node[field.fieldApiName]);
  return {
    id: node.Id,
    name: value(NAME_FIELD),
    opportunityId: value(OPPORTUNITY_FIELD),
    status: displayOf(node[STATUS_FIELD.fieldApiName]),
    urgency: value(URGENCY_FIELD),
    urgencyLabel: displayOf(node[URGENCY_FIELD.fieldApiName]),
    neededBy: value(NEEDED_BY_FIELD),
    themeId: value(THEME_FIELD),
    themeName: nameOf(node.Theme__r),
    suggestedThemeName: value(SUGGESTED_THEME_FIELD) ? nameOf(node.Suggested_Theme__r) : null,
    // Why Quorum suggested the theme (written by the service with the suggestion).
    suggestionReason: value(SUGGESTED_THEME_FIELD) ? value(SUGGESTION_REASON_FIELD) : null,
    segmentId: value(SEGMENT_FIELD),
    dealBlocker: value(DEAL_BLOCKER_FIELD) === true,
    fields: {
      [NAME_FIELD.fieldApiName]: value(NAME_FIELD),
      [DESCRIPTION_FIELD.fieldApiName]: value(DESCRIPTION_FIELD),
      [STATUS_FIELD.fieldApiName]: value(STATUS_FIELD),
      [URGENCY_FIELD.fieldApiName]: value(URGENCY_FIELD),
      [NEEDED_BY_FIELD.fieldApiName]: value(NEEDED_BY_FIELD),
      [THEME_FIELD.fieldApiName]: value(THEME_FIELD),
      [REQUESTED_BY_FIELD.fieldApiName]: value(REQUESTED_BY_FIELD),
      [REVENUE_FIELD.fieldApiName]: value(REVENUE_FIELD),
      [DEAL_BLOCKER_FIELD.fieldApiName]: value(DEAL_BLOCKER_FIELD) === true,
      [SOURCE_FIELD.fieldApiName]: value(SOURCE_FIELD),
      [WORKAROUND_FIELD.fieldApiName]: value(WORKAROUND_FIELD),
    },
  };
}

function toScore(node) {
  const value = (field) => valueOf(node[field.fieldApiName]);
  return {
    themeId: value(SCORE_THEME_FIELD),
    segmentId: value(SCORE_SEGMENT_FIELD),
    segmentName: value(SCORE_SEGMENT_FIELD) ? nameOf(node.Segment__r) : null,
    score: value(SCORE_FIELD),
    rank: value(RANK_FIELD),
    accounts: value(ACCOUNT_COUNT_FIELD),
    quorum: value(QUORUM_FIELD) === true,
  };
}

const edgesOf = (data, objectName) => data.uiapi.query[objectName].edges.map((edge) => edge.node);
const scoreFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

/**
 * An account's escalated requests (on an opportunity: the opportunity's first), each with the
 * cross-account signal that tells a pattern from a one-off, and the modal to log or edit one.
 */
export default class EscalatedRequests extends LightningElement {
  @api recordId;
  @api objectApiName;

  labels = LABELS;
  requests = [];
  requestErrors;
  requestsLoaded = false;
  requestsResult;
  scores = [];
  committee = [];

  @wire(getRecord, {
    recordId: '$opportunityRecordId',
    fields: [OPPORTUNITY_ACCOUNT_FIELD, OPPORTUNITY_AMOUNT_FIELD],
  })
  opportunity;

  @wire(graphql, { query: '$requestsQuery', variables: '$requestVariables' })
  wiredRequests(result) {
    this.requestsResult = result;
    const { data, errors } = result;
    if (data) {
      this.requests = edgesOf(data, 'Escalated_Request__c').map(toRequest);
      this.requestErrors = undefined;
      this.requestsLoaded = true;
    } else if (errors) {
      this.requestErrors = errors;
      this.requests = [];
      this.requestsLoaded = true;
    }
  }

  @wire(graphql, { query: '$signalsQuery', variables: '$signalVariables' })
  wiredSignals({ data }) {
    // Signals are a bonus: without them the list still works, so errors are not shown.
    this.scores = data ? edgesOf(data, 'Segment_Demand_Score__c').map(toScore) : [];
  }

  @wire(graphql, { query: '$committeeQuery', variables: '$committeeVariables' })
  wiredCommittee({ data }) {
    if (data) {
      this.committee = edgesOf(data, 'Buying_Committee_Member__c').map((node) => ({
        contactId: valueOf(node[MEMBER_CONTACT_FIELD.fieldApiName]),
        name: nameOf(node.Contact__r),
        role: displayOf(node[MEMBER_ROLE_FIELD.fieldApiName]),
      }));
    }
  }

  // ----- where we are -----

  get isOpportunityPage() {
    return this.objectApiName === 'Opportunity';
  }

  get opportunityRecordId() {
    return this.isOpportunityPage ? this.recordId : undefined;
  }

  get opportunityId() {
    return this.opportunityRecordId;
  }

  get accountId() {
    if (!this.isOpportunityPage) {
      return this.recordId;
    }
    return this.opportunity && this.opportunity.data
      ? getFieldValue(this.opportunity.data, OPPORTUNITY_ACCOUNT_FIELD)
      : undefined;
  }

  get opportunityAmount() {
    return this.opportunity && this.opportunity.data
      ? getFieldValue(this.opportunity.data, OPPORTUNITY_AMOUNT_FIELD)
      : null;
  }

  // ----- reactive query parameters (undefined query = not yet) -----

  get requestsQuery() {
    return this.accountId ? REQUESTS_QUERY : undefined;
  }

  get requestVariables() {
    return { accountId: this.accountId };
  }

  get themeIds() {
    return [...new Set(this.requests.map((request) => request.themeId).filter(Boolean))];
  }

  get signalsQuery() {
    return this.themeIds.length ? SIGNALS_QUERY : undefined;
  }

  get signalVariables() {
    const segmentIds = [
      ...new Set(this.requests.map((request) => request.segmentId).filter(Boolean)),
    ];
    return { themeIds: this.themeIds, segmentIds };
  }

  get committeeQuery() {
    if (this.isOpportunityPage) {
      return this.recordId ? OPPORTUNITY_COMMITTEE_QUERY : undefined;
    }
    return this.recordId ? ACCOUNT_COMMITTEE_QUERY : undefined;
  }

  get committeeVariables() {
    return this.isOpportunityPage ? { opportunityId: this.recordId } : { accountId: this.recordId };
  }

  // ----- states -----

  get isLoading() {
    return !this.requestsLoaded;
  }

  get hasError() {
    return Boolean(this.requestErrors);
  }

  get isEmpty() {
    return this.requestsLoaded && !this.requestErrors && this.requests.length === 0;
  }

  get hasRequests() {
    return this.requestsLoaded && !this.requestErrors && this.requests.length > 0;
  }

  // ----- view models -----

  get groups() {
    const withSignals = this.requests.map((request) => ({ ...request, ...this.signalOf(request) }));
    const { current, others } = splitByOpportunity(withSignals, this.opportunityId);
    const groups = [];
    if (this.isOpportunityPage) {
      groups.push({
        key: 'current',
        heading: LABELS.thisOpportunity,
        requests: current,
        isEmpty: !current.length,
      });
      if (others.length) {
        groups.push({
          key: 'others',
          heading: LABELS.otherRequests,
          requests: others,
          isEmpty: false,
        });
      }
    } else {
      groups.push({ key: 'all', heading: null, requests: others, isEmpty: false });
    }
    return groups;
  }

  signalOf(request) {
    if (!request.themeId) {
      return { signalText: null, signalBadge: null, signalKind: null };
    }
    const score = scoreForRequest(request, this.scores);
    if (!score) {
      return { signalText: LABELS.noSignal, signalBadge: null, signalKind: null };
    }
    const kind = signalKind(score);
    const badges = { [KIND_PATTERN]: LABELS.pattern, [KIND_EMERGING]: LABELS.emerging };
    return {
      signalText: formatLabel(
        LABELS.signal,
        score.accounts,
        score.segmentName || LABELS.allAccounts,
        score.rank,
        scoreFormat.format(score.score || 0),
      ),
      signalBadge: badges[kind] || LABELS.oneOff,
      signalKind: kind,
    };
  }

  get requesterOptions() {
    // One option per person, even when they sit on several of the account's committees.
    const byContact = new Map();
    this.committee.forEach((member) => {
      if (member.contactId && !byContact.has(member.contactId)) {
        byContact.set(member.contactId, {
          label: member.role ? `${member.name} (${member.role})` : member.name,
          value: member.contactId,
        });
      }
    });
    return [...byContact.values()];
  }

  // ----- log and edit -----

  get canLog() {
    return Boolean(this.accountId);
  }

  get cannotLog() {
    return !this.canLog;
  }

  handleNew() {
    this.openEditor({ request: null, label: LABELS.newTitle });
  }

  handleEdit(event) {
    const request = this.requests.find((item) => item.id === event.detail.id);
    if (request) {
      this.openEditor({ request, label: LABELS.editTitle });
    }
  }

  async openEditor({ request, label }) {
    const result = await RequestEditor.open({
      size: 'medium',
      label,
      description: label,
      accountId: this.accountId,
      opportunityId: this.opportunityId,
      defaultAmount: this.opportunityAmount,
      requesterOptions: this.requesterOptions,
      recordId: request ? request.id : undefined,
      values: request ? request.fields : undefined,
      themeName: request ? request.themeName : undefined,
    });
    if (!result || !result.id) {
      return;
    }
    const message = formatLabel(result.created ? LABELS.created : LABELS.updated, result.name);
    this.dispatchEvent(new ShowToastEvent({ title: LABELS.saved, message, variant: 'success' }));
    const refresh = this.requestsResult && this.requestsResult.refresh;
    if (refresh) {
      await refresh();
    }
  }
}
