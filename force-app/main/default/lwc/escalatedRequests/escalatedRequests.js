import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import RequestEditor from 'c/requestEditor';
import { formatLabel } from 'c/ldsUtils';
import { queryNodes } from 'c/graphqlNodes';
import { formatCount, formatScore } from 'c/quorumFormat';
import { takeAnswer } from 'c/wireAnswer';
import {
  splitByOpportunity,
  scoreForRequest,
  signalKind,
  KIND_PATTERN,
  KIND_EMERGING,
  KIND_CLOSED,
} from './signals';
import { COMMITTEE_QUERY, REQUESTS_QUERY, SIGNALS_QUERY, committeeWhere } from './queries';
import {
  requesterOptions,
  requesterOptionsFor,
  toCommitteeMember,
  toRequest,
  toScore,
} from './requestMapping';

import OPPORTUNITY_ACCOUNT_FIELD from '@salesforce/schema/Opportunity.AccountId';
import OPPORTUNITY_AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';

import LABELS from './labels';

const BADGES = {
  [KIND_PATTERN]: LABELS.pattern,
  [KIND_EMERGING]: LABELS.emerging,
  [KIND_CLOSED]: LABELS.closed,
};

/** The signal sentence: ranked or not (Delivered/Declined themes have no rank), one or more accounts. */
function signalLabel(score) {
  const one = score.accounts === 1;
  if (score.rank === null || score.rank === undefined) {
    return one ? LABELS.signalUnrankedOne : LABELS.signalUnranked;
  }
  return one ? LABELS.signalOne : LABELS.signal;
}

/**
 * An account's escalated requests (on an opportunity: the opportunity's first), each with the
 * cross-account signal that tells a pattern from a one-off, and the modal to log or edit one.
 * Queries and the mapping of their rows live beside it (queries.js, requestMapping.js).
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
    const answer = takeAnswer(
      this,
      result,
      (data) => {
        this.requests = queryNodes(data, 'Escalated_Request__c').map(toRequest);
      },
      { errors: 'requestErrors', loaded: 'requestsLoaded' },
    );
    if (answer === 'errors') {
      this.requests = [];
    }
  }

  @wire(graphql, { query: '$signalsQuery', variables: '$signalVariables' })
  wiredSignals({ data }) {
    // Signals are a bonus: without them the list still works, so errors are not shown.
    this.scores = data ? queryNodes(data, 'Segment_Demand_Score__c').map(toScore) : [];
  }

  @wire(graphql, { query: '$committeeQuery', variables: '$committeeVariables' })
  wiredCommittee({ data }) {
    if (data) {
      this.committee = queryNodes(data, 'Buying_Committee_Member__c').map(toCommitteeMember);
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

  get opportunityData() {
    return this.opportunity && this.opportunity.data;
  }

  get opportunityError() {
    return this.isOpportunityPage && this.opportunity ? this.opportunity.error : undefined;
  }

  get accountId() {
    if (!this.isOpportunityPage) {
      return this.recordId;
    }
    return this.opportunityData
      ? getFieldValue(this.opportunityData, OPPORTUNITY_ACCOUNT_FIELD) || undefined
      : undefined;
  }

  get opportunityAmount() {
    return this.opportunityData
      ? getFieldValue(this.opportunityData, OPPORTUNITY_AMOUNT_FIELD)
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

  get committeeFilter() {
    return this.isOpportunityPage
      ? committeeWhere({ opportunityId: this.recordId })
      : committeeWhere({ accountId: this.recordId });
  }

  get committeeQuery() {
    return this.committeeFilter ? COMMITTEE_QUERY : undefined;
  }

  get committeeVariables() {
    return { where: this.committeeFilter };
  }

  // ----- states -----

  /** The opportunity was read and has no account: there is nothing to list or log against. */
  get hasNoAccount() {
    return this.isOpportunityPage && Boolean(this.opportunityData) && !this.accountId;
  }

  get isLoading() {
    if (this.opportunityError || this.hasNoAccount) {
      return false;
    }
    return !this.requestsLoaded;
  }

  get loadErrors() {
    return this.opportunityError || this.requestErrors;
  }

  get hasError() {
    return Boolean(this.loadErrors);
  }

  get isEmpty() {
    return this.requestsLoaded && !this.hasError && this.requests.length === 0;
  }

  get hasRequests() {
    return this.requestsLoaded && !this.hasError && this.requests.length > 0;
  }

  // ----- view models -----

  get groups() {
    const withSignals = this.requests.map((request) => ({ ...request, ...this.signalOf(request) }));
    const { current, others } = splitByOpportunity(withSignals, this.opportunityId);
    if (!this.isOpportunityPage) {
      return [{ key: 'all', heading: null, requests: others, isEmpty: false }];
    }
    const groups = [
      {
        key: 'current',
        heading: LABELS.thisOpportunity,
        requests: current,
        isEmpty: !current.length,
      },
    ];
    if (others.length) {
      groups.push({
        key: 'others',
        heading: LABELS.otherRequests,
        requests: others,
        isEmpty: false,
      });
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
    return {
      signalText: formatLabel(
        signalLabel(score),
        formatCount(score.accounts),
        score.segmentName || LABELS.allAccounts,
        formatCount(score.rank),
        formatScore(score.score || 0),
      ),
      signalBadge: BADGES[kind] || LABELS.oneOff,
      signalKind: kind,
    };
  }

  get requesterOptions() {
    const labelOf = (member) => {
      return member.role
        ? formatLabel(LABELS.requesterWithRole, member.name, member.role)
        : member.name;
    };
    return requesterOptions(this.committee, labelOf);
  }

  // ----- log and edit -----

  get cannotLog() {
    return !this.accountId;
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
      requesterOptions: requesterOptionsFor(this.requesterOptions, request),
      recordId: request ? request.id : undefined,
      values: request ? request.fields : undefined,
      themeName: request ? request.themeName : undefined,
      // Quorum's match, offered for one click while no person chose a theme.
      suggestedTheme:
        request && !request.themeId && request.suggestedThemeId
          ? { id: request.suggestedThemeId, name: request.suggestedThemeName }
          : undefined,
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
