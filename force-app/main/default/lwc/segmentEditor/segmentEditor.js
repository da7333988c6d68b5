import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { applyAll, createOp, deleteOp, updateOp } from 'c/recordMutations';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { failureToast, formatLabel } from 'c/ldsUtils';
import {
  compileCriterion,
  normalizeFieldType,
  parseFilterLogic,
  SEGMENT_STATUS,
} from 'c/quorumRules';
import { buildWhere } from './segmentWhere';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import CRITERION_OBJECT from '@salesforce/schema/Segment_Criterion__c';
import SEGMENT_OBJECT from '@salesforce/schema/Segment__c';
import SEGMENT_NAME_FIELD from '@salesforce/schema/Segment__c.Name';
import SEGMENT_DESCRIPTION_FIELD from '@salesforce/schema/Segment__c.Description__c';
import SEGMENT_LOGIC_FIELD from '@salesforce/schema/Segment__c.Filter_Logic__c';
import CRITERION_SEGMENT_FIELD from '@salesforce/schema/Segment_Criterion__c.Segment__c';
import CRITERION_NUMBER_FIELD from '@salesforce/schema/Segment_Criterion__c.Number__c';
import CRITERION_FIELD_FIELD from '@salesforce/schema/Segment_Criterion__c.Field__c';
import CRITERION_OPERATOR_FIELD from '@salesforce/schema/Segment_Criterion__c.Operator__c';
import CRITERION_VALUE_FIELD from '@salesforce/schema/Segment_Criterion__c.Value__c';
import NAME from '@salesforce/label/c.Quorum_Segment_Name';
import FIELD_OPTION from '@salesforce/label/c.Quorum_Segment_FieldOption';
import DESCRIPTION from '@salesforce/label/c.Quorum_Segment_Description';
import LOGIC from '@salesforce/label/c.Quorum_Segment_Logic';
import LOGIC_HELP from '@salesforce/label/c.Quorum_Segment_LogicHelp';
import CRITERIA from '@salesforce/label/c.Quorum_Segment_Criteria';
import NO_CRITERIA from '@salesforce/label/c.Quorum_Segment_NoCriteria';
import ADD_CRITERION from '@salesforce/label/c.Quorum_Segment_AddCriterion';
import SAVE from '@salesforce/label/c.Quorum_Segment_Save';
import SAVED from '@salesforce/label/c.Quorum_Segment_Saved';
import SAVE_FAILED from '@salesforce/label/c.Quorum_Segment_SaveFailed';
import FIX_FIRST from '@salesforce/label/c.Quorum_Segment_FixFirst';
import NAME_REQUIRED from '@salesforce/label/c.Quorum_Segment_NameRequired';
import SERVICE_STATUS from '@salesforce/label/c.Quorum_Segment_ServiceStatus';
import SERVICE_COUNT from '@salesforce/label/c.Quorum_Segment_ServiceCount';
import NOT_EVALUATED from '@salesforce/label/c.Quorum_Segment_NotEvaluated';
import PREVIEW from '@salesforce/label/c.Quorum_Segment_Preview';
import LOADING from '@salesforce/label/c.Quorum_Segment_Loading';
import FIELDS_ERROR from '@salesforce/label/c.Quorum_Segment_FieldsError';

let newKeys = 0;

/**
 * Edits one segment's rule: name, description, criteria rows and filter logic, validated live
 * by the shared grammar (c/quorumRules) with its own messages, a live count of matching accounts,
 * and the service's verdict (Status__c / Status_Message__c). Save writes the segment, then
 * creates, updates and deletes criteria so the org holds exactly the rows on screen.
 */
export default class SegmentEditor extends LightningElement {
  labels = {
    NAME,
    DESCRIPTION,
    LOGIC,
    LOGIC_HELP,
    CRITERIA,
    NO_CRITERIA,
    ADD_CRITERION,
    SAVE,
    SERVICE_STATUS,
    NOT_EVALUATED,
    PREVIEW,
    LOADING,
    FIELDS_ERROR,
  };

