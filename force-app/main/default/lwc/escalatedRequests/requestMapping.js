/**
 * GraphQL nodes of the escalated requests list turned into the plain objects the list, the tile
 * and the editor work on. Field names come from `@salesforce/schema` imports.
 */
import { displayOf, nameOf, valueOf } from 'c/graphqlNodes';

import NAME_FIELD from '@salesforce/schema/Escalated_Request__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Escalated_Request__c.Description__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/Escalated_Request__c.Opportunity__c';
import STATUS_FIELD from '@salesforce/schema/Escalated_Request__c.Status__c';
import URGENCY_FIELD from '@salesforce/schema/Escalated_Request__c.Urgency__c';
import NEEDED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Needed_By__c';
import ASKED_ON_FIELD from '@salesforce/schema/Escalated_Request__c.Asked_On__c';
import THEME_FIELD from '@salesforce/schema/Escalated_Request__c.Theme__c';
import SUGGESTED_THEME_FIELD from '@salesforce/schema/Escalated_Request__c.Suggested_Theme__c';
import SUGGESTION_REASON_FIELD from '@salesforce/schema/Escalated_Request__c.Suggestion_Reason__c';
import SEGMENT_FIELD from '@salesforce/schema/Escalated_Request__c.Segment__c';
import REQUESTED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Requested_By__c';
import REVENUE_FIELD from '@salesforce/schema/Escalated_Request__c.Revenue_At_Stake__c';
import DEAL_BLOCKER_FIELD from '@salesforce/schema/Escalated_Request__c.Deal_Blocker__c';
import SOURCE_FIELD from '@salesforce/schema/Escalated_Request__c.Source__c';
import WORKAROUND_FIELD from '@salesforce/schema/Escalated_Request__c.Workaround__c';
import THEME_STATUS_FIELD from '@salesforce/schema/Demand_Theme__c.Status__c';
import SCORE_THEME_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Theme__c';
import SCORE_SEGMENT_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Segment__c';
import SCORE_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Score__c';
import RANK_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Rank__c';
import ACCOUNT_COUNT_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Account_Count__c';
import QUORUM_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Quorum_Reached__c';
import SCORE_THEME_STATUS_FIELD from '@salesforce/schema/Segment_Demand_Score__c.Theme_Status__c';
import MEMBER_CONTACT_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Contact__c';
import MEMBER_ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';

/** Theme status that closes the need: a new ask on it is news for the customer, not demand. */
export const THEME_DELIVERED = 'Delivered';
/** Theme status of a need the product team decided not to build. */
export const THEME_DECLINED = 'Declined';

/** The editable fields of a request, in the shape c/requestEditor starts from. */
const EDITABLE_FIELDS = [
  NAME_FIELD,
  DESCRIPTION_FIELD,
  STATUS_FIELD,
  URGENCY_FIELD,
  NEEDED_BY_FIELD,
  ASKED_ON_FIELD,
  THEME_FIELD,
  REQUESTED_BY_FIELD,
  REVENUE_FIELD,
  DEAL_BLOCKER_FIELD,
  SOURCE_FIELD,
  WORKAROUND_FIELD,
];

/**
 * A GraphQL request node flattened for the tile; `fields` keeps the raw values the editor
 * starts from.
 * @param {Object} node
 * @returns {Object}
 */
