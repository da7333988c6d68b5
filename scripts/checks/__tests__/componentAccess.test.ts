import path from 'node:path';
import {
  checkComponentAccess,
  COMPONENT_USERS,
  COMPONENT_USERS_FILE,
  loadModel,
  runChecks,
  type ComponentUse,
  type MetaDoc,
  type MetadataModel,
  type Problem,
} from '..';
import type { XmlNode } from '../xml';
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
  type Fixture,
} from './fixture';

const LIST = `${D}/lwc/widgetList/widgetList.js`;

const readOnly = (object: string) => objectPermission(object, 'readOnly');

/** A component whose JS holds `gql` documents (and optionally imports a shared module). */
const component = (documents: string[], imports = '') =>
  `import { LightningElement } from 'lwc';\nimport { gql } from 'lightning/graphql';\n${imports}\n${documents
    .map((d, i) => `export const Q${i} = gql\`\n${d}\n\`;\n`)
    .join('')}export default class WidgetList extends LightningElement {}\n`;

const query = (name: string, body: string) => `query ${name} { uiapi { query { ${body} } } }`;
const widgets = (node: string, args = '') => `Widget__c${args} { edges { node { Id ${node} } } }`;

/** Widget__c (base fixture) gets Secret__c; Gadget__c looks up Widget__c and has a required field. */
function files(): Record<string, string> {
  return {
    [`${D}/objects/Widget__c/fields/Secret__c.field-meta.xml`]: textField('Secret__c'),
    [`${D}/objects/Gadget__c/Gadget__c.object-meta.xml`]: objectXml('Gadget'),
    [`${D}/objects/Gadget__c/fields/Size__c.field-meta.xml`]: textField('Size__c'),
    [`${D}/objects/Gadget__c/fields/Serial__c.field-meta.xml`]: textField(
      'Serial__c',
      '<required>true</required>',
    ),
    [`${D}/objects/Gadget__c/fields/Widget__c.field-meta.xml`]: lookupField(
      'Widget__c',
      'Widget__c',
    ).replace(/Widgets</g, 'Gadgets<'),
    // Widget_User: Widget__c (read, create, edit) with Code__c, Color__c and Account__c readable.
    [`${D}/permissionsets/Widget_User.permissionset-meta.xml`]: permissionSet(
      objectPermission('Widget__c') +
        fieldPermission('Widget__c.Code__c', false) +
        fieldPermission('Widget__c.Color__c', false) +
        fieldPermission('Widget__c.Account__c', false),
    ),
    // Gadget_Viewer: Gadget__c and its Widget__c lookup, nothing of Widget__c itself.
    [`${D}/permissionsets/Gadget_Viewer.permissionset-meta.xml`]: permissionSet(
      readOnly('Gadget__c') +
        fieldPermission('Gadget__c.Size__c', false) +
        fieldPermission('Gadget__c.Widget__c', false),
    ),
    [`${D}/lwc/widgetList/widgetList.html`]: '<template><p>Widgets</p></template>\n',
    [`${D}/lwc/widgetList/widgetList.js-meta.xml`]: lwcMeta(),
  };
}

const TABLE: Record<string, ComponentUse> = {
  widgetCard: { users: ['Widget_User'] },
  widgetList: { users: ['Widget_User'] },
};

let fixture: Fixture;
beforeEach(() => {
  fixture = makeProject();
  for (const [file, content] of Object.entries(files())) fixture.write(file, content);
});
afterEach(() => fixture.cleanup());

function problems(table: Record<string, ComponentUse> = TABLE): Problem[] {
  return checkComponentAccess(loadModel(fixture.root), table);
}

const messages = (list: Problem[]) => list.map((p) => `${p.file}: ${p.message}`);

describe('component access: reads', () => {
  it('passes a component whose persona can read everything it reads, lookups and filters included', () => {
    fixture.write(
      LIST,
      component([
        query(
          'widgets',
          widgets(
            'Name { value } Code__c { value } Color__c { value displayValue } Account__r { Name { value } }',
            '(where: { Code__c: { eq: "A" } }, orderBy: { Color__c: { order: ASC } }, first: 10)',
          ),
        ),
      ]),
    );
    expect(messages(problems())).toEqual([]);
  });

  it('reports a field its persona cannot read, naming component, permission set, field and query', () => {
    fixture.write(
      LIST,
      component([query('widgets', widgets('Code__c { value } Secret__c { value }'))]),
    );
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): reads Widget__c.Secret__c (query widgets) but Widget_User does not make Widget__c.Secret__c readable`,
    ]);
  });

  it('reports every field of an object its persona cannot read at all', () => {
    fixture.write(
      LIST,
      component([
        query(
          'gadgets',
          'Gadget__c { edges { node { Id Size__c { value } Serial__c { value } } } }',
        ),
      ]),
    );
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): reads Gadget__c.Serial__c (query gadgets) but the permission set grants no read on Gadget__c`,
      `${LIST}: widgetList (Widget_User): reads Gadget__c.Size__c (query gadgets) but the permission set grants no read on Gadget__c`,
    ]);
  });

  it('treats required fields as readable with their object, without field permissions', () => {
    fixture.write(
      LIST,
      component([query('gadgets', 'Gadget__c { edges { node { Id Serial__c { value } } } }')]),
    );
    expect(messages(problems({ widgetList: { users: ['Gadget_Viewer'] } }))).toEqual([]);
  });

  it('follows a parent relationship to its lookup field and its target object', () => {
    fixture.write(
      LIST,
      component([
        query(
          'gadgets',
          'Gadget__c { edges { node { Id Size__c { value } Widget__r { Name { value } Code__c { value } } } } }',
        ),
      ]),
    );
    expect(messages(problems({ widgetList: { users: ['Gadget_Viewer'] } }))).toEqual([
      `${LIST}: widgetList (Gadget_Viewer): reads Widget__c.Code__c (query gadgets) but the permission set grants no read on Widget__c`,
      `${LIST}: widgetList (Gadget_Viewer): reads Widget__c.Name (query gadgets) but the permission set grants no read on Widget__c`,
    ]);
    // Without the lookup field, the relationship cannot be followed either.
    fixture.write(
      `${D}/permissionsets/Gadget_Viewer.permissionset-meta.xml`,
      permissionSet(readOnly('Gadget__c') + readOnly('Widget__c')),
    );
    expect(messages(problems({ widgetList: { users: ['Gadget_Viewer'] } }))).toEqual([
      `${LIST}: widgetList (Gadget_Viewer): reads Gadget__c.Size__c (query gadgets) but Gadget_Viewer does not make Gadget__c.Size__c readable`,
      `${LIST}: widgetList (Gadget_Viewer): reads Gadget__c.Widget__c (query gadgets) but Gadget_Viewer does not make Gadget__c.Widget__c readable`,
      `${LIST}: widgetList (Gadget_Viewer): reads Widget__c.Code__c (query gadgets) but Gadget_Viewer does not make Widget__c.Code__c readable`,
    ]);
  });

  it('follows a child relationship to the child object', () => {
    fixture.write(
      LIST,
      component([
        query(
          'widgetsWithGadgets',
          widgets(
            'Code__c { value } Gadgets__r(first: 5) { edges { node { Id Size__c { value } } } }',
          ),
        ),
      ]),
    );
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): reads Gadget__c.Size__c (query widgetsWithGadgets) but the permission set grants no read on Gadget__c`,
    ]);
  });

  it('counts fields named in static where and orderBy arguments as reads', () => {
    fixture.write(
      LIST,
      component([
        query(
          'filtered',
          widgets(
            'Code__c { value }',
            '(where: { or: [{ Secret__c: { eq: "x" } }, { Account__r: { Name: { like: "A%" } } }] })',
          ),
        ),
      ]),
    );
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): reads Widget__c.Secret__c (query filtered) but Widget_User does not make Widget__c.Secret__c readable`,
    ]);
  });

  it('checks each persona that opens the component', () => {
    fixture.write(LIST, component([query('widgets', widgets('Code__c { value }'))]));
    expect(
      messages(problems({ ...TABLE, widgetList: { users: ['Widget_User', 'Gadget_Viewer'] } })),
    ).toEqual([
      `${LIST}: widgetList (Gadget_Viewer): reads Widget__c.Code__c (query widgets) but the permission set grants no read on Widget__c`,
    ]);
  });

  it("counts a shared module's documents for the components that import it", () => {
    fixture.write(
      `${D}/lwc/widgetQuery/widgetQuery.js`,
      component([query('secretWidgets', widgets('Secret__c { value }'))]),
    );
    fixture.write(`${D}/lwc/widgetQuery/widgetQuery.js-meta.xml`, lwcMeta([]));
    fixture.write(LIST, component([], "import { Q0 } from 'c/widgetQuery';"));
    expect(messages(problems())).toEqual([
      `${D}/lwc/widgetQuery/widgetQuery.js: widgetList (Widget_User): reads Widget__c.Secret__c (query secretWidgets in c/widgetQuery) but Widget_User does not make Widget__c.Secret__c readable`,
    ]);
  });

  it('reports a name the metadata does not have, and a document that is not GraphQL', () => {
    fixture.write(
      LIST,
      component([query('typo', widgets('Colour__c { value }')), 'query broken { uiapi {']),
    );
    const found = messages(problems());
    expect(found).toContain(
      `${LIST}: line 4: typo: Widget__c has no field or relationship Colour__c`,
    );
    expect(
      found.some((m) => m.startsWith(`${LIST}: line 7: a document: is not valid GraphQL`)),
    ).toBe(true);
  });
});

describe('component access: part of npm run check:metadata', () => {
  it('runs with the other checks, on the table it is given', async () => {
    fixture.write(LIST, component([query('widgets', widgets('Secret__c { value }'))]));
    const options = { sobjects: {}, requiredExternalIds: [], skipConversion: true };
    const report = await runChecks(fixture.root, { ...options, componentUsers: TABLE });
    expect(report.problems.filter((p) => p.check === 'componentaccess')).toEqual([
      {
        check: 'componentaccess',
        file: LIST,
        message:
          'widgetList (Widget_User): reads Widget__c.Secret__c (query widgets) but Widget_User does not make Widget__c.Secret__c readable',
      },
    ]);
  });
});

describe('component access: the persona table', () => {
  it('reports a component with GraphQL reads that the table does not list', () => {
    fixture.write(LIST, component([query('widgets', widgets('Code__c { value }'))]));
    expect(messages(problems({ widgetCard: TABLE.widgetCard }))).toEqual([
      `${D}/lwc/widgetList: component widgetList reads records through GraphQL but is not in ${COMPONENT_USERS_FILE}, so no permission set is checked for it`,
    ]);
  });

  it('reports a module with GraphQL documents no listed component imports', () => {
    fixture.write(
      `${D}/lwc/widgetQuery/widgetQuery.js`,
      component([query('widgets', widgets('Code__c { value }'))]),
    );
    fixture.write(`${D}/lwc/widgetQuery/widgetQuery.js-meta.xml`, lwcMeta([]));
    expect(messages(problems())).toEqual([
      `${D}/lwc/widgetQuery/widgetQuery.js: module widgetQuery has GraphQL documents but no component in ${COMPONENT_USERS_FILE} imports it, so no permission set is checked for them`,
    ]);
  });

  it('reports a listed component or permission set that does not exist', () => {
    fixture.write(LIST, component([]));
    expect(
      messages(problems({ ...TABLE, gadgetCard: { users: ['Widget_User', 'Gadget_Admin'] } })),
    ).toEqual([
      `${COMPONENT_USERS_FILE}: lists component gadgetCard, which is not in force-app/main/default/lwc`,
      `${COMPONENT_USERS_FILE}: gadgetCard: permission set Gadget_Admin does not exist`,
    ]);
  });
});

describe('component access: static mutations', () => {
  const mutation =
    'mutation removeWidget($input: RecordDeleteInput!) { uiapi { Widget__cDelete(input: $input) { Id } } }';

  it('reports a write the writer may not do, and not for a reader who does not write there', () => {
    fixture.write(LIST, component([mutation]));
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): deletes Widget__c (query removeWidget) but the permission set does not allow delete on Widget__c`,
    ]);
    expect(
      messages(problems({ ...TABLE, widgetList: { users: ['Widget_User'], writers: [] } })),
    ).toEqual([]);
  });
});