  name = '';
  description = '';
  logic = '';
  rows = [];
  saving = false;
  saveAttempted = false;
  objectInfo;
  objectInfoError;
  reloadAfterSave = false;
  _segment;

  /** { id, name, description, logic, status, statusMessage, accountCount, criteria: [...] } */
  @api
  get segment() {
    return this._segment;
  }
  set segment(value) {
    // A fresh read of the same segment (after a reorder or toggle elsewhere on the page) must
    // not wipe unsaved edits; another segment, or the read that follows our own save, does.
    const otherSegment = !this._segment || !value || this._segment.id !== value.id;
    this._segment = value;
    if (value && (otherSegment || this.reloadAfterSave)) {
      this.reloadAfterSave = false;
      this.resetDraft(value);
    }
  }

  resetDraft(segment) {
    this.name = segment.name || '';
    this.description = segment.description || '';
    this.logic = segment.logic || '';
    this.rows = (segment.criteria || []).map((c) => ({
      key: c.id,
      id: c.id,
      number: c.number,
      field: c.field || '',
      operator: c.operator || '',
      value: c.value || '',
    }));
    this.saveAttempted = false;
  }

  @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
  wiredAccountInfo({ data, error }) {
    if (data) {
      this.objectInfo = data;
      this.objectInfoError = undefined;
    } else if (error) {
      this.objectInfoError = error;
    }
  }

  get isLoading() {
    return !this.objectInfo && !this.objectInfoError;
  }

  /** Account fields the rules can use (a known kind, and filterable for the preview). */
  get fieldTypes() {
    const types = {};
    if (this.objectInfo) {
      Object.values(this.objectInfo.fields).forEach((f) => {
        if (normalizeFieldType(f.dataType) && f.filterable !== false) {
          types[f.apiName] = f.dataType;
        }
      });
    }
    return types;
  }

  get fieldOptions() {
    if (!this.objectInfo) {
      return [];
    }
    const types = this.fieldTypes;
    return Object.values(this.objectInfo.fields)
      .filter((f) => types[f.apiName])
      .sort((a, b) => a.label.localeCompare(b.label) || a.apiName.localeCompare(b.apiName))
      .map((f) => ({ label: formatLabel(FIELD_OPTION, f.label, f.apiName), value: f.apiName }));
  }

  get recordTypeId() {
    return this.objectInfo ? this.objectInfo.defaultRecordTypeId : undefined;
  }

  toCriterion(row) {
    return {
      Number__c: row.number,
      Field__c: row.field,
      Operator__c: row.operator,
      Value__c: row.value,
    };
  }

  get criteria() {
    return this.rows.map((row) => this.toCriterion(row));
  }

