/**
 * Stand-in for `lightning/uiRecordApi`: the `getRecord` wire adapter and the imperative
 * createRecord / updateRecord / deleteRecord, over the UI API REST routes
 * (`ui-api/records`). getFieldValue / getFieldDisplayValue read a record representation.
 * No LDS cache: a wire asks the server whenever its config changes or a write notifies it.
 */
import { call } from 'workbench/transport';

function fieldName(field) {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}
const list = (fields) => (fields ? (Array.isArray(fields) ? fields : [fields]).map(fieldName) : []);

const liveRecordWires = new Set();

export class getRecord {
  constructor(callback) {
    this.callback = callback;
    this.config = undefined;
  }

  update(config) {
    this.config = config;
    this.fetch();
  }

  connect() {
    liveRecordWires.add(this);
  }

  disconnect() {
    liveRecordWires.delete(this);
  }

  fetch() {
    const config = this.config;
    if (!config || !config.recordId) return;
    const params = new URLSearchParams();
    const fields = list(config.fields);
    const optional = list(config.optionalFields);
    if (fields.length > 0) params.set('fields', fields.join(','));
    if (optional.length > 0) params.set('optionalFields', optional.join(','));
    call('GET', `ui-api/records/${encodeURIComponent(config.recordId)}?${params}`).then(
      (data) => this.callback({ data, error: undefined }),
      (error) => this.callback({ data: undefined, error }),
    );
  }
}

function read(record, field, key) {
  if (!record || !record.fields) return undefined;
  const path =
    typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
  let fields = record.fields;
  for (let i = 0; i < path.length; i++) {
    const entry = fields[path[i]];
    if (!entry) return undefined;
    if (i === path.length - 1) return entry[key];
    fields = entry.value && entry.value.fields ? entry.value.fields : {};
  }
  return undefined;
}

export const getFieldValue = (record, field) => read(record, field, 'value');
export const getFieldDisplayValue = (record, field) => read(record, field, 'displayValue');

function refreshRecord(recordId) {
  for (const wire of liveRecordWires) {
    if (wire.config && wire.config.recordId === recordId) wire.fetch();
  }
}

export function createRecord(recordInput) {
  return call('POST', 'ui-api/records', {
    apiName: recordInput.apiName,
    fields: recordInput.fields,
  });
}

export function updateRecord(recordInput) {
  const fields = { ...recordInput.fields };
  const id = fields.Id;
  delete fields.Id;
  return call('PATCH', `ui-api/records/${encodeURIComponent(id)}`, { fields }).then((record) => {
    refreshRecord(id);
    return record;
  });
}

export function deleteRecord(recordId) {
  return call('DELETE', `ui-api/records/${encodeURIComponent(recordId)}`).then(() => undefined);
}

/** Asks every `getRecord` wire showing one of these records to read it again. */
export function notifyRecordUpdateAvailable(items) {
  for (const item of items || []) refreshRecord(item.recordId);
  return Promise.resolve();
}

export const getRecordNotifyChange = notifyRecordUpdateAvailable;
