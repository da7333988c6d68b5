import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import { checkField, RANGES } from 'c/quorumProfile';
import { GROUPS } from './profileGroups';

export { PROFILE_NUMBER_FIELDS } from './profileGroups';
import ERR_REQUIRED from '@salesforce/label/c.Quorum_Profile_ErrorRequired';
import ERR_INTEGER from '@salesforce/label/c.Quorum_Profile_ErrorInteger';
import ERR_WEIGHT from '@salesforce/label/c.Quorum_Profile_ErrorWeight';
import ERR_WORKAROUND from '@salesforce/label/c.Quorum_Profile_ErrorWorkaround';
import ERR_HALF_LIFE from '@salesforce/label/c.Quorum_Profile_ErrorHalfLife';
import ERR_FLOOR from '@salesforce/label/c.Quorum_Profile_ErrorFloor';
import ERR_CAP from '@salesforce/label/c.Quorum_Profile_ErrorCap';
import ERR_QUORUM from '@salesforce/label/c.Quorum_Profile_ErrorQuorum';
import ERR_REVENUE from '@salesforce/label/c.Quorum_Profile_ErrorRevenue';

/** The message of each rule c/quorumProfile's checkField names, with {0} min and {1} max. */
const ERRORS = {
  required: ERR_REQUIRED,
  integer: ERR_INTEGER,
  weight: ERR_WEIGHT,
  workaround: ERR_WORKAROUND,
  halfLife: ERR_HALF_LIFE,
  floor: ERR_FLOOR,
  cap: ERR_CAP,
  quorum: ERR_QUORUM,
  revenue: ERR_REVENUE,
};

/**
 * The scoring profile's numbers, grouped under legends as the scoring model explains them: each
 * field with its label and help text (from the object's describe), its allowed range and, when a
 * value breaks the shared profile module's rule, the message why. It owns no value: the editor
 * passes the values in and gets a `change` ({ field, value }) for every edit.
 */
export default class ProfileWeights extends LightningElement {
  /** Field API name → value as typed. */
  @api values = {};
  /** getObjectInfo's data for Demand_Scoring_Profile__c (labels, help texts), when loaded. */
  @api objectInfo;

  get groups() {
    const infos = (this.objectInfo && this.objectInfo.fields) || {};
    return GROUPS.map((group) => ({
      key: group.key,
      legend: group.legend,
      fields: group.fields.map((apiName) => {
        const info = infos[apiName] || {};
        const range = RANGES[apiName];
        const rule = checkField(apiName, this.values[apiName]);
        const error = rule ? formatLabel(ERRORS[rule], range.min, range.max) : null;
        return {
          apiName,
          label: info.label || apiName,
          help: info.inlineHelpText || undefined,
          value: this.values[apiName],
          min: range.exclusiveMin ? undefined : range.min,
          max: range.max,
          step: range.integer ? '1' : 'any',
          error,
          inputClass: error ? 'weight slds-has-error' : 'weight',
          formatter: apiName === 'Reference_Revenue__c' ? 'currency' : undefined,
        };
      }),
    }));
  }

  /**
   * Focuses the first field (in the order shown) whose value breaks its rule.
   * @returns {boolean} whether there was one
   */
  @api
  focusFirstInvalid() {
    const apiName = GROUPS.flatMap((group) => group.fields).find((field) =>
      checkField(field, this.values[field]),
    );
    const input =
      apiName && this.template.querySelector(`lightning-input[data-field="${apiName}"]`);
    if (!input) {
      return false;
    }
    input.focus();
    return true;
  }

  handleNumberChange(event) {
    event.stopPropagation();
    this.dispatchEvent(
      new CustomEvent('change', {
        detail: { field: event.target.dataset.field, value: event.detail.value },
      }),
    );
  }
}
