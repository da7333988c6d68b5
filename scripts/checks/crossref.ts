/**
 * Check (c): cross-references. Whatever names an object, field, component, tab or app must name
 * one that exists: the schema module, `@salesforce/schema` imports in components, permission sets,
 * list views, compact layouts, page layouts, flexipages, tabs, apps and js-meta.xml targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOBJECTS, type SObjectDef } from '../../server/src/schema';
import { Grants } from './grants';
import type { MetaDoc, MetadataModel } from './model';
import { isCustomName, objectExists, resolveField, resolvePath } from './resolve';
import {
  FILTER_OPERATIONS,
  LIST_VIEW_STANDARD_COLUMNS,
  LWC_TARGETS,
  OBJECTS_WITHOUT_PERMISSIONS,
} from './standard';
import type { Problem } from './types';
import { children, text, texts, type XmlNode } from './xml';

// ---------------------------------------------------------------- schema module

const SYSTEM_FIELD_TYPES: Readonly<Record<string, string>> = {
  Id: 'Id',
  CreatedDate: 'DateTime',
  LastModifiedDate: 'DateTime',
  SystemModstamp: 'DateTime',
};

/** The schema module's objects and fields exist in the metadata with the same type, target and values. */
export function checkSchemaModule(
  model: MetadataModel,
  sobjects: Readonly<Record<string, SObjectDef>> = SOBJECTS,
  schemaFile = 'server/src/schema/objects.ts',
): Problem[] {
  const problems: Problem[] = [];
  for (const def of Object.values(sobjects)) {
    const object = def.apiName;
    const meta = model.objects.get(object);
    const objectFile = meta?.doc?.file ?? schemaFile;
    if (!objectExists(model, object)) {
      problems.push({
        check: 'schema',
        file: schemaFile,
        message: `object ${object} is not in force-app/main/default/objects (nor a known standard object)`,
      });
      continue;
    }
    for (const [name, expected] of Object.entries(def.fields)) {
      const actual = resolveField(model, object, name);
      const fileOf = actual?.file ?? objectFile;
      const p = (message: string) =>
        problems.push({
          check: 'schema',
          file: fileOf,
          message: `schema module: ${object}.${name} ${message}`,
        });
      if (!actual) {
        p(
          `does not exist in the metadata${def.custom ? ` (expected ${meta?.folder ?? `objects/${object}`}/fields/${name}.field-meta.xml)` : ' (not in the built-in standard field list)'}`,
        );
        continue;
      }
      const actualType =
        SYSTEM_FIELD_TYPES[name] && actual.source === 'system'
          ? SYSTEM_FIELD_TYPES[name]
          : actual.type;
      if (actualType !== expected.type)
        p(`is ${actualType} in the metadata but ${expected.type} in the schema module`);
      if (expected.referenceTo && actual.referenceTo !== expected.referenceTo)
        p(
          `points to ${actual.referenceTo ?? 'nothing'} in the metadata but ${expected.referenceTo} in the schema module`,
        );
      if (actual.source === 'metadata') {
        const field = meta?.fields.get(name);
        if (field && expected.values) {
          const want = expected.values.join(' | ');
          const have = field.values.join(' | ');
          if (want !== have)
            p(`has picklist values [${have}] in the metadata but [${want}] in the schema module`);
        }
        if (field && expected.externalId !== undefined && field.externalId !== expected.externalId)
          p(
            `externalId is ${field.externalId} in the metadata but ${expected.externalId} in the schema module`,
          );
        if (field && (expected.required ?? false) !== actual.required)
          p(
            `is ${actual.required ? '' : 'not '}required in the metadata but ${expected.required ? '' : 'not '}in the schema module`,
          );
        const length = field ? text(field.node, 'length') : undefined;
        if (
          expected.length !== undefined &&
          length !== undefined &&
          Number(length) !== expected.length
        )
          p(`has length ${length} in the metadata but ${expected.length} in the schema module`);
      }
    }
  }
  return problems;
}

/** The permission set the service's integration user gets. */
export const INTEGRATION_PERMISSION_SET = 'Quorum_Integration';

/**
 * The integration user can do what the service does: read every object and field of the schema
 * module (the service selects them all), create and edit the objects it writes, and edit every
 * field marked writtenByService.
 */
