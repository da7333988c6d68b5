import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import {
  getRecord,
  getFieldValue,
  createRecord,
  updateRecord,
  deleteRecord,
} from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { reduceErrors, errorCodesOf, formatLabel } from 'c/ldsUtils';
import {
  groupBySide,
  coverageWarnings,
  reportingTree,
  SIDE_DECISION,
  SIDE_INFLUENCE,
  SIDE_USE,
  WARN_NO_DECISION,
  WARN_NO_CHAMPION,
  WARN_SINGLE_THREADED,
  WARN_VETO,
  WARN_NO_USE,
} from './coverage';

import OPPORTUNITY_ACCOUNT_FIELD from '@salesforce/schema/Opportunity.AccountId';
import MEMBER_OBJECT from '@salesforce/schema/Buying_Committee_Member__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Opportunity__c';
import CONTACT_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Contact__c';
import ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';
import INFLUENCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Influence__c';
import STANCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Stance__c';
import VETO_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Has_Veto__c';
import NOTES_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Notes__c';
import MEMBER_KEY_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Member_Key__c';
import CONTACT_NAME_FIELD from '@salesforce/schema/Contact.Name';
import CONTACT_TITLE_FIELD from '@salesforce/schema/Contact.Title';
import CONTACT_REPORTS_TO_FIELD from '@salesforce/schema/Contact.ReportsToId';
import CONTACT_ACCOUNT_FIELD from '@salesforce/schema/Contact.AccountId';
import CONTACT_EMAIL_FIELD from '@salesforce/schema/Contact.Email';

import LABELS from './labels';

