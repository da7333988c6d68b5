import { LightningElement, api, wire } from 'lwc';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { normalizeFieldType, operatorsForType, splitValues } from 'c/quorumRules';
import { joinValues } from './valueList';
import { formatLabel } from 'c/ldsUtils';
import FIELD from '@salesforce/label/c.Quorum_Segment_Field';
import OPERATOR from '@salesforce/label/c.Quorum_Segment_Operator';
import VALUE from '@salesforce/label/c.Quorum_Segment_Value';
import VALUES_HINT from '@salesforce/label/c.Quorum_Segment_ValuesHint';
import REMOVE from '@salesforce/label/c.Quorum_Segment_RemoveCriterion';
import TRUE_LABEL from '@salesforce/label/c.Quorum_Segment_True';
import FALSE_LABEL from '@salesforce/label/c.Quorum_Segment_False';
import CRITERION from '@salesforce/label/c.Quorum_Segment_Criterion';

const BLANK_OPERATORS = ['is blank', 'is not blank'];
const LIST_OPERATORS = ['in', 'not in'];

/**
 * One criterion of a segment rule: an Account field, an operator that fits the field's type and
 * a value input for that type (picklist values offered for picklist fields). It owns no data:
 * every edit is sent up as a `change` event ({ key, field, operator, value }).
 */
export default class SegmentCriterionRow extends LightningElement {
  /** { key, number, field, operator, value } */
  @api criterion;
  /** [{ label, value }] Account fields segment rules can use. */
  @api fieldOptions = [];
  /** Account field API name -> UI API dataType. */
  @api fieldTypes = {};
  @api recordTypeId;
  /** The shared grammar's message for this criterion, if any. */
  @api error;

  labels = { FIELD, OPERATOR, VALUE, VALUES_HINT };
  picklistOptions = [];

  get kind() {
    const field = this.criterion && this.criterion.field;
    return field ? normalizeFieldType(this.fieldTypes[field]) : null;
  }

  get picklistFieldApiName() {
    return this.kind === 'picklist' ? `Account.${this.criterion.field}` : undefined;
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: '$picklistFieldApiName' })
  wiredPicklist({ data }) {
    // Without values (an error, or a field without record-type values) the text input stays.
    this.picklistOptions = data ? data.values.map((v) => ({ label: v.label, value: v.value })) : [];
  }

  get legend() {
    return formatLabel(CRITERION, this.criterion.number);
  }

  get removeLabel() {
    return formatLabel(REMOVE, this.criterion.number);
  }

  get operatorOptions() {
    return this.kind ? operatorsForType(this.kind).map((op) => ({ label: op, value: op })) : [];
  }

  get operatorDisabled() {
    return !this.kind;
  }

  get operator() {
    return this.criterion.operator;
  }

  get needsValue() {
    return Boolean(this.kind) && Boolean(this.operator) && !BLANK_OPERATORS.includes(this.operator);
  }

  get isList() {
    return LIST_OPERATORS.includes(this.operator);
  }

  get hasPicklistValues() {
    return this.kind === 'picklist' && this.picklistOptions.length > 0;
  }

  get showBoolean() {
    return this.needsValue && this.kind === 'boolean';
  }

  get showPicklist() {
    return (
      this.needsValue &&
      this.hasPicklistValues &&
      ['equals', 'not equal to'].includes(this.operator)
    );
  }

  get showPicklistList() {
    return this.needsValue && this.hasPicklistValues && this.isList;
  }

  get showInput() {
    return this.needsValue && !this.showBoolean && !this.showPicklist && !this.showPicklistList;
  }

  /** lightning-input type by field kind; lists are typed as comma-separated text. */
  get inputType() {
    if (this.isList) {
      return 'text';
    }
    switch (this.kind) {
      case 'number':
        return 'number';
      case 'date':
        return 'date';
      case 'datetime':
        return 'datetime';
      default:
        return 'text';
    }
  }

  get inputHelp() {
    return this.isList ? VALUES_HINT : undefined;
  }

  get booleanOptions() {
    return [
      { label: TRUE_LABEL, value: 'true' },
      { label: FALSE_LABEL, value: 'false' },
    ];
  }

  /** The chosen values, read with the shared grammar (a quoted value may hold a comma). */
  get listValue() {
    return splitValues(this.criterion.value || '') || [];
  }

  notify(patch) {
    this.dispatchEvent(
      new CustomEvent('change', { detail: { key: this.criterion.key, ...patch } }),
    );
  }

  handleFieldChange(event) {
    const field = event.detail.value;
    const kind = normalizeFieldType(this.fieldTypes[field]);
    const allowed = kind ? operatorsForType(kind) : [];
    // Keep the operator when it still fits the new field; the value is typed anew.
    const operator = allowed.includes(this.operator) ? this.operator : allowed[0];
    this.notify({ field, operator, value: '' });
  }

  handleOperatorChange(event) {
    this.notify({ operator: event.detail.value });
  }

  handleValueChange(event) {
    const value = event.detail.value;
    this.notify({ value: value === null || value === undefined ? '' : String(value) });
  }

  handleListChange(event) {
    this.notify({ value: joinValues(event.detail.value) });
  }

  handleRemove() {
    this.dispatchEvent(new CustomEvent('remove', { detail: { key: this.criterion.key } }));
  }
}