describe('component access: uiRecordApi writes', () => {
  const writer = [
    "import { LightningElement } from 'lwc';",
    "import { createRecord, deleteRecord } from 'lightning/uiRecordApi';",
    "import WIDGET_OBJECT from '@salesforce/schema/Widget__c';",
    "import CODE_FIELD from '@salesforce/schema/Widget__c.Code__c';",
    "import COLOR_FIELD from '@salesforce/schema/Widget__c.Color__c';",
    'export default class WidgetList extends LightningElement {',
    '  add() {',
    '    const fields = { [CODE_FIELD.fieldApiName]: this.code };',
    '    fields[COLOR_FIELD.fieldApiName] = this.color;',
    '    return createRecord({ apiName: WIDGET_OBJECT.objectApiName, fields });',
    '  }',
    '  remove(id) {',
    '    return deleteRecord(id);',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reports a field its writer cannot edit and an object it cannot delete', () => {
    fixture.write(LIST, writer);
    expect(messages(problems())).toEqual([
      `${LIST}: widgetList (Widget_User): deletes Widget__c (deleteRecord, line 13) but the permission set does not allow delete on Widget__c`,
      `${LIST}: widgetList (Widget_User): sets Widget__c.Code__c (line 8) but the permission set does not make Widget__c.Code__c editable`,
      `${LIST}: widgetList (Widget_User): sets Widget__c.Color__c (line 9) but the permission set does not make Widget__c.Color__c editable`,
    ]);
  });

  it('passes once the writer may do it, and never asks it of a reader who does not write there', () => {
    fixture.write(LIST, writer);
    expect(
      messages(problems({ ...TABLE, widgetList: { users: ['Widget_User'], writers: [] } })),
    ).toEqual([]);
    fixture.write(
      `${D}/permissionsets/Widget_User.permissionset-meta.xml`,
      permissionSet(
        objectPermission('Widget__c').replace(
          '<allowDelete>false</allowDelete>',
          '<allowDelete>true</allowDelete>',
        ) +
          fieldPermission('Widget__c.Code__c') +
          fieldPermission('Widget__c.Color__c'),
      ),
    );
    expect(messages(problems())).toEqual([]);
  });
});

