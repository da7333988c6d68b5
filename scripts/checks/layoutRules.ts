/**
 * Page layout rules beyond "the field exists" (checkLayouts): every custom object has a layout; a
 * field the object requires is on it as Required; what people cannot type (auto numbers, audit
 * fields, what the Quorum service or its components write) is Readonly; related lists follow a
 * real lookup to the object and show fields of the child.
 */
import type { MetadataModel } from './model';
import { resolveField } from './resolve';
import type { Problem } from './types';
import { children, text, texts } from './xml';

const BEHAVIORS = new Set(['Edit', 'Required', 'Readonly']);

/** Audit fields people never edit. */
const AUDIT_FIELDS = new Set([
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
]);

/**
 * Fields only Quorum writes (the service, or a component deriving a key): people read them.
 * `*` means every field of the object except those listed under `except`.
 */
export const SYSTEM_WRITTEN_FIELDS: Readonly<
  Record<string, { readonly fields: readonly string[]; readonly except?: readonly string[] }>
> = {
  Escalated_Request__c: {
    fields: [
      'Segment__c',
      'Suggested_Theme__c',
      'Suggestion_Reason__c',
      'Requester_Member__c',
      'Requester_Side__c',
    ],
  },
  Demand_Theme__c: { fields: ['Theme_Key__c', 'Match_Terms__c', 'Origin__c'] },
  Segment__c: { fields: ['Status__c', 'Status_Message__c', 'Account_Count__c'] },
  Buying_Committee_Member__c: { fields: ['Member_Key__c'] },
  Segment_Demand_Score__c: { fields: ['*'] },
  Segment_Demand_History__c: { fields: ['*'] },
  // A person asks for a run by creating it (Status defaults to Requested) and picks its Mode.
  Demand_Run__c: { fields: ['*'], except: ['Mode__c', 'OwnerId'] },
};

type SystemWritten = typeof SYSTEM_WRITTEN_FIELDS;

function systemWritten(table: SystemWritten, object: string, field: string): boolean {
  const rule = table[object];
  if (!rule || rule.except?.includes(field)) return false;
  return rule.fields.includes(field) || (rule.fields.includes('*') && field !== 'OwnerId');
}

export function checkLayoutRules(
  model: MetadataModel,
  written: SystemWritten = SYSTEM_WRITTEN_FIELDS,
): Problem[] {
  const problems: Problem[] = [];
  const byObject = new Map<string, string[]>();
  for (const layout of model.layouts) {
    const object = layout.name.split('-')[0];
    byObject.set(object, [...(byObject.get(object) ?? []), layout.file]);
    const meta = model.objects.get(object);
    if (!meta?.doc) continue; // checkLayouts reports layouts of missing objects
    const p = (message: string) => problems.push({ check: 'layouts', file: layout.file, message });
    const behaviors = new Map<string, string>();
    const items = children(layout.node, 'layoutSections')
      .flatMap((s) => children(s, 'layoutColumns'))
      .flatMap((c) => children(c, 'layoutItems'));
    for (const item of items) {
      const field = text(item, 'field');
      if (!field) continue;
      const behavior = text(item, 'behavior') ?? '';
      if (behaviors.has(field)) p(`shows ${field} twice`);
      behaviors.set(field, behavior);
      if (!BEHAVIORS.has(behavior))
        p(`${field}: behavior ${behavior || '(none)'} must be Edit, Required or Readonly`);
      const resolved = resolveField(model, object, field);
      if (!resolved) continue;
      const autoNumber = field === 'Name' && resolved.type === 'AutoNumber';
      if ((AUDIT_FIELDS.has(field) || autoNumber) && behavior !== 'Readonly')
        p(`${field} is set by Salesforce: it must be Readonly`);
      else if (systemWritten(written, object, field) && behavior !== 'Readonly')
        p(`${field} is written by Quorum, not by people: it must be Readonly`);
      if (resolved.type === 'Checkbox' && behavior === 'Required')
        p(`${field} is a checkbox, which a layout cannot require`);
    }
    // Fields the object requires must be on the layout, as Required, or records cannot be saved.
    const required = [...meta.fields.values()]
      .filter((f) => f.required || f.type === 'MasterDetail')
      .map((f) => f.name);
    const nameType = text(children(meta.doc.node, 'nameField')[0], 'type');
    if (nameType && nameType !== 'AutoNumber') required.push('Name');
    for (const field of required) {
      const behavior = behaviors.get(field);
      if (!behavior) p(`${field} is required on ${object} but missing from the layout`);
      else if (behavior !== 'Required')
        p(`${field} is required on ${object}; the layout must mark it Required, not ${behavior}`);
    }
    for (const rl of children(layout.node, 'relatedLists')) {
      const related = text(rl, 'relatedList') ?? '';
      const m = /^([A-Za-z0-9_]+__c)\.([A-Za-z0-9_]+__c)$/.exec(related);
      if (!m) continue; // standard related lists (RelatedHistoryList, ...)
      const lookup = resolveField(model, m[1], m[2]);
      if (!lookup) continue; // checkLayouts reports it
      if (lookup.referenceTo !== object)
        p(
          `related list ${related}: ${m[2]} points to ${lookup.referenceTo ?? 'nothing'}, not ${object}`,
        );
      for (const field of [...texts(rl, 'fields'), ...texts(rl, 'sortField')]) {
        if (/^[A-Z_.]+$/.test(field)) continue; // NAME, CREATED_DATE, ...
        if (!resolveField(model, m[1], field))
          p(`related list ${related} shows ${field}, which is not a field of ${m[1]}`);
      }
    }
  }
  for (const object of model.objects.values()) {
    if (object.doc && !byObject.has(object.name))
      problems.push({
        check: 'layouts',
        file: object.doc.file,
        message: `${object.name} has no page layout in force-app/main/default/layouts`,
      });
  }
  return problems;
}
