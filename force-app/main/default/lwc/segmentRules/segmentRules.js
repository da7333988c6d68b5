import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { applyAll, createOp, refTo, updateOp } from 'c/recordMutations';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { errorMessage, formatLabel } from 'c/ldsUtils';
import { SEGMENT_STATUS } from 'c/quorumRules';
import { displayOf, nodesOf, queryNodes, valueOf as v } from 'c/graphqlNodes';
import { takeAnswer } from 'c/wireAnswer';
import { formatCount } from 'c/quorumFormat';
import { nextPriority, reorderUpdates } from './segmentOrder';
import SEGMENT_OBJECT from '@salesforce/schema/Segment__c';
import CRITERION_OBJECT from '@salesforce/schema/Segment_Criterion__c';
import ID_FIELD from '@salesforce/schema/Segment__c.Id';
import NAME_FIELD from '@salesforce/schema/Segment__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Segment__c.Description__c';
import PRIORITY_FIELD from '@salesforce/schema/Segment__c.Priority__c';
import ACTIVE_FIELD from '@salesforce/schema/Segment__c.Active__c';
import LOGIC_FIELD from '@salesforce/schema/Segment__c.Filter_Logic__c';
import CRITERION_SEGMENT_FIELD from '@salesforce/schema/Segment_Criterion__c.Segment__c';
import CRITERION_NUMBER_FIELD from '@salesforce/schema/Segment_Criterion__c.Number__c';
import CRITERION_FIELD_FIELD from '@salesforce/schema/Segment_Criterion__c.Field__c';
import CRITERION_OPERATOR_FIELD from '@salesforce/schema/Segment_Criterion__c.Operator__c';
import CRITERION_VALUE_FIELD from '@salesforce/schema/Segment_Criterion__c.Value__c';
import TITLE from '@salesforce/label/c.Quorum_Segment_Title';
import SERVICE_COUNT from '@salesforce/label/c.Quorum_Segment_ServiceCount';
import INTRO from '@salesforce/label/c.Quorum_Segment_Intro';
import LOADING from '@salesforce/label/c.Quorum_Segment_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Segment_LoadError';
import EMPTY from '@salesforce/label/c.Quorum_Segment_Empty';
import NEW_NAME from '@salesforce/label/c.Quorum_Segment_NewName';
import CREATE from '@salesforce/label/c.Quorum_Segment_Create';
import CREATED from '@salesforce/label/c.Quorum_Segment_Created';
import TOGGLE_ON from '@salesforce/label/c.Quorum_Segment_ToggleOn';
import TOGGLE_OFF from '@salesforce/label/c.Quorum_Segment_ToggleOff';
import MOVE_UP from '@salesforce/label/c.Quorum_Segment_MoveUp';
import MOVE_DOWN from '@salesforce/label/c.Quorum_Segment_MoveDown';
import EDIT from '@salesforce/label/c.Quorum_Segment_Edit';
import CLONE from '@salesforce/label/c.Quorum_Segment_Clone';
import CLONED from '@salesforce/label/c.Quorum_Segment_Cloned';
import COPY_NAME from '@salesforce/label/c.Quorum_Segment_CopyName';
import DELETE from '@salesforce/label/c.Quorum_Segment_Delete';
import DELETE_CONFIRM from '@salesforce/label/c.Quorum_Segment_DeleteConfirm';
import DELETED from '@salesforce/label/c.Quorum_Segment_Deleted';
import SAVED from '@salesforce/label/c.Quorum_Segment_OrderSaved';
import ACTION_FAILED from '@salesforce/label/c.Quorum_Segment_ActionFailed';
import EDITING from '@salesforce/label/c.Quorum_Segment_Editing';
import SELECT_HINT from '@salesforce/label/c.Quorum_Segment_SelectHint';

/**
 * Sales ops' segment list: segments in priority order (an account counts in every active, valid
 * segment it matches; the first of them is its primary segment, stamped on its requests),
 * reordered with up/down buttons, switched on and off, created, cloned with
 * their criteria and deleted after confirmation. The selected segment opens in c-segment-editor.
 */
