import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import {
  checkField,
  checkRoleMapping,
  DEFAULT_COUNTED_STATUSES,
  DEFAULTS,
  RANGES,
  REQUEST_STATUSES,
  summaryNumbers,
} from 'c/quorumProfile';
import PROFILE_OBJECT from '@salesforce/schema/Demand_Scoring_Profile__c';
import ID_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Id';
import NAME_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Description__c';
import ACTIVE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Active__c';
import COUNTED_STATUSES_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Counted_Statuses__c';
import ROLE_SIDE_MAPPING_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Role_Side_Mapping__c';
import URGENCY_CRITICAL_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Critical__c';
import URGENCY_HIGH_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_High__c';
import URGENCY_MEDIUM_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Medium__c';
import URGENCY_LOW_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Low__c';
import SOURCE_ACCOUNT_TEAM_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Account_Team__c';
import SOURCE_INSIDE_SALES_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Inside_Sales__c';
import SOURCE_CUSTOMER_SUCCESS_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Customer_Success__c';
import SOURCE_SUPPORT_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Support__c';
import SOURCE_PARTNER_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Partner__c';
import SIDE_DECISION_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Decision__c';
import SIDE_INFLUENCE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Influence__c';
import SIDE_USE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Use__c';
import SIDE_UNKNOWN_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Unknown__c';
import DEAL_BLOCKER_FACTOR_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Deal_Blocker_Factor__c';
import HALF_LIFE_DAYS_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Half_Life_Days__c';
import DECAY_FLOOR_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Decay_Floor__c';
import REVENUE_WEIGHT_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Revenue_Weight__c';
import REFERENCE_REVENUE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Reference_Revenue__c';
import ACCOUNT_VOICE_CAP_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Account_Voice_Cap__c';
import QUORUM_SIZE_FIELD from '@salesforce/schema/Demand_Scoring_Profile__c.Quorum_Size__c';
import PROFILE_GROUP_URGENCY from '@salesforce/label/c.Quorum_Profile_GroupUrgency';
import PROFILE_GROUP_SOURCE from '@salesforce/label/c.Quorum_Profile_GroupSource';
import PROFILE_GROUP_SIDE from '@salesforce/label/c.Quorum_Profile_GroupSide';
import PROFILE_GROUP_REQUEST from '@salesforce/label/c.Quorum_Profile_GroupRequest';
import PROFILE_GROUP_VOICE from '@salesforce/label/c.Quorum_Profile_GroupVoice';
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
import SUMMARY_TITLE from '@salesforce/label/c.Quorum_Profile_SummaryTitle';
import SUMMARY_URGENCY from '@salesforce/label/c.Quorum_Profile_SummaryUrgency';
import SUMMARY_SIDE from '@salesforce/label/c.Quorum_Profile_SummarySide';
import SUMMARY_DECAY from '@salesforce/label/c.Quorum_Profile_SummaryDecay';
import SUMMARY_BLOCKER from '@salesforce/label/c.Quorum_Profile_SummaryBlocker';
import SUMMARY_REVENUE from '@salesforce/label/c.Quorum_Profile_SummaryRevenue';
import SUMMARY_VOICE from '@salesforce/label/c.Quorum_Profile_SummaryVoice';
import SUMMARY_QUORUM from '@salesforce/label/c.Quorum_Profile_SummaryQuorum';
import SUMMARY_BLOCKED from '@salesforce/label/c.Quorum_Profile_SummaryBlocked';
import ERR_REQUIRED from '@salesforce/label/c.Quorum_Profile_ErrorRequired';
import ERR_INTEGER from '@salesforce/label/c.Quorum_Profile_ErrorInteger';
import ERR_WEIGHT from '@salesforce/label/c.Quorum_Profile_ErrorWeight';
import ERR_HALF_LIFE from '@salesforce/label/c.Quorum_Profile_ErrorHalfLife';
import ERR_FLOOR from '@salesforce/label/c.Quorum_Profile_ErrorFloor';
import ERR_CAP from '@salesforce/label/c.Quorum_Profile_ErrorCap';
import ERR_QUORUM from '@salesforce/label/c.Quorum_Profile_ErrorQuorum';
import ERR_REVENUE from '@salesforce/label/c.Quorum_Profile_ErrorRevenue';
import ERR_JSON from '@salesforce/label/c.Quorum_Profile_ErrorJson';
import ERR_SIDE from '@salesforce/label/c.Quorum_Profile_ErrorSide';
import ERR_STATUSES from '@salesforce/label/c.Quorum_Profile_ErrorStatuses';
import ERR_NAME from '@salesforce/label/c.Quorum_Profile_ErrorName';

