/** Report audiences can read what Quorum's report types show. */
import { Grants } from './grants';
import type { MetadataModel } from './model';
import { loadReporting } from './reportingModel';
import { resolveReportType } from './reportTypes';
import { OBJECTS_WITHOUT_PERMISSIONS } from './standard';
import type { Problem } from './types';

/** Permission sets whose users run Quorum's reports: they need read access to what they show. */
export const REPORT_AUDIENCE = ['Quorum_Product_Manager', 'Quorum_Sales_Ops'] as const;

/**
 * The people who run the reports can read what the report types show: every object (base,
 * joined, reached through a lookup) and every field under field-level security.
 */
export function checkReportAccess(
  model: MetadataModel,
  reporting = loadReporting(model),
  audience: readonly string[] = REPORT_AUDIENCE,
): Problem[] {
  const problems: Problem[] = [];
  const types = reporting.reportTypes.map((doc) => resolveReportType(model, doc));
  for (const name of audience) {
    const ps = model.permissionSets.find((p) => p.name === name);
    if (!ps) {
      if (types.length > 0)
        problems.push({
          check: 'reportaccess',
          file: 'force-app/main/default/permissionsets',
          message: `permission set ${name}, whose users run the reports, is missing`,
        });
      continue;
    }
    const grants = new Grants(ps);
    for (const type of types) {
      const missing = new Set<string>();
      const objects = new Set(type.tables.values());
      for (const column of type.columns.values()) {
        for (const f of column.path) {
          objects.add(f.object);
          if (f.referenceTo) objects.add(f.referenceTo);
          if (f.permissionable && !grants.canReadField(f.object, f.name))
            missing.add(`field ${f.object}.${f.name}`);
        }
      }
      for (const object of objects)
        if (!OBJECTS_WITHOUT_PERMISSIONS.has(object) && !grants.can(object, 'allowRead'))
          missing.add(`object ${object}`);
      for (const what of [...missing].sort())
        problems.push({
          check: 'reportaccess',
          file: ps.file,
          message: `report type ${type.doc.name} shows ${what}, which ${name} cannot read`,
        });
    }
  }
  return problems;
}
