import { checkTranslations, loadModel, type Problem } from '..';
import { D, makeProject, picklistField, xml, type Fixture } from './fixture';

const T = `${D}/objectTranslations/Widget__c-zh_CN`;

const objectTranslation = (body = '') =>
  xml(
    'CustomObjectTranslation',
    `<caseValues><plural>false</plural><value>小部件</value></caseValues><caseValues><plural>true</plural><value>小部件</value></caseValues>${body}<nameFieldLabel>名称</nameFieldLabel>`,
  );
const fieldTranslation = (name: string, body = '') =>
  xml('CustomFieldTranslation', `<label>标签</label><name>${name}</name>${body}`);
const value = (master: string, translation = '译文') =>
  `<picklistValues><masterLabel>${master}</masterLabel><translation>${translation}</translation></picklistValues>`;

/** A complete zh_CN translation of the fixture's Widget__c (Code__c, Account__c, Color__c). */
function writeComplete(fixture: Fixture): void {
  fixture.write(`${T}/Widget__c-zh_CN.objectTranslation-meta.xml`, objectTranslation());
  fixture.write(`${T}/fields/Code__c.fieldTranslation-meta.xml`, fieldTranslation('Code__c'));
  fixture.write(
    `${T}/fields/Account__c.fieldTranslation-meta.xml`,
    fieldTranslation('Account__c', '<relationshipLabel>小部件</relationshipLabel>'),
  );
  fixture.write(
    `${T}/fields/Color__c.fieldTranslation-meta.xml`,
    fieldTranslation('Color__c', value('Red', '红') + value('Blue', '蓝')),
  );
}

describe('translation checks', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = makeProject();
  });
  afterEach(() => fixture.cleanup());
  const problems = (): Problem[] => checkTranslations(loadModel(fixture.root));
  const messages = () => problems().map((p) => `${p.file}: ${p.message}`);

  it('accept a complete object translation', () => {
    writeComplete(fixture);
    expect(messages()).toEqual([]);
  });

  it('report a field, a picklist value or an object that does not exist', () => {
    writeComplete(fixture);
    fixture.write(`${T}/fields/Gone__c.fieldTranslation-meta.xml`, fieldTranslation('Gone__c'));
    fixture.write(
      `${T}/fields/Color__c.fieldTranslation-meta.xml`,
      fieldTranslation('Color__c', value('Red') + value('Blue') + value('Green')),
    );
    fixture.write(
      `${D}/objectTranslations/Gadget__c-zh_CN/Gadget__c-zh_CN.objectTranslation-meta.xml`,
      objectTranslation(),
    );
    const all = messages();
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Gone__c.fieldTranslation-meta.xml: translates Widget__c.Gone__c, which does not exist/,
        ),
        expect.stringMatching(
          /Color__c.fieldTranslation-meta.xml: translates picklist value "Green", which Widget__c.Color__c does not have/,
        ),
        expect.stringMatching(/Gadget__c-zh_CN: translates object Gadget__c, which does not exist/),
      ]),
    );
  });

  it('report what is left untranslated: a new field, a new picklist value, the plural label', () => {
    writeComplete(fixture);
    fixture.write(
      `${D}/objects/Widget__c/fields/Size__c.field-meta.xml`,
      picklistField('Size__c', ['Small']),
    );
    fixture.write(
      `${D}/objects/Widget__c/fields/Color__c.field-meta.xml`,
      picklistField('Color__c', ['Red', 'Blue', 'Green']),
    );
    fixture.write(
      `${T}/Widget__c-zh_CN.objectTranslation-meta.xml`,
      xml(
        'CustomObjectTranslation',
        '<caseValues><plural>false</plural><value>小部件</value></caseValues><nameFieldLabel>名称</nameFieldLabel>',
      ),
    );
    const all = messages();
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Widget__c.Size__c has no zh_CN translation/),
        expect.stringMatching(/picklist value "Green" of Widget__c.Color__c is not translated/),
        expect.stringMatching(/has no plural label/),
      ]),
    );
  });

  it('report a relationship label on a field that is not a lookup, and a name that does not match the file', () => {
    writeComplete(fixture);
    fixture.write(
      `${T}/fields/Code__c.fieldTranslation-meta.xml`,
      fieldTranslation('Color__c', '<relationshipLabel>x</relationshipLabel>'),
    );
    const all = messages();
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/<name> is Color__c but the file is for Code__c/),
        expect.stringMatching(
          /has a relationshipLabel, but Widget__c.Code__c is a Text, not a lookup/,
        ),
      ]),
    );
  });

  it('report custom labels and tabs a Translations file names but the project lacks', () => {
    fixture.write(
      `${D}/labels/CustomLabels.labels-meta.xml`,
      xml(
        'CustomLabels',
        '<labels><fullName>Hello</fullName><language>en_US</language><protected>false</protected><shortDescription>Hello</shortDescription><value>Hello</value></labels>',
      ),
    );
    fixture.write(
      `${D}/translations/zh_CN.translation-meta.xml`,
      xml(
        'Translations',
        '<customLabels><label>你好</label><name>Hello</name></customLabels><customLabels><label>再见</label><name>Bye</name></customLabels><customTabs><label>标签</label><name>Nowhere</name></customTabs>',
      ),
    );
    const all = messages();
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/translates custom label Bye, which does not exist/),
        expect.stringMatching(/translates tab Nowhere, which does not exist/),
      ]),
    );
    expect(all.some((m) => /custom label Hello/.test(m))).toBe(false);
  });
});

describe('the real zh_CN translations', () => {
  it('cover every object, field, picklist value and page tab of force-app, and name nothing missing', () => {
    const root = `${__dirname}/../../..`;
    const model = loadModel(root);
    expect(checkTranslations(model).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    const folders = new Set(
      model.files
        .map((f) => /objectTranslations\/([^/]+)-zh_CN\//.exec(f)?.[1])
        .filter((x): x is string => Boolean(x)),
    );
    expect([...model.objects.keys()].filter((o) => !folders.has(o))).toEqual([]);
  });
});
