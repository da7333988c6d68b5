import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getRecord, getFieldValue, updateRecord, deleteRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { errorMessage, formatLabel, picklistOptions } from 'c/ldsUtils';
import { queryNodes } from 'c/graphqlNodes';
import { takeAnswer } from 'c/wireAnswer';
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
import ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';
import INFLUENCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Influence__c';
import STANCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Stance__c';

import LABELS from './labels';
import { COMMITTEE_QUERY, toMember } from './committeeQuery';

const SIDE_LABELS = {
  [SIDE_DECISION]: LABELS.sideDecision,
  [SIDE_INFLUENCE]: LABELS.sideInfluence,
  [SIDE_USE]: LABELS.sideUse,
};

/**
 * The reporting lines as an indented list, one row per member below their manager. Not a
 * lightning-tree: an expanded tree item holds its reports, so its visible text is more than its
 * accessible name (WCAG 2.5.3, axe label-content-name-mismatch); and the lines are there to be
 * read, not navigated. Screen readers hear "reports to …" where sighted users see the indent.
 */
function reportingRows(nodes, level = 0, managerName = null, rows = []) {
  nodes.forEach((node) => {
    const { name, roleLabel, id } = node.member;
    rows.push({
      key: id,
      text: roleLabel ? formatLabel(LABELS.nameWithRole, name, roleLabel) : name,
      reportsTo: managerName ? formatLabel(LABELS.reportsTo, managerName) : '',
      className: `reporting-line reporting-level-${Math.min(level, 4)}`,
    });
    reportingRows(node.reports, level + 1, name, rows);
  });
  return rows;
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

  showAddForm = false;
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
    const answer = takeAnswer(
      this,
      result,
      (data) => {
        this.members = queryNodes(data, 'Buying_Committee_Member__c').map(toMember);
      },
      { errors: 'committeeErrors', loaded: 'committeeLoaded' },
    );
    if (answer === 'errors') {
      this.members = [];
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
    return picklistOptions(this.rolePicklist);
  }

  get influenceOptions() {
    return picklistOptions(this.influencePicklist);
  }

  get stanceOptions() {
    return picklistOptions(this.stancePicklist);
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

  get reportingLines() {
    return reportingRows(reportingTree(this.members).roots);
  }

  get hasReportingLines() {
    return reportingTree(this.members).linkCount > 0;
  }

  // ----- add a member (the form is c-committee-add-member) -----

  get memberContactIds() {
    return this.members.map((member) => member.contactId);
  }

  /** One "Add member" button at a time: the header's hides while the form is open. */
  get showAddButton() {
    return !this.showAddForm;
  }

  /**
   * Adding waits for the committee: until it is read (or when it cannot be), the form could not
   * leave out the people already on it, and a member added to a committee the page cannot show
   * would seem lost.
   */
  get cannotAdd() {
    return !this.committeeLoaded || this.hasError;
  }

  handleOpenAdd() {
    this.showAddForm = true;
  }

  handleCloseAdd() {
    this.showAddForm = false;
  }

  async handleMemberAdded() {
    this.showAddForm = false;
    await this.refreshCommittee();
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
      this.toast(LABELS.saveFailed, errorMessage(error), 'error');
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
      this.toast(LABELS.saveFailed, errorMessage(error), 'error');
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