export default class SegmentRules extends LightningElement {
  labels = {
    TITLE,
    INTRO,
    LOADING,
    LOAD_ERROR,
    EMPTY,
    NEW_NAME,
    CREATE,
    TOGGLE_ON,
    TOGGLE_OFF,
    SELECT_HINT,
  };
  segments = [];
  errors;
  loaded = false;
  busy = false;
  newName = '';
  selectedId;
  refreshSegments;

  @wire(graphql, {
    query: gql`
      query segmentRules {
        uiapi {
          query {
            Segment__c(first: 200, orderBy: { Priority__c: { order: ASC }, Name: { order: ASC } }) {
              edges {
                node {
                  Id
                  Name {
                    value
                  }
                  Description__c {
                    value
                  }
                  Priority__c {
                    value
                  }
                  Active__c {
                    value
                  }
                  Filter_Logic__c {
                    value
                  }
                  Status__c {
                    value
                    displayValue
                  }
                  Status_Message__c {
                    value
                  }
                  Account_Count__c {
                    value
                  }
                  Criteria__r(first: 100, orderBy: { Number__c: { order: ASC } }) {
                    edges {
                      node {
                        Id
                        Number__c {
                          value
                        }
                        Field__c {
                          value
                        }
                        Operator__c {
                          value
                        }
                        Value__c {
                          value
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
  })
  wiredSegments(result) {
    this.refreshSegments = result.refresh;
    takeAnswer(this, result, (data) => {
      this.segments = queryNodes(data, 'Segment__c').map((node) => ({
        id: node.Id,
        name: v(node.Name),
        description: v(node.Description__c),
        priority: v(node.Priority__c),
        active: v(node.Active__c) === true,
        logic: v(node.Filter_Logic__c),
        status: v(node.Status__c),
        statusLabel: displayOf(node.Status__c),
        statusMessage: v(node.Status_Message__c),
        accountCount: v(node.Account_Count__c),
        criteria: nodesOf(node.Criteria__r).map((c) => ({
          id: c.Id,
          number: v(c.Number__c),
          field: v(c.Field__c),
          operator: v(c.Operator__c),
          value: v(c.Value__c),
        })),
      }));
    });
  }

  get isLoading() {
    return !this.loaded;
  }

  get hasSegments() {
    return this.segments.length > 0;
  }

  get items() {
    const last = this.segments.length - 1;
    return this.segments.map((s, index) => ({
      ...s,
      position: index + 1,
      upDisabled: this.busy || index === 0,
      downDisabled: this.busy || index === last,
      upLabel: formatLabel(MOVE_UP, s.name),
      downLabel: formatLabel(MOVE_DOWN, s.name),
      editLabel: formatLabel(EDIT, s.name),
      cloneLabel: formatLabel(CLONE, s.name),
      deleteLabel: formatLabel(DELETE, s.name),
      // The switch is named by the segment; its visible state ("Active"/"Inactive") completes
      // the name, so sighted users see what the switch does (it had no text at all).
      activeLabel: s.name,
      isSelected: s.id === this.selectedId,
      ariaCurrent: s.id === this.selectedId ? 'true' : 'false',
      itemClass:
        s.id === this.selectedId
          ? 'segment-item slds-box slds-box_x-small slds-theme_shade'
          : 'segment-item slds-box slds-box_x-small',
      badgeClass:
        s.status === SEGMENT_STATUS.INVALID
          ? 'slds-theme_error'
          : s.status === SEGMENT_STATUS.VALID
            ? 'slds-theme_success'
            : '',
      hasStatus: Boolean(s.status),
      // The segment's size at the last run, so sales ops see it beside its rule's status.
      countText:
        s.status === 'Valid' && s.accountCount !== null && s.accountCount !== undefined
          ? formatLabel(SERVICE_COUNT, formatCount(s.accountCount))
          : null,
    }));
  }

  get selectedSegment() {
    return this.segments.find((s) => s.id === this.selectedId);
  }

  get editingHeading() {
    return this.selectedSegment ? formatLabel(EDITING, this.selectedSegment.name) : '';
  }

  get createDisabled() {
    return this.busy || !this.newName.trim();
  }

  toast(title, variant, message) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  /** Runs one write action: busy while it runs, a toast either way, then a fresh read. */
  async act(work, successTitle) {
    this.busy = true;
    try {
      const result = await work();
      if (successTitle) {
        this.toast(successTitle, 'success');
      }
      if (this.refreshSegments) {
        await this.refreshSegments();
      }
      return result;
    } catch (error) {
      this.toast(ACTION_FAILED, 'error', errorMessage(error));
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  segmentAt(event) {
    return this.segments.find((s) => s.id === event.currentTarget.dataset.id);
  }

  handleSelect(event) {
    this.selectedId = event.currentTarget.dataset.id;
  }

  handleNewNameChange(event) {
    this.newName = event.detail.value || '';
  }

  handleMoveUp(event) {
    return this.move(event, -1);
  }

  handleMoveDown(event) {
    return this.move(event, 1);
  }

  move(event, delta) {
    const index = this.segments.findIndex((s) => s.id === event.currentTarget.dataset.id);
    const updates = reorderUpdates(this.segments, index, delta);
    // The new order is one write: every changed priority in one all-or-none mutation, so a
    // failure never leaves two segments with the same priority.
    return this.act(
      () =>
        applyAll(
          'segmentReorder',
          updates.map((u) =>
            updateOp(SEGMENT_OBJECT.objectApiName, u.id, {
              [PRIORITY_FIELD.fieldApiName]: u.priority,
            }),
          ),
        ),
      SAVED,
    );
  }

  handleToggleActive(event) {
    const segment = this.segmentAt(event);
    const active = event.detail.checked;
    return this.act(
      () =>
        updateRecord({
          fields: { [ID_FIELD.fieldApiName]: segment.id, [ACTIVE_FIELD.fieldApiName]: active },
        }),
      SAVED,
    );
  }

  async handleCreate() {
    const name = this.newName.trim();
    if (!name) {
      return;
    }
    // New segments start inactive: they join the assignment only once their rule is ready.
    const record = await this.act(
      () =>
        createRecord({
          apiName: SEGMENT_OBJECT.objectApiName,
          fields: {
            [NAME_FIELD.fieldApiName]: name,
            [PRIORITY_FIELD.fieldApiName]: nextPriority(this.segments),
            [ACTIVE_FIELD.fieldApiName]: false,
          },
        }),
      formatLabel(CREATED, name),
    );
    if (record) {
      this.newName = '';
      this.selectedId = record.id;
    }
  }

  async handleClone(event) {
    const source = this.segmentAt(event);
    // The copy and its criteria are one write: the criteria point at the new segment through
    // the mutation's reference to its create, and nothing is kept if any part fails.
    const ids = await this.act(
      () =>
        applyAll('segmentClone', [
          createOp(SEGMENT_OBJECT.objectApiName, {
            [NAME_FIELD.fieldApiName]: formatLabel(COPY_NAME, source.name),
            [DESCRIPTION_FIELD.fieldApiName]: source.description,
            [LOGIC_FIELD.fieldApiName]: source.logic,
            [PRIORITY_FIELD.fieldApiName]: nextPriority(this.segments),
            [ACTIVE_FIELD.fieldApiName]: false,
          }),
          ...source.criteria.map((c) =>
            createOp(CRITERION_OBJECT.objectApiName, {
              [CRITERION_SEGMENT_FIELD.fieldApiName]: refTo(0),
              [CRITERION_NUMBER_FIELD.fieldApiName]: c.number,
              [CRITERION_FIELD_FIELD.fieldApiName]: c.field,
              [CRITERION_OPERATOR_FIELD.fieldApiName]: c.operator,
              [CRITERION_VALUE_FIELD.fieldApiName]: c.value,
            }),
          ),
        ]),
      formatLabel(CLONED, source.name),
    );
    const record = ids && ids[0] ? { id: ids[0] } : undefined;
    if (record) {
      this.selectedId = record.id;
    }
  }

  async handleDelete(event) {
    const segment = this.segmentAt(event);
    const confirmed = await LightningConfirm.open({
      message: formatLabel(DELETE_CONFIRM, segment.name),
      label: formatLabel(DELETE, segment.name),
      theme: 'warning',
    });
    if (!confirmed) {
      return;
    }
    await this.act(() => deleteRecord(segment.id), formatLabel(DELETED, segment.name));
    if (this.selectedId === segment.id) {
      this.selectedId = undefined;
    }
  }

  handleSaved() {
    if (this.refreshSegments) {
      this.refreshSegments();
    }
  }
}