export function toRequest(node) {
  const field = (schemaField) => node[schemaField.fieldApiName];
  const value = (schemaField) => valueOf(field(schemaField));
  const theme = node.Theme__r;
  const themeStatus = theme ? valueOf(theme[THEME_STATUS_FIELD.fieldApiName]) : null;
  const status = value(STATUS_FIELD);
  // Quorum's match (Suggested_Theme__c) stands only while no person chose a theme: it may be
  // a Delivered or Declined theme, which the account team should hear about as well.
  const suggested = value(SUGGESTED_THEME_FIELD) ? node.Suggested_Theme__r : null;
  const matchStatus =
    !value(THEME_FIELD) && suggested ? valueOf(suggested[THEME_STATUS_FIELD.fieldApiName]) : null;
  const fields = {};
  EDITABLE_FIELDS.forEach((schemaField) => {
    fields[schemaField.fieldApiName] = value(schemaField);
  });
  fields[DEAL_BLOCKER_FIELD.fieldApiName] = value(DEAL_BLOCKER_FIELD) === true;
  return {
    id: node.Id,
    name: value(NAME_FIELD),
    opportunityId: value(OPPORTUNITY_FIELD),
    status: displayOf(field(STATUS_FIELD)),
    urgency: value(URGENCY_FIELD),
    urgencyLabel: displayOf(field(URGENCY_FIELD)),
    neededBy: value(NEEDED_BY_FIELD),
    askedOn: value(ASKED_ON_FIELD),
    themeId: value(THEME_FIELD),
    themeName: nameOf(theme),
    themeStatus,
    themeStatusLabel: theme ? displayOf(theme[THEME_STATUS_FIELD.fieldApiName]) : null,
    // A request still open on a theme the product has delivered: the account team should tell
    // the customer it is there (a Delivered request has been answered already).
    alreadyDelivered: themeStatus === THEME_DELIVERED && status !== THEME_DELIVERED,
    suggestedThemeId: suggested ? value(SUGGESTED_THEME_FIELD) : null,
    suggestedThemeName: suggested ? nameOf(suggested) : null,
    // The same news when Quorum matched the request to a Delivered theme, and a match to a
    // Declined one (a request already marked so has been answered).
    matchedDelivered: matchStatus === THEME_DELIVERED && status !== THEME_DELIVERED,
    matchedDeclined: matchStatus === THEME_DECLINED && status !== THEME_DECLINED,
    suggestionReason: value(SUGGESTION_REASON_FIELD),
    segmentId: value(SEGMENT_FIELD),
    requesterName: value(REQUESTED_BY_FIELD) ? nameOf(node.Requested_By__r) : null,
    revenue: value(REVENUE_FIELD),
    dealBlocker: value(DEAL_BLOCKER_FIELD) === true,
    fields,
  };
}

/**
 * A score row as the cross-account signal reads it.
 * @param {Object} node
 * @returns {Object}
 */
export function toScore(node) {
  const value = (schemaField) => valueOf(node[schemaField.fieldApiName]);
  return {
    themeId: value(SCORE_THEME_FIELD),
    segmentId: value(SCORE_SEGMENT_FIELD),
    segmentName: value(SCORE_SEGMENT_FIELD) ? nameOf(node.Segment__r) : null,
    score: value(SCORE_FIELD),
    rank: value(RANK_FIELD),
    accounts: value(ACCOUNT_COUNT_FIELD),
    quorum: value(QUORUM_FIELD) === true,
    themeStatus: value(SCORE_THEME_STATUS_FIELD) ?? null,
  };
}

/**
 * A committee member as a "requested by" candidate.
 * @param {Object} node
 * @returns {{contactId: string, name: string, role: string}}
 */
export function toCommitteeMember(node) {
  return {
    contactId: valueOf(node[MEMBER_CONTACT_FIELD.fieldApiName]),
    name: nameOf(node.Contact__r),
    role: displayOf(node[MEMBER_ROLE_FIELD.fieldApiName]),
  };
}

/**
 * One option per person, even when they sit on several of the account's committees.
 * @param {Array<{contactId: string, name: string, role: string}>} committee
 * @param {function(Object): string} format the option's label for a member
 * @returns {Array<{label: string, value: string}>}
 */
export function requesterOptions(committee, format) {
  const byContact = new Map();
  committee.forEach((member) => {
    if (member.contactId && !byContact.has(member.contactId)) {
      byContact.set(member.contactId, { label: format(member), value: member.contactId });
    }
  });
  return [...byContact.values()];
}

/**
 * The requester options for editing a request: a requester who is not on the committee (left
 * it, or sits on another opportunity's committee) is still offered, so the editor shows who
 * asked instead of an empty choice.
 * @param {Array<{label: string, value: string}>} options the committee's options
 * @param {Object} [request] the request being edited (from toRequest)
 * @returns {Array<{label: string, value: string}>}
 */
export function requesterOptionsFor(options, request) {
  const contactId = request && request.fields[REQUESTED_BY_FIELD.fieldApiName];
  if (!contactId || options.some((option) => option.value === contactId)) {
    return options;
  }
  return [...options, { label: request.requesterName || contactId, value: contactId }];
}
