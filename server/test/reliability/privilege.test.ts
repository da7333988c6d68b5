/**
 * Item 11 of the reliability issue, read from the metadata an admin deploys: who can edit an
 * escalated request, and no Modify All where View All plus edit suffices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, printFigures } from './support';

const ROOT = join(__dirname, '../../../force-app/main/default');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function objectPermissions(set: string): Record<string, Record<string, boolean>> {
  const xml = read(`permissionsets/${set}.permissionset-meta.xml`);
  const out: Record<string, Record<string, boolean>> = {};
  for (const [, block] of xml.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)) {
    const flags: Record<string, boolean> = {};
    for (const [, tag, value] of block.matchAll(/<(\w+)>(true|false)<\/\1>/g))
      flags[tag] = value === 'true';
    out[/<object>(\w+)<\/object>/.exec(block)?.[1] ?? '?'] = flags;
  }
  return out;
}

afterAll(printFigures);

it('item 11: requests are edited by their owners (and triage through a group), never by every account team member', () => {
  const request = read('objects/Escalated_Request__c/Escalated_Request__c.object-meta.xml');
  const team = objectPermissions('Quorum_Account_Team').Escalated_Request__c;
  const integration = objectPermissions('Quorum_Integration');
  const rules = read('sharingRules/Escalated_Request__c.sharingRules-meta.xml');
  const checks = {
    'requests Public Read Only': /<sharingModel>Read<\/sharingModel>/.test(request),
    'account team: no View All / Modify All on requests':
      !team.viewAllRecords && !team.modifyAllRecords,
    'integration: no Modify All anywhere': Object.values(integration).every(
      (p) => !p.modifyAllRecords,
    ),
    'triage and service edit through sharing rules':
      /<group>Quorum_Triage<\/group>/.test(rules) && /<group>Quorum_Service<\/group>/.test(rules),
  };
  const held = Object.values(checks).filter(Boolean).length;
  figure('11 least privilege in metadata', Object.keys(checks).length, held);
  expect(checks).toEqual(Object.fromEntries(Object.keys(checks).map((k) => [k, true])));
});
