import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import { formatCurrency } from 'c/quorumFormat';
import COL_STATUS from '@salesforce/label/c.Quorum_Requests_ColStatus';
import COL_URGENCY from '@salesforce/label/c.Quorum_Requests_ColUrgency';
import COL_NEEDED_BY from '@salesforce/label/c.Quorum_Requests_ColNeededBy';
import COL_ASKED_ON from '@salesforce/label/c.Quorum_Requests_ColAskedOn';
import COL_THEME from '@salesforce/label/c.Quorum_Requests_ColTheme';
import COL_REQUESTER from '@salesforce/label/c.Quorum_Requests_ColRequester';
import COL_REVENUE from '@salesforce/label/c.Quorum_Requests_ColRevenue';
import ALREADY_DELIVERED from '@salesforce/label/c.Quorum_Requests_AlreadyDelivered';
import MATCHED_DECLINED from '@salesforce/label/c.Quorum_Requests_MatchedDeclined';
import MATCHED_DELIVERED from '@salesforce/label/c.Quorum_Requests_MatchedDelivered';
import DEAL_BLOCKER from '@salesforce/label/c.Quorum_Requests_DealBlocker';
import EDIT_ARIA from '@salesforce/label/c.Quorum_Requests_EditAria';
import EDIT from '@salesforce/label/c.Quorum_Common_Edit';
import NO_THEME from '@salesforce/label/c.Quorum_Requests_NoTheme';
import SUGGESTED_THEME from '@salesforce/label/c.Quorum_Requests_SuggestedTheme';
import SUGGESTION_REASON from '@salesforce/label/c.Quorum_Requests_SuggestionReason';
import NOT_SET from '@salesforce/label/c.Quorum_Common_NotSet';

// Badge colours by signal: a pattern stands out, a one-off stays quiet.
const NOTE_CLASS = 'slds-text-body_small slds-m-bottom_xx-small';

const SIGNAL_CLASSES = {
  pattern: 'signal-badge slds-badge slds-theme_success',
  emerging: 'signal-badge slds-badge slds-theme_warning',
  oneOff: 'signal-badge slds-badge',
  closed: 'signal-badge slds-badge slds-badge_lightest',
};

/**
 * One escalated request in the list: its status, urgency, dates, theme, requester and revenue,
 * the cross-account signal prepared by c/escalatedRequests, and a note when the theme it asks
 * for, or the one Quorum matched it to, has been delivered (the account team should tell the
 * customer) or declined.
 */
export default class RequestItem extends LightningElement {
  /** The request view model of c/escalatedRequests (with signalText/signalBadge/signalKind). */
  @api request;

  labels = {
    status: COL_STATUS,
    urgency: COL_URGENCY,
    neededBy: COL_NEEDED_BY,
    askedOn: COL_ASKED_ON,
    theme: COL_THEME,
    requester: COL_REQUESTER,
    revenue: COL_REVENUE,
    dealBlocker: DEAL_BLOCKER,
    edit: EDIT,
    notSet: NOT_SET,
  };

  get themeText() {
    if (this.request.themeName) {
      return this.request.themeName;
    }
    return this.request.suggestedThemeName
      ? formatLabel(SUGGESTED_THEME, this.request.suggestedThemeName)
      : NO_THEME;
  }

  /** Why the service suggested the theme; only while the suggestion stands (no theme set). */
  get suggestionReasonText() {
    const { themeName, suggestedThemeName, suggestionReason } = this.request;
    return !themeName && suggestedThemeName && suggestionReason
      ? formatLabel(SUGGESTION_REASON, suggestionReason)
      : null;
  }

  /** What the account team should know about a closed theme, or null. */
  get closedNote() {
    const { alreadyDelivered, matchedDelivered, matchedDeclined, suggestedThemeName } =
      this.request;
    if (alreadyDelivered) {
      return ALREADY_DELIVERED;
    }
    if (matchedDelivered) {
      return formatLabel(MATCHED_DELIVERED, suggestedThemeName);
    }
    return matchedDeclined ? formatLabel(MATCHED_DECLINED, suggestedThemeName) : null;
  }

  get closedNoteClass() {
    const delivered = this.request.alreadyDelivered || this.request.matchedDelivered;
    return `${delivered ? 'already-delivered' : 'already-declined'} ${NOTE_CLASS}`;
  }

  get statusText() {
    return this.request.status || NOT_SET;
  }

  get urgencyText() {
    return this.request.urgencyLabel || NOT_SET;
  }

  get urgencyClass() {
    const urgent = this.request.urgency === 'Critical' || this.request.urgency === 'High';
    return urgent ? 'urgency slds-text-color_error' : 'urgency';
  }

  get revenueText() {
    return formatCurrency(this.request.revenue);
  }

  get signalClass() {
    return SIGNAL_CLASSES[this.request.signalKind] || SIGNAL_CLASSES.oneOff;
  }

  get editAlternativeText() {
    return formatLabel(EDIT_ARIA, this.request.name);
  }

  handleEdit() {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: this.request.id } }));
  }
}
