/** The schema loader: SFDX source format → describe-shaped definitions, and clear errors. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Schema, startEmulator } from '../../emulator';
import { api, expectSfError, http } from './helpers';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
let dir: string;

function object(name: string, extra = '', nameType = 'Text'): void {
  mkdirSync(path.join(dir, 'objects', name, 'fields'), { recursive: true });
  writeFileSync(
    path.join(dir, 'objects', name, `${name}.object-meta.xml`),
    `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><label>${name.replace('__c', '')}</label><pluralLabel>${name.replace('__c', '')}s</pluralLabel><nameField><label>Title</label><type>${nameType}</type></nameField><sharingModel>ReadWrite</sharingModel>${extra}</CustomObject>`,
  );
}
function field(obj: string, name: string, body: string): void {
  writeFileSync(
    path.join(dir, 'objects', obj, 'fields', `${name}.field-meta.xml`),
    `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>${name}</fullName><label>${name.replace('__c', '').replace(/_/g, ' ')}</label>${body}</CustomField>`,
  );
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quorum-md-'));
  object('Widget__c');
  field('Widget__c', 'Size__c', '<type>Number</type><precision>8</precision><scale>2</scale>');
  field(
    'Widget__c',
    'Color__c',
    '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>Red</fullName><default>true</default><label>Red</label></value><value><fullName>Blue</fullName><default>false</default><label>Blue</label></value></valueSetDefinition></valueSet>',
  );
  field(
    'Widget__c',
    'Account__c',
    '<type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName><required>true</required><deleteConstraint>Restrict</deleteConstraint>',
  );
  field(
    'Widget__c',
    'Key__c',
    '<type>Text</type><length>40</length><externalId>true</externalId><unique>true</unique>',
  );
  field('Widget__c', 'Active__c', '<type>Checkbox</type><defaultValue>true</defaultValue>');
  field(
    'Widget__c',
    'Tags__c',
    '<type>MultiselectPicklist</type><visibleLines>4</visibleLines><valueSet><valueSetDefinition><value><fullName>a</fullName><default>false</default></value><value><fullName>b</fullName><default>false</default></value></valueSetDefinition></valueSet>',
  );
  field(
    'Widget__c',
    'Notes__c',
    '<type>LongTextArea</type><length>32768</length><visibleLines>3</visibleLines>',
  );
  field(
    'Widget__c',
    'Double_Size__c',
    '<type>Number</type><formula>Size__c * 2</formula><precision>18</precision><scale>2</scale>',
  );
  object('Part__c');
  field(
    'Part__c',
    'Widget__c',
    '<type>MasterDetail</type><referenceTo>Widget__c</referenceTo><relationshipName>Parts</relationshipName>',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('metadata loader', () => {
  it('maps SFDX field types to describe types with their attributes', () => {
    const schema = Schema.load(dir);
    const widget = schema.find('widget__c')!;
    expect(widget.keyPrefix).toMatch(/^a\w{2}$/);
    expect(schema.find('Part__c')!.keyPrefix).not.toBe(widget.keyPrefix);
    const f = (n: string) => widget.fieldMap.get(n.toLowerCase())!;
    expect(f('Size__c')).toMatchObject({ type: 'double', precision: 8, scale: 2 });
    expect(f('Color__c')).toMatchObject({
      type: 'picklist',
      restrictedPicklist: true,
      defaultValue: 'Red',
    });
    expect(f('Color__c').picklistValues.map((p) => p.value)).toEqual(['Red', 'Blue']);
    expect(f('Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
      childRelationshipName: 'Widgets',
      nillable: false,
    });
    expect(f('Key__c')).toMatchObject({
      type: 'string',
      length: 40,
      externalId: true,
      unique: true,
      idLookup: true,
    });
    expect(f('Active__c')).toMatchObject({ type: 'boolean', defaultValue: true });
    expect(f('Tags__c')).toMatchObject({ type: 'multipicklist', restrictedPicklist: false });
    expect(f('Notes__c')).toMatchObject({ type: 'textarea', length: 32768 });
    expect(f('Double_Size__c')).toMatchObject({
      calculated: true,
      createable: false,
      updateable: false,
    });
    expect(f('Name')).toMatchObject({ type: 'string', nameField: true, label: 'Title' });
    expect(f('OwnerId')).toMatchObject({ type: 'reference', referenceTo: ['User'] });
    const part = schema.find('Part__c')!;
    expect(part.fieldMap.has('ownerid')).toBe(false); // master-detail children have no owner
    expect(part.fieldMap.get('widget__c')).toMatchObject({ nillable: false, cascadeDelete: true });
    for (const sys of [
      'Id',
      'IsDeleted',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'LastModifiedById',
      'SystemModstamp',
    ]) {
      expect(widget.fieldMap.has(sys.toLowerCase())).toBe(true);
    }
  });

  it('names the file for a bad XML document, an unsupported type or a reference to an unknown object', () => {
    writeFileSync(
      path.join(dir, 'objects', 'Widget__c', 'fields', 'Broken__c.field-meta.xml'),
      '<CustomField><type>Text</type>',
    );
    expect(() => Schema.load(dir)).toThrow(/Broken__c\.field-meta\.xml/);
    rmSync(path.join(dir, 'objects', 'Widget__c', 'fields', 'Broken__c.field-meta.xml'));
    field('Widget__c', 'Geo__c', '<type>Location</type>');
    expect(() => Schema.load(dir)).toThrow(
      /Geo__c\.field-meta\.xml: field type 'Location' is not supported/,
    );
    rmSync(path.join(dir, 'objects', 'Widget__c', 'fields', 'Geo__c.field-meta.xml'));
    field('Widget__c', 'Gadget__c', '<type>Lookup</type><referenceTo>Gadget__c</referenceTo>');
    expect(() => Schema.load(dir)).toThrow(/Widget__c\.Gadget__c refers to Gadget__c/);
  });

  it('serves the loaded schema: defaults, unique keys, restricted values and cascade deletes', async () => {
    const emu = await startEmulator({
      seed: 'empty',
      metadataDir: dir,
      accessToken: 'emulator-test-token',
    });
    try {
      const account = await http(emu.url, api('sobjects/Account'), {
        method: 'POST',
        body: { Name: 'Fixture Co' },
      });
      const accountId = (account.body as { id: string }).id;
      const created = await http(emu.url, api('sobjects/Widget__c'), {
        method: 'POST',
        body: { Account__c: accountId, Key__c: 'w-1', Size__c: 2.5 },
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const row = emu.store.get(id)!;
      expect(row).toMatchObject({ Color__c: 'Red', Active__c: true, Name: id });
      const dup = await http(emu.url, api('sobjects/Widget__c'), {
        method: 'POST',
        body: { Account__c: accountId, Key__c: 'W-1' },
      });
      expectSfError(dup.body, 'DUPLICATE_VALUE');
      const badTag = await http(emu.url, api('sobjects/Widget__c'), {
        method: 'POST',
        body: { Account__c: accountId, Tags__c: 'a;zzz' },
      });
      expect(badTag.status).toBe(201); // unrestricted multi-select accepts new values
      const part = await http(emu.url, api('sobjects/Part__c'), {
        method: 'POST',
        body: { Widget__c: id },
      });
      const partId = (part.body as { id: string }).id;
      await http(emu.url, api(`sobjects/Widget__c/${id}`), { method: 'DELETE' });
      expect(emu.store.get(partId)!.IsDeleted).toBe(true);
      const formula = await http(
        emu.url,
        api(`sobjects/Widget__c/${(badTag.body as { id: string }).id}`),
        { method: 'PATCH', body: { Double_Size__c: 1 } },
      );
      expectSfError(formula.body, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    } finally {
      await emu.close();
    }
  });

  it('loads the real force-app tree with the objects and fields of docs/DATA_MODEL.md', () => {
    const schema = Schema.load(path.resolve(__dirname, '../../../force-app/main/default'));
    const has = (obj: string, fields: string[]) => {
      const def = schema.find(obj);
      expect(def).toBeDefined();
      for (const f of fields) expect(def!.fieldMap.has(f.toLowerCase())).toBe(true);
    };
    has('Buying_Committee_Member__c', ['Opportunity__c', 'Contact__c', 'Role__c', 'Member_Key__c']);
    has('Escalated_Request__c', [
      'Account__c',
      'Theme__c',
      'Suggested_Theme__c',
      'Urgency__c',
      'Segment__c',
    ]);
    has('Segment_Demand_Score__c', ['Score_Key__c', 'Score__c', 'Breakdown__c']);
    has('Demand_Run__c', ['Lock_Key__c', 'Claimed_By__c', 'Heartbeat_At__c', 'Watermark__c']);
    expect(schema.find('Segment_Demand_Score__c')!.fieldMap.get('score_key__c')).toMatchObject({
      externalId: true,
      unique: true,
    });
  });
});
