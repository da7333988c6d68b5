import path from 'node:path';
import {
  checkConversion,
  checkIntegrationAccess,
  checkSchemaModule,
  checkSemantics,
  loadModel,
  runChecks,
  type CheckOptions,
  type Problem,
} from '..';
import { SOBJECTS } from '../../../server/src/schema';
import {
  D,
  fieldPermission,
  lookupField,
  lwcMeta,
  makeProject,
  objectPermission,
  objectXml,
  permissionSet,
  textField,
  xml,
  type Fixture,
} from './fixture';

const OPTIONS: CheckOptions = {
  sobjects: {},
  requiredExternalIds: [],
  skipConversion: true,
  componentUsers: {},
};
const FIELD = `${D}/objects/Widget__c/fields`;

let fixture: Fixture;
beforeEach(() => {
  fixture = makeProject();
});
afterEach(() => fixture.cleanup());

async function problemsOf(options: CheckOptions = OPTIONS): Promise<Problem[]> {
  return (await runChecks(fixture.root, options)).problems;
}

function expectProblem(problems: Problem[], file: string, message: RegExp): void {
  const hit = problems.find((p) => p.file === file && message.test(p.message));
  if (!hit) {
    throw new Error(
      `expected a problem in ${file} matching ${message}; got:\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n') || '(none)'}`,
    );
  }
}

describe('metadata checks on a small valid project', () => {
  it('find nothing wrong, conversion included', async () => {
    expect(await problemsOf({ ...OPTIONS, skipConversion: false })).toEqual([]);
  });
});

describe('(a) conversion and well-formedness', () => {
  it('reports a broken field file (not well-formed XML) with its line', async () => {
    const file = `${FIELD}/Code__c.field-meta.xml`;
    fixture.write(
      file,
      '<?xml version="1.0"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n<fullName>Code__c</fullName>\n<type>Text</type>\n',
    );
    expectProblem(await problemsOf(), file, /not well-formed XML \(line \d+/);
  });

  it('reports a file with the wrong root element', async () => {
    const file = `${FIELD}/Code__c.field-meta.xml`;
    fixture.write(file, xml('CustomObject', '<label>x</label>'));
    expectProblem(
      await problemsOf(),
      file,
      /root element is <CustomObject> but a \.field-meta\.xml file must have <CustomField>/,
    );
  });

  it('reports a metadata file that source-deploy-retrieve would silently drop', async () => {
    const file = `${D}/objects/Widget__c/fields/Size__c.feld-meta.xml`;
    fixture.write(file, textField('Size__c'));
    const problems = await checkConversion(loadModel(fixture.root));
    expectProblem(problems, file, /Expected a child type for feld in CustomObject/);
  });

  it('reports a metadata file of no known type', async () => {
    const file = `${D}/gadgets/Thing.gadget-meta.xml`;
    fixture.write(file, xml('Gadget', '<label>x</label>'));
    const problems = await checkConversion(loadModel(fixture.root));
    expectProblem(problems, file, /Could not infer a metadata type/);
    expectProblem(problems, file, /silently drop/);
  });
});

describe('(b) semantic field checks', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'an unknown type',
      xml('CustomField', '<fullName>X__c</fullName><label>X</label><type>Txt</type>'),
      /type Txt is not a valid field type/,
    ],
    [
      'a Text field without length',
      xml('CustomField', '<fullName>X__c</fullName><label>X</label><type>Text</type>'),
      /Text field needs <length>/,
    ],
    [
      'a Number without precision',
      xml('CustomField', '<fullName>X__c</fullName><label>X</label><type>Number</type>'),
      /Number field needs <precision> and <scale>/,
    ],
    [
      'a Checkbox without default',
      xml('CustomField', '<fullName>X__c</fullName><label>X</label><type>Checkbox</type>'),
      /Checkbox field needs <defaultValue>/,
    ],
    [
      'a LongTextArea without visibleLines',
      xml(
        'CustomField',
        '<fullName>X__c</fullName><label>X</label><length>32768</length><type>LongTextArea</type>',
      ),
      /needs <visibleLines>/,
    ],
    [
      'a Picklist without valueSet',
      xml('CustomField', '<fullName>X__c</fullName><label>X</label><type>Picklist</type>'),
      /Picklist field has no <valueSet>/,
    ],
    [
      'a Lookup without referenceTo',
      lookupField('X__c', 'Account').replace('<referenceTo>Account</referenceTo>', ''),
      /Lookup field has no <referenceTo>/,
    ],
    [
      'a Lookup without relationshipName',
      lookupField('X__c', 'Account').replace('<relationshipName>Widgets</relationshipName>', ''),
      /Lookup field has no <relationshipName>/,
    ],
    [
      'a fullName that differs from the file',
      textField('Y__c'),
      /fullName Y__c does not match the file name X__c/,
    ],
  ];
  it.each(cases)('reports %s', async (_what, content, message) => {
    const file = `${FIELD}/X__c.field-meta.xml`;
    fixture.write(file, content);
    expectProblem(await problemsOf(), file, message);
  });

  it('requires ControlledByParent sharing on a master-detail child', async () => {
    fixture.write(
      `${FIELD}/Parent__c.field-meta.xml`,
      xml(
        'CustomField',
        '<fullName>Parent__c</fullName><label>P</label><referenceTo>Account</referenceTo><relationshipLabel>W</relationshipLabel><relationshipName>W</relationshipName><type>MasterDetail</type>',
      ),
    );
    expectProblem(
      await problemsOf(),
      `${D}/objects/Widget__c/Widget__c.object-meta.xml`,
      /sharingModel must be ControlledByParent/,
    );
  });

  it('requires the External IDs the data model names to be unique', async () => {
    fixture.write(
      `${FIELD}/Code__c.field-meta.xml`,
      textField('Code__c', '<externalId>true</externalId>'),
    );
    const problems = checkSemantics(loadModel(fixture.root), [
      'Widget__c.Code__c',
      'Widget__c.Key__c',
    ]);
    expectProblem(problems, `${FIELD}/Code__c.field-meta.xml`, /must be unique/);
    expectProblem(
      problems,
      `${D}/objects/Widget__c/Widget__c.object-meta.xml`,
      /Widget__c.Key__c is missing/,
    );
  });
});

