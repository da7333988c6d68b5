import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { gql, graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { fieldErrorsOf, formatLabel, picklistOptions, reduceErrors } from 'c/ldsUtils';
import { queryNodes, valueOf } from 'c/graphqlNodes';
import { containsPattern, isSearchable, SEARCH_DELAY_MS, todayIso } from './themeSearch';

import REQUEST_OBJECT from '@salesforce/schema/Escalated_Request__c';
import NAME_FIELD from '@salesforce/schema/Escalated_Request__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Escalated_Request__c.Description__c';
import ACCOUNT_FIELD from '@salesforce/schema/Escalated_Request__c.Account__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/Escalated_Request__c.Opportunity__c';
import THEME_FIELD from '@salesforce/schema/Escalated_Request__c.Theme__c';
import URGENCY_FIELD from '@salesforce/schema/Escalated_Request__c.Urgency__c';
import NEEDED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Needed_By__c';
import ASKED_ON_FIELD from '@salesforce/schema/Escalated_Request__c.Asked_On__c';
import REVENUE_FIELD from '@salesforce/schema/Escalated_Request__c.Revenue_At_Stake__c';
import DEAL_BLOCKER_FIELD from '@salesforce/schema/Escalated_Request__c.Deal_Blocker__c';
import REQUESTED_BY_FIELD from '@salesforce/schema/Escalated_Request__c.Requested_By__c';
import SOURCE_FIELD from '@salesforce/schema/Escalated_Request__c.Source__c';
import WORKAROUND_FIELD from '@salesforce/schema/Escalated_Request__c.Workaround__c';
import STATUS_FIELD from '@salesforce/schema/Escalated_Request__c.Status__c';
import THEME_NAME_FIELD from '@salesforce/schema/Demand_Theme__c.Name';
import THEME_AREA_FIELD from '@salesforce/schema/Demand_Theme__c.Product_Area__c';

import LABELS from './labels';

// The user's text reaches the server only as $pattern: the query text never changes.
// Merged themes are left out: requests belong on the theme they were merged into.
const THEME_SEARCH_QUERY = gql`
  query themeSearch($pattern: String) {
    uiapi {
      query {
        Demand_Theme__c(
          where: { and: [{ Name: { like: $pattern } }, { Merged_Into__c: { eq: null } }] }
          first: 10
          orderBy: { Name: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Product_Area__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// New requests are heard by the account team unless the user says otherwise.
const DEFAULT_SOURCE = 'Account Team';

const F = {
  name: NAME_FIELD.fieldApiName,
  description: DESCRIPTION_FIELD.fieldApiName,
  theme: THEME_FIELD.fieldApiName,
  urgency: URGENCY_FIELD.fieldApiName,
  neededBy: NEEDED_BY_FIELD.fieldApiName,
  askedOn: ASKED_ON_FIELD.fieldApiName,
  revenue: REVENUE_FIELD.fieldApiName,
  dealBlocker: DEAL_BLOCKER_FIELD.fieldApiName,
  requestedBy: REQUESTED_BY_FIELD.fieldApiName,
  source: SOURCE_FIELD.fieldApiName,
  workaround: WORKAROUND_FIELD.fieldApiName,
  status: STATUS_FIELD.fieldApiName,
};

const blankToNull = (value) => (value === undefined || value === '' ? null : value);

/**
 * Modal to log a new escalated request or edit one. It writes the record itself so that it can
 * put the server's field-level errors on the fields and stay open; it closes with
 * `{ id, name, created }` on success and with nothing when cancelled.
 */
export default class RequestEditor extends LightningModal {
  /** Account the request belongs to (required for a new request). */
  @api accountId;
  /** Opportunity the request was heard on, if any. */
  @api opportunityId;
  /** Revenue at stake suggested for a new request: the opportunity's Amount. */
  @api defaultAmount;
  /** `[{ label, value: contactId }]` from the opportunity's buying committee. */
  @api requesterOptions = [];
  /** Id of the request being edited; blank for a new one. */
  @api recordId;
  /** Field values of the request being edited, keyed by API name. */
  @api values;
  /** Name of the current theme of the request being edited. */
  @api themeName;
  /** `{ id, name }` of the theme Quorum suggested for an unthemed request, if any. */
  @api suggestedTheme;

  labels = LABELS;
  draft = {};
  selectedTheme = null;
  /** What the user typed, and the text last searched for (SEARCH_DELAY_MS after typing). */
  searchText = '';
  searchTerm = '';
  searchTimer;
  themeResults = [];
  themeSearched = false;
  saving = false;
  /**
   * A chosen theme's pill replaces the control that had focus, and removing the pill brings the
   * search back: focus moves to what took its place (the pill's box, the search).
   */
  focusThemePill = false;
  focusThemeSearch = false;
  saveError;
  hasFieldErrors = false;

  connectedCallback() {
    const values = this.values || {};
    if (this.isEdit) {
      this.draft = { ...values };
      if (values[F.theme]) {
        this.selectedTheme = { id: values[F.theme], name: this.themeName || values[F.theme] };
      }
    } else {
      this.draft = {
        // When the customer asked: today unless the team logs an older ask.
        [F.askedOn]: todayIso(),
        [F.source]: DEFAULT_SOURCE,
        [F.revenue]: this.defaultAmount === undefined ? null : this.defaultAmount,
        [F.dealBlocker]: false,
      };
    }
  }

  disconnectedCallback() {
    clearTimeout(this.searchTimer);
  }

  @wire(getObjectInfo, { objectApiName: REQUEST_OBJECT })
  objectInfo;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: URGENCY_FIELD })
  urgencyPicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: SOURCE_FIELD })
  sourcePicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: WORKAROUND_FIELD })
  workaroundPicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: STATUS_FIELD })
  statusPicklist;

  @wire(graphql, { query: '$themeQuery', variables: '$themeVariables' })
  wiredThemes({ data, errors }) {
    if (data) {
      this.themeResults = queryNodes(data, 'Demand_Theme__c').map((node) => ({
        id: node.Id,
        name: valueOf(node[THEME_NAME_FIELD.fieldApiName]),
        area: valueOf(node[THEME_AREA_FIELD.fieldApiName]),
      }));
      this.themeSearched = true;
    } else if (errors) {
      this.themeResults = [];
      this.themeSearched = false;
    }
  }

  get recordTypeId() {
    return this.objectInfo && this.objectInfo.data
      ? this.objectInfo.data.defaultRecordTypeId
      : undefined;
  }

  get isEdit() {
    return Boolean(this.recordId);
  }

  get heading() {
    return this.isEdit ? LABELS.editTitle : LABELS.newTitle;
  }

  // ----- options -----

  get urgencyOptions() {
    return picklistOptions(this.urgencyPicklist);
  }

  get sourceOptions() {
    return picklistOptions(this.sourcePicklist);
  }

  get workaroundOptions() {
    return picklistOptions(this.workaroundPicklist);
  }

  get statusOptions() {
    return picklistOptions(this.statusPicklist);
  }

  get requestedByOptions() {
    return [{ label: LABELS.notSpecified, value: '' }, ...(this.requesterOptions || [])];
  }

  get requestedByValue() {
    return this.draft[F.requestedBy] || '';
  }

  // ----- theme search -----

  /** Only search while the user is choosing a theme and has typed enough. */
  get themeQuery() {
    return !this.selectedTheme && isSearchable(this.searchTerm) ? THEME_SEARCH_QUERY : undefined;
  }

  get themeVariables() {
    return { pattern: containsPattern(this.searchTerm) };
  }

  get hasThemeResults() {
    return Boolean(this.themeQuery) && this.themeResults.length > 0;
  }

  get showNoThemeMatch() {
    return Boolean(this.themeQuery) && this.themeSearched && this.themeResults.length === 0;
  }

  /** Searches once the user pauses typing, not on every keystroke. */
  handleThemeSearch(event) {
    this.searchText = event.detail.value || '';
    event.target.setCustomValidity('');
    clearTimeout(this.searchTimer);
    // A timer is the debounce itself: the query runs SEARCH_DELAY_MS after the last keystroke.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.searchTimer = setTimeout(() => {
      if (this.searchTerm !== this.searchText) {
        this.searchTerm = this.searchText;
        this.themeSearched = false;
        this.themeResults = [];
      }
    }, SEARCH_DELAY_MS);
  }

  renderedCallback() {
    const chosen = this.focusThemePill && this.template.querySelector('.theme-chosen');
    if (chosen) {
      this.focusThemePill = false;
      chosen.focus();
    }
    const search =
      this.focusThemeSearch && this.template.querySelector('lightning-input.theme-search');
    if (search) {
      this.focusThemeSearch = false;
      search.focus();
    }
  }

  /** Quorum's suggestion, offered while the request has no theme of its own. */
  get suggestion() {
    const theme = this.suggestedTheme;
    if (!theme || !theme.id || this.selectedTheme) {
      return null;
    }
    return {
      text: formatLabel(LABELS.themeSuggested, theme.name),
      action: formatLabel(LABELS.themeUseSuggestion, theme.name),
    };
  }

  /** Accepting the suggestion makes it the request's theme (saved with the request). */
  handleUseSuggestion() {
    this.chooseTheme({ id: this.suggestedTheme.id, name: this.suggestedTheme.name });
  }

  handleSelectTheme(event) {
    const { id, name } = event.currentTarget.dataset;
    this.chooseTheme({ id, name });
  }

  chooseTheme(theme) {
    this.selectedTheme = theme;
    this.focusThemePill = true;
    clearTimeout(this.searchTimer);
    this.searchText = '';
    this.searchTerm = '';
    this.themeResults = [];
  }

  handleClearTheme() {
    this.selectedTheme = null;
    this.focusThemeSearch = true;
  }

  // ----- fields -----

  handleFieldChange(event) {
    const field = event.target.dataset.field;
    const value = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
    this.draft = { ...this.draft, [field]: value };
    // A server error on this field no longer applies once the user changes it.
    event.target.setCustomValidity('');
  }

  /** The record's fields as the user left them; blanks are sent as null to clear values. */
  buildFields() {
    const draft = this.draft;
    const revenue = blankToNull(draft[F.revenue]);
    const fields = {
      [F.name]: String(draft[F.name] || '').trim(),
      [F.description]: blankToNull(draft[F.description]),
      [F.theme]: this.selectedTheme ? this.selectedTheme.id : null,
      [F.urgency]: blankToNull(draft[F.urgency]),
      [F.neededBy]: blankToNull(draft[F.neededBy]),
      [F.askedOn]: blankToNull(draft[F.askedOn]),
      [F.revenue]: revenue === null ? null : Number(revenue),
      [F.dealBlocker]: draft[F.dealBlocker] === true,
      [F.requestedBy]: blankToNull(draft[F.requestedBy]),
      [F.source]: blankToNull(draft[F.source]),
      [F.workaround]: blankToNull(draft[F.workaround]),
    };
    if (this.isEdit) {
      fields[F.status] = blankToNull(draft[F.status]);
    }
    return fields;
  }

  inputs() {
    return [...this.template.querySelectorAll('[data-field]')];
  }

  validate() {
    // reportValidity shows each input's own message (required, type) next to it.
    return this.inputs().reduce((valid, input) => input.reportValidity() !== false && valid, true);
  }

  async handleSave() {
    if (!this.validate()) {
      return;
    }
    const fields = this.buildFields();
    this.saving = true;
    this.saveError = undefined;
    this.hasFieldErrors = false;
    try {
      let id = this.recordId;
      if (this.isEdit) {
        await updateRecord({ fields: { Id: id, ...fields } });
      } else {
        const record = await createRecord({
          apiName: REQUEST_OBJECT.objectApiName,
          fields: {
            ...fields,
            [ACCOUNT_FIELD.fieldApiName]: this.accountId,
            [OPPORTUNITY_FIELD.fieldApiName]: this.opportunityId || null,
          },
        });
        id = record.id;
      }
      this.close({ id, name: fields[F.name], created: !this.isEdit });
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.saving = false;
    }
  }

  /** Field errors go on their inputs; the panel keeps the full list for anything else. */
  showServerErrors(error) {
    const byField = fieldErrorsOf(error);
    let placed = 0;
    Object.entries(byField).forEach(([field, message]) => {
      const input = this.template.querySelector(`[data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(message);
        input.reportValidity();
        placed += 1;
      }
    });
    this.hasFieldErrors = placed > 0;
    this.saveError = reduceErrors(error).length ? error : new Error(LABELS.saveFailed);
  }

  get saveErrorMessage() {
    return this.hasFieldErrors ? LABELS.fixErrors : LABELS.saveFailed;
  }

  handleCancel() {
    this.close();
  }
}
