/**
 * User Interface API REST routes (`ui-api/...`), the ones `lightning/uiRecordApi` and
 * `lightning/uiObjectInfoApi` stand on: records (create, get, update, delete), object info and
 * picklist values. Writes take the same path through the org's rules as `sobjects/...`; errors
 * come back in the UI API shape (`errorCode`, `message`, `output.errors`, `output.fieldErrors`).
 */
import type { Emulator } from '../emulator';
import type { FieldDef, ObjectDef } from '../schema/types';
import { DmlError, RequestError } from '../store/errors';
import { normalizeId } from '../store/ids';
import type { Row } from '../store/table';
import { toApi } from '../store/values';
import { json, jsonObject, noContent, type ApiRequest, type ApiResponse } from './types';

/** The Master record type every object has in the emulator (no record types in the metadata). */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/**
 * A failed request in the UI API's error shape: one entry, field errors keyed by field (the REST
 * routes answer the same RequestError as a list of `{ message, errorCode, fields }`).
 */
function uiApiBody(err: RequestError): Record<string, unknown> {
  const fieldErrors: Record<string, unknown[]> = {};
  for (const field of err.fields) {
    fieldErrors[field] = [
      {
        constituentField: null,
        duplicateRecordError: null,
        errorCode: err.errorCode,
        field,
        fieldLabel: field,
        message: err.message,
      },
    ];
  }
  const pageLevel = err.fields.length === 0;
  return {
    errorCode: err.errorCode,
    message: err.message,
    output: {
      errors: pageLevel
        ? [
            {
              errorCode: err.errorCode,
              message: err.message,
              constituentField: null,
              duplicateRecordError: null,
              field: null,
              fieldLabel: null,
            },
          ]
        : [],
      fieldErrors,
    },
  };
}

function uiError(err: unknown): never {
  if (err instanceof DmlError) throw new RequestError(400, err.statusCode, err.message, err.fields);
  throw err;
}

function objectDef(emu: Emulator, name: unknown): ObjectDef {
  const def = typeof name === 'string' ? emu.schema.find(name) : undefined;
  if (!def)
    throw new RequestError(
      400,
      'INVALID_TYPE',
      `Object ${String(name)} is not supported in UI API`,
    );
  return def;
}

function displayValue(field: FieldDef, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'picklist') {
    const entry = field.picklistValues.find((p) => p.value === value);
    return entry ? entry.label : String(value);
  }
  return null;
}

/** `{ value, displayValue }` for one field of a row, as record representations hold them. */
export function fieldValue(
  field: FieldDef,
  row: Row,
): { value: unknown; displayValue: string | null } {
  const value = toApi(field, row[field.name] ?? null);
  return { value, displayValue: displayValue(field, value) };
}

function recordRepresentation(
  def: ObjectDef,
  row: Row,
  fields: FieldDef[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.name] = fieldValue(f, row);
  return {
    apiName: def.name,
    childRelationships: {},
    eTag: `${row.Id}-${String(row.SystemModstamp ?? row.LastModifiedDate)}`,
    fields: out,
    id: row.Id,
    lastModifiedById: row.LastModifiedById ?? null,
    lastModifiedDate: toApi(
      { type: 'datetime' } as FieldDef,
      (row.LastModifiedDate ?? null) as number | null,
    ),
    recordTypeId: MASTER_RECORD_TYPE_ID,
    recordTypeInfo: null,
    systemModstamp: toApi(
      { type: 'datetime' } as FieldDef,
      (row.SystemModstamp ?? row.LastModifiedDate ?? null) as number | null,
    ),
    weakEtag: Number(row.SystemModstamp ?? row.LastModifiedDate ?? 0),
  };
}

function locateLive(emu: Emulator, id: string): { def: ObjectDef; row: Row } {
  const norm = normalizeId(id);
  const hit = norm ? emu.store.locate(norm) : undefined;
  if (!hit || hit.row.IsDeleted)
    throw new RequestError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return { def: hit.table.def, row: hit.row };
}

/** `Object.Field` names of a `fields` / `optionalFields` parameter, for the record's object. */
function requestedFields(def: ObjectDef, param: string | null, optional: boolean): FieldDef[] {
  const out: FieldDef[] = [];
  for (const qualified of (param ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const dot = qualified.indexOf('.');
    const object = qualified.slice(0, dot);
    const name = qualified.slice(dot + 1);
    if (dot < 0 || object.toLowerCase() !== def.name.toLowerCase()) {
      if (optional) continue;
      throw new RequestError(
        400,
        'INVALID_FIELD',
        `Field ${qualified} does not belong to ${def.name}`,
      );
    }
    const field = def.fieldMap.get(name.toLowerCase());
    if (!field) {
      if (optional) continue;
      throw new RequestError(
        400,
        'INVALID_FIELD',
        `No such column '${name}' on entity '${def.name}'.`,
        [name],
      );
    }
    out.push(field);
  }
  return out;
}

function fieldsInput(body: Record<string, unknown>): Record<string, unknown> {
  const fields = body.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields))
    throw new RequestError(400, 'INVALID_INPUT', 'The request body needs a "fields" object');
  const input = { ...(fields as Record<string, unknown>) };
  delete input.Id;
  return input;
}

