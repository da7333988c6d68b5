import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { D, makeProject, textField, xml } from './fixture';

const repo = path.resolve(__dirname, '../../..');
const run = (root: string) =>
  spawnSync(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      path.join(repo, 'scripts/check-metadata.ts'),
      '--root',
      root,
      '--skip-conversion',
    ],
    {
      encoding: 'utf8',
    },
  );

describe('npm run check:metadata (CLI)', () => {
  it('exits 1 and names each file and problem', () => {
    const fixture = makeProject();
    try {
      fixture.write(
        `${D}/objects/Widget__c/fields/Size__c.field-meta.xml`,
        xml('CustomField', '<fullName>Size__c</fullName><label>Size</label><type>Number</type>'),
      );
      fixture.write(
        `${D}/objects/Widget__c/fields/Code__c.field-meta.xml`,
        textField('Code__c').replace('</CustomField>', ''),
      );
      const result = run(fixture.root);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `${D}/objects/Widget__c/fields/Size__c.field-meta.xml: Number field needs <precision> and <scale>`,
      );
      expect(result.stderr).toContain(
        `${D}/objects/Widget__c/fields/Code__c.field-meta.xml: is not well-formed XML`,
      );
      expect(result.stderr).toMatch(/check-metadata: \d+ problem\(s\)/);
    } finally {
      fixture.cleanup();
    }
  }, 90_000); // a tsx process: 19.3 s measured on a loaded 2-core machine, so 3x margin
});
