/**
 * SOQL → plan → matching rows. The subset a service issues is evaluated; anything outside it is
 * a MALFORMED_QUERY naming the unsupported part, never a silently wrong answer.
 */
import { parseQuery, type Query } from 'soql-parser-js';
import type { ObjectDef } from '../schema/types';
import { RequestError } from '../store/errors';
import type { QuerySource } from './source';
import type { Row } from '../store/table';
import { toApi, formatDateTime, type Value } from '../store/values';
import { resolvePath, type FieldPath } from './fields';
import { compileWhere, malformed, type Predicate } from './where';

export interface OrderItem {
  get: (row: Row) => Value;
  desc: boolean;
  nullsLast: boolean;
  text: boolean;
}

export interface Plan {
  def: ObjectDef;
  columns: FieldPath[];
  where: Predicate | null;
  /** ORDER BY items; rows are sorted on keys computed once per row. */
  order: OrderItem[];
  limit: number | null;
  offset: number;
  countOnly: boolean;
}

const UNSUPPORTED_CLAUSES: Array<[keyof Query | string, string]> = [
  ['groupBy', 'GROUP BY'],
  ['having', 'HAVING'],
  ['for', 'FOR VIEW/REFERENCE/UPDATE'],
  ['update', 'UPDATE TRACKING/VIEWSTAT'],
  ['usingScope', 'USING SCOPE'],
  ['withDataCategory', 'WITH DATA CATEGORY'],
];

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql) as Query;
  } catch (err) {
    throw malformed(`unexpected token in query: ${(err as Error).message.split('\n')[0]}`);
  }
}

export function compileQuery(store: QuerySource, soql: string): Plan {
  if (typeof soql !== 'string' || soql.trim() === '')
    throw malformed('A query string is required (q=SELECT ... FROM ...)');
  const q = parseSoql(soql) as Query & Record<string, unknown>;
  for (const [key, label] of UNSUPPORTED_CLAUSES) {
    if (q[key] !== undefined && q[key] !== null)
      throw malformed(`The emulator does not support ${label}`);
  }
  const def = store.schema.find(q.sObject ?? '');
  if (!def) {
    throw new RequestError(
      400,
      'INVALID_TYPE',
      `sObject type '${q.sObject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  let countOnly = false;
  const columns: FieldPath[] = [];
  const seen = new Set<string>();
  for (const field of q.fields ?? []) {
    const fd = field as {
      type: string;
      field?: string;
      relationships?: string[];
      functionName?: string;
      parameters?: unknown[];
      alias?: string;
    };
    if (
      fd.type === 'FieldFunctionExpression' &&
      fd.functionName?.toUpperCase() === 'COUNT' &&
      (fd.parameters ?? []).length === 0
    ) {
      countOnly = true;
      continue;
    }
    if (fd.type === 'FieldSubquery')
      throw malformed('The emulator does not support child relationship subqueries in SELECT');
    if (fd.type === 'FieldTypeof') throw malformed('The emulator does not support TYPEOF');
    if (fd.type === 'FieldFunctionExpression')
      throw malformed(
        `The emulator does not support the function ${fd.functionName}() in SELECT (only COUNT())`,
      );
    if (fd.alias) throw malformed('The emulator does not support field aliases');
    const dotted =
      fd.type === 'FieldRelationship'
        ? [...(fd.relationships ?? []), fd.field].join('.')
        : String(fd.field);
    const path = resolvePath(store, def, dotted);
    const key = path.names.join('.').toLowerCase();
    if (seen.has(key))
      throw new RequestError(
        400,
        'INVALID_FIELD',
        `duplicate field selected: ${path.names.join('.')}`,
      );
    seen.add(key);
    columns.push(path);
  }
  if (countOnly && columns.length > 0)
    throw malformed('COUNT() must be the only element in the SELECT list');
  const where = compileWhere(store, def, q.where);
  let order: OrderItem[] = [];
  if (q.orderBy) {
    order = (Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy]).map((o) => {
      const ob = o as { field?: string; fn?: unknown; order?: string; nulls?: string };
      if (!ob.field) throw malformed('The emulator supports ORDER BY on fields only');
      const path = resolvePath(store, def, ob.field);
      if (
        path.field.type === 'multipicklist' ||
        (path.field.type === 'textarea' && path.field.length > 255)
      ) {
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `field '${path.field.name}' can not be sorted in a query call`,
        );
      }
      const desc = ob.order?.toUpperCase() === 'DESC';
      // Salesforce sorts nulls first unless told otherwise.
      const nullsLast = ob.nulls ? ob.nulls.toUpperCase() === 'LAST' : false;
      const text = !['int', 'double', 'currency', 'percent', 'boolean', 'datetime'].includes(
        path.field.type,
      );
      return { get: path.get, desc, nullsLast, text };
    });
  }
  const offset = q.offset ?? 0;
  if (offset > 2000)
    throw new RequestError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `Maximum SOQL offset allowed is 2000`,
    );
  return { def, columns, where, order, limit: q.limit ?? null, offset, countOnly };
}

/** Sorts on keys computed once per row (text lower-cased once), stable for ties. */
function sortRows(rows: Row[], order: OrderItem[]): Row[] {
  const keyed = rows.map((row) => ({
    row,
    keys: order.map((o) => {
      const v = o.get(row);
      return v !== null && o.text ? String(v).toLowerCase() : v;
    }),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const va = a.keys[i];
      const vb = b.keys[i];
      if (va === vb) continue;
      const o = order[i];
      if (va === null) return o.nullsLast ? 1 : -1;
      if (vb === null) return o.nullsLast ? -1 : 1;
      const c = va < vb ? -1 : 1;
      return o.desc ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}

/** Rows matching a plan, in result order (deleted rows only with `all`). */
export function runPlan(store: QuerySource, plan: Plan, all: boolean): Row[] {
  const rows = store.tables.get(plan.def.name)!.rows;
  const where = plan.where;
  let out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.IsDeleted && !all) continue;
    if (where && !where(row)) continue;
    out.push(row);
  }
  if (plan.order.length > 0) out = sortRows(out, plan.order);
  if (plan.offset > 0 || plan.limit !== null) {
    out = out.slice(plan.offset, plan.limit === null ? undefined : plan.offset + plan.limit);
  }
  return out;
}

/** Renders a row as REST returns it: selected fields in order, parents nested, null when blank. */
export function renderRecord(plan: Plan, row: Row, version: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: {
      type: plan.def.name,
      url: `/services/data/v${version}/sobjects/${plan.def.name}/${row.Id}`,
    },
  };
  for (const col of plan.columns) {
    let target = out;
    let broken = false;
    for (let depth = 0; depth < col.hops.length; depth++) {
      const rel = col.names[depth];
      if (target[rel] === null) {
        broken = true;
        break;
      }
      if (target[rel] === undefined) {
        const parent = col.parent(row, depth + 1);
        if (!parent) {
          target[rel] = null;
          broken = true;
          break;
        }
        const type = col.hops[depth].target.name;
        target[rel] = {
          attributes: { type, url: `/services/data/v${version}/sobjects/${type}/${parent.Id}` },
        };
      }
      target = target[rel] as Record<string, unknown>;
    }
    if (!broken) target[col.field.name] = toApi(col.field, col.get(row));
  }
  return out;
}

/** A CSV cell as Bulk API 2.0 writes it (datetimes in UTC with Z, blanks empty). */
export function csvCell(col: FieldPath, row: Row): string {
  const v = col.get(row);
  if (v === null) return '';
  if (col.field.type === 'datetime') return formatDateTime(v as number).replace('+0000', 'Z');
  return String(v);
}