describe('(c) cross-references', () => {
  const PS = `${D}/permissionsets/Widget_User.permissionset-meta.xml`;

  it('reports a permission set naming a missing field', async () => {
    fixture.write(
      PS,
      permissionSet(objectPermission('Widget__c') + fieldPermission('Widget__c.Nope__c')),
    );
    expectProblem(await problemsOf(), PS, /names field Widget__c\.Nope__c, which does not exist/);
  });

  it('reports required and master-detail fields in a permission set', async () => {
    fixture.write(
      `${FIELD}/Code__c.field-meta.xml`,
      textField('Code__c', '<required>true</required>'),
    );
    fixture.write(
      `${D}/objects/Part__c/Part__c.object-meta.xml`,
      objectXml('Part', 'ControlledByParent', 'AutoNumber'),
    );
    fixture.write(
      `${D}/objects/Part__c/fields/Widget__c.field-meta.xml`,
      xml(
        'CustomField',
        '<fullName>Widget__c</fullName><label>Widget</label><referenceTo>Widget__c</referenceTo><relationshipLabel>Parts</relationshipLabel><relationshipName>Parts</relationshipName><type>MasterDetail</type>',
      ),
    );
    fixture.write(
      PS,
      permissionSet(
        objectPermission('Widget__c') +
          objectPermission('Part__c') +
          objectPermission('Account') +
          fieldPermission('Widget__c.Code__c') +
          fieldPermission('Part__c.Widget__c') +
          fieldPermission('Account.Name'),
      ),
    );
    const problems = await problemsOf();
    expectProblem(problems, PS, /required field Widget__c\.Code__c; Salesforce rejects it/);
    expectProblem(problems, PS, /master-detail field Part__c\.Widget__c; Salesforce rejects it/);
    expectProblem(problems, PS, /required field Account\.Name/);
  });

  it('reports a component importing a missing field, with the line', async () => {
    const file = `${D}/lwc/widgetCard/widgetCard.js`;
    fixture.write(
      file,
      "import { LightningElement } from 'lwc';\nimport SIZE from '@salesforce/schema/Widget__c.Size__c';\nexport default class W extends LightningElement { f = SIZE; }\n",
    );
    expectProblem(
      await problemsOf(),
      file,
      /line 2: imports @salesforce\/schema\/Widget__c\.Size__c, but field Widget__c\.Size__c does not exist/,
    );
  });

  it('reports a component importing through a missing relationship', async () => {
    const file = `${D}/lwc/widgetCard/widgetCard.js`;
    fixture.write(
      file,
      "import NAME from '@salesforce/schema/Widget__c.Owner__r.Name';\nexport default NAME;\n",
    );
    expectProblem(await problemsOf(), file, /Widget__c has no relationship Owner__r/);
  });

  it('reports an invalid js-meta.xml target', async () => {
    const file = `${D}/lwc/widgetCard/widgetCard.js-meta.xml`;
    fixture.write(file, lwcMeta(['lightning__RecordPage', 'lightning__Recordpage']));
    expectProblem(
      await problemsOf(),
      file,
      /target lightning__Recordpage is not a valid Lightning component target/,
    );
  });

  it('reports list views, compact layouts, flexipages and tabs naming what does not exist', async () => {
    const lv = `${D}/objects/Widget__c/listViews/All.listView-meta.xml`;
    fixture.write(
      lv,
      xml(
        'ListView',
        '<fullName>All</fullName><columns>NAME</columns><columns>Size__c</columns><filterScope>Everything</filterScope><filters><field>Color__c</field><operation>equals</operation><value>Green</value></filters><label>All</label>',
      ),
    );
    const cl = `${D}/objects/Widget__c/compactLayouts/Main.compactLayout-meta.xml`;
    fixture.write(
      cl,
      xml(
        'CompactLayout',
        '<fullName>Main</fullName><fields>Name</fields><fields>Weight__c</fields><label>Main</label>',
      ),
    );
    const page = `${D}/flexipages/Widget_Record.flexipage-meta.xml`;
    fixture.write(
      page,
      xml(
        'FlexiPage',
        '<flexiPageRegions><itemInstances><componentInstance><componentName>c:widgetChart</componentName></componentInstance></itemInstances><itemInstances><fieldInstance><fieldItem>Record.Mass__c</fieldItem></fieldInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><masterLabel>Widget</masterLabel><sobjectType>Widget__c</sobjectType><type>RecordPage</type>',
      ),
    );
    const tab = `${D}/tabs/Gadget__c.tab-meta.xml`;
    fixture.write(
      tab,
      xml('CustomTab', '<customObject>true</customObject><motif>Custom53: Bell</motif>'),
    );
    const problems = await problemsOf();
    expectProblem(problems, lv, /column Size__c is not a field of Widget__c/);
    expectProblem(problems, lv, /"Green" is not one of its picklist values/);
    expectProblem(problems, cl, /field Weight__c is not a field of Widget__c/);
    expectProblem(problems, page, /uses component c:widgetChart, which is not in force-app/);
    expectProblem(problems, page, /field Mass__c is not a field of Widget__c/);
    expectProblem(problems, tab, /object tab for Gadget__c, which does not exist/);
  });

  it('reports a schema-module field missing from the metadata or of another type', () => {
    const model = loadModel(fixture.root);
    const problems = checkSchemaModule(model, {
      Widget__c: {
        apiName: 'Widget__c',
        custom: true,
        fields: { Code__c: { type: 'Number' }, Size__c: { type: 'Text' } },
      },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'schema module: Widget__c.Code__c is Text in the metadata but Number in the schema module',
      expect.stringMatching(/schema module: Widget__c\.Size__c does not exist in the metadata/),
    ]);
  });

  it('reports an integration permission set that cannot read or write what the service does', () => {
    fixture.write(
      `${D}/permissionsets/Quorum_Integration.permissionset-meta.xml`,
      permissionSet(objectPermission('Widget__c') + fieldPermission('Widget__c.Code__c', false)),
    );
    const problems = checkIntegrationAccess(loadModel(fixture.root), {
      Widget__c: {
        apiName: 'Widget__c',
        custom: true,
        fields: {
          Code__c: { type: 'Text', writtenByService: true },
          Color__c: { type: 'Picklist' },
        },
      },
    });
    const file = `${D}/permissionsets/Quorum_Integration.permissionset-meta.xml`;
    expectProblem(
      problems,
      file,
      /the service reads all Widget__c records, but the permission set does not grant View All/,
    );
    expectProblem(
      problems,
      file,
      /the service writes Widget__c\.Code__c, but the permission set does not make it editable/,
    );
    expectProblem(
      problems,
      file,
      /the service reads Widget__c\.Color__c, but the permission set does not make it readable/,
    );
  });

  it('reports sample data naming a missing field or an unsaved reference', async () => {
    fixture.write(
      'data/sample-plan.json',
      JSON.stringify([{ sobject: 'Widget__c', files: ['widgets.json'] }]),
    );
    fixture.write(
      'data/widgets.json',
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Widget__c', referenceId: 'W1' },
            Name: 'One',
            Weight__c: 3,
            Account__c: '@AcmeRef',
          },
        ],
      }),
    );
    const problems = await problemsOf();
    expectProblem(problems, 'data/widgets.json', /field Widget__c\.Weight__c does not exist/);
    expectProblem(
      problems,
      'data/widgets.json',
      /refers to @AcmeRef, which no earlier record defines/,
    );
  });

  it('reports saveRefs/resolveRefs (sf ignores them and warns) and same-file references sf cannot resolve', async () => {
    fixture.write(
      'data/sample-plan.json',
      JSON.stringify([
        { sobject: 'Widget__c', saveRefs: true, resolveRefs: true, files: ['widgets.json'] },
      ]),
    );
    const widget = (ref: string, extra: Record<string, unknown> = {}) => ({
      attributes: { type: 'Widget__c', referenceId: ref },
      Name: ref,
      ...extra,
    });
    fixture.write(
      'data/widgets.json',
      JSON.stringify({
        records: [
          widget('Widget__cRef1'),
          widget('W2', { Account__c: '@Widget__cRef1' }),
          widget('W3'),
          widget('W4', { Account__c: '@W3' }),
        ],
      }),
    );
    const problems = (await problemsOf()).filter((p) => p.check === 'data');
    expectProblem(
      problems,
      'data/sample-plan.json',
      /"saveRefs" is ignored by sf data import tree/,
    );
    expectProblem(problems, 'data/sample-plan.json', /"resolveRefs" is ignored/);
    expectProblem(
      problems,
      'data/widgets.json',
      /Account__c refers to @W3 in the same file; sf resolves that only for names like @Widget__cRef1/,
    );
    expect(problems.some((p) => /@Widget__cRef1 in the same file/.test(p.message))).toBe(false);
  });
});

describe('the real data model', () => {
  const root = path.resolve(__dirname, '../../..');
  const model = loadModel(root);

  it('matches the schema module', () => {
    expect(checkSchemaModule(model, SOBJECTS)).toEqual([]);
  });

  it('gives the integration user what the service reads and writes', () => {
    expect(checkIntegrationAccess(model, SOBJECTS)).toEqual([]);
  });

  it('passes the semantic checks with the data model External IDs', () => {
    expect(checkSemantics(model)).toEqual([]);
  });

  it('has every field of the schema module, so nothing in the contract is missing', () => {
    for (const def of Object.values(SOBJECTS).filter((o) => o.custom)) {
      const meta = model.objects.get(def.apiName);
      expect(meta?.doc).toBeDefined();
      for (const name of Object.keys(def.fields).filter((f) => f.endsWith('__c')))
        expect(meta?.fields.has(name)).toBe(true);
    }
  });
});
