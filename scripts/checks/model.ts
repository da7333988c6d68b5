/**
 * Loads a project's force-app metadata (SFDX source format) into a small model the checks share.
 * Every `*-meta.xml` is checked to be well-formed XML with the root element its suffix calls for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from './types';
import { children, parseXml, text, texts, type XmlNode } from './xml';

export interface MetaDoc {
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  /** Component name (file name without suffix). */
  readonly name: string;
  readonly node: XmlNode;
}

export interface FieldMeta extends MetaDoc {
  readonly object: string;
  readonly type: string | undefined;
  readonly required: boolean;
  readonly referenceTo: string | undefined;
  readonly relationshipName: string | undefined;
  readonly externalId: boolean;
  readonly unique: boolean;
  /** Picklist value API names (valueSetDefinition). */
  readonly values: string[];
}

export interface ObjectMeta {
  readonly name: string;
  /** The object file, when the folder has one. */
  readonly doc: MetaDoc | undefined;
  readonly folder: string;
  readonly fields: Map<string, FieldMeta>;
  readonly listViews: MetaDoc[];
  readonly compactLayouts: MetaDoc[];
}

export interface LwcBundle {
  readonly name: string;
  readonly folder: string;
  readonly meta: MetaDoc | undefined;
  /** JavaScript files of the bundle (relative paths), tests included. */
  readonly jsFiles: string[];
}

export interface MetadataModel {
  readonly root: string;
  readonly forceApp: string;
  /** Every file under force-app, relative to the root. */
  readonly files: string[];
  readonly objects: Map<string, ObjectMeta>;
  readonly permissionSets: MetaDoc[];
  readonly layouts: MetaDoc[];
  readonly flexipages: MetaDoc[];
  readonly tabs: MetaDoc[];
  readonly applications: MetaDoc[];
  readonly lwc: Map<string, LwcBundle>;
  readonly aura: Set<string>;
  /** Well-formedness problems found while loading. */
  readonly problems: Problem[];
}

/** Root element expected for each source-format suffix. */
export const ROOT_ELEMENTS: Readonly<Record<string, string>> = {
  'object-meta.xml': 'CustomObject',
  'field-meta.xml': 'CustomField',
  'listView-meta.xml': 'ListView',
  'compactLayout-meta.xml': 'CompactLayout',
  'recordType-meta.xml': 'RecordType',
  'validationRule-meta.xml': 'ValidationRule',
  'webLink-meta.xml': 'WebLink',
  'fieldSet-meta.xml': 'FieldSet',
  'permissionset-meta.xml': 'PermissionSet',
  'layout-meta.xml': 'Layout',
  'flexipage-meta.xml': 'FlexiPage',
  'tab-meta.xml': 'CustomTab',
  'app-meta.xml': 'CustomApplication',
  'js-meta.xml': 'LightningComponentBundle',
  'labels-meta.xml': 'CustomLabels',
  'translation-meta.xml': 'Translations',
  'objectTranslation-meta.xml': 'CustomObjectTranslation',
  'fieldTranslation-meta.xml': 'CustomFieldTranslation',
  'reportType-meta.xml': 'ReportType',
  'report-meta.xml': 'Report',
  'reportFolder-meta.xml': 'ReportFolder',
  'dashboard-meta.xml': 'Dashboard',
  'dashboardFolder-meta.xml': 'DashboardFolder',
};

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries.sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

function suffixOf(file: string): string | undefined {
  const base = path.basename(file);
  const m = /\.([A-Za-z]+-meta\.xml)$/.exec(base);
  return m ? m[1] : undefined;
}

