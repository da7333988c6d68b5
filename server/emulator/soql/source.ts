/**
 * What the SOQL engine reads: the schema, each object's rows (with an Id index) and the org's
 * clock. The store implements it; soql never imports the store, so the two do not depend on each
 * other in a cycle.
 */
import type { ObjectDef } from '../schema/types';
import type { Row } from '../store/table';

export interface QuerySource {
  readonly schema: { find(name: string): ObjectDef | undefined };
  readonly tables: ReadonlyMap<string, { readonly rows: Row[]; readonly byId: Map<string, Row> }>;
  clock(): number;
}