describe('component access: the real project', () => {
  const repo = path.resolve(__dirname, '../../..');
  let model: MetadataModel;
  beforeAll(() => {
    model = loadModel(repo);
  });

  it('every component reads only what the personas that open it can read', () => {
    expect(messages(checkComponentAccess(model))).toEqual([]);
  });

  it("reports the account team's signal query once its Segment_Demand_Score__c grant is gone", () => {
    const team = model.permissionSets.find((ps) => ps.name === 'Quorum_Account_Team');
    if (!team) throw new Error('Quorum_Account_Team is missing');
    const objectPermissions = team.node.objectPermissions as XmlNode[];
    const without: MetadataModel = {
      ...model,
      permissionSets: model.permissionSets.map((ps) =>
        ps === team
          ? {
              ...ps,
              node: {
                ...ps.node,
                objectPermissions: objectPermissions.filter(
                  (op) => !JSON.stringify(op.object).includes('"Segment_Demand_Score__c"'),
                ),
              },
            }
          : ps,
      ),
    };
    const found = messages(checkComponentAccess(without));
    expect(found).toContain(
      `${D}/lwc/escalatedRequests/queries.js: escalatedRequests (Quorum_Account_Team): reads Segment_Demand_Score__c.Rank__c (query themeSignals) but the permission set grants no read on Segment_Demand_Score__c`,
    );
    // One message per field the signal query reads, every one of them about that query.
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const message of found)
      expect(message).toMatch(
        /: escalatedRequests \(Quorum_Account_Team\): reads Segment_Demand_Score__c\.\w+ \(query themeSignals\) but the permission set grants no read on Segment_Demand_Score__c$/,
      );
  });

  it('reports a committee field the account team could no longer edit from the member row', () => {
    const strip = (ps: MetaDoc): MetaDoc => ({
      ...ps,
      node: {
        ...ps.node,
        fieldPermissions: (ps.node.fieldPermissions as XmlNode[]).map((fp) =>
          JSON.stringify(fp.field).includes('"Buying_Committee_Member__c.Notes__c"')
            ? { ...fp, editable: [{ '#text': 'false' }] }
            : fp,
        ),
      },
    });
    const without: MetadataModel = {
      ...model,
      permissionSets: model.permissionSets.map((ps) =>
        ps.name === 'Quorum_Account_Team' ? strip(ps) : ps,
      ),
    };
    expect(messages(checkComponentAccess(without))).toEqual([
      expect.stringMatching(
        /^force-app\/main\/default\/lwc\/committeeMember\/committeeMember\.js: committeeMember \(Quorum_Account_Team\): sets Buying_Committee_Member__c\.Notes__c \(line \d+\) but the permission set does not make Buying_Committee_Member__c\.Notes__c editable$/,
      ),
    ]);
  });

  it('lists every component that has a template, and only existing ones', () => {
    const withTemplate = [...model.lwc.values()]
      .filter((b) => model.files.some((f) => f.startsWith(`${b.folder}/`) && f.endsWith('.html')))
      .map((b) => b.name)
      .sort();
    expect(Object.keys(COMPONENT_USERS).sort()).toEqual(withTemplate);
  });
});
