/**
 * Check (b): semantic rules the source converter does not know. Field types and the elements
 * each type needs, object settings, and the External IDs the data model (docs/DATA_MODEL.md) asks for.
 */
import type { FieldMeta, MetadataModel, ObjectMeta } from './model';
import { FIELD_TYPES } from './standard';
import type { Problem } from './types';
import { children, text, texts } from './xml';

/** External IDs the data model (docs/DATA_MODEL.md) requires (object.field); each must be a unique, case-insensitive Text External ID. */
export const REQUIRED_EXTERNAL_IDS: readonly string[] = [
  'Buying_Committee_Member__c.Member_Key__c',
  'Demand_Theme__c.Theme_Key__c',
  'Segment_Demand_Score__c.Score_Key__c',
];

const SHARING_MODELS = new Set([
  'Private',
  'Read',
  'ReadWrite',
  'ReadWriteTransfer',
  'FullAccess',
  'ControlledByParent',
  'ControlledByCampaign',
  'ControlledByLeadOrContact',
]);
const DELETE_CONSTRAINTS = new Set(['SetNull', 'Restrict', 'Cascade']);
const API_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;

function int(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : Number.NaN;
}

function checkField(field: FieldMeta, problems: Problem[]): void {
  const p = (message: string) => problems.push({ check: 'fields', file: field.file, message });
  const node = field.node;
  const fullName = text(node, 'fullName');
  if (fullName !== undefined && fullName !== field.name)
    p(`fullName ${fullName} does not match the file name ${field.name}`);
  if (!field.name.endsWith('__c') && field.object.endsWith('__c'))
    p(`custom field ${field.name} must end with __c`);
  if (!text(node, 'label')) p('has no <label>');
  const type = field.type;
  if (!type) {
    p('has no <type>');
    return;
  }
  if (!FIELD_TYPES.has(type)) {
    p(`type ${type} is not a valid field type (expected one of ${[...FIELD_TYPES].join(', ')})`);
    return;
  }
  const isFormula = text(node, 'formula') !== undefined;
  const precision = int(text(node, 'precision'));
  const scale = int(text(node, 'scale'));
  const length = int(text(node, 'length'));
  const visibleLines = int(text(node, 'visibleLines'));

  switch (type) {
    case 'Lookup':
    case 'MasterDetail': {
      if (!field.referenceTo) p(`${type} field has no <referenceTo> (the object it points to)`);
      if (!field.relationshipName) p(`${type} field has no <relationshipName>`);
      else if (!API_NAME.test(field.relationshipName))
        p(`relationshipName ${field.relationshipName} is not a valid API name`);
      if (!text(node, 'relationshipLabel'))
        p(`${type} field has no <relationshipLabel> (the related list's name)`);
      const constraint = text(node, 'deleteConstraint');
      if (type === 'Lookup') {
        if (!constraint) p('Lookup field has no <deleteConstraint> (SetNull, Restrict or Cascade)');
        else if (!DELETE_CONSTRAINTS.has(constraint))
          p(`deleteConstraint ${constraint} is not SetNull, Restrict or Cascade`);
        else if (constraint === 'SetNull' && field.required)
          p('a required Lookup cannot use deleteConstraint SetNull; use Restrict');
      } else {
        if (constraint)
          p(
            'MasterDetail field must not have <deleteConstraint> (children are always deleted with the master)',
          );
        if (text(node, 'required') !== undefined)
          p('MasterDetail field must not have <required> (it is always required)');
      }
      break;
    }
    case 'Number':
    case 'Currency':
    case 'Percent': {
      if (precision === undefined || scale === undefined)
        p(`${type} field needs <precision> and <scale>`);
      else if (Number.isNaN(precision) || Number.isNaN(scale))
        p(`${type} field has a non-integer precision or scale`);
      else {
        if (precision < 1 || precision > 18) p(`precision ${precision} must be between 1 and 18`);
        if (scale < 0 || scale > precision)
          p(`scale ${scale} must be between 0 and the precision ${precision}`);
      }
      break;
    }
    case 'Text':
    case 'EncryptedText': {
      if (isFormula) break;
      if (length === undefined) p(`${type} field needs <length>`);
      else if (Number.isNaN(length) || length < 1 || length > 255)
        p(`length ${text(node, 'length')} must be between 1 and 255`);
      break;
    }
    case 'LongTextArea':
    case 'Html': {
      if (length === undefined) p(`${type} field needs <length>`);
      else if (Number.isNaN(length) || length < 256 || length > 131072)
        p(`length ${text(node, 'length')} must be between 256 and 131072`);
      if (visibleLines === undefined) p(`${type} field needs <visibleLines>`);
      break;
    }
    case 'Checkbox': {
      const dv = text(node, 'defaultValue');
      if (!isFormula && dv !== 'true' && dv !== 'false')
        p('Checkbox field needs <defaultValue> true or false');
      break;
    }
    case 'Picklist':
    case 'MultiselectPicklist': {
      const valueSet = children(node, 'valueSet')[0];
      if (!valueSet) {
        p(`${type} field has no <valueSet>`);
        break;
      }
      if (type === 'MultiselectPicklist' && visibleLines === undefined)
        p('MultiselectPicklist field needs <visibleLines>');
      const definition = children(valueSet, 'valueSetDefinition')[0];
      if (!definition && !text(valueSet, 'valueSetName')) {
        p(`${type} field's <valueSet> has neither <valueSetDefinition> nor <valueSetName>`);
        break;
      }
      if (definition) {
        if (field.values.length === 0) p(`${type} field has no values`);
        const seen = new Set<string>();
        for (const value of field.values) {
          if (!value) p('a picklist value has no <fullName>');
          else if (seen.has(value.toLowerCase())) p(`picklist value "${value}" appears twice`);
          seen.add(value.toLowerCase());
        }
        const defaults = children(definition, 'value').filter((v) => text(v, 'default') === 'true');
        if (type === 'Picklist' && defaults.length > 1)
          p('a Picklist can have only one default value');
        if (text(valueSet, 'restricted') !== 'true')
          p(
            `${type} field is not restricted (<restricted>true</restricted>); Quorum's picklists are restricted`,
          );
      }
      break;
    }
    default:
      break;
  }
  if (field.externalId && !['Text', 'Number', 'Email'].includes(type))
    p(`externalId is only allowed on Text, Number or Email fields, not ${type}`);
  if (field.unique && !['Text', 'Number', 'Email', 'EncryptedText'].includes(type))
    p(`unique is not allowed on ${type} fields`);
}