  get rowViews() {
    const types = this.fieldTypes;
    return this.rows.map((row, index) => {
      const compiled = compileCriterion(this.toCriterion(row), types, index);
      return { ...row, error: compiled.ok ? null : compiled.message };
    });
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  /** The grammar's message for the logic itself (numbers come from the rows on screen). */
  get logicError() {
    const parsed = parseFilterLogic(
      this.logic,
      this.rows.map((row) => Number(row.number)),
    );
    return parsed.ok ? null : parsed.message;
  }

  get logicInputClass() {
    return this.logicError ? 'logic slds-has-error' : 'logic';
  }

  get compiled() {
    return buildWhere(this.criteria, this.logic, this.fieldTypes);
  }

  get isValid() {
    return Boolean(this.objectInfo) && this.compiled.ok;
  }

  get where() {
    return this.compiled.ok ? this.compiled.where : null;
  }

  /** Problems not shown next to a row or the logic (e.g. two criteria with one number). */
  get otherErrors() {
    if (this.compiled.ok) {
      return [];
    }
    const shown = new Set([...this.rowViews.map((r) => r.error), this.logicError].filter(Boolean));
    return (this.compiled.messages || [this.compiled.message]).filter((m) => !shown.has(m));
  }

  get nameError() {
    return this.saveAttempted && !this.name.trim() ? NAME_REQUIRED : null;
  }

  get saveError() {
    return this.saveAttempted && !this.isValid ? FIX_FIRST : null;
  }

  get saveDisabled() {
    return this.saving || this.isLoading;
  }

  get serviceStatus() {
    const s = this._segment || {};
    if (!s.status) {
      return NOT_EVALUATED;
    }
    return formatLabel(SERVICE_STATUS, s.statusLabel || s.status, s.statusMessage || '');
  }

  get serviceStatusClass() {
    const s = this._segment || {};
    return s.status === SEGMENT_STATUS.INVALID
      ? 'service-status slds-text-color_error'
      : 'service-status';
  }

  get serviceCount() {
    const s = this._segment || {};
    return s.accountCount === null || s.accountCount === undefined
      ? null
      : formatLabel(SERVICE_COUNT, s.accountCount);
  }

  handleNameChange(event) {
    this.name = event.detail.value || '';
  }

  handleDescriptionChange(event) {
    this.description = event.detail.value || '';
  }

  handleLogicChange(event) {
    this.logic = event.detail.value || '';
  }

  handleAddCriterion() {
    const next = this.rows.reduce((max, row) => Math.max(max, Number(row.number) || 0), 0) + 1;
    newKeys += 1;
    this.rows = [
      ...this.rows,
      { key: `new-${newKeys}`, id: null, number: next, field: '', operator: '', value: '' },
    ];
  }

  handleCriterionChange(event) {
    const { key, ...patch } = event.detail;
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
  }

  handleCriterionRemove(event) {
    this.rows = this.rows.filter((row) => row.key !== event.detail.key);
  }

  async handleSave() {
    this.saveAttempted = true;
    if (!this.name.trim() || !this.isValid) {
      return;
    }
    this.saving = true;
    try {
      await this.writeAll();
      this.reloadAfterSave = true;
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(SAVED, this.name.trim()), variant: 'success' }),
      );
      this.dispatchEvent(new CustomEvent('saved', { detail: { id: this._segment.id } }));
    } catch (error) {
      this.dispatchEvent(failureToast(SAVE_FAILED, error));
    } finally {
      this.saving = false;
    }
  }

  /**
   * The whole rule as one write: the segment, then its new, changed and removed criteria, in one
   * all-or-none mutation, so the service never reads half a rule.
   */
  writeAll() {
    return applyAll('segmentSave', this.plannedWrites());
  }

  /** The operations that make the stored rule equal the form: only rows that changed. */
  plannedWrites() {
    const segmentId = this._segment.id;
    const operations = [
      updateOp(SEGMENT_OBJECT.objectApiName, segmentId, {
        [SEGMENT_NAME_FIELD.fieldApiName]: this.name.trim(),
        [SEGMENT_DESCRIPTION_FIELD.fieldApiName]: this.description,
        [SEGMENT_LOGIC_FIELD.fieldApiName]: this.logic.trim(),
      }),
    ];
    const original = new Map((this._segment.criteria || []).map((c) => [c.id, c]));
    const kept = new Set();
    for (const row of this.rows) {
      const fields = {
        [CRITERION_NUMBER_FIELD.fieldApiName]: Number(row.number),
        [CRITERION_FIELD_FIELD.fieldApiName]: row.field,
        [CRITERION_OPERATOR_FIELD.fieldApiName]: row.operator,
        [CRITERION_VALUE_FIELD.fieldApiName]: row.value,
      };
      if (!row.id) {
        fields[CRITERION_SEGMENT_FIELD.fieldApiName] = segmentId;
        operations.push(createOp(CRITERION_OBJECT.objectApiName, fields));
      } else {
        kept.add(row.id);
        const before = original.get(row.id);
        const unchanged =
          before &&
          Number(before.number) === Number(row.number) &&
          (before.field || '') === row.field &&
          (before.operator || '') === row.operator &&
          (before.value || '') === row.value;
        if (!unchanged) {
          operations.push(updateOp(CRITERION_OBJECT.objectApiName, row.id, fields));
        }
      }
    }
    for (const id of original.keys()) {
      if (!kept.has(id)) {
        operations.push(deleteOp(CRITERION_OBJECT.objectApiName, id));
      }
    }
    return operations;
  }
}
