/** describeGlobal (`sobjects`) and `sobjects/T/describe`, in the REST describe shape. */
import type { Emulator } from '../emulator';
import type { FieldDef, ObjectDef } from '../schema/types';

const SOAP: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function urls(def: ObjectDef, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${def.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function describeField(f: FieldDef): Record<string, unknown> {
  const longText = f.type === 'textarea' && f.length > 255;
  return {
    aggregatable: !longText,
    autoNumber: f.autoNumber,
    byteLength: f.length * 3,
    calculated: f.calculated,
    cascadeDelete: f.cascadeDelete,
    caseSensitive: f.caseSensitive,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.defaultValue ?? null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    digits: f.type === 'int' ? f.precision : 0,
    externalId: f.externalId,
    filterable: !longText,
    groupable: !longText && !['double', 'currency', 'percent', 'datetime'].includes(f.type),
    htmlFormatted: false,
    idLookup: f.idLookup,
    label: f.label,
    length:
      f.type === 'int' ||
      ['double', 'currency', 'percent', 'boolean', 'date', 'datetime'].includes(f.type)
        ? 0
        : f.length,
    name: f.name,
    nameField: f.nameField,
    nillable: f.nillable,
    picklistValues: f.picklistValues.map((p) => ({
      active: true,
      defaultValue: p.defaultValue,
      label: p.label,
      validFor: null,
      value: p.value,
    })),
    precision: ['double', 'currency', 'percent'].includes(f.type) ? f.precision : 0,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    soapType: SOAP[f.type] ?? 'xsd:string',
    sortable: !longText,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
  };
}

function basics(def: ObjectDef, version: string): Record<string, unknown> {
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    custom: def.custom,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    retrieveable: true,
    searchable: true,
    layoutable: true,
    urls: urls(def, version),
  };
}

export function describeGlobal(emu: Emulator, version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: emu.schema.objects.map((d) => basics(d, version)),
  };
}

export function describeSObject(
  emu: Emulator,
  def: ObjectDef,
  version: string,
): Record<string, unknown> {
  return {
    ...basics(def, version),
    fields: def.fields.map(describeField),
    childRelationships: emu.schema
      .childRelationships(def)
      .map((c) => ({ ...c, deprecatedAndHidden: false, restrictedDelete: false })),
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
      },
    ],
  };
}

export function sobjectInfo(def: ObjectDef, version: string): Record<string, unknown> {
  return { objectDescribe: basics(def, version), recentItems: [] };
}
