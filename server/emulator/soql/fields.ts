/**
 * Field paths in SOQL (`Name`, `Account__r.Industry`, `Opportunity.Account.Name`): resolved once
 * against the schema into getters that hop through parent references at evaluation time.
 */
import type { FieldDef, ObjectDef } from '../schema/types';
import { RequestError } from '../store/errors';
import type { QuerySource } from './source';
import type { Row } from '../store/table';
import type { Value } from '../store/values';

export interface Hop {
  field: FieldDef; // the reference field on the current object
  target: ObjectDef;
}

export interface FieldPath {
  /** Canonical names, e.g. ['Account__r', 'Industry']. */
  names: string[];
  hops: Hop[];
  field: FieldDef;
  owner: ObjectDef;
  get(row: Row): Value;
  /** The parent row reached after `depth` hops (null when a reference is blank). */
  parent(row: Row, depth: number): Row | null;
}

export function invalidField(name: string, def: ObjectDef): RequestError {
  return new RequestError(
    400,
    'INVALID_FIELD',
    `No such column '${name}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function resolvePath(store: QuerySource, root: ObjectDef, dotted: string): FieldPath {
  const parts = dotted.split('.');
  const hops: Hop[] = [];
  let def = root;
  for (const part of parts.slice(0, -1)) {
    const ref = def.relationships.get(part.toLowerCase());
    if (!ref) {
      throw new RequestError(
        400,
        'INVALID_FIELD',
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    const target = store.schema.find(ref.referenceTo[0])!;
    hops.push({ field: ref, target });
    def = target;
  }
  const last = parts[parts.length - 1];
  const field = def.fieldMap.get(last.toLowerCase());
  if (!field) throw invalidField(last, def);
  const tables = hops.map((h) => store.tables.get(h.target.name)!);
  const parent = (row: Row, depth: number): Row | null => {
    let cur: Row | undefined = row;
    for (let i = 0; i < depth; i++) {
      const id = cur[hops[i].field.name];
      if (id === null) return null;
      cur = tables[i].byId.get(id as string);
      if (!cur) return null;
    }
    return cur;
  };
  const name = field.name;
  const get =
    hops.length === 0
      ? (row: Row) => row[name]
      : (row: Row) => {
          const p = parent(row, hops.length);
          return p ? p[name] : null;
        };
  return {
    names: [...hops.map((h) => h.field.relationshipName!), field.name],
    hops,
    field,
    owner: def,
    get,
    parent,
  };
}