function records(emu: Emulator, req: ApiRequest, id: string | undefined): ApiResponse | null {
  const store = emu.store;
  if (id === undefined) {
    if (req.method !== 'POST') return null;
    const body = jsonObject(req);
    const def = objectDef(emu, body.apiName);
    let row: Row;
    try {
      row = store.create(def.name, fieldsInput(body));
    } catch (err) {
      uiError(err);
    }
    return json(201, recordRepresentation(def, row, def.fields));
  }
  const { def, row } = locateLive(emu, id);
  switch (req.method) {
    case 'GET': {
      const fields = [
        ...requestedFields(def, req.query.get('fields'), false),
        ...requestedFields(def, req.query.get('optionalFields'), true),
      ];
      const unique = [...new Set(fields.length > 0 ? fields : def.fields)];
      return json(200, recordRepresentation(def, row, unique));
    }
    case 'PATCH': {
      let updated: Row;
      try {
        updated = store.update(def.name, row.Id, fieldsInput(jsonObject(req)));
      } catch (err) {
        uiError(err);
      }
      return json(200, recordRepresentation(def, updated, def.fields));
    }
    case 'DELETE':
      try {
        store.delete(row.Id as string, def.name);
      } catch (err) {
        uiError(err);
      }
      return noContent();
  }
  return null;
}

function fieldInfo(f: FieldDef): Record<string, unknown> {
  return {
    apiName: f.name,
    calculated: f.calculated,
    createable: f.createable,
    custom: f.custom,
    dataType: DATA_TYPES[f.type] ?? 'String',
    externalId: f.externalId,
    label: f.label,
    length: f.length,
    nameField: f.nameField,
    precision: f.precision,
    reference: f.type === 'reference',
    referenceToInfos: f.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
    relationshipName: f.relationshipName,
    required: !f.nillable && f.createable && f.type !== 'boolean',
    scale: f.scale,
    sortable: !(f.type === 'textarea' && f.length > 255) && f.type !== 'multipicklist',
    unique: f.unique,
    updateable: f.updateable,
  };
}

const DATA_TYPES: Record<string, string> = {
  id: 'String',
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  boolean: 'Boolean',
  int: 'Int',
  double: 'Double',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  reference: 'Reference',
};

function objectInfo(emu: Emulator, def: ObjectDef): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of def.fields) fields[f.name] = fieldInfo(f);
  return {
    apiName: def.name,
    childRelationships: emu.schema.childRelationships(def),
    createable: true,
    custom: def.custom,
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    deletable: true,
    fields,
    keyPrefix: def.keyPrefix,
    label: def.label,
    labelPlural: def.labelPlural,
    nameFields: def.fieldMap.has('name') ? ['Name'] : [],
    queryable: true,
    recordTypeInfos: {
      [MASTER_RECORD_TYPE_ID]: {
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID,
      },
    },
    searchable: true,
    updateable: true,
  };
}

function picklistValues(def: ObjectDef, f: FieldDef): Record<string, unknown> {
  const defaultEntry = f.picklistValues.find((p) => p.defaultValue);
  return {
    controllerValues: {},
    defaultValue: defaultEntry
      ? { attributes: null, label: defaultEntry.label, validFor: [], value: defaultEntry.value }
      : null,
    eTag: `${def.name}.${f.name}`,
    url: `/services/data/v62.0/ui-api/object-info/${def.name}/picklist-values/${MASTER_RECORD_TYPE_ID}/${f.name}`,
    values: f.picklistValues.map((p) => ({
      attributes: null,
      label: p.label,
      validFor: [],
      value: p.value,
    })),
  };
}

function objectInfoRoutes(emu: Emulator, req: ApiRequest): ApiResponse | null {
  // ui-api/object-info/{object}[/picklist-values/{recordTypeId}[/{field}]]
  const [, , object, sub, recordTypeId, fieldName, extra] = req.segments;
  if (req.method !== 'GET' || extra !== undefined || object === undefined) return null;
  const def = objectDef(emu, object);
  if (sub === undefined) return json(200, objectInfo(emu, def));
  if (sub !== 'picklist-values' || recordTypeId === undefined) return null;
  if (recordTypeId !== MASTER_RECORD_TYPE_ID)
    throw new RequestError(
      404,
      'NOT_FOUND',
      `Record type ${recordTypeId} does not exist on ${def.name}`,
    );
  const picklists = def.fields.filter((f) => f.type === 'picklist' || f.type === 'multipicklist');
  if (fieldName === undefined) {
    const all: Record<string, unknown> = {};
    for (const f of picklists) all[f.name] = picklistValues(def, f);
    return json(200, { picklistFieldValues: all });
  }
  const field = picklists.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
  if (!field)
    throw new RequestError(
      400,
      'INVALID_FIELD',
      `${def.name}.${fieldName} is not a picklist field`,
    );
  return json(200, picklistValues(def, field));
}

/** Routes under `ui-api/`; a RequestError becomes the answer in the UI API error shape. */
export function uiApiRoutes(emu: Emulator, req: ApiRequest): ApiResponse | null {
  const s = req.segments;
  try {
    if (s[1] === 'records' && s.length <= 3) return records(emu, req, s[2]);
    if (s[1] === 'object-info') return objectInfoRoutes(emu, req);
    return null;
  } catch (err) {
    if (err instanceof RequestError) return json(err.status, [uiApiBody(err)]);
    throw err;
  }
}
