/**
 * Stand-in for `lightning/uiObjectInfoApi`: `getObjectInfo` and `getPicklistValues` wire
 * adapters over the UI API REST routes (`ui-api/object-info/...`), provisioning `{ data, error }`.
 */
import { call } from 'workbench/transport';

class RestWire {
  constructor(callback) {
    this.callback = callback;
  }

  update(config) {
    const path = this.path(config || {});
    if (!path) return;
    call('GET', path).then(
      (data) => this.callback({ data, error: undefined }),
      (error) => this.callback({ data: undefined, error }),
    );
  }

  connect() {}

  disconnect() {}
}

const objectName = (value) => (value && typeof value === 'object' ? value.objectApiName : value);

export class getObjectInfo extends RestWire {
  path(config) {
    const name = objectName(config.objectApiName);
    return name ? `ui-api/object-info/${encodeURIComponent(name)}` : null;
  }
}

export class getPicklistValues extends RestWire {
  path(config) {
    const field = config.fieldApiName;
    if (!config.recordTypeId || !field) return null;
    const [object, name] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
    return `ui-api/object-info/${encodeURIComponent(object)}/picklist-values/${encodeURIComponent(config.recordTypeId)}/${encodeURIComponent(name)}`;
  }
}

export class getPicklistValuesByRecordType extends RestWire {
  path(config) {
    const name = objectName(config.objectApiName);
    if (!name || !config.recordTypeId) return null;
    return `ui-api/object-info/${encodeURIComponent(name)}/picklist-values/${encodeURIComponent(config.recordTypeId)}`;
  }
}