export function checkIntegrationAccess(
  model: MetadataModel,
  sobjects: Readonly<Record<string, SObjectDef>> = SOBJECTS,
  permissionSet = INTEGRATION_PERMISSION_SET,
): Problem[] {
  const ps = model.permissionSets.find((p) => p.name === permissionSet);
  if (!ps)
    return [
      {
        check: 'integration',
        file: 'force-app/main/default/permissionsets',
        message: `permission set ${permissionSet} (the service's user) is missing`,
      },
    ];
  const problems: Problem[] = [];
  const p = (message: string) => problems.push({ check: 'integration', file: ps.file, message });
  const grants = new Grants(ps);
  for (const def of Object.values(sobjects)) {
    const object = def.apiName;
    const writes = Object.entries(def.fields).filter(([, f]) => f.writtenByService);
    if (!OBJECTS_WITHOUT_PERMISSIONS.has(object)) {
      const can = (tag: string) => grants.can(object, tag);
      if (!can('allowRead'))
        p(`the service reads ${object}, but the permission set does not grant read on it`);
      if (!can('viewAllRecords'))
        p(
          `the service reads all ${object} records, but the permission set does not grant View All on it`,
        );
      if (writes.length > 0 && !can('allowEdit'))
        p(
          `the service writes ${object} (${writes.map(([n]) => n).join(', ')}), but the permission set does not grant edit on it`,
        );
    }
    for (const [name, expected] of Object.entries(def.fields)) {
      const field = resolveField(model, object, name);
      if (!field || !field.permissionable) continue;
      if (!grants.canReadField(object, name))
        p(`the service reads ${object}.${name}, but the permission set does not make it readable`);
      else if (expected.writtenByService && !grants.canEditField(object, name))
        p(`the service writes ${object}.${name}, but the permission set does not make it editable`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- components

const SCHEMA_IMPORT =
  /(?:from\s+|import\s*\(\s*|jest\.mock\(\s*)['"]@salesforce\/schema\/([^'"]+)['"]/g;

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every `@salesforce/schema/Object[.field.path]` import in a component exists. */
export function checkLwcSchemaImports(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const bundle of model.lwc.values()) {
    for (const file of bundle.jsFiles) {
      const source = readFileSync(path.join(model.root, file), 'utf8');
      for (const match of source.matchAll(SCHEMA_IMPORT)) {
        const ref = match[1];
        const at = `line ${lineOf(source, match.index ?? 0)}`;
        const [object, ...rest] = ref.split('.');
        if (!objectExists(model, object)) {
          problems.push({
            check: 'lwc',
            file,
            message: `${at}: imports @salesforce/schema/${ref}, but object ${object} does not exist`,
          });
          continue;
        }
        if (rest.length === 0) continue;
        const resolved = resolvePath(model, object, rest.join('.'));
        if (!resolved.ok)
          problems.push({
            check: 'lwc',
            file,
            message: `${at}: imports @salesforce/schema/${ref}, but ${resolved.message}`,
          });
      }
    }
  }
  return problems;
}

/** js-meta.xml: valid targets, targetConfigs only for declared targets, objects that exist. */
export function checkLwcMeta(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const bundle of model.lwc.values()) {
    if (!bundle.meta) {
      // A folder holding only tests is not a bundle (tests are never deployed): nothing to check.
      const deployable = model.files.filter(
        (f) => f.startsWith(`${bundle.folder}/`) && !f.includes('/__tests__/'),
      );
      if (deployable.length === 0) continue;
      const file = deployable[0];
      problems.push({
        check: 'lwc',
        file,
        message: `component ${bundle.name} has no ${bundle.name}.js-meta.xml`,
      });
      continue;
    }
    const meta = bundle.meta;
    const p = (message: string) => problems.push({ check: 'lwc', file: meta.file, message });
    if (!text(meta.node, 'apiVersion')) p('has no <apiVersion>');
    const targets = children(meta.node, 'targets').flatMap((t) => texts(t, 'target'));
    for (const target of targets)
      if (!LWC_TARGETS.has(target)) p(`target ${target} is not a valid Lightning component target`);
    if (targets.length > 0 && text(meta.node, 'isExposed') !== 'true')
      p('declares targets but isExposed is not true');
    for (const config of children(meta.node, 'targetConfigs').flatMap((t) =>
      children(t, 'targetConfig'),
    )) {
      const cfgTargets = (text(config, 'targets') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      for (const t of cfgTargets)
        if (!targets.includes(t)) p(`targetConfig for ${t}, which is not among <targets>`);
      for (const object of children(config, 'objects').flatMap((o) => texts(o, 'object'))) {
        if (!objectExists(model, object))
          p(`targetConfig names object ${object}, which does not exist`);
      }
    }
    const jsMain = path.join(bundle.folder, `${bundle.name}.js`).split(path.sep).join('/');
    if (
      !bundle.jsFiles.includes(jsMain) &&
      !model.files.includes(path.join(bundle.folder, `${bundle.name}.ts`).split(path.sep).join('/'))
    ) {
      p(`component ${bundle.name} has no ${bundle.name}.js`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- permission sets

export function checkPermissionSets(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  const tabs = new Set(model.tabs.map((t) => t.name));
  const apps = new Set(model.applications.map((a) => a.name));
  for (const ps of model.permissionSets) {
    const p = (message: string) =>
      problems.push({ check: 'permissionsets', file: ps.file, message });
    if (!text(ps.node, 'label')) p('has no <label>');
    const objectPerms = new Map<string, XmlNode>();
    for (const op of children(ps.node, 'objectPermissions')) {
      const object = text(op, 'object') ?? '';
      if (objectPerms.has(object)) p(`lists objectPermissions for ${object} twice`);
      objectPerms.set(object, op);
      if (!objectExists(model, object)) {
        p(`objectPermissions names object ${object}, which does not exist`);
        continue;
      }
      const flag = (tag: string) => text(op, tag) === 'true';
      if (
        (flag('allowCreate') ||
          flag('allowEdit') ||
          flag('allowDelete') ||
          flag('viewAllRecords')) &&
        !flag('allowRead')
      )
        p(`${object}: create, edit, delete or view all need allowRead`);
      if ((flag('allowDelete') || flag('modifyAllRecords')) && !flag('allowEdit'))
        p(`${object}: delete and modify all need allowEdit`);
      if (flag('modifyAllRecords') && !(flag('viewAllRecords') && flag('allowDelete')))
        p(`${object}: modifyAllRecords needs viewAllRecords and allowDelete`);
    }
    // Access to a detail object needs the same access to its master.
    for (const [object, op] of objectPerms) {
      const meta = model.objects.get(object);
      for (const field of meta?.fields.values() ?? []) {
        if (field.type !== 'MasterDetail' || !field.referenceTo) continue;
        const master = objectPerms.get(field.referenceTo);
        if (text(op, 'allowRead') === 'true' && !(master && text(master, 'allowRead') === 'true'))
          p(`grants read on ${object} but not on its master object ${field.referenceTo}`);
      }
    }
    const seen = new Set<string>();
    for (const fp of children(ps.node, 'fieldPermissions')) {
      const ref = text(fp, 'field') ?? '';
      if (seen.has(ref)) p(`lists fieldPermissions for ${ref} twice`);
      seen.add(ref);
      const dot = ref.indexOf('.');
      if (dot < 0) {
        p(`fieldPermissions field "${ref}" must be Object.Field`);
        continue;
      }
      const object = ref.slice(0, dot);
      const name = ref.slice(dot + 1);
      const field = resolveField(model, object, name);
      if (!field) {
        p(`fieldPermissions names field ${ref}, which does not exist`);
        continue;
      }
      if (field.type === 'MasterDetail')
        p(
          `fieldPermissions names master-detail field ${ref}; Salesforce rejects it (master-detail fields are always accessible)`,
        );
      else if (field.required)
        p(
          `fieldPermissions names required field ${ref}; Salesforce rejects it (required fields are always readable and editable)`,
        );
      else if (!field.permissionable)
        p(`fieldPermissions names ${ref}, which field-level security does not cover`);
      if (text(fp, 'editable') === 'true' && text(fp, 'readable') !== 'true')
        p(`${ref}: editable needs readable`);
      const op = objectPerms.get(object);
      if (!op || text(op, 'allowRead') !== 'true')
        p(`grants access to field ${ref} without read access to ${object}`);
      if (
        text(fp, 'editable') === 'true' &&
        op &&
        text(op, 'allowEdit') !== 'true' &&
        text(op, 'allowCreate') !== 'true'
      )
        p(`${ref} is editable but ${object} can be neither created nor edited`);
    }
    for (const ts of children(ps.node, 'tabSettings')) {
      const tab = text(ts, 'tab') ?? '';
      if (!tab.startsWith('standard-') && !tabs.has(tab))
        p(`tabSettings names tab ${tab}, which does not exist`);
      const visibility = text(ts, 'visibility');
      if (!['Visible', 'Available', 'None'].includes(visibility ?? ''))
        p(`tab ${tab}: visibility must be Visible, Available or None`);
    }
    for (const app of children(ps.node, 'applicationVisibilities').map(
      (a) => text(a, 'application') ?? '',
    )) {
      if (!apps.has(app) && !app.startsWith('standard__'))
        p(`applicationVisibilities names app ${app}, which does not exist`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- list views, compact layouts, layouts

function listViewField(model: MetadataModel, object: string, column: string): boolean {
  if (LIST_VIEW_STANDARD_COLUMNS.has(column)) return true;
  if (isCustomName(object)) return resolveField(model, object, column) !== undefined;
  // Standard objects use upper-case column names (ACCOUNT.NAME ...) we do not list: accept those.
  return /^[A-Z0-9_.]+$/.test(column) || resolveField(model, object, column) !== undefined;
}

export function checkListViews(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const object of model.objects.values()) {
    for (const lv of object.listViews) {
      const p = (message: string) => problems.push({ check: 'listviews', file: lv.file, message });
      if (!text(lv.node, 'label')) p('has no <label>');
      const scope = text(lv.node, 'filterScope');
      if (!scope) p('has no <filterScope>');
      for (const column of texts(lv.node, 'columns'))
        if (!listViewField(model, object.name, column))
          p(`column ${column} is not a field of ${object.name}`);
      const filters = children(lv.node, 'filters');
      for (const filter of filters) {
        const field = text(filter, 'field') ?? '';
        if (!listViewField(model, object.name, field))
          p(`filter field ${field} is not a field of ${object.name}`);
        const op = text(filter, 'operation') ?? '';
        if (!FILTER_OPERATIONS.has(op)) p(`filter on ${field}: operation ${op} is not valid`);
        const meta = object.fields.get(field);
        const value = text(filter, 'value');
        if (meta && (meta.type === 'Picklist' || meta.type === 'MultiselectPicklist') && value) {
          for (const v of value.split(','))
            if (!meta.values.includes(v))
              p(`filter on ${field}: "${v}" is not one of its picklist values`);
        }
      }
      const logic = text(lv.node, 'booleanFilter');
      if (logic) {
        for (const n of logic.match(/\d+/g) ?? [])
          if (Number(n) < 1 || Number(n) > filters.length)
            p(`booleanFilter refers to filter ${n}, but there are ${filters.length}`);
      }
    }
  }
  return problems;
}

export function checkCompactLayouts(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const object of model.objects.values()) {
    for (const cl of object.compactLayouts) {
      const p = (message: string) =>
        problems.push({ check: 'compactlayouts', file: cl.file, message });
      if (!text(cl.node, 'label')) p('has no <label>');
      const fields = texts(cl.node, 'fields');
      if (fields.length > 10) p(`has ${fields.length} fields; a compact layout shows at most 10`);
      for (const field of fields)
        if (!resolveField(model, object.name, field))
          p(`field ${field} is not a field of ${object.name}`);
    }
  }
  return problems;
}

export function checkLayouts(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const layout of model.layouts) {
    const object = layout.name.split('-')[0];
    const p = (message: string) => problems.push({ check: 'layouts', file: layout.file, message });
    if (!objectExists(model, object)) {
      p(`layout for object ${object}, which does not exist`);
      continue;
    }
    const items = children(layout.node, 'layoutSections')
      .flatMap((s) => children(s, 'layoutColumns'))
      .flatMap((c) => children(c, 'layoutItems'));
    for (const item of items) {
      const field = text(item, 'field');
      if (field && !resolveField(model, object, field))
        p(`field ${field} is not a field of ${object}`);
    }
    for (const rl of children(layout.node, 'relatedLists')) {
      const related = text(rl, 'relatedList') ?? '';
      const m = /^([A-Za-z0-9_]+__c)\.([A-Za-z0-9_]+__c)$/.exec(related);
      if (m && !resolveField(model, m[1], m[2]))
        p(`related list ${related} names a field that does not exist`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- flexipages, tabs, apps

const LOCAL_NAMESPACE = 'c';

function componentExists(model: MetadataModel, componentName: string): boolean | undefined {
  const [ns, name] = componentName.includes(':')
    ? componentName.split(':')
    : [LOCAL_NAMESPACE, componentName];
  if (ns !== LOCAL_NAMESPACE) return undefined; // a platform component (force:, flexipage:, lightning: ...)
  return model.lwc.has(name) || model.aura.has(name);
}

function flexipageItems(page: MetaDoc): XmlNode[] {
  return children(page.node, 'flexiPageRegions').flatMap((region) =>
    children(region, 'itemInstances'),
  );
}

export function checkFlexipages(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const page of model.flexipages) {
    const p = (message: string) => problems.push({ check: 'flexipages', file: page.file, message });
    const type = text(page.node, 'type');
    if (!text(page.node, 'masterLabel')) p('has no <masterLabel>');
    if (!type) p('has no <type>');
    const sobject = text(page.node, 'sobjectType');
    if (type === 'RecordPage' && !sobject) p('a RecordPage needs <sobjectType>');
    if (sobject && !objectExists(model, sobject)) p(`sobjectType ${sobject} does not exist`);
    for (const item of flexipageItems(page)) {
      for (const ci of children(item, 'componentInstance')) {
        const name = text(ci, 'componentName') ?? '';
        if (componentExists(model, name) === false)
          p(`uses component ${name}, which is not in force-app (lwc/ or aura/)`);
      }
      for (const fi of children(item, 'fieldInstance')) {
        const fieldItem = text(fi, 'fieldItem') ?? '';
        const m = /^Record\.(.+)$/.exec(fieldItem);
        if (!m) p(`fieldItem ${fieldItem} must look like Record.Field`);
        else if (!sobject) p(`fieldItem ${fieldItem} on a page without sobjectType`);
        else if (!resolveField(model, sobject, m[1]))
          p(`field ${m[1]} is not a field of ${sobject}`);
      }
    }
  }
  return problems;
}

export function checkTabsAndApps(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  const pages = new Set(model.flexipages.map((f) => f.name));
  const tabs = new Set(model.tabs.map((t) => t.name));
  for (const tab of model.tabs) {
    const p = (message: string) => problems.push({ check: 'tabs', file: tab.file, message });
    const kinds = [
      'customObject',
      'lwcComponent',
      'flexiPage',
      'page',
      'url',
      'auraComponent',
    ].filter((k) => text(tab.node, k) !== undefined);
    if (kinds.length !== 1)
      p(
        `a tab must be exactly one of customObject, lwcComponent, flexiPage, page, url (has ${kinds.join(', ') || 'none'})`,
      );
    if (text(tab.node, 'customObject') === 'true' && !objectExists(model, tab.name))
      p(`object tab for ${tab.name}, which does not exist`);
    const lwc = text(tab.node, 'lwcComponent');
    if (lwc !== undefined && !model.lwc.has(lwc))
      p(`lwcComponent ${lwc} is not in force-app/main/default/lwc`);
    else if (lwc !== undefined) {
      const targets = children(model.lwc.get(lwc)?.meta?.node, 'targets').flatMap((t) =>
        texts(t, 'target'),
      );
      if (!targets.includes('lightning__Tab'))
        p(`lwcComponent ${lwc} does not declare the lightning__Tab target`);
    }
    const flexi = text(tab.node, 'flexiPage');
    if (flexi !== undefined && !pages.has(flexi))
      p(`flexiPage ${flexi} is not in force-app/main/default/flexipages`);
    if (text(tab.node, 'customObject') !== 'true' && !text(tab.node, 'label')) p('has no <label>');
    if (!text(tab.node, 'motif')) p('has no <motif> (icon)');
  }
  for (const app of model.applications) {
    const p = (message: string) =>
      problems.push({ check: 'applications', file: app.file, message });
    if (!text(app.node, 'label')) p('has no <label>');
    for (const tab of texts(app.node, 'tabs')) {
      if (!tab.startsWith('standard-') && !tabs.has(tab))
        p(`tab ${tab} does not exist in force-app/main/default/tabs`);
    }
    for (const override of [
      ...children(app.node, 'actionOverrides'),
      ...children(app.node, 'profileActionOverrides'),
    ]) {
      const content = text(override, 'content');
      if (content && text(override, 'type') === 'Flexipage' && !pages.has(content))
        p(`action override uses flexipage ${content}, which does not exist`);
      const sobject = text(override, 'pageOrSobjectType');
      if (sobject && sobject !== 'standard-home' && !objectExists(model, sobject))
        p(`action override for ${sobject}, which does not exist`);
    }
  }
  return problems;
}
