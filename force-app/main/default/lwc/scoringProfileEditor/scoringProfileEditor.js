import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { failureToast, formatLabel } from 'c/ldsUtils';
import {
  checkCountedStatuses,
  checkField,
  checkRoleMapping,
  DEFAULT_COUNTED_STATUSES,
  DEFAULTS,
  NEVER_COUNTED_STATUS,
  REQUEST_STATUSES,
} from 'c/quorumProfile';
import { valueOf as v } from 'c/graphqlNodes';
import { PROFILE_NUMBER_FIELDS as NUMBER_FIELDS } from 'c/profileWeights';
import { takeAnswer } from 'c/wireAnswer';
import { PROFILE_QUERY } from 'c/scoringProfileQuery';
import PROFILE_OBJECT from '@salesforce/schema/Demand_Scoring_Profile__c';
import ID_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Id';
import NAME_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Description__c';
import ACTIVE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Active__c';
import COUNTED_STATUSES_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Counted_Statuses__c';
import ROLE_SIDE_MAPPING_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Role_Side_Mapping__c';
import TITLE from '@salesforce/label/c.Quorum_Profile_Title';
import INTRO_EXISTING from '@salesforce/label/c.Quorum_Profile_IntroExisting';
import INTRO_NEW from '@salesforce/label/c.Quorum_Profile_IntroNew';
import LOADING from '@salesforce/label/c.Quorum_Profile_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Profile_LoadError';
import GROUP_GENERAL from '@salesforce/label/c.Quorum_Profile_GroupGeneral';
import COUNTED_STATUSES from '@salesforce/label/c.Quorum_Profile_CountedStatuses';
import SAVE from '@salesforce/label/c.Quorum_Profile_Save';
import SAVED from '@salesforce/label/c.Quorum_Profile_Saved';
import SAVE_FAILED from '@salesforce/label/c.Quorum_Profile_SaveFailed';
import FIX_FIRST from '@salesforce/label/c.Quorum_Profile_FixFirst';
import DEFAULT_NAME from '@salesforce/label/c.Quorum_Profile_DefaultName';
import ERR_JSON from '@salesforce/label/c.Quorum_Profile_ErrorJson';
import ERR_SIDE from '@salesforce/label/c.Quorum_Profile_ErrorSide';
import ERR_STATUSES from '@salesforce/label/c.Quorum_Profile_ErrorStatuses';
import ERR_NAME from '@salesforce/label/c.Quorum_Profile_ErrorName';

/** The messages of c/quorumProfile's role-map rules. */
const MAPPING_ERRORS = {
  json: ERR_JSON,
  side: ERR_SIDE,
};

/** Parses Role_Side_Mapping__c: role → side overrides; {} for blank or unreadable text. */
function overridesOf(text) {
  if (!text || checkRoleMapping(text)) {
    return {};
  }
  return JSON.parse(text);
}

/**
 * Sales ops' editor of the scoring profile: its name and status, every weight with its help text
 * and allowed range (c-profile-weights), the counted statuses, the role → side map
 * (c-profile-role-sides) and a plain-words summary of what the weights mean (c-profile-summary).
 * Edits the active profile the service uses (the active one changed last), or creates one from
 * the defaults; the whole profile is saved at once, after the shared module's checks.
 *
 * Name, description and Active are plain fields, yet not a lightning-record-edit-form: they are
 * saved in the same single write as the numbers, statuses and role map (one check of the whole
 * profile, one outcome to report), which a record-edit-form of three fields would split in two.
 */
export default class ScoringProfileEditor extends LightningElement {
  labels = {
    TITLE,
    LOADING,
    LOAD_ERROR,
    GROUP_GENERAL,
    COUNTED_STATUSES,
    SAVE,
  };
  profileId;
  name = DEFAULT_NAME;
  description = '';
  active = true;
  values = { ...DEFAULTS };
  countedStatuses = [...DEFAULT_COUNTED_STATUSES];
  /** role → side overrides of the built-in map (what Role_Side_Mapping__c stores). */
  roleOverrides = {};
  storedMappingError = null;
  objectInfo;
  errors;
  loaded = false;
  saving = false;
  saveAttempted = false;
  refreshProfile;

  @wire(getObjectInfo, { objectApiName: PROFILE_OBJECT })
  wiredInfo({ data }) {
    // Labels and help texts come from the fields themselves; API names stand in until then.
    if (data) {
      this.objectInfo = data;
    }
  }

  @wire(graphql, { query: PROFILE_QUERY })
  wiredProfile(result) {
    this.refreshProfile = result.refresh;
    takeAnswer(this, result, (data) => {
      const edge = data.uiapi.query.Demand_Scoring_Profile__c.edges[0];
      if (edge) {
        this.load(edge.node);
      }
    });
  }

