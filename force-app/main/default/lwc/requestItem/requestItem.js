import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import COL_STATUS from '@salesforce/label/c.Quorum_Requests_ColStatus';
import COL_URGENCY from '@salesforce/label/c.Quorum_Requests_ColUrgency';
import COL_NEEDED_BY from '@salesforce/label/c.Quorum_Requests_ColNeededBy';
import COL_THEME from '@salesforce/label/c.Quorum_Requests_ColTheme';
import DEAL_BLOCKER from '@salesforce/label/c.Quorum_Requests_DealBlocker';
import EDIT_ARIA from '@salesforce/label/c.Quorum_Requests_EditAria';
import EDIT from '@salesforce/label/c.Quorum_Common_Edit';
import NO_THEME from '@salesforce/label/c.Quorum_Requests_NoTheme';
import SUGGESTED_THEME from '@salesforce/label/c.Quorum_Requests_SuggestedTheme';
import NOT_SET from '@salesforce/label/c.Quorum_Committee_NotSet';

// Badge colours by signal: a pattern stands out, a one-off stays quiet.
const SIGNAL_CLASSES = {
  pattern: 'signal-badge slds-badge slds-theme_success',
  emerging: 'signal-badge slds-badge slds-theme_warning',
  oneOff: 'signal-badge slds-badge',
};

/**
 * One escalated request in the list: its status, urgency, needed-by and theme, and the
 * cross-account signal prepared by c/escalatedRequests.
 */
export default class RequestItem extends LightningElement {
  /** The request view model of c/escalatedRequests (with signalText/signalBadge/signalKind). */
  @api request;

  labels = {
    status: COL_STATUS,
    urgency: COL_URGENCY,
    neededBy: COL_NEEDED_BY,
    theme: COL_THEME,
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

  /** Why Quorum suggested the theme, only while the theme is a suggestion. */
  get reasonText() {
    return this.request.themeName ? null : this.request.suggestionReason || null;
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