// The committee of one opportunity. User values (the opportunity id) travel as variables only.
const COMMITTEE_QUERY = gql`
  query committee($opportunityId: ID) {
    uiapi {
      query {
        Buying_Committee_Member__c(
          where: { Opportunity__c: { eq: $opportunityId } }
          first: 200
          orderBy: { CreatedDate: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Role__c {
                value
                displayValue
              }
              Influence__c {
                value
                displayValue
              }
              Stance__c {
                value
                displayValue
              }
              Has_Veto__c {
                value
              }
              Notes__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
                Title {
                  value
                }
                ReportsToId {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

const SCOPE_ACCOUNT = 'account';
const SCOPE_ALL = 'all';

const SIDE_LABELS = {
  [SIDE_DECISION]: LABELS.sideDecision,
  [SIDE_INFLUENCE]: LABELS.sideInfluence,
  [SIDE_USE]: LABELS.sideUse,
};

const valueOf = (field) => (field ? field.value : null);
const displayOf = (field) => (field ? field.displayValue || field.value : null);

/**
 * A GraphQL committee row flattened into the member shape coverage.js works on.
 * @param {Object} node
 * @returns {Object}
 */
function toMember(node) {
  const contact = node.Contact__r || {};
  return {
    id: node.Id,
    contactId: valueOf(node[CONTACT_FIELD.fieldApiName]),
    name: valueOf(contact[CONTACT_NAME_FIELD.fieldApiName]),
    title: valueOf(contact[CONTACT_TITLE_FIELD.fieldApiName]),
    reportsToId: valueOf(contact[CONTACT_REPORTS_TO_FIELD.fieldApiName]),
    role: valueOf(node[ROLE_FIELD.fieldApiName]),
    roleLabel: displayOf(node[ROLE_FIELD.fieldApiName]),
    influence: valueOf(node[INFLUENCE_FIELD.fieldApiName]),
    influenceLabel: displayOf(node[INFLUENCE_FIELD.fieldApiName]),
    stance: valueOf(node[STANCE_FIELD.fieldApiName]),
    stanceLabel: displayOf(node[STANCE_FIELD.fieldApiName]),
    hasVeto: valueOf(node[VETO_FIELD.fieldApiName]) === true,
    notes: valueOf(node[NOTES_FIELD.fieldApiName]),
  };
}

function toTreeItem(node) {
  return {
    label: node.member.name,
    name: node.member.id,
    metatext: node.member.roleLabel || '',
    expanded: true,
    items: node.reports.map(toTreeItem),
  };
}

function optionsOf(wired) {
  if (!wired || !wired.data) {
    return [];
  }
  return wired.data.values.map((entry) => ({ label: entry.label, value: entry.value }));
}

/**
 * Buying committee of an opportunity: who decides, influences and uses, how well the AE
 * covers them, and who reports to whom.
 */
export default class BuyingCommittee extends LightningElement {
  @api recordId;

  labels = LABELS;
  members = [];
  committeeErrors;
  committeeLoaded = false;
  committeeResult;

  // Add-member form
  showAddForm = false;
  scope = SCOPE_ACCOUNT;
  selectedContactId;
  selectedRole;
  addMessage;
  saving = false;

  // Inline edit: one member at a time
  editingId;

  @wire(getRecord, { recordId: '$recordId', fields: [OPPORTUNITY_ACCOUNT_FIELD] })
  opportunity;

  @wire(getObjectInfo, { objectApiName: MEMBER_OBJECT })
  objectInfo;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: ROLE_FIELD })
  rolePicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: INFLUENCE_FIELD })
  influencePicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: STANCE_FIELD })
  stancePicklist;

  @wire(graphql, { query: COMMITTEE_QUERY, variables: '$committeeVariables' })
  wiredCommittee(result) {
    this.committeeResult = result;
    const { data, errors } = result;
    if (data) {
      const connection = data.uiapi.query.Buying_Committee_Member__c;
      this.members = connection.edges.map((edge) => toMember(edge.node));
      this.committeeErrors = undefined;
      this.committeeLoaded = true;
    } else if (errors) {
      this.committeeErrors = errors;
      this.members = [];
      this.committeeLoaded = true;
    }
  }

  get committeeVariables() {
    return { opportunityId: this.recordId };
  }

  get recordTypeId() {
    return this.objectInfo && this.objectInfo.data
      ? this.objectInfo.data.defaultRecordTypeId
      : undefined;
  }

  get accountId() {
    return this.opportunity && this.opportunity.data
      ? getFieldValue(this.opportunity.data, OPPORTUNITY_ACCOUNT_FIELD)
      : undefined;
  }

  // ----- states -----

  get isLoading() {
    return !this.committeeLoaded;
  }

  get hasError() {
    return Boolean(this.committeeErrors);
  }

  get hasMembers() {
    return this.committeeLoaded && !this.committeeErrors && this.members.length > 0;
  }

  get isEmpty() {
    return this.committeeLoaded && !this.committeeErrors && this.members.length === 0;
  }

  // ----- view models -----

  get roleOptions() {
    return optionsOf(this.rolePicklist);
  }

  get influenceOptions() {
    return optionsOf(this.influencePicklist);
  }

  get stanceOptions() {
    return optionsOf(this.stancePicklist);
  }

  get sides() {
    return groupBySide(this.members).map((group) => ({
      key: group.side,
      label: SIDE_LABELS[group.side] || LABELS.sideNone,
      headingId: `side-${group.side}`,
      count: group.members.length,
      isEmpty: group.members.length === 0,
      members: group.members.map((member) => ({
        ...member,
        editing: member.id === this.editingId,
      })),
    }));
  }

  get warnings() {
    return coverageWarnings(this.members).map((warning) => ({
      key: warning.code + (warning.memberId || ''),
      code: warning.code,
      text: this.warningText(warning),
    }));
  }

  get warningsSummary() {
    return formatLabel(LABELS.warningsCount, this.warnings.length);
  }

  get hasWarnings() {
    return this.warnings.length > 0;
  }

  warningText(warning) {
    switch (warning.code) {
      case WARN_NO_DECISION:
        return LABELS.warnNoDecision;
      case WARN_NO_CHAMPION:
        return LABELS.warnNoChampion;
      case WARN_SINGLE_THREADED:
        return formatLabel(LABELS.warnSingleThreaded, warning.count);
      case WARN_VETO:
        return formatLabel(LABELS.warnVeto, warning.name, warning.stanceLabel);
      case WARN_NO_USE:
        return LABELS.warnNoUse;
      default:
        return warning.code;
    }
  }

  get treeItems() {
    return reportingTree(this.members).roots.map(toTreeItem);
  }

  get hasReportingLines() {
    return reportingTree(this.members).linkCount > 0;
  }

  // ----- add a member -----

  get scopeOptions() {
    return [
      { label: LABELS.scopeAccount, value: SCOPE_ACCOUNT },
      { label: LABELS.scopeAll, value: SCOPE_ALL },
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

  handleToggleAdd() {
    this.showAddForm = !this.showAddForm;
    this.addMessage = undefined;
  }

  handleScopeChange(event) {
    this.scope = event.detail.value;
  }

  handleContactChange(event) {
    this.selectedContactId = event.detail.recordId || undefined;
    this.addMessage = undefined;
  }

  handleRoleChange(event) {
    this.selectedRole = event.detail.value || undefined;
  }

  async handleAddMember() {
    const contactId = this.selectedContactId;
    if (!contactId) {
      return;
    }
    // Checked here for a quick answer; the unique Member_Key__c guards the race on the server.
    if (this.members.some((member) => member.contactId === contactId)) {
      this.addMessage = LABELS.alreadyMember;
      return;
    }
    const fields = {
      [OPPORTUNITY_FIELD.fieldApiName]: this.recordId,
      [CONTACT_FIELD.fieldApiName]: contactId,
      [MEMBER_KEY_FIELD.fieldApiName]: `${this.recordId}:${contactId}`,
    };
    if (this.selectedRole) {
      fields[ROLE_FIELD.fieldApiName] = this.selectedRole;
    }
    this.saving = true;
    try {
      await createRecord({ apiName: MEMBER_OBJECT.objectApiName, fields });
      this.showAddForm = false;
      this.selectedContactId = undefined;
      this.selectedRole = undefined;
      this.toast(LABELS.saved, LABELS.memberAdded, 'success');
      await this.refreshCommittee();
    } catch (error) {
      if (errorCodesOf(error).includes('DUPLICATE_VALUE')) {
        this.addMessage = LABELS.alreadyMember;
      } else {
        this.toast(LABELS.saveFailed, reduceErrors(error).join(' '), 'error');
      }
    } finally {
      this.saving = false;
    }
  }

  // ----- edit and remove -----

  handleEditMember(event) {
    this.editingId = event.detail.id;
  }

  handleCancelEdit() {
    this.editingId = undefined;
  }

  async handleSaveMember(event) {
    const { id, name, fields } = event.detail;
    this.saving = true;
    try {
      await updateRecord({ fields: { Id: id, ...fields } });
      this.editingId = undefined;
      this.toast(LABELS.saved, formatLabel(LABELS.memberUpdated, name), 'success');
      await this.refreshCommittee();
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error).join(' '), 'error');
    } finally {
      this.saving = false;
    }
  }

  async handleRemoveMember(event) {
    const { id, name } = event.detail;
    const confirmed = await LightningConfirm.open({
      label: LABELS.removeTitle,
      message: formatLabel(LABELS.removeConfirm, name),
      theme: 'warning',
    });
    if (!confirmed) {
      return;
    }
    try {
      await deleteRecord(id);
      this.toast(LABELS.saved, formatLabel(LABELS.memberRemoved, name), 'success');
      await this.refreshCommittee();
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error).join(' '), 'error');
    }
  }

  refreshCommittee() {
    const refresh = this.committeeResult && this.committeeResult.refresh;
    return refresh ? refresh() : Promise.resolve();
  }

  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
