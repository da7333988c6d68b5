/**
 * Pure logic of the escalated requests list: ordering and the cross-account signal.
 * No LWC imports, so it is unit-tested on plain objects.
 *
 * A request here is `{ id, opportunityId, themeId, segmentId, createdDate, ... }`; a score is
 * `{ themeId, segmentId (null for the ALL row), segmentName, accounts, rank, score, quorum,
 * themeStatus }`.
 */

import { CLOSED_THEME_STATUSES } from 'c/quorumProfile';

export const KIND_PATTERN = 'pattern';
export const KIND_EMERGING = 'emerging';
export const KIND_ONE_OFF = 'oneOff';
export const KIND_CLOSED = 'closed';

/**
 * On an opportunity page: that opportunity's requests first, then the rest of the account's.
 * Each part keeps the incoming order (newest first from the query).
 * @param {Array} requests
 * @param {string} [opportunityId]
 * @returns {{ current: Array, others: Array }}
 */
export function splitByOpportunity(requests, opportunityId) {
  const list = requests || [];
  if (!opportunityId) {
    return { current: [], others: list };
  }
  return {
    current: list.filter((request) => request.opportunityId === opportunityId),
    others: list.filter((request) => request.opportunityId !== opportunityId),
  };
}

/**
 * The score row that speaks for a themed request: its own segment's row when the service has
 * stamped a segment and scored the theme there, else the theme's row over all accounts.
 * @param {Object} request
 * @param {Array} scores
 * @returns {Object|null}
 */
export function scoreForRequest(request, scores) {
  if (!request || !request.themeId) {
    return null;
  }
  const forTheme = (scores || []).filter((score) => score.themeId === request.themeId);
  const inSegment = request.segmentId
    ? forTheme.find((score) => score.segmentId === request.segmentId)
    : undefined;
  return inSegment || forTheme.find((score) => !score.segmentId) || null;
}

/**
 * Whether the theme is closed (Delivered or Declined: asked again, not open demand, whatever
 * its count), a pattern (quorum reached), emerging (several accounts) or a one-off.
 * @param {Object} score
 * @returns {string}
 */
export function signalKind(score) {
  if (CLOSED_THEME_STATUSES.includes(score.themeStatus)) {
    return KIND_CLOSED;
  }
  if (score.quorum) {
    return KIND_PATTERN;
  }
  return (score.accounts || 0) > 1 ? KIND_EMERGING : KIND_ONE_OFF;
}
