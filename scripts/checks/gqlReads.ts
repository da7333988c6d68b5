/**
 * What a component's UI API GraphQL documents touch: every object and field a `gql` query
 * selects, filters (`where`) or sorts by (`orderBy`), relationships followed to their targets,
 * and the objects a static mutation creates, updates or deletes. Pure: source text in, accesses
 * out, resolved against the metadata model (no org).
 */
import {
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type ObjectValueNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { MetadataModel } from './model';
import { objectExists, resolveField, type ResolvedField } from './resolve';
import { STANDARD_OBJECTS } from './standard';

/** One `gql` tagged template found in a source file. */
export interface GqlDocument {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export type WriteKind = 'create' | 'edit' | 'delete';

/** Something a document needs: read on an object, read on a field, or a write on an object. */
export type GqlAccess =
  | { readonly kind: 'object'; readonly object: string }
  | { readonly kind: 'field'; readonly field: ResolvedField }
  | { readonly kind: 'write'; readonly object: string; readonly write: WriteKind };

export interface GqlReads {
  /** The operation's name (`query themeSignals` → themeSignals), or "an unnamed query". */
  readonly name: string;
  readonly accesses: GqlAccess[];
  /** What could not be resolved against the metadata (a wrong name is a problem too). */
  readonly errors: string[];
}

const GQL_TEMPLATE = /\bgql\s*`([^`]*)`/g;

/** Every gql`…` template of a source file, with the line it starts on. */
export function findGqlDocuments(file: string, source: string): GqlDocument[] {
  const found: GqlDocument[] = [];
  for (const match of source.matchAll(GQL_TEMPLATE)) {
    const index = match.index ?? 0;
    found.push({ file, line: source.slice(0, index).split('\n').length, text: match[1] });
  }
  return found;
}

/** Keys of a `where` object that combine conditions rather than name a field. */
const FILTER_COMBINATORS = new Set(['and', 'or', 'not']);
/** Selections on a connection that are not records. */
const CONNECTION_META = new Set(['totalCount', 'pageInfo', '__typename']);

/** The lookup behind a parent relationship (`Segment__r` → Segment__c, `Owner` → OwnerId). */
function parentLookup(
  model: MetadataModel,
  object: string,
  relationship: string,
): ResolvedField | undefined {
  if (relationship.endsWith('__r')) {
    const lookup = resolveField(model, object, relationship.replace(/__r$/, '__c'));
    return lookup?.referenceTo ? lookup : undefined;
  }
  const byId = resolveField(model, object, `${relationship}Id`);
  if (byId?.referenceTo) return byId;
  const std = Object.entries(STANDARD_OBJECTS[object] ?? {}).find(
    ([, f]) => f.relationship === relationship,
  );
  return std ? resolveField(model, object, std[0]) : undefined;
}

/** The child object of a child relationship (`Criteria__r` on Segment__c → Segment_Criterion__c). */
function childObject(
  model: MetadataModel,
  object: string,
  relationship: string,
): string | undefined {
  if (!relationship.endsWith('__r')) return undefined;
  const name = relationship.replace(/__r$/, '');
  for (const child of model.objects.values())
    for (const field of child.fields.values())
      if (field.referenceTo === object && field.relationshipName === name) return child.name;
  return undefined;
}

class Walker {
  readonly accesses: GqlAccess[] = [];
  readonly errors: string[] = [];

  constructor(
    private readonly model: MetadataModel,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  private readObject(object: string): boolean {
    if (!objectExists(this.model, object)) {
      this.errors.push(`object ${object} does not exist`);
      return false;
    }
    this.accesses.push({ kind: 'object', object });
    return true;
  }

  private readField(field: ResolvedField): void {
    this.accesses.push({ kind: 'field', field });
  }

  /** Fields of a selection set, fragments spread in place. */
  private fieldsOf(set: SelectionSetNode | undefined): FieldNode[] {
    const out: FieldNode[] = [];
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        out.push(...this.fieldsOf(selection.selectionSet));
      else {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment) out.push(...this.fieldsOf(fragment.selectionSet));
        else this.errors.push(`fragment ${selection.name.value} is not defined`);
      }
    }
    return out;
  }

  /** `Object(where:…, orderBy:…) { edges { node { … } } totalCount }` */
  connection(object: string, field: FieldNode): void {
    if (!this.readObject(object)) return;
    for (const arg of field.arguments ?? []) {
      if (arg.name.value === 'where' || arg.name.value === 'orderBy')
        this.filter(object, arg.value);
    }
    for (const part of this.fieldsOf(field.selectionSet)) {
      if (CONNECTION_META.has(part.name.value)) continue;
      if (part.name.value !== 'edges') {
        this.errors.push(`${object}: unexpected ${part.name.value} on a connection`);
        continue;
      }
      for (const edge of this.fieldsOf(part.selectionSet)) {
        if (edge.name.value === 'node') this.record(object, edge.selectionSet);
        else if (edge.name.value !== 'cursor' && edge.name.value !== '__typename')
          this.errors.push(`${object}: unexpected ${edge.name.value} on an edge`);
      }
    }
  }

  /** A record's selections: fields, parent relationships (a record) and child relationships (a connection). */
  record(object: string, set: SelectionSetNode | undefined): void {
    for (const field of this.fieldsOf(set)) {
      const name = field.name.value;
      if (name === '__typename' || name === 'Id') continue;
      const resolved = resolveField(this.model, object, name);
      if (resolved) {
        this.readField(resolved);
        continue;
      }
      const lookup = parentLookup(this.model, object, name);
      if (lookup?.referenceTo) {
        this.readField(lookup);
        if (this.readObject(lookup.referenceTo))
          this.record(lookup.referenceTo, field.selectionSet);
        continue;
      }
      const child = childObject(this.model, object, name);
      if (child) {
        this.connection(child, field);
        continue;
      }
      this.errors.push(`${object} has no field or relationship ${name}`);
    }
  }

  /** A static `where` or `orderBy` object: the fields it names are read too. Variables are not static. */
  filter(object: string, value: ValueNode): void {
    if (value.kind === Kind.LIST) {
      for (const item of value.values) this.filter(object, item);
      return;
    }
    if (value.kind !== Kind.OBJECT) return;
    for (const entry of (value as ObjectValueNode).fields) {
      const key = entry.name.value;
      if (FILTER_COMBINATORS.has(key)) {
        this.filter(object, entry.value);
        continue;
      }
      if (key === 'Id') continue;
      const resolved = resolveField(this.model, object, key);
      if (resolved) {
        this.readField(resolved);
        continue;
      }
      const lookup = parentLookup(this.model, object, key);
      if (lookup?.referenceTo) {
        this.readField(lookup);
        if (this.readObject(lookup.referenceTo)) this.filter(lookup.referenceTo, entry.value);
        continue;
      }
      this.errors.push(`${object} has no field or relationship ${key} (in a filter or sort)`);
    }
  }

  /** `uiapi { XCreate(input:…) { Record { … } } XUpdate … XDelete … }` */
  mutation(field: FieldNode): void {
    const m = /^(.+?)(Create|Update|Delete)$/.exec(field.name.value);
    if (!m) {
      this.errors.push(
        `mutation field ${field.name.value} is not <Object>Create, Update or Delete`,
      );
      return;
    }
    const object = m[1];
    if (!objectExists(this.model, object)) {
      this.errors.push(`object ${object} does not exist`);
      return;
    }
    const write: WriteKind = m[2] === 'Create' ? 'create' : m[2] === 'Update' ? 'edit' : 'delete';
    this.accesses.push({ kind: 'write', object, write });
    for (const part of this.fieldsOf(field.selectionSet))
      if (part.name.value === 'Record') {
        this.readObject(object);
        this.record(object, part.selectionSet);
      }
  }
}

/** Resolves one document's operations against the metadata. */
export function readsOf(model: MetadataModel, text: string): GqlReads[] {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return [
      {
        name: 'a document',
        accesses: [],
        errors: [`is not valid GraphQL (${(error as Error).message})`],
      },
    ];
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const out: GqlReads[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const walker = new Walker(model, fragments);
    const name = def.name?.value ?? `an unnamed ${def.operation}`;
    const top = def.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    for (const uiapi of top) {
      if (uiapi.name.value !== 'uiapi') {
        walker.errors.push(`${uiapi.name.value} is not uiapi`);
        continue;
      }
      const inner = uiapi.selectionSet?.selections ?? [];
      for (const sel of inner) {
        if (sel.kind !== Kind.FIELD) continue;
        if (def.operation === 'mutation') walker.mutation(sel);
        else if (sel.name.value === 'query')
          for (const objectField of sel.selectionSet?.selections ?? [])
            if (objectField.kind === Kind.FIELD)
              walker.connection(objectField.name.value, objectField);
        // uiapi { objectInfos / relatedListByName … } read metadata, not records: nothing to grant.
      }
    }
    out.push({ name, accesses: walker.accesses, errors: walker.errors });
  }
  return out;
}
