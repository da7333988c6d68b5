/**
 * Custom report types as the org reads them: `<table>` is the base object or a path of child
 * relationships from it (`Opportunity.Buying_Committee_Members__r`); `<field>` is a field of that
 * table or a path through lookups (`Theme__c.Status__c`, `Account.Name`). A report names a
 * column `<table>$<field>`, the column code Salesforce writes on retrieve.
 */
import type { MetaDoc, MetadataModel } from './model';
import { loadReporting } from './reportingModel';
import { isCustomName, objectExists, resolveField, type ResolvedField } from './resolve';
import { CUSTOM_OBJECT_SYSTEM_FIELDS, STANDARD_OBJECTS, type StandardField } from './standard';
import type { Problem } from './types';
import { children, text } from './xml';

/** Report type categories the Metadata API accepts. */
const CATEGORIES = new Set([
  'accounts',
  'opportunities',
  'forecasts',
  'cases',
  'leads',
  'campaigns',
  'activities',
  'busop',
  'products',
  'admin',
  'territory',
  'territory2',
  'usage_entitlement',
  'wdc',
  'calibration',
  'other',
  'content',
  'quotes',
  'individual',
]);

/** Child relationships of standard objects to standard objects (custom ones come from the metadata). */
const STANDARD_CHILD_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Account: { Contacts: 'Contact', Opportunities: 'Opportunity' },
  Opportunity: { OpportunityContactRoles: 'OpportunityContactRole' },
};

/** A report type column, resolved to the field at the end of its lookup path. */
export interface ReportColumn {
  readonly code: string;
  readonly field: ResolvedField;
  /** Every field the column reads, lookups on the way included (for access checks). */
  readonly path: readonly ResolvedField[];
}

export interface ReportTypeInfo {
  readonly doc: MetaDoc;
  /** Objects the report type reads rows from (base and joins), by table path. */
  readonly tables: ReadonlyMap<string, string>;
  readonly columns: ReadonlyMap<string, ReportColumn>;
}

/** The object a child relationship of `parent` leads to, if it has one. */
function childObject(
  model: MetadataModel,
  parent: string,
  relationship: string,
): string | undefined {
  const standard = STANDARD_CHILD_RELATIONSHIPS[parent]?.[relationship];
  if (standard) return standard;
  for (const object of model.objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo === parent &&
        (field.type === 'Lookup' || field.type === 'MasterDetail') &&
        `${field.relationshipName}__r` === relationship
      )
        return object.name;
    }
  }
  return undefined;
}

/** Standard fields of an object: its own if standard, the system fields every custom object has. */
function standardFieldsOf(object: string): Readonly<Record<string, StandardField>> {
  return isCustomName(object) ? CUSTOM_OBJECT_SYSTEM_FIELDS : (STANDARD_OBJECTS[object] ?? {});
}

/** Resolves `Field`, `Lookup__c.Field` or `Account.Name` on an object, following lookups. */
export function resolveLookupPath(
  model: MetadataModel,
  object: string,
  fieldPath: string,
): { ok: true; path: ResolvedField[] } | { ok: false; message: string } {
  const steps = fieldPath.split('.');
  const out: ResolvedField[] = [];
  let current = object;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const step = steps[i];
    let lookup: ResolvedField | undefined;
    if (isCustomName(step)) lookup = resolveField(model, current, step);
    else {
      const std = Object.entries(standardFieldsOf(current)).find(
        ([, f]) => f.relationship === step,
      );
      lookup = std ? resolveField(model, current, std[0]) : undefined;
    }
    if (!lookup?.referenceTo)
      return { ok: false, message: `${current} has no lookup ${step} to follow` };
    out.push(lookup);
    current = lookup.referenceTo;
    if (!objectExists(model, current))
      return { ok: false, message: `lookup ${step} points to ${current}, which does not exist` };
  }
  const name = steps[steps.length - 1];
  // A standard lookup is a column under its relationship name (Owner, CreatedBy), not its Id field.
  const relationship = Object.entries(standardFieldsOf(current)).find(
    ([field, f]) => f.relationship === name && field !== name,
  );
  const last = resolveField(model, current, relationship ? relationship[0] : name);
  if (!last) return { ok: false, message: `${current} has no field ${name}` };
  const named = Object.entries(standardFieldsOf(current)).find(([field]) => field === name);
  if (!isCustomName(name) && named?.[1].relationship)
    return {
      ok: false,
      message: `${current}.${name} is a lookup: report types name it ${named[1].relationship}`,
    };
  out.push(last);
  return { ok: true, path: out };
}

/** Resolves a report type's tables and columns, reporting what the org would reject. */
export function resolveReportType(
  model: MetadataModel,
  doc: MetaDoc,
  problems: Problem[] = [],
): ReportTypeInfo {
  const p = (message: string) => problems.push({ check: 'reporttypes', file: doc.file, message });
  const tables = new Map<string, string>();
  const columns = new Map<string, ReportColumn>();
  const base = text(doc.node, 'baseObject') ?? '';
  if (!base) p('has no <baseObject>');
  else if (!objectExists(model, base)) p(`baseObject ${base} does not exist`);
  else {
    tables.set(base, base);
    let join = children(doc.node, 'join')[0];
    let table = base;
    let object = base;
    let outerSeen = false;
    while (join) {
      const relationship = text(join, 'relationship') ?? '';
      const outer = text(join, 'outerJoin') === 'true';
      if (outerSeen && !outer)
        p(`joins ${relationship} with an inner join after an outer join, which Salesforce refuses`);
      outerSeen ||= outer;
      const child = childObject(model, object, relationship);
      if (!child) {
        p(`joins ${relationship}, which is not a child relationship of ${object}`);
        break;
      }
      table = `${table}.${relationship}`;
      object = child;
      tables.set(table, object);
      join = children(join, 'join')[0];
    }
    if (tables.size > 4) p(`joins ${tables.size} objects; a report type joins at most 4`);
  }
  for (const tag of ['label', 'category', 'deployed'])
    if (!text(doc.node, tag)) p(`has no <${tag}>`);
  const category = text(doc.node, 'category');
  if (category && !CATEGORIES.has(category)) p(`category ${category} is not a valid category`);
  if (text(doc.node, 'deployed') === 'false')
    p('deployed is false: report authors would not see it');
  if ((text(doc.node, 'label') ?? '').length > 50) p('label is longer than 50 characters');
  if ((text(doc.node, 'description') ?? '').length > 255)
    p('description is longer than 255 characters');
  for (const section of children(doc.node, 'sections')) {
    if (!text(section, 'masterLabel')) p('has a section without <masterLabel>');
    for (const column of children(section, 'columns')) {
      const table = text(column, 'table') ?? '';
      const field = text(column, 'field') ?? '';
      const object = tables.get(table);
      if (!object) {
        if (tables.size > 0)
          p(`column ${field} is on table ${table}, which the report type has no path to`);
        continue;
      }
      const resolved = resolveLookupPath(model, object, field);
      if (!resolved.ok) {
        p(`column ${table}.${field}: ${resolved.message}`);
        continue;
      }
      const code = `${table}$${field}`;
      if (columns.has(code)) p(`lists column ${table}.${field} twice`);
      columns.set(code, {
        code,
        field: resolved.path[resolved.path.length - 1],
        path: resolved.path,
      });
    }
  }
  return { doc, tables, columns };
}

export function checkReportTypes(
  model: MetadataModel,
  reporting = loadReporting(model),
): Problem[] {
  const problems: Problem[] = [];
  for (const doc of reporting.reportTypes) resolveReportType(model, doc, problems);
  return problems;
}
