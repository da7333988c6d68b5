import { LightningElement, api } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { errorCodesOf, errorMessage } from 'c/ldsUtils';

import MEMBER_OBJECT from '@salesforce/schema/Buying_Committee_Member__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Opportunity__c';
import CONTACT_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Contact__c';
import ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';
import MEMBER_KEY_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Member_Key__c';
import CONTACT_NAME_FIELD from '@salesforce/schema/Contact.Name';
import CONTACT_TITLE_FIELD from '@salesforce/schema/Contact.Title';
import CONTACT_ACCOUNT_FIELD from '@salesforce/schema/Contact.AccountId';
import CONTACT_EMAIL_FIELD from '@salesforce/schema/Contact.Email';

import CANCEL from '@salesforce/label/c.Quorum_Common_Cancel';
import SAVED from '@salesforce/label/c.Quorum_Common_Saved';
import SAVE_FAILED from '@salesforce/label/c.Quorum_Common_SaveFailed';
import ADD from '@salesforce/label/c.Quorum_Committee_Add';
import ADD_HEADING from '@salesforce/label/c.Quorum_Committee_AddHeading';
import ADDED from '@salesforce/label/c.Quorum_Committee_Added';
import ALREADY_MEMBER from '@salesforce/label/c.Quorum_Committee_AlreadyMember';
import COL_ROLE from '@salesforce/label/c.Quorum_Committee_ColRole';
import PICKER_LABEL from '@salesforce/label/c.Quorum_Committee_PickerLabel';
import PICKER_PLACEHOLDER from '@salesforce/label/c.Quorum_Committee_PickerPlaceholder';
import SCOPE_ACCOUNT_LABEL from '@salesforce/label/c.Quorum_Committee_ScopeAccount';
import SCOPE_ALL_LABEL from '@salesforce/label/c.Quorum_Committee_ScopeAll';
import SCOPE_LABEL from '@salesforce/label/c.Quorum_Committee_ScopeLabel';

const SCOPE_ACCOUNT = 'account';
const SCOPE_ALL = 'all';

/**
 * The add-member form of the buying committee: pick a contact (the opportunity's account first,
 * all contacts on request) and a role, then create the member row. The unique Member_Key__c
 * (`<OpportunityId>:<ContactId>`) makes a second row for the same person fail on the server
 * even when two people add them at once. Fires `added` after a create and `cancel` when closed.
 */
export default class CommitteeAddMember extends LightningElement {
  @api opportunityId;
  /** The opportunity's account: its contacts are offered first. */
  @api accountId;
  @api roleOptions = [];
  /** Contacts already on the committee: answered at once, without a server call. */
  @api memberContactIds = [];

  labels = {
    add: ADD,
    addHeading: ADD_HEADING,
    cancel: CANCEL,
    role: COL_ROLE,
    pickerLabel: PICKER_LABEL,
    pickerPlaceholder: PICKER_PLACEHOLDER,
    scopeLabel: SCOPE_LABEL,
  };
  scope = SCOPE_ACCOUNT;
  selectedContactId;
  selectedRole;
  message;
  saving = false;

  get scopeOptions() {
    return [
      { label: SCOPE_ACCOUNT_LABEL, value: SCOPE_ACCOUNT },
      { label: SCOPE_ALL_LABEL, value: SCOPE_ALL },
    ];
  }

  get canScopeToAccount() {
    return Boolean(this.accountId);
  }

  /** Contacts of the opportunity's account first; "All contacts" lifts the filter. */
  get contactFilter() {
    if (this.scope === SCOPE_ACCOUNT && this.accountId) {
      return {
        criteria: [
          { fieldPath: CONTACT_ACCOUNT_FIELD.fieldApiName, operator: 'eq', value: this.accountId },
        ],
      };
    }
    return undefined;
  }

  get contactDisplayInfo() {
    return {
      primaryField: CONTACT_NAME_FIELD.fieldApiName,
      additionalFields: [CONTACT_TITLE_FIELD.fieldApiName],
    };
  }

  get contactMatchingInfo() {
    return {
      primaryField: { fieldPath: CONTACT_NAME_FIELD.fieldApiName },
      additionalFields: [{ fieldPath: CONTACT_EMAIL_FIELD.fieldApiName }],
    };
  }

  get addDisabled() {
    return this.saving || !this.selectedContactId;
  }

  handleScopeChange(event) {
    this.scope = event.detail.value;
  }

  handleContactChange(event) {
    this.selectedContactId = event.detail.recordId || undefined;
    this.message = undefined;
  }

  handleRoleChange(event) {
    this.selectedRole = event.detail.value || undefined;
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  async handleAdd() {
    const contactId = this.selectedContactId;
    if (!contactId) {
      return;
    }
    if ((this.memberContactIds || []).includes(contactId)) {
      this.message = ALREADY_MEMBER;
      return;
    }
    const fields = {
      [OPPORTUNITY_FIELD.fieldApiName]: this.opportunityId,
      [CONTACT_FIELD.fieldApiName]: contactId,
      [MEMBER_KEY_FIELD.fieldApiName]: `${this.opportunityId}:${contactId}`,
    };
    if (this.selectedRole) {
      fields[ROLE_FIELD.fieldApiName] = this.selectedRole;
    }
    this.saving = true;
    try {
      const record = await createRecord({ apiName: MEMBER_OBJECT.objectApiName, fields });
      this.toast(SAVED, ADDED, 'success');
      this.dispatchEvent(new CustomEvent('added', { detail: { id: record && record.id } }));
    } catch (error) {
      if (errorCodesOf(error).includes('DUPLICATE_VALUE')) {
        this.message = ALREADY_MEMBER;
      } else {
        this.toast(SAVE_FAILED, errorMessage(error), 'error');
      }
    } finally {
      this.saving = false;
    }
  }

  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
