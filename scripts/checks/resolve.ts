import type { MetadataModel } from './model';
import { CUSTOM_OBJECT_SYSTEM_FIELDS, STANDARD_OBJECTS } from './standard';
import { text, children } from './xml';

export interface ResolvedField {
  readonly object: string;
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  /** Field-level security applies (may appear in a permission set). */
  readonly permissionable: boolean;
  readonly referenceTo?: string;
  readonly source: 'metadata' | 'standard' | 'system' | 'name';
  readonly file?: string;
}

export function isCustomName(name: string): boolean {
  return /__(c|mdt|e|x|b)$/.test(name);
}

/** The object exists: a custom object with an object file, or a known standard object. */
export function objectExists(model: MetadataModel, object: string): boolean {
  if (isCustomName(object)) return model.objects.get(object)?.doc !== undefined;
  return object in STANDARD_OBJECTS;
}

/** Looks a field up in the metadata, the custom object's system fields or the standard list. */
export function resolveField(
  model: MetadataModel,
  object: string,
  field: string,
): ResolvedField | undefined {
  const meta = model.objects.get(object);
  const custom = meta?.fields.get(field);
  if (custom) {
    return {
      object,
      name: field,
      type: custom.type ?? '',
      required: custom.required || custom.type === 'MasterDetail',
      permissionable: !custom.required && custom.type !== 'MasterDetail',
      referenceTo: custom.referenceTo,
      source: 'metadata',
      file: custom.file,
    };
  }
  if (isCustomName(object)) {
    if (!meta?.doc) return undefined;
    if (field === 'Name') {
      const nameField = children(meta.doc.node, 'nameField')[0];
      if (!nameField) return undefined;
      return {
        object,
        name: field,
        type: text(nameField, 'type') ?? 'Text',
        required: true,
        permissionable: false,
        source: 'name',
        file: meta.doc.file,
      };
    }
    const sys = CUSTOM_OBJECT_SYSTEM_FIELDS[field];
    if (!sys) return undefined;
    const isOwner = field === 'OwnerId';
    if (isOwner && text(meta.doc.node, 'sharingModel') === 'ControlledByParent') return undefined;
    return {
      object,
      name: field,
      type: sys.type,
      required: false,
      permissionable: false,
      referenceTo: sys.referenceTo,
      source: 'system',
    };
  }
  const std = STANDARD_OBJECTS[object]?.[field];
  if (!std) return undefined;
  return {
    object,
    name: field,
    type: std.type,
    required: std.required ?? false,
    permissionable: std.permissionable !== false && !std.required,
    referenceTo: std.referenceTo,
    source: 'standard',
  };
}

/**
 * Resolves a field path as LWC schema imports and flexipages use it: `Field`, or
 * `Lookup__r.Field`, `Owner.Name` (relationships followed to the target object).
 * Returns the field at the end of the path, or a message saying which step fails.
 */
export function resolvePath(
  model: MetadataModel,
  object: string,
  fieldPath: string,
): { ok: true; field: ResolvedField } | { ok: false; message: string } {
  const steps = fieldPath.split('.');
  let current = object;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const step = steps[i];
    let lookup: ResolvedField | undefined;
    if (step.endsWith('__r')) {
      lookup = resolveField(model, current, step.replace(/__r$/, '__c'));
    } else {
      lookup = resolveField(model, current, `${step}Id`);
      if (!lookup) {
        const std = Object.entries(STANDARD_OBJECTS[current] ?? {}).find(
          ([, f]) => f.relationship === step,
        );
        if (std) lookup = resolveField(model, current, std[0]);
      }
    }
    if (!lookup || !lookup.referenceTo) {
      return { ok: false, message: `${current} has no relationship ${step}` };
    }
    current = lookup.referenceTo;
    if (!objectExists(model, current)) {
      return {
        ok: false,
        message: `relationship ${step} points to ${current}, which is neither in force-app nor a known standard object`,
      };
    }
  }
  const last = steps[steps.length - 1];
  const field = resolveField(model, current, last);
  if (!field) return { ok: false, message: `field ${current}.${last} does not exist` };
  return { ok: true, field };
}
