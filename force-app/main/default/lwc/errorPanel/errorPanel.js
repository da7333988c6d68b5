import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DEFAULT_MESSAGE from '@salesforce/label/c.Quorum_Error_Default';
import SHOW_DETAILS from '@salesforce/label/c.Quorum_Error_ShowDetails';
import HIDE_DETAILS from '@salesforce/label/c.Quorum_Error_HideDetails';
import ERROR_ICON from '@salesforce/label/c.Quorum_Error_IconText';

/**
 * The one error panel of Quorum: a friendly sentence for the user and, on demand, the
 * technical messages (reduced by c/ldsUtils) for whoever has to fix the cause.
 */
export default class ErrorPanel extends LightningElement {
  /** One error or an array of errors, any shape reduceErrors understands. */
  @api errors;
  /** What the user should read first; defaults to a generic sentence. */
  @api friendlyMessage;

  showDetails = false;
  labels = { errorIcon: ERROR_ICON };

  get message() {
    return this.friendlyMessage || DEFAULT_MESSAGE;
  }

  get errorMessages() {
    return reduceErrors(this.errors);
  }

  get hasDetails() {
    return this.errorMessages.length > 0;
  }

  get toggleLabel() {
    return this.showDetails ? HIDE_DETAILS : SHOW_DETAILS;
  }

  get detailsHidden() {
    return !this.showDetails;
  }

  get ariaExpanded() {
    return String(this.showDetails);
  }

  handleToggleDetails() {
    this.showDetails = !this.showDetails;
  }
}
