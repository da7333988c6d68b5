/**
 * The record writes a component's source makes visible through `@salesforce/schema` imports:
 *
 * - objects: `createRecord({ apiName: OBJECT.objectApiName … })` creates, `createOp`, `updateOp`,
 *   `deleteOp(OBJECT.objectApiName …)` (c/recordMutations) create, edit, delete; `updateRecord` and
 *   `deleteRecord` edit and delete the object of the record-input keys in the call, or else the
 *   one object the file imports (a file importing several, with no key in the call, is skipped);
 * - fields: a record input's computed key `{ [FIELD.fieldApiName]: value }` or
 *   `fields[FIELD.fieldApiName] = value` sets that field.
 *
 * What the code names otherwise (a map of field names, `fieldApiName`s collected in a list) is
 * not visible to this reading: such fields are not checked.
 */
import type { MetadataModel } from './model';
import { objectExists, resolveField, type ResolvedField } from './resolve';
import type { WriteKind } from './gqlReads';

export interface ObjectWrite {
  readonly object: string;
  readonly write: WriteKind;
  readonly line: number;
  readonly how: string;
}

export interface FieldWrite {
  readonly field: ResolvedField;
  readonly line: number;
}

export interface StaticWrites {
  readonly objects: ObjectWrite[];
  readonly fields: FieldWrite[];
}

const SCHEMA_IMPORT = /import\s+(\w+)\s+from\s+['"]@salesforce\/schema\/([\w.]+)['"]/g;
const CREATE_RECORD = /\bcreateRecord\(\s*\{\s*apiName:\s*(\w+)\.objectApiName/g;
const OPERATION = /\b(createOp|updateOp|deleteOp)\(\s*(\w+)\.objectApiName/g;
const UPDATE_OR_DELETE = /\b(updateRecord|deleteRecord)\(/g;
const COMPUTED_KEY = /(?:^|[\s{,(])\[\s*(\w+)\.fieldApiName\s*\]\s*:/g;
const INDEX_ASSIGNMENT = /\w\[\s*(\w+)\.fieldApiName\s*\]\s*=(?!=)/g;

const OPERATION_KINDS: Readonly<Record<string, WriteKind>> = {
  createOp: 'create',
  updateOp: 'edit',
  deleteOp: 'delete',
};

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** The writes one source file makes visible. */
export function writesOf(model: MetadataModel, source: string): StaticWrites {
  const objectImports = new Map<string, string>();
  const fieldImports = new Map<string, ResolvedField>();
  for (const m of source.matchAll(SCHEMA_IMPORT)) {
    const parts = m[2].split('.');
    if (parts.length === 1 && objectExists(model, parts[0])) objectImports.set(m[1], parts[0]);
    else if (parts.length === 2) {
      const field = resolveField(model, parts[0], parts[1]);
      if (field) fieldImports.set(m[1], field);
    }
  }
  const objects: ObjectWrite[] = [];
  for (const m of source.matchAll(CREATE_RECORD)) {
    const object = objectImports.get(m[1]);
    if (object)
      objects.push({ object, write: 'create', line: lineAt(source, m.index), how: 'createRecord' });
  }
  for (const m of source.matchAll(OPERATION)) {
    const object = objectImports.get(m[2]);
    if (object)
      objects.push({
        object,
        write: OPERATION_KINDS[m[1]],
        line: lineAt(source, m.index),
        how: m[1],
      });
  }
  const onlyObject = objectImports.size === 1 ? [...objectImports.values()][0] : undefined;
  for (const m of source.matchAll(UPDATE_OR_DELETE)) {
    // The call's own text, up to its closing parenthesis on a balanced count.
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < source.length; end += 1) {
      if (source[end] === '(') depth += 1;
      else if (source[end] === ')' && --depth === 0) break;
    }
    const call = source.slice(m.index, end);
    const keyed = [...call.matchAll(COMPUTED_KEY)]
      .map((k) => fieldImports.get(k[1])?.object)
      .find((o): o is string => o !== undefined);
    const object = keyed ?? onlyObject;
    if (object)
      objects.push({
        object,
        write: m[1] === 'updateRecord' ? 'edit' : 'delete',
        line: lineAt(source, m.index),
        how: m[1],
      });
  }
  const fields: FieldWrite[] = [];
  for (const pattern of [COMPUTED_KEY, INDEX_ASSIGNMENT])
    for (const m of source.matchAll(pattern)) {
      const field = fieldImports.get(m[1]);
      if (field) fields.push({ field, line: lineAt(source, m.index + m[0].indexOf('[')) });
    }
  return { objects, fields };
}