function nameOf(file: string): string {
  return path.basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

export function loadModel(root: string): MetadataModel {
  const forceApp = path.join(root, 'force-app');
  const abs: string[] = [];
  walk(forceApp, abs);
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const model: MetadataModel = {
    root,
    forceApp,
    files: abs.map(rel),
    objects: new Map(),
    permissionSets: [],
    layouts: [],
    flexipages: [],
    tabs: [],
    applications: [],
    lwc: new Map(),
    aura: new Set(),
    problems: [],
  };
  const problem = (file: string, message: string) =>
    model.problems.push({ check: 'xml', file, message });

  const objectFor = (name: string, folder: string): ObjectMeta => {
    let o = model.objects.get(name);
    if (!o) {
      o = { name, doc: undefined, folder, fields: new Map(), listViews: [], compactLayouts: [] };
      model.objects.set(name, o);
    }
    return o;
  };

  for (const file of abs) {
    const relFile = rel(file);
    const parts = relFile.split('/');
    const lwcIndex = parts.lastIndexOf('lwc');
    const auraIndex = parts.lastIndexOf('aura');
    if (auraIndex >= 0 && parts.length > auraIndex + 2) model.aura.add(parts[auraIndex + 1]);
    if (lwcIndex >= 0 && parts.length > lwcIndex + 2) {
      const bundleName = parts[lwcIndex + 1];
      let bundle = model.lwc.get(bundleName);
      if (!bundle) {
        bundle = {
          name: bundleName,
          folder: parts.slice(0, lwcIndex + 2).join('/'),
          meta: undefined,
          jsFiles: [],
        };
        model.lwc.set(bundleName, bundle);
      }
      if (file.endsWith('.js')) bundle.jsFiles.push(relFile);
    }

    const suffix = suffixOf(file);
    if (!suffix) continue;
    const content = readFileSync(file, 'utf8');
    const parsed = parseXml(content);
    if (!parsed.ok) {
      problem(relFile, parsed.message);
      continue;
    }
    const expectedRoot = ROOT_ELEMENTS[suffix];
    if (expectedRoot && parsed.root !== expectedRoot) {
      problem(
        relFile,
        `root element is <${parsed.root}> but a .${suffix} file must have <${expectedRoot}>`,
      );
      continue;
    }
    if (!content.includes(`xmlns="${METADATA_NS}"`)) {
      problem(relFile, `root element <${parsed.root}> lacks xmlns="${METADATA_NS}"`);
    }
    const doc: MetaDoc = { file: relFile, name: nameOf(file), node: parsed.node };
    const objIndex = parts.lastIndexOf('objects');
    const objectName = objIndex >= 0 ? parts[objIndex + 1] : undefined;
    const objectFolder = objIndex >= 0 ? parts.slice(0, objIndex + 2).join('/') : '';

    switch (suffix) {
      case 'object-meta.xml': {
        const o = objectFor(doc.name, objectFolder || path.dirname(relFile));
        (o as { doc: MetaDoc | undefined }).doc = doc;
        break;
      }
      case 'field-meta.xml': {
        if (!objectName) break;
        const node = doc.node;
        const valueSet = children(node, 'valueSet')[0];
        const definition = children(valueSet, 'valueSetDefinition')[0];
        const field: FieldMeta = {
          ...doc,
          object: objectName,
          type: text(node, 'type'),
          required: text(node, 'required') === 'true',
          referenceTo: text(node, 'referenceTo'),
          relationshipName: text(node, 'relationshipName'),
          externalId: text(node, 'externalId') === 'true',
          unique: text(node, 'unique') === 'true',
          values: children(definition, 'value').map((v) => text(v, 'fullName') ?? ''),
        };
        objectFor(objectName, objectFolder).fields.set(doc.name, field);
        break;
      }
      case 'listView-meta.xml':
        if (objectName) objectFor(objectName, objectFolder).listViews.push(doc);
        break;
      case 'compactLayout-meta.xml':
        if (objectName) objectFor(objectName, objectFolder).compactLayouts.push(doc);
        break;
      case 'permissionset-meta.xml':
        model.permissionSets.push(doc);
        break;
      case 'layout-meta.xml':
        model.layouts.push(doc);
        break;
      case 'flexipage-meta.xml':
        model.flexipages.push(doc);
        break;
      case 'tab-meta.xml':
        model.tabs.push(doc);
        break;
      case 'app-meta.xml':
        model.applications.push(doc);
        break;
      case 'js-meta.xml': {
        if (lwcIndex >= 0) {
          const bundle = model.lwc.get(parts[lwcIndex + 1]);
          if (bundle) (bundle as { meta: MetaDoc | undefined }).meta = doc;
        }
        break;
      }
      default:
        break;
    }
  }
  return model;
}

/** Convenience: texts of a path of nested tags, e.g. ['fieldPermissions', 'field']. */
export function textsAt(node: XmlNode | undefined, tags: readonly string[]): string[] {
  if (tags.length === 1) return texts(node, tags[0]);
  return children(node, tags[0]).flatMap((child) => textsAt(child, tags.slice(1)));
}
