/** What a permission set grants, for the checks that ask whether a persona can read or write. */
import type { MetaDoc } from './model';
import { isCustomName } from './resolve';
import { OBJECTS_WITHOUT_PERMISSIONS } from './standard';
import { children, text } from './xml';

const OBJECT_FLAGS = [
  'allowRead',
  'allowCreate',
  'allowEdit',
  'allowDelete',
  'viewAllRecords',
  'modifyAllRecords',
];

/**
 * What one permission set grants: its objects' permission flags (allowRead, allowEdit,
 * viewAllRecords …) and its readable and editable fields, read once from its XML. The access
 * checks (components, reports, the service's user) ask it instead of walking the XML.
 */
export class Grants {
  private readonly objects = new Map<string, Set<string>>();
  private readonly readableFields = new Set<string>();
  private readonly editableFields = new Set<string>();

  constructor(ps: MetaDoc) {
    for (const op of children(ps.node, 'objectPermissions')) {
      const flags = new Set<string>();
      for (const tag of OBJECT_FLAGS) if (text(op, tag) === 'true') flags.add(tag);
      this.objects.set(text(op, 'object') ?? '', flags);
    }
    for (const fp of children(ps.node, 'fieldPermissions')) {
      const field = text(fp, 'field') ?? '';
      if (text(fp, 'readable') === 'true') this.readableFields.add(field);
      if (text(fp, 'editable') === 'true') this.editableFields.add(field);
    }
  }

  /**
   * Standard objects (Account, Opportunity, Contact, User …) are readable through the org's
   * standard profiles, which every Quorum user has; custom permission sets need not repeat them.
   */
  canReadObject(object: string): boolean {
    if (OBJECTS_WITHOUT_PERMISSIONS.has(object) || !isCustomName(object)) return true;
    return this.objects.get(object)?.has('allowRead') ?? false;
  }

  can(object: string, flag: string): boolean {
    return this.objects.get(object)?.has(flag) ?? false;
  }

  canReadField(object: string, field: string): boolean {
    return this.readableFields.has(`${object}.${field}`);
  }

  canEditField(object: string, field: string): boolean {
    return this.editableFields.has(`${object}.${field}`);
  }
}