function checkObject(object: ObjectMeta, problems: Problem[]): void {
  const doc = object.doc;
  if (!doc) {
    if (object.name.endsWith('__c')) {
      const file = [...object.fields.values()][0]?.file ?? object.folder;
      problems.push({
        check: 'objects',
        file,
        message: `custom object ${object.name} has fields but no ${object.name}.object-meta.xml`,
      });
    }
    return;
  }
  const p = (message: string) => problems.push({ check: 'objects', file: doc.file, message });
  if (!object.name.endsWith('__c')) return; // a standard object's folder only carries custom fields, list views...
  if (!text(doc.node, 'label')) p('has no <label>');
  if (!text(doc.node, 'pluralLabel')) p('has no <pluralLabel>');
  if (text(doc.node, 'deploymentStatus') !== 'Deployed') p('deploymentStatus must be Deployed');
  const sharing = text(doc.node, 'sharingModel');
  if (!sharing) p('has no <sharingModel>');
  else if (!SHARING_MODELS.has(sharing)) p(`sharingModel ${sharing} is not valid`);
  const masterDetails = [...object.fields.values()].filter((f) => f.type === 'MasterDetail');
  if (masterDetails.length > 0 && sharing !== 'ControlledByParent')
    p(
      `has master-detail field ${masterDetails[0].name}, so sharingModel must be ControlledByParent (is ${sharing ?? 'missing'})`,
    );
  if (masterDetails.length === 0 && sharing === 'ControlledByParent')
    p('sharingModel ControlledByParent needs a master-detail field');
  if (masterDetails.length > 2) p('an object can have at most two master-detail fields');
  const nameField = children(doc.node, 'nameField')[0];
  if (!nameField) p('has no <nameField>');
  else {
    const type = text(nameField, 'type');
    if (type !== 'Text' && type !== 'AutoNumber')
      p(`nameField type must be Text or AutoNumber (is ${type ?? 'missing'})`);
    if (type === 'AutoNumber' && !text(nameField, 'displayFormat'))
      p('AutoNumber nameField needs <displayFormat>, e.g. RUN-{000000}');
    if (!text(nameField, 'label')) p('nameField has no <label>');
  }
  const trio = ['enableBulkApi', 'enableSharing', 'enableStreamingApi'].map(
    (t) => text(doc.node, t) ?? 'false',
  );
  if (new Set(trio).size > 1)
    p('enableBulkApi, enableSharing and enableStreamingApi must all be true or all false');
  const tracked = [...object.fields.values()].filter(
    (f) => text(f.node, 'trackHistory') === 'true',
  );
  if (tracked.length > 0 && text(doc.node, 'enableHistory') !== 'true')
    p(
      `fields track history (${tracked.map((f) => f.name).join(', ')}) but enableHistory is not true`,
    );
  if (tracked.length > 20) p(`${tracked.length} fields track history; Salesforce allows 20`);
  const compact = text(doc.node, 'compactLayoutAssignment');
  if (compact && compact !== 'SYSTEM' && !object.compactLayouts.some((c) => c.name === compact))
    p(`compactLayoutAssignment ${compact} names no compact layout in compactLayouts/`);
  for (const field of object.fields.values()) {
    for (const tag of texts(field.node, 'fullName'))
      if (!tag) p(`field file ${field.file} has an empty fullName`);
  }
}

export function checkSemantics(
  model: MetadataModel,
  requiredExternalIds: readonly string[] = REQUIRED_EXTERNAL_IDS,
): Problem[] {
  const problems: Problem[] = [];
  for (const object of model.objects.values()) {
    checkObject(object, problems);
    for (const field of object.fields.values()) checkField(field, problems);
  }
  for (const key of requiredExternalIds) {
    const [objectName, fieldName] = key.split('.');
    const object = model.objects.get(objectName);
    const field = object?.fields.get(fieldName);
    const file = field?.file ?? object?.doc?.file ?? `force-app/main/default/objects/${objectName}`;
    const p = (message: string) => problems.push({ check: 'external-ids', file, message });
    if (!field) {
      p(`${key} is missing; the data model requires it as a unique External ID`);
      continue;
    }
    if (field.type !== 'Text') p(`${key} must be a Text field (is ${field.type})`);
    if (!field.externalId) p(`${key} must be an External ID (<externalId>true</externalId>)`);
    if (!field.unique)
      p(`${key} must be unique (<unique>true</unique>) so that upserts are idempotent`);
    if (text(field.node, 'caseSensitive') === 'true')
      p(`${key} must not be case-sensitive (<caseSensitive>false</caseSensitive>)`);
  }
  return problems;
}
