/** The org's schema: standard objects plus force-app's custom objects, looked up case-insensitively. */
import { loadCustomObjects, MetadataError } from './metadata';
import { standardObjects } from './standard';
import type { FieldDef, ObjectDef } from './types';

export class Schema {
  readonly objects: ObjectDef[];
  private readonly byName = new Map<string, ObjectDef>();
  private readonly byPrefix = new Map<string, ObjectDef>();

  constructor(objects: ObjectDef[]) {
    this.objects = objects;
    for (const obj of objects) {
      this.byName.set(obj.name.toLowerCase(), obj);
      this.byPrefix.set(obj.keyPrefix, obj);
    }
    for (const obj of objects) {
      for (const field of obj.fields) {
        for (const target of field.referenceTo) {
          if (!this.byName.has(target.toLowerCase())) {
            throw new MetadataError(
              `${obj.name}.${field.name} refers to ${target}, which is neither a built-in standard object nor in force-app`,
            );
          }
        }
      }
    }
  }

  static load(metadataDir: string): Schema {
    return new Schema([...standardObjects(), ...loadCustomObjects(metadataDir)]);
  }

  find(name: string): ObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  byKeyPrefix(id: string): ObjectDef | undefined {
    return this.byPrefix.get(id.slice(0, 3));
  }

  field(obj: ObjectDef, name: string): FieldDef | undefined {
    return obj.fieldMap.get(name.toLowerCase());
  }

  /** Reference fields of other objects that point at `obj` (child relationships for describe). */
  childRelationships(obj: ObjectDef): Array<{
    childSObject: string;
    field: string;
    relationshipName: string | null;
    cascadeDelete: boolean;
  }> {
    const out = [];
    for (const other of this.objects) {
      for (const field of other.fields) {
        if (
          field.referenceTo.includes(obj.name) &&
          !['CreatedById', 'LastModifiedById'].includes(field.name)
        ) {
          out.push({
            childSObject: other.name,
            field: field.name,
            relationshipName: field.childRelationshipName,
            cascadeDelete: field.cascadeDelete,
          });
        }
      }
    }
    return out;
  }
}