const ERRORS = {
  required: ERR_REQUIRED,
  integer: ERR_INTEGER,
  weight: ERR_WEIGHT,
  halfLife: ERR_HALF_LIFE,
  floor: ERR_FLOOR,
  cap: ERR_CAP,
  quorum: ERR_QUORUM,
  revenue: ERR_REVENUE,
  json: ERR_JSON,
  side: ERR_SIDE,
};

/** The weights, grouped as DESIGN.md explains them. */
const GROUPS = [
  {
    key: 'urgency',
    legend: PROFILE_GROUP_URGENCY,
    fields: [URGENCY_CRITICAL_FIELD, URGENCY_HIGH_FIELD, URGENCY_MEDIUM_FIELD, URGENCY_LOW_FIELD],
  },
  {
    key: 'source',
    legend: PROFILE_GROUP_SOURCE,
    fields: [
      SOURCE_ACCOUNT_TEAM_FIELD,
      SOURCE_INSIDE_SALES_FIELD,
      SOURCE_CUSTOMER_SUCCESS_FIELD,
      SOURCE_SUPPORT_FIELD,
      SOURCE_PARTNER_FIELD,
    ],
  },
  {
    key: 'side',
    legend: PROFILE_GROUP_SIDE,
    fields: [SIDE_DECISION_FIELD, SIDE_INFLUENCE_FIELD, SIDE_USE_FIELD, SIDE_UNKNOWN_FIELD],
  },
  {
    key: 'request',
    legend: PROFILE_GROUP_REQUEST,
    fields: [DEAL_BLOCKER_FACTOR_FIELD, HALF_LIFE_DAYS_FIELD, DECAY_FLOOR_FIELD],
  },
  {
    key: 'voice',
    legend: PROFILE_GROUP_VOICE,
    fields: [
      REVENUE_WEIGHT_FIELD,
      REFERENCE_REVENUE_FIELD,
      ACCOUNT_VOICE_CAP_FIELD,
      QUORUM_SIZE_FIELD,
    ],
  },
];

const NUMBER_FIELDS = GROUPS.flatMap((g) => g.fields.map((f) => f.fieldApiName));
const v = (field) => (field ? field.value : null);

/**
 * Sales ops' editor of the scoring profile: every weight with its help text and allowed range,
 * and a plain-words summary of what the weights mean, recomputed as they type. Edits the active
 * profile the service uses (the active one changed last), or creates one from the defaults.
 */
export default class ScoringProfileEditor extends LightningElement {
  labels = {
    TITLE,
    LOADING,
    LOAD_ERROR,
    GROUP_GENERAL,
    COUNTED_STATUSES,
    SAVE,
    SUMMARY_TITLE,
    SUMMARY_BLOCKED,
  };
  profileId;
  name = DEFAULT_NAME;
  description = '';
  active = true;
  values = { ...DEFAULTS };
  countedStatuses = [...DEFAULT_COUNTED_STATUSES];
  roleMapping = '';
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

