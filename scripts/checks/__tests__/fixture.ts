/** Builds small SFDX projects in temp directories for the metadata-check tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
export const D = 'force-app/main/default';

export const xml = (root: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}\n</${root}>\n`;

export const objectXml = (label: string, sharing = 'ReadWrite', nameType = 'Text') =>
  xml(
    'CustomObject',
    `<deploymentStatus>Deployed</deploymentStatus><enableBulkApi>true</enableBulkApi><enableSharing>true</enableSharing><enableStreamingApi>true</enableStreamingApi>
<label>${label}</label><nameField><label>Name</label>${nameType === 'AutoNumber' ? '<displayFormat>W-{0000}</displayFormat>' : ''}<type>${nameType}</type></nameField>
<pluralLabel>${label}s</pluralLabel><sharingModel>${sharing}</sharingModel>`,
  );

export const textField = (name: string, extra = '') =>
  xml(
    'CustomField',
    `<fullName>${name}</fullName><label>${name}</label><length>80</length><type>Text</type>${extra}`,
  );

export const lookupField = (name: string, ref: string, extra = '') =>
  xml(
    'CustomField',
    `<fullName>${name}</fullName><deleteConstraint>SetNull</deleteConstraint><label>${name}</label><referenceTo>${ref}</referenceTo><relationshipLabel>Widgets</relationshipLabel><relationshipName>Widgets</relationshipName><type>Lookup</type>${extra}`,
  );

export const picklistField = (name: string, values: string[]) =>
  xml(
    'CustomField',
    `<fullName>${name}</fullName><label>${name}</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>${values
      .map(
        (v) =>
          `<value><fullName>${v}</fullName><default>false</default><label>${v}</label></value>`,
      )
      .join('')}</valueSetDefinition></valueSet>`,
  );

export const permissionSet = (body: string) => xml('PermissionSet', `<label>Test</label>${body}`);
/** Object access in a permission set: read, create and edit by default; `readOnly` reads only. */
export const objectPermission = (object: string, access: 'edit' | 'readOnly' = 'edit') => {
  const edit = access === 'edit';
  return `<objectPermissions><allowCreate>${edit}</allowCreate><allowDelete>false</allowDelete><allowEdit>${edit}</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>${object}</object><viewAllRecords>false</viewAllRecords></objectPermissions>`;
};
export const fieldPermission = (field: string, editable = true) =>
  `<fieldPermissions><editable>${editable}</editable><field>${field}</field><readable>true</readable></fieldPermissions>`;

export const lwcMeta = (targets: string[] = ['lightning__RecordPage']) =>
  xml(
    'LightningComponentBundle',
    `<apiVersion>62.0</apiVersion><isExposed>true</isExposed><targets>${targets.map((t) => `<target>${t}</target>`).join('')}</targets>`,
  );

/** A small valid project: Widget__c with a text field, a lookup, a picklist and a layout; a permission set; a component. */
export function baseFiles(): Record<string, string> {
  return {
    'sfdx-project.json': JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '62.0',
    }),
    [`${D}/objects/Widget__c/Widget__c.object-meta.xml`]: objectXml('Widget'),
    [`${D}/objects/Widget__c/fields/Code__c.field-meta.xml`]: textField('Code__c'),
    [`${D}/objects/Widget__c/fields/Account__c.field-meta.xml`]: lookupField(
      'Account__c',
      'Account',
    ),
    [`${D}/objects/Widget__c/fields/Color__c.field-meta.xml`]: picklistField('Color__c', [
      'Red',
      'Blue',
    ]),
    [`${D}/permissionsets/Widget_User.permissionset-meta.xml`]: permissionSet(
      objectPermission('Widget__c') +
        fieldPermission('Widget__c.Code__c') +
        fieldPermission('Widget__c.Color__c', false),
    ),
    [`${D}/lwc/widgetCard/widgetCard.js`]:
      "import { LightningElement } from 'lwc';\nimport CODE from '@salesforce/schema/Widget__c.Code__c';\nimport ACCOUNT_NAME from '@salesforce/schema/Widget__c.Account__r.Name';\nexport default class WidgetCard extends LightningElement {\n  fields = [CODE, ACCOUNT_NAME];\n}\n",
    [`${D}/lwc/widgetCard/widgetCard.html`]: '<template><p>Widget</p></template>\n',
    [`${D}/lwc/widgetCard/widgetCard.js-meta.xml`]: lwcMeta(),
    [`${D}/layouts/Widget__c-Widget Layout.layout-meta.xml`]: xml(
      'Layout',
      '<layoutSections><customLabel>false</customLabel><detailHeading>true</detailHeading><editHeading>true</editHeading><label>Information</label><layoutColumns><layoutItems><behavior>Required</behavior><field>Name</field></layoutItems><layoutItems><behavior>Edit</behavior><field>Code__c</field></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>',
    ),
  };
}

export interface Fixture {
  readonly root: string;
  write(file: string, content: string): void;
  remove(file: string): void;
  cleanup(): void;
}

export function makeProject(files: Record<string, string> = baseFiles()): Fixture {
  const root = mkdtempSync(path.join(tmpdir(), 'quorum-checks-'));
  const write = (file: string, content: string) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (const [file, content] of Object.entries(files)) write(file, content);
  return {
    root,
    write,
    remove: (file) => rmSync(path.join(root, file), { force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
