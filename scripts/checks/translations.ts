/**
 * Translations (Translation Workbench metadata):
 * - `objectTranslations/<Object>-<lang>/`: the object exists; a custom object has its singular and
 *   plural label (which custom object tabs show) and its name field label; every field
 *   translation names a field of the object, with a label; every picklist value it translates
 *   exists (by label, as Salesforce matches them) and every value of the field is translated; a
 *   relationship label only on a lookup or master-detail. Once a language is started for an
 *   object, every custom field of the object must be translated, so a new field cannot ship
 *   half-translated.
 * - `translations/<lang>.translation-meta.xml`: every custom label and tab it names exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FieldMeta, MetadataModel } from './model';
import { isCustomName, objectExists } from './resolve';
import type { Problem } from './types';
import { children, parseXml, text, texts, type XmlNode } from './xml';

const LOOKUP_TYPES = new Set(['Lookup', 'MasterDetail', 'Hierarchy']);

function read(model: MetadataModel, file: string): XmlNode | undefined {
  const parsed = parseXml(readFileSync(path.join(model.root, file), 'utf8'));
  return parsed.ok ? parsed.node : undefined; // malformed files are reported by loadModel
}

/** Picklist value labels of a field (what a translation's masterLabel refers to). */
export function picklistLabels(field: FieldMeta): string[] {
  const definition = children(children(field.node, 'valueSet')[0], 'valueSetDefinition')[0];
  return children(definition, 'value').map((v) => text(v, 'label') ?? text(v, 'fullName') ?? '');
}

export function checkTranslations(model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  const add = (check: string, file: string, message: string) =>
    problems.push({ check, file, message });

  // ---- objectTranslations/<Object>-<lang>/...
  const folders = new Map<string, string[]>();
  for (const file of model.files) {
    const m = /\/objectTranslations\/([^/]+)\//.exec(file);
    if (!m) continue;
    const list = folders.get(m[1]) ?? [];
    list.push(file);
    folders.set(m[1], list);
  }
  for (const [folder, files] of folders) {
    const m = /^(.+)-([a-z]{2,3}(?:_[A-Z]{2})?)$/.exec(folder);
    const where = files[0].slice(0, files[0].indexOf(`/${folder}/`) + folder.length + 1);
    if (!m) {
      add(
        'translations',
        where,
        `folder ${folder} must be named <Object>-<language>, e.g. Segment__c-zh_CN`,
      );
      continue;
    }
    const [, object, lang] = m;
    if (!objectExists(model, object)) {
      add('translations', where, `translates object ${object}, which does not exist`);
      continue;
    }
    const objectFile = files.find((f) => f.endsWith(`/${folder}.objectTranslation-meta.xml`));
    const custom = isCustomName(object);
    if (!objectFile) add('translations', where, `has no ${folder}.objectTranslation-meta.xml`);
    else if (custom) {
      const node = read(model, objectFile);
      const cases = children(node, 'caseValues');
      const label = (plural: boolean) =>
        cases.find((c) => text(c, 'plural') === String(plural) && text(c, 'value'));
      if (!label(false))
        add(
          'translations',
          objectFile,
          `has no singular label (caseValues with plural false) for ${lang}`,
        );
      if (!label(true))
        add(
          'translations',
          objectFile,
          `has no plural label (caseValues with plural true) for ${lang}; custom object tabs show it`,
        );
      if (!text(node, 'nameFieldLabel')) add('translations', objectFile, 'has no nameFieldLabel');
    }
    const fields = model.objects.get(object)?.fields ?? new Map<string, FieldMeta>();
    const translated = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('.fieldTranslation-meta.xml'))) {
      const node = read(model, file);
      if (!node) continue;
      const fileName = path.basename(file).replace('.fieldTranslation-meta.xml', '');
      const name = text(node, 'name');
      const p = (message: string) => add('translations', file, message);
      if (name !== fileName) p(`<name> is ${name ?? 'missing'} but the file is for ${fileName}`);
      const field = fields.get(fileName);
      if (!field) {
        p(`translates ${object}.${fileName}, which does not exist`);
        continue;
      }
      translated.add(fileName);
      if (!text(node, 'label')) p(`has no ${lang} <label>`);
      const labels = picklistLabels(field);
      const done = new Set<string>();
      for (const v of children(node, 'picklistValues')) {
        const master = text(v, 'masterLabel') ?? '';
        if (!labels.includes(master))
          p(`translates picklist value "${master}", which ${object}.${fileName} does not have`);
        else if (!text(v, 'translation')) p(`picklist value "${master}" has no translation`);
        done.add(master);
      }
      for (const label of labels)
        if (!done.has(label))
          p(`picklist value "${label}" of ${object}.${fileName} is not translated`);
      if (text(node, 'relationshipLabel') && !LOOKUP_TYPES.has(field.type ?? ''))
        p(`has a relationshipLabel, but ${object}.${fileName} is a ${field.type}, not a lookup`);
      if (
        LOOKUP_TYPES.has(field.type ?? '') &&
        text(field.node, 'relationshipLabel') &&
        !text(node, 'relationshipLabel')
      )
        p(`has no relationshipLabel (the related list's title on the parent record)`);
    }
    if (custom)
      for (const name of fields.keys())
        if (!translated.has(name))
          add(
            'translations',
            where,
            `${object}.${name} has no ${lang} translation (fields/${name}.fieldTranslation-meta.xml)`,
          );
  }

  // ---- translations/<lang>.translation-meta.xml
  const labelsFile = model.files.find((f) => f.endsWith('.labels-meta.xml'));
  const labelNames = new Set(
    labelsFile ? children(read(model, labelsFile), 'labels').map((l) => text(l, 'fullName')) : [],
  );
  const tabNames = new Set(model.tabs.map((t) => t.name));
  for (const file of model.files.filter((f) => f.endsWith('.translation-meta.xml'))) {
    const node = read(model, file);
    for (const name of children(node, 'customLabels').map((l) => text(l, 'name') ?? ''))
      if (!labelNames.has(name))
        add('translations', file, `translates custom label ${name}, which does not exist`);
    for (const tab of children(node, 'customTabs')) {
      const name = text(tab, 'name') ?? '';
      if (!tabNames.has(name))
        add('translations', file, `translates tab ${name}, which does not exist`);
      else if (!text(tab, 'label')) add('translations', file, `tab ${name} has no label`);
    }
  }
  // Tabs that are not object tabs carry their own label: each language must translate it.
  const languages = model.files
    .filter((f) => f.endsWith('.translation-meta.xml'))
    .map((f) => ({ file: f, tabs: new Set(translatedTabs(read(model, f))) }));
  for (const lang of languages)
    for (const tab of model.tabs)
      if (text(tab.node, 'customObject') !== 'true' && !lang.tabs.has(tab.name))
        add(
          'translations',
          lang.file,
          `tab ${tab.name} ("${text(tab.node, 'label')}") is not translated (customTabs)`,
        );
  return problems;
}

function translatedTabs(node: XmlNode | undefined): string[] {
  return children(node, 'customTabs').flatMap((t) => texts(t, 'name'));
}
