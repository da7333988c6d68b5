/**
 * The emulator's schema model: one object definition per sObject, fields typed with the REST
 * describe vocabulary (what `sobjects/T/describe` returns), so every layer speaks one language.
 */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  defaultValue: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  length: number;
  precision: number;
  scale: number;
  /** false = required on create (nillable false and createable). */
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  idLookup: boolean;
  nameField: boolean;
  autoNumber: boolean;
  calculated: boolean;
  defaultedOnCreate: boolean;
  defaultValue: unknown;
  /** A date field whose metadata default is TODAY(): set to the store's current UTC day on create. */
  defaultToday?: boolean;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  /** Parent relationship name (`Account__r`, `Account`), null for non-references. */
  relationshipName: string | null;
  /** Child relationship name on the parent (metadata `relationshipName`), for describe. */
  childRelationshipName: string | null;
  cascadeDelete: boolean;
  /** For custom lookups: what deleting the parent does (metadata `deleteConstraint`). */
  deleteConstraint: 'SetNull' | 'Restrict' | 'Cascade' | null;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  fields: FieldDef[];
  fieldMap: Map<string, FieldDef>;
  /** Relationship name (lower case) → reference field. */
  relationships: Map<string, FieldDef>;
}

/** Fields present on every object, maintained by the store (never writable). */
export const SYSTEM_FIELDS = [
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
] as const;

export type FieldSpec = Partial<FieldDef> & { name: string; type: FieldType };

const NUMERIC: readonly FieldType[] = ['int', 'double', 'currency', 'percent'];
const TEXTUAL: readonly FieldType[] = [
  'id',
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'email',
  'phone',
  'url',
  'reference',
];
/** Field types whose values are numbers (in SOQL, GraphQL filters and CSV). */
export const isNumeric = (t: FieldType): boolean => NUMERIC.includes(t);
/** Field types whose values are text (quoted in SOQL, strings in GraphQL filters). */
export const isTextual = (t: FieldType): boolean => TEXTUAL.includes(t);

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  picklist: 255,
  multipicklist: 4099,
  email: 80,
  phone: 40,
  url: 255,
};

function labelOf(name: string): string {
  return name.replace(/__c$/, '').replace(/Id$/, '').replace(/_/g, ' ').trim() || name;
}

/** Fills a field spec with describe defaults (a plain writable, nillable field). */
export function makeField(spec: FieldSpec): FieldDef {
  const custom = spec.custom ?? spec.name.endsWith('__c');
  const ref = spec.type === 'reference';
  return {
    label: labelOf(spec.name),
    custom,
    length: DEFAULT_LENGTH[spec.type] ?? 0,
    precision: isNumeric(spec.type) ? 18 : 0,
    scale: 0,
    nillable: true,
    createable: true,
    updateable: true,
    unique: false,
    externalId: false,
    caseSensitive: false,
    idLookup: spec.type === 'id',
    nameField: false,
    autoNumber: false,
    calculated: false,
    defaultedOnCreate: spec.type === 'boolean',
    defaultValue: spec.type === 'boolean' ? false : null,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: ref
      ? custom
        ? spec.name.replace(/__c$/, '__r')
        : spec.name.replace(/Id$/, '')
      : null,
    childRelationshipName: null,
    cascadeDelete: false,
    deleteConstraint: null,
    ...spec,
  };
}

export function picklist(values: readonly string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({ value, label: value, defaultValue: value === defaultValue }));
}

function systemFields(): FieldDef[] {
  const ro = { createable: false, updateable: false, defaultedOnCreate: true };
  return [
    makeField({ name: 'Id', type: 'id', label: 'Record ID', nillable: false, ...ro }),
    makeField({ name: 'IsDeleted', type: 'boolean', label: 'Deleted', nillable: false, ...ro }),
    makeField({
      name: 'CreatedDate',
      type: 'datetime',
      label: 'Created Date',
      nillable: false,
      ...ro,
    }),
    makeField({
      name: 'CreatedById',
      type: 'reference',
      label: 'Created By ID',
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
      ...ro,
    }),
    makeField({
      name: 'LastModifiedDate',
      type: 'datetime',
      label: 'Last Modified Date',
      nillable: false,
      ...ro,
    }),
    makeField({
      name: 'LastModifiedById',
      type: 'reference',
      label: 'Last Modified By ID',
      nillable: false,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      ...ro,
    }),
    makeField({
      name: 'SystemModstamp',
      type: 'datetime',
      label: 'System Modstamp',
      nillable: false,
      ...ro,
    }),
  ];
}

/** Builds an object definition: system fields first, then the given ones (later wins). */
export function makeObject(
  name: string,
  keyPrefix: string,
  fields: FieldDef[],
  labels: { label?: string; labelPlural?: string; custom?: boolean } = {},
): ObjectDef {
  const fieldMap = new Map<string, FieldDef>();
  for (const f of [...systemFields(), ...fields]) fieldMap.set(f.name.toLowerCase(), f);
  const all = [...fieldMap.values()];
  const relationships = new Map<string, FieldDef>();
  for (const f of all)
    if (f.relationshipName) relationships.set(f.relationshipName.toLowerCase(), f);
  const label = labels.label ?? labelOf(name);
  return {
    name,
    label,
    labelPlural: labels.labelPlural ?? `${label}s`,
    keyPrefix,
    custom: labels.custom ?? name.endsWith('__c'),
    fields: all,
    fieldMap,
    relationships,
  };
}