  load(node) {
    this.profileId = node.Id;
    this.name = v(node.Name) || '';
    this.description = v(node.Description__c) || '';
    this.active = v(node.Active__c) === true;
    const values = {};
    NUMBER_FIELDS.forEach((field) => {
      const value = v(node[field]);
      // A blank field means the built-in default to the service: show that number.
      values[field] = value === null || value === undefined ? DEFAULTS[field] : value;
    });
    this.values = values;
    const statuses = v(node.Counted_Statuses__c);
    this.countedStatuses = statuses ? statuses.split(';') : [...DEFAULT_COUNTED_STATUSES];
    const mapping = v(node.Role_Side_Mapping__c) || '';
    // A stored mapping the editor cannot read is reported, and replaced on the next save.
    this.storedMappingError =
      mapping && checkRoleMapping(mapping) ? MAPPING_ERRORS[checkRoleMapping(mapping)] : null;
    this.roleOverrides = overridesOf(mapping);
    this.saveAttempted = false;
  }

  get isLoading() {
    return !this.loaded;
  }

  get intro() {
    return this.profileId ? INTRO_EXISTING : INTRO_NEW;
  }

  fieldInfo(apiName) {
    return (this.objectInfo && this.objectInfo.fields[apiName]) || {};
  }

  /** Delivered never counts (a delivered need is not open demand), so it is not offered. */
  get statusOptions() {
    return REQUEST_STATUSES.filter((status) => status !== NEVER_COUNTED_STATUS).map((status) => ({
      label: status,
      value: status,
    }));
  }

  get nameLabel() {
    return this.fieldInfo(NAME_FIELD.fieldApiName).label || NAME_FIELD.fieldApiName;
  }

  get descriptionLabel() {
    return this.fieldInfo(DESCRIPTION_FIELD.fieldApiName).label || DESCRIPTION_FIELD.fieldApiName;
  }

  get activeLabel() {
    return this.fieldInfo(ACTIVE_FIELD.fieldApiName).label || ACTIVE_FIELD.fieldApiName;
  }

  get activeHelp() {
    return this.fieldInfo(ACTIVE_FIELD.fieldApiName).inlineHelpText || undefined;
  }

  get statusesError() {
    return checkCountedStatuses(this.countedStatuses) ? ERR_STATUSES : null;
  }

  get nameError() {
    return this.saveAttempted && !this.name.trim() ? ERR_NAME : null;
  }

  get hasNumberErrors() {
    return NUMBER_FIELDS.some((field) => checkField(field, this.values[field]));
  }

  get isValid() {
    return !this.hasNumberErrors && !this.statusesError && Boolean(this.name.trim());
  }

  get saveError() {
    return this.saveAttempted && !this.isValid ? FIX_FIRST : null;
  }

  handleNumberChange(event) {
    const { field, value } = event.detail;
    this.values = { ...this.values, [field]: value };
  }

  handleNameChange(event) {
    this.name = event.detail.value || '';
  }

  handleDescriptionChange(event) {
    this.description = event.detail.value || '';
  }

  handleActiveChange(event) {
    this.active = event.detail.checked;
  }

  handleStatusesChange(event) {
    this.countedStatuses = [...event.detail.value];
  }

  handleRoleSidesChange(event) {
    this.roleOverrides = event.detail.overrides;
    this.storedMappingError = null;
  }

  /** Role_Side_Mapping__c: the overrides as JSON, blank when the built-in map holds. */
  get roleMappingText() {
    const overrides = this.roleOverrides || {};
    return Object.keys(overrides).length ? JSON.stringify(overrides) : '';
  }

  /** Every field of the form, numbers as numbers, statuses as a multi-select picklist value. */
  buildFields() {
    const fields = {
      [NAME_FIELD.fieldApiName]: this.name.trim(),
      [DESCRIPTION_FIELD.fieldApiName]: this.description,
      [ACTIVE_FIELD.fieldApiName]: this.active,
      [COUNTED_STATUSES_FIELD.fieldApiName]: REQUEST_STATUSES.filter((s) =>
        this.countedStatuses.includes(s),
      ).join(';'),
      [ROLE_SIDE_MAPPING_FIELD.fieldApiName]: this.roleMappingText,
    };
    NUMBER_FIELDS.forEach((field) => {
      fields[field] = Number(this.values[field]);
    });
    return fields;
  }

  /**
   * A refused save puts the user on the first value to fix: the message sits by the Save button
   * while the field may be a screen above it (the half-life, the urgency weights).
   */
  focusFirstProblem() {
    if (!this.name.trim()) {
      this.template.querySelector('lightning-input.name').focus();
      return;
    }
    const weights = this.template.querySelector('c-profile-weights');
    if (weights && weights.focusFirstInvalid()) {
      return;
    }
    if (this.statusesError) {
      this.template.querySelector('lightning-checkbox-group.statuses').focus();
    }
  }

  async handleSave() {
    this.saveAttempted = true;
    if (!this.isValid) {
      this.focusFirstProblem();
      return;
    }
    this.saving = true;
    try {
      const fields = this.buildFields();
      if (this.profileId) {
        await updateRecord({ fields: { [ID_FIELD.fieldApiName]: this.profileId, ...fields } });
      } else {
        const record = await createRecord({ apiName: PROFILE_OBJECT.objectApiName, fields });
        this.profileId = record.id;
      }
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(SAVED, this.name.trim()), variant: 'success' }),
      );
      if (this.refreshProfile) {
        await this.refreshProfile();
      }
    } catch (error) {
      this.dispatchEvent(failureToast(SAVE_FAILED, error));
    } finally {
      this.saving = false;
    }
  }
}