  @wire(graphql, {
    query: gql`
      query activeScoringProfile {
        uiapi {
          query {
            Demand_Scoring_Profile__c(
              where: { Active__c: { eq: true } }
              orderBy: { LastModifiedDate: { order: DESC } }
              first: 1
            ) {
              edges {
                node {
                  Id
                  Name {
                    value
                  }
                  Description__c {
                    value
                  }
                  Active__c {
                    value
                  }
                  Counted_Statuses__c {
                    value
                  }
                  Role_Side_Mapping__c {
                    value
                  }
                  Urgency_Critical__c {
                    value
                  }
                  Urgency_High__c {
                    value
                  }
                  Urgency_Medium__c {
                    value
                  }
                  Urgency_Low__c {
                    value
                  }
                  Source_Account_Team__c {
                    value
                  }
                  Source_Inside_Sales__c {
                    value
                  }
                  Source_Customer_Success__c {
                    value
                  }
                  Source_Support__c {
                    value
                  }
                  Source_Partner__c {
                    value
                  }
                  Side_Decision__c {
                    value
                  }
                  Side_Influence__c {
                    value
                  }
                  Side_Use__c {
                    value
                  }
                  Side_Unknown__c {
                    value
                  }
                  Deal_Blocker_Factor__c {
                    value
                  }
                  Half_Life_Days__c {
                    value
                  }
                  Decay_Floor__c {
                    value
                  }
                  Revenue_Weight__c {
                    value
                  }
                  Reference_Revenue__c {
                    value
                  }
                  Account_Voice_Cap__c {
                    value
                  }
                  Quorum_Size__c {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
  })
  wiredProfile({ data, errors, refresh }) {
    this.refreshProfile = refresh;
    if (errors) {
      this.errors = errors;
      this.loaded = true;
    } else if (data) {
      this.errors = undefined;
      const edge = data.uiapi.query.Demand_Scoring_Profile__c.edges[0];
      if (edge) {
        this.load(edge.node);
      }
      this.loaded = true;
    }
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
    this.roleMapping = v(node.Role_Side_Mapping__c) || '';
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

  fieldError(apiName) {
    const rule = checkField(apiName, this.values[apiName]);
    if (!rule) {
      return null;
    }
    const range = RANGES[apiName];
    return formatLabel(ERRORS[rule], range.min, range.max);
  }

  get groups() {
    return GROUPS.map((group) => ({
      key: group.key,
      legend: group.legend,
      fields: group.fields.map((field) => {
        const apiName = field.fieldApiName;
        const info = this.fieldInfo(apiName);
        const range = RANGES[apiName];
        const error = this.fieldError(apiName);
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
        };
      }),
    }));
  }

  get statusOptions() {
    return REQUEST_STATUSES.map((status) => ({ label: status, value: status }));
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

  get roleMappingLabel() {
    return (
      this.fieldInfo(ROLE_SIDE_MAPPING_FIELD.fieldApiName).label ||
      ROLE_SIDE_MAPPING_FIELD.fieldApiName
    );
  }

  get roleMappingHelp() {
    return this.fieldInfo(ROLE_SIDE_MAPPING_FIELD.fieldApiName).inlineHelpText || undefined;
  }

  get roleMappingError() {
    const rule = checkRoleMapping(this.roleMapping);
    return rule ? ERRORS[rule] : null;
  }

  get statusesError() {
    return this.countedStatuses.length === 0 ? ERR_STATUSES : null;
  }

  get nameError() {
    return this.saveAttempted && !this.name.trim() ? ERR_NAME : null;
  }

  get hasNumberErrors() {
    return NUMBER_FIELDS.some((field) => this.fieldError(field));
  }

  get isValid() {
    return (
      !this.hasNumberErrors &&
      !this.roleMappingError &&
      !this.statusesError &&
      Boolean(this.name.trim())
    );
  }

  get saveError() {
    return this.saveAttempted && !this.isValid ? FIX_FIRST : null;
  }

  /** What the weights mean, in sentences a sales-ops analyst can check against intuition. */
  get summary() {
    if (this.hasNumberErrors) {
      return [];
    }
    const n = summaryNumbers(this.values);
    const lines = [];
    if (n.criticalOverLow !== null) {
      lines.push(formatLabel(SUMMARY_URGENCY, n.criticalOverLow));
    }
    if (n.decisionOverUse !== null) {
      lines.push(formatLabel(SUMMARY_SIDE, n.decisionOverUse));
    }
    lines.push(formatLabel(SUMMARY_DECAY, n.halfLife, n.floorPercent));
    lines.push(formatLabel(SUMMARY_BLOCKER, n.blocker));
    lines.push(
      formatLabel(SUMMARY_REVENUE, n.revenueBoostPercent, n.referenceRevenue.toLocaleString()),
    );
    if (n.ordinaryAccountsToOutrank !== null) {
      lines.push(formatLabel(SUMMARY_VOICE, n.cap, n.ordinaryAccountsToOutrank));
    }
    lines.push(formatLabel(SUMMARY_QUORUM, n.quorum));
    return lines.map((text, index) => ({ key: String(index), text }));
  }

  get showSummaryBlocked() {
    return this.hasNumberErrors;
  }

  handleNumberChange(event) {
    const field = event.target.dataset.field;
    this.values = { ...this.values, [field]: event.detail.value };
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

  handleRoleMappingChange(event) {
    this.roleMapping = event.detail.value || '';
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
      [ROLE_SIDE_MAPPING_FIELD.fieldApiName]: this.roleMapping.trim(),
    };
    NUMBER_FIELDS.forEach((field) => {
      fields[field] = Number(this.values[field]);
    });
    return fields;
  }

  async handleSave() {
    this.saveAttempted = true;
    if (!this.isValid) {
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
      this.dispatchEvent(
        new ShowToastEvent({
          title: SAVE_FAILED,
          message: reduceErrors(error).join(', '),
          variant: 'error',
        }),
      );
    } finally {
      this.saving = false;
    }
  }
}
