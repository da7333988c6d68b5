/**
 * Stand-in for `lightning-record-picker` (a Lightning Experience component that
 * lightning-base-components does not ship): an SLDS lookup that searches `objectApiName` over the
 * UI API GraphQL endpoint as the user types, honouring `filter` (criteria with eq/ne/in/like),
 * `displayInfo` and `matchingInfo`, and fires `change` with `{ recordId }` as the real one does.
 * The typed text travels only as a GraphQL variable; field names come from the component's
 * configuration and are checked to be API names before they enter the query text.
 */
import { LightningElement, api } from 'lwc';
import { call } from 'workbench/transport';

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;
const SEARCH_DELAY_MS = 250;

const checked = (name) => {
  if (!API_NAME.test(name)) throw new Error(`record picker: ${name} is not a field API name`);
  return name;
};

/** `Account.Name` → `Account { Name { value } }` for a node selection. */
const selection = (path) =>
  path
    .split('.')
    .reverse()
    .reduce((inner, part) => `${part} { ${inner} }`, 'value');

const read = (node, path) => {
  let cur = node;
  for (const part of path.split('.')) cur = cur ? cur[part] : null;
  return cur ? cur.value : null;
};

const escapeLike = (text) => text.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');

export default class RecordPicker extends LightningElement {
  @api label;
  @api placeholder;
  @api objectApiName;
  @api filter;
  @api displayInfo;
  @api matchingInfo;
  @api required = false;
  @api disabled = false;
  @api variant;

  inputText = '';
  results = [];
  open = false;
  message;
  _value = null;
  timer;

  @api
  get value() {
    return this._value;
  }
  set value(id) {
    this._value = id || null;
    if (!id) this.inputText = '';
    else if (!this.results.some((r) => r.id === id)) this.loadName(id);
  }

  @api clearSelection() {
    this._value = null;
    this.inputText = '';
    this.results = [];
  }

  @api checkValidity() {
    return !this.required || Boolean(this._value);
  }

  @api reportValidity() {
    const ok = this.checkValidity();
    this.message = ok ? undefined : 'Complete this field.';
    return ok;
  }

  @api setCustomValidity(message) {
    this.message = message || undefined;
  }

  @api focus() {
    const input = this.template.querySelector('input');
    if (input) input.focus();
  }

  get primaryField() {
    return checked((this.displayInfo && this.displayInfo.primaryField) || 'Name');
  }

  get secondaryFields() {
    return ((this.displayInfo && this.displayInfo.additionalFields) || []).map(checked);
  }

  get matchFields() {
    const info = this.matchingInfo || {};
    const primary = (info.primaryField && info.primaryField.fieldPath) || this.primaryField;
    return [primary, ...(info.additionalFields || []).map((f) => f.fieldPath)].map(checked);
  }

  get expandedText() {
    return this.open ? 'true' : 'false';
  }

  get comboboxClass() {
    return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.open ? ' slds-is-open' : ''}`;
  }

  get formElementClass() {
    return `slds-form-element${this.message ? ' slds-has-error' : ''}`;
  }

  get options() {
    return this.results.map((r) => ({
      ...r,
      selected: r.id === this._value ? 'true' : 'false',
      className:
        'slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta',
    }));
  }

  query(where, first) {
    const fields = [...new Set([this.primaryField, ...this.secondaryFields])];
    const object = checked(this.objectApiName);
    const text = `query recordPicker($where: ${object}_Filter) { uiapi { query { ${object}(where: $where, first: ${first}, orderBy: { ${this.primaryField.split('.')[0]}: { order: ASC } }) { edges { node { Id ${fields.map(selection).join(' ')} } } } } } }`;
    return call('POST', 'graphql', {
      query: text,
      variables: { where },
      operationName: 'recordPicker',
    }).then((body) => {
      if (body.errors && body.errors.length > 0) throw new Error(body.errors[0].message);
      return body.data.uiapi.query[object].edges.map(({ node }) => ({
        id: node.Id,
        primary: read(node, this.primaryField),
        secondary: this.secondaryFields
          .map((f) => read(node, f))
          .filter(Boolean)
          .join(' • '),
      }));
    });
  }

  filterWhere() {
    const criteria = (this.filter && this.filter.criteria) || [];
    return criteria.map((c) => ({ [checked(c.fieldPath)]: { [c.operator]: c.value } }));
  }

  loadName(id) {
    this.query({ Id: { eq: id } }, 1).then(
      ([row]) => {
        if (row && this._value === id) this.inputText = row.primary;
      },
      () => undefined,
    );
  }

  handleInput(event) {
    const term = event.target.value;
    this.inputText = term;
    clearTimeout(this.timer);
    if (this._value) {
      this._value = null;
      this.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
    }
    if (term.trim().length < 2) {
      this.results = [];
      this.open = false;
      return;
    }
    this.timer = setTimeout(() => this.search(term.trim()), SEARCH_DELAY_MS);
  }

  search(term) {
    const like = `%${escapeLike(term)}%`;
    const match = { or: this.matchFields.map((f) => ({ [f]: { like } })) };
    this.query({ and: [match, ...this.filterWhere()] }, 10).then(
      (rows) => {
        if (this.inputText.trim() !== term) return;
        this.results = rows;
        this.open = rows.length > 0;
        this.message = rows.length === 0 ? 'No matches.' : undefined;
      },
      (error) => {
        this.message = error.message;
      },
    );
  }

  handleSelect(event) {
    const id = event.currentTarget.dataset.id;
    const row = this.results.find((r) => r.id === id);
    this._value = id;
    this.inputText = row ? row.primary : '';
    this.open = false;
    this.message = undefined;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: id } }));
  }

  handleKeyDown(event) {
    if (event.key === 'Escape') this.open = false;
    if (event.key === 'Enter' && this.open && this.results.length > 0) {
      event.preventDefault();
      this.handleSelect({ currentTarget: { dataset: { id: this.results[0].id } } });
    }
  }

  handleBlur() {
    this.open = false;
  }
}
