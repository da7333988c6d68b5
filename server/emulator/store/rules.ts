/**
 * The org's record rules: fields it computes itself (compound names, opportunity stage flags)
 * and the checks every write passes (length, restricted picklist, required, reference, unique).
 */
import type { FieldDef, ObjectDef } from '../schema/types';
import { OPPORTUNITY_STAGES } from '../schema/standard';
import { DmlError } from './errors';
import { normalizeId } from './ids';

/** What the rules read of the store: the schema by key prefix and each object's Id index. */
export interface RuleSource {
  readonly schema: { byKeyPrefix(id: string): ObjectDef | undefined };
  readonly tables: ReadonlyMap<string, { readonly byId: Map<string, Row> }>;
}
import type { Row, Table } from './table';

const STAGES = new Map(OPPORTUNITY_STAGES.map((s) => [s.name, s]));

/** Fields an org computes itself. */
export function deriveFields(def: ObjectDef, row: Row): void {
  if (def.name === 'Contact' || def.name === 'User') {
    row.Name = [row.FirstName, row.LastName].filter((p) => p !== null && p !== '').join(' ');
  } else if (def.name === 'Opportunity') {
    const stage = STAGES.get(row.StageName as string);
    row.IsClosed = stage?.closed ?? false;
    row.IsWon = stage?.won ?? false;
    if (row.Probability === null && stage) row.Probability = stage.probability;
  }
}

export function validateRow(store: RuleSource, table: Table, row: Row, previous: Row | null): void {
  const def = table.def;
  const missing: string[] = [];
  for (const f of def.fields) {
    const v = row[f.name];
    if (previous && v === previous[f.name] && f.type !== 'reference') continue;
    if (v === null || v === '') {
      if (!f.nillable && f.createable && !f.defaultedOnCreate) missing.push(f.name);
      continue;
    }
    if (
      typeof v === 'string' &&
      f.length > 0 &&
      f.type !== 'reference' &&
      f.type !== 'id' &&
      v.length > f.length
    ) {
      throw new DmlError(
        'STRING_TOO_LONG',
        `${f.label}: data value too large: ${v.slice(0, 40)}${v.length > 40 ? '...' : ''} (max length=${f.length})`,
        [f.name],
      );
    }
    if (f.restrictedPicklist && (f.type === 'picklist' || f.type === 'multipicklist')) {
      const parts = f.type === 'multipicklist' ? String(v).split(';') : [String(v)];
      const bad = parts.find((p) => !f.picklistValues.some((pv) => pv.value === p));
      if (bad !== undefined) {
        throw new DmlError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${f.label}: bad value for restricted picklist field: ${bad}`,
          [f.name],
        );
      }
    }
    if (f.type === 'reference' && (!previous || v !== previous[f.name]))
      checkReference(store, f, v as string);
  }
  if (missing.length > 0)
    throw new DmlError(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing,
    );
  for (const f of table.uniqueFields) {
    const other = table.findUnique(f, row[f.name]);
    if (other && other !== previous && other.Id !== row.Id) {
      throw new DmlError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${f.name} duplicates value on record with id: ${other.Id}`,
        [],
      );
    }
  }
}

function checkReference(store: RuleSource, f: FieldDef, value: string): void {
  const norm = normalizeId(value);
  const target = norm ? store.schema.byKeyPrefix(norm) : undefined;
  if (!norm || !target || !f.referenceTo.includes(target.name)) {
    throw new DmlError(
      'FIELD_INTEGRITY_EXCEPTION',
      `${f.label}: id value of incorrect type: ${value}`,
      [f.name],
    );
  }
  const row = store.tables.get(target.name)!.byId.get(norm);
  if (!row)
    throw new DmlError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [f.name]);
  if (row.IsDeleted) throw new DmlError('ENTITY_IS_DELETED', 'entity is deleted', [f.name]);
}
