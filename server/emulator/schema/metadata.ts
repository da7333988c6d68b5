/**
 * Reads custom objects from SFDX source format:
 *   objects/<Obj>/<Obj>.object-meta.xml and objects/<Obj>/fields/<Field>.field-meta.xml
 * and turns them into describe-shaped definitions. An unreadable or unknown construct is a
 * clear error naming the file, so a metadata mistake never becomes a silently wrong schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  makeField,
  makeObject,
  type FieldDef,
  type FieldSpec,
  type ObjectDef,
  type PicklistValue,
} from './types';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'value',
});

type Xml = Record<string, unknown>;

const bool = (v: unknown): boolean => String(v ?? '').trim() === 'true';
const num = (v: unknown, d: number): number => (v === undefined || v === '' ? d : Number(v));
const str = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : String(v);

export class MetadataError extends Error {}

function readXml(file: string, root: string): Xml {
  let doc: Xml;
  const text = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new MetadataError(
      `${file}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  try {
    doc = parser.parse(text) as Xml;
  } catch (err) {
    throw new MetadataError(`${file}: not well-formed XML (${(err as Error).message})`);
  }
  const body = doc[root];
  if (!body || typeof body !== 'object')
    throw new MetadataError(`${file}: expected a <${root}> root element`);
  return body as Xml;
}

function picklistValues(field: Xml): { values: PicklistValue[]; restricted: boolean } {
  const valueSet = (field.valueSet ?? {}) as Xml;
  const def = (valueSet.valueSetDefinition ?? {}) as Xml;
  const raw = (def.value ?? []) as Xml[];
  return {
    values: raw.map((v) => ({
      value: String(v.fullName),
      label: str(v.label) ?? String(v.fullName),
      defaultValue: bool(v.default),
    })),
    restricted: bool(valueSet.restricted),
  };
}

const SIMPLE: Record<string, FieldSpec['type']> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'string',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Checkbox: 'boolean',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string',
  Summary: 'double',
};

export function parseField(file: string): FieldDef {
  const x = readXml(file, 'CustomField');
  const name = str(x.fullName) ?? path.basename(file).replace(/\.field-meta\.xml$/, '');
  const mdType = str(x.type) ?? '';
  const type = SIMPLE[mdType];
  if (!type)
    throw new MetadataError(`${file}: field type '${mdType}' is not supported by the emulator`);
  const formula = x.formula !== undefined || mdType === 'Summary';
  const readOnly = formula || mdType === 'AutoNumber';
  const spec: FieldSpec = {
    name,
    type,
    label: str(x.label) ?? name,
    custom: true,
    createable: !readOnly,
    updateable: !readOnly && !(mdType === 'MasterDetail' && !bool(x.reparentableMasterDetail)),
    calculated: formula,
    autoNumber: mdType === 'AutoNumber',
    unique: bool(x.unique),
    externalId: bool(x.externalId),
    caseSensitive: bool(x.caseSensitive),
    idLookup: bool(x.externalId) || bool(x.unique),
    nillable: !(bool(x.required) || mdType === 'MasterDetail'),
  };
  if (type === 'string' || type === 'textarea')
    spec.length = num(x.length, mdType === 'TextArea' ? 255 : mdType === 'AutoNumber' ? 30 : 255);
  if (mdType === 'Number' || mdType === 'Currency' || mdType === 'Percent') {
    spec.precision = num(x.precision, 18);
    spec.scale = num(x.scale, 0);
  }
  if (type === 'date' && str(x.defaultValue)?.trim().toUpperCase() === 'TODAY()') {
    spec.defaultToday = true;
    spec.defaultedOnCreate = true;
  }
  if (type === 'boolean') {
    spec.defaultValue = bool(x.defaultValue);
    spec.nillable = false;
  }
  if (type === 'picklist' || type === 'multipicklist') {
    const { values, restricted } = picklistValues(x);
    spec.picklistValues = values;
    spec.restrictedPicklist = restricted;
    const def = values.find((v) => v.defaultValue);
    spec.defaultValue = def ? def.value : null;
    spec.defaultedOnCreate = Boolean(def);
  }
  if (type === 'reference') {
    const target = str(x.referenceTo);
    if (!target) throw new MetadataError(`${file}: ${mdType} field without <referenceTo>`);
    spec.referenceTo = [target];
    spec.relationshipName = name.replace(/__c$/, '__r');
    spec.childRelationshipName = str(x.relationshipName) ?? null;
    spec.cascadeDelete = mdType === 'MasterDetail' || str(x.deleteConstraint) === 'Cascade';
    const constraint = str(x.deleteConstraint);
    spec.deleteConstraint =
      mdType === 'MasterDetail'
        ? 'Cascade'
        : constraint === 'Restrict' || constraint === 'Cascade'
          ? constraint
          : 'SetNull';
  }
  return makeField(spec);
}

function prefixFor(index: number): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return `a${digits[Math.floor(index / 62) % 62]}${digits[index % 62]}`;
}

/** Loads every custom object under `<dir>/objects`; a missing folder is an empty org. */
export function loadCustomObjects(metadataDir: string): ObjectDef[] {
  const objectsDir = path.join(metadataDir, 'objects');
  if (!existsSync(objectsDir)) return [];
  const names = readdirSync(objectsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.endsWith('__c'))
    .map((d) => d.name)
    .sort();
  return names.map((name, i) => {
    const dir = path.join(objectsDir, name);
    const objFile = path.join(dir, `${name}.object-meta.xml`);
    if (!existsSync(objFile)) throw new MetadataError(`${dir}: missing ${name}.object-meta.xml`);
    const obj = readXml(objFile, 'CustomObject');
    const fieldsDir = path.join(dir, 'fields');
    const fields = existsSync(fieldsDir)
      ? readdirSync(fieldsDir)
          .filter((file) => file.endsWith('.field-meta.xml'))
          .sort()
          .map((file) => parseField(path.join(fieldsDir, file)))
      : [];
    const nameField = (obj.nameField ?? {}) as Xml;
    const autoName = str(nameField.type) === 'AutoNumber';
    const hasMaster = fields.some((fd) => fd.cascadeDelete && !fd.nillable);
    const builtins: FieldDef[] = [
      makeField({
        name: 'Name',
        type: 'string',
        length: 80,
        custom: false,
        label: str(nameField.label) ?? 'Name',
        nameField: true,
        autoNumber: autoName,
        createable: !autoName,
        updateable: !autoName,
        // Text names are optional through the API (Salesforce fills the record Id).
        nillable: true,
        defaultedOnCreate: true,
      }),
    ];
    if (!hasMaster) {
      builtins.push(
        makeField({
          name: 'OwnerId',
          type: 'reference',
          custom: false,
          referenceTo: ['User'],
          relationshipName: 'Owner',
          label: 'Owner ID',
          defaultedOnCreate: true,
          nillable: false,
        }),
      );
    }
    const label = str(obj.label) ?? name;
    return makeObject(name, prefixFor(i), [...builtins, ...fields], {
      label,
      labelPlural: str(obj.pluralLabel) ?? `${label}s`,
      custom: true,
    });
  });
}
