/**
 * The UI API GraphQL endpoint (`POST graphql`), the one `lightning/graphql` talks to:
 * `uiapi { query { Obj(where, orderBy, first, after) { edges { node { Field { value } } }
 * pageInfo totalCount } } }`. Each object query is translated onto the emulator's SOQL engine, so
 * reads follow the same rules as `query` (field types, filterability, case-insensitive text).
 *
 * Checked against the org's schema the way an org checks it: an unknown object, field or
 * relationship (API names are case-sensitive here, as in GraphQL) is a validation error naming it.
 * Values from variables and literals never become query text as they are: each one is typed by its
 * field and written as a SOQL literal through `soqlString` / `likeString` (quotes and backslashes
 * escaped) or as a validated number, boolean, date or date-time.
 */
import {
  Kind,
  parse,
  type ArgumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Emulator } from '../emulator';
import { isNumeric, isTextual, type FieldDef, type ObjectDef } from '../schema/types';
import { compileQuery, runPlan } from '../soql/query';
import { RequestError } from '../store/errors';
import type { Row } from '../store/table';
import { parseDate, parseDateTime, toApi } from '../store/values';
import { json, parseJson, type ApiRequest, type ApiResponse } from './types';

/** A GraphQL error: the answer is `{ data: null, errors: [...] }` with HTTP 200, as an org's. */
export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly errorType = 'ValidationError',
  ) {
    super(message);
  }
}

const MAX_FIRST = 2000;
const DEFAULT_FIRST = 10;
const QUERY_ARGUMENTS = new Set(['where', 'orderBy', 'first', 'after', 'scope', 'upperBound']);

// Literals -----------------------------------------------------------------------------------

const SOQL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal for any text: every quote, backslash and control escaped. */
export function soqlString(text: string): string {
  return `'${text.replace(/[\\'\n\r\t\b\f]/g, (c) => SOQL_ESCAPES[c])}'`;
}

/** A quoted LIKE pattern: `\%` and `\_` stay escaped wildcards, everything else as soqlString. */
export function likeString(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
      out += `\\${pattern[++i]}`;
    } else out += SOQL_ESCAPES[c] ?? c;
  }
  return `'${out}'`;
}

const DATE_LITERAL =
  /^(YESTERDAY|TODAY|TOMORROW|(LAST|THIS|NEXT)_(WEEK|MONTH|YEAR|QUARTER)|LAST_90_DAYS|NEXT_90_DAYS)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value as a SOQL literal for `field`; anything of the wrong type is an error, never text. */
function literal(field: FieldDef, raw: Json, like = false): string {
  const wrong = () =>
    new GraphQLError(
      `Validation error: the value ${JSON.stringify(raw)} does not fit field ${field.name} (${field.type})`,
    );
  if (raw === null) return 'null';
  if (isTextual(field.type)) {
    if (typeof raw !== 'string') throw wrong();
    return like ? likeString(raw) : soqlString(raw);
  }
  if (isNumeric(field.type)) {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) throw wrong();
    return String(n);
  }
  if (field.type === 'boolean') {
    if (typeof raw !== 'boolean') throw wrong();
    return raw ? 'TRUE' : 'FALSE';
  }
  // Dates and date-times: `{ value: "..." }` or `{ literal: TODAY }`.
  if (!isObject(raw)) throw wrong();
  if (typeof raw.literal === 'string') {
    if (!DATE_LITERAL.test(raw.literal)) throw wrong();
    return raw.literal;
  }
  if (typeof raw.value !== 'string') throw wrong();
  if (field.type === 'date') {
    if (!parseDate(raw.value)) throw wrong();
    return raw.value;
  }
  const ms = parseDateTime(raw.value);
  if (ms === null) throw wrong();
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Schema checks ------------------------------------------------------------------------------

function undefinedField(name: string, type: string): GraphQLError {
  return new GraphQLError(
    `Validation error of type FieldUndefined: Field '${name}' in type '${type}' is undefined`,
  );
}

/** A field by its exact API name (GraphQL names are case-sensitive). */
function fieldOf(def: ObjectDef, name: string): FieldDef | undefined {
  const f = def.fieldMap.get(name.toLowerCase());
  return f && f.name === name ? f : undefined;
}

function relationshipOf(emu: Emulator, def: ObjectDef, name: string): ObjectDef | undefined {
  const ref = def.relationships.get(name.toLowerCase());
  if (!ref || ref.relationshipName !== name) return undefined;
  return emu.schema.find(ref.referenceTo[0]);
}

/**
 * A child relationship by its exact API name (`Criteria__r` on Segment__c): a custom lookup's
 * metadata names it without the `__r` suffix the API adds.
 */
function childRelationshipOf(emu: Emulator, def: ObjectDef, name: string) {
  return emu.schema.childRelationships(def).find((c) => {
    const custom = c.field.endsWith('__c');
    return (
      c.relationshipName !== null &&
      (custom ? `${c.relationshipName}__r` : c.relationshipName) === name
    );
  });
}

// Filters and ordering -----------------------------------------------------------------------

const COMPARISONS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  gt: '>',
  lte: '<=',
  gte: '>=',
  like: 'LIKE',
  in: 'IN',
  nin: 'NOT IN',
  includes: 'INCLUDES',
  excludes: 'EXCLUDES',
};

function comparison(path: string, field: FieldDef, ops: Json): string[] {
  if (!isObject(ops)) throw new GraphQLError(`Validation error: ${path} needs an operator object`);
  return Object.entries(ops).map(([op, value]) => {
    const soqlOp = COMPARISONS[op];
    if (!soqlOp) throw new GraphQLError(`Validation error: unknown operator '${op}' on ${path}`);
    if (op === 'in' || op === 'nin' || op === 'includes' || op === 'excludes') {
      if (!Array.isArray(value))
        throw new GraphQLError(`Validation error: '${op}' on ${path} needs a list`);
      if (value.length === 0) return op === 'nin' || op === 'excludes' ? 'TRUE' : 'FALSE';
      return `${path} ${soqlOp} (${value.map((v) => literal(field, v)).join(', ')})`;
    }
    if (op === 'like') return `${path} LIKE ${literal(field, value, true)}`;
    return `${path} ${soqlOp} ${literal(field, value)}`;
  });
}

/**
 * A where object as SOQL conditions. `TRUE`/`FALSE` mark empty lists (no SOQL for those), folded
 * away here so the text handed to the SOQL engine is always valid.
 */
function whereSoql(emu: Emulator, def: ObjectDef, where: Json, prefix = ''): string {
  if (!isObject(where)) throw new GraphQLError('Validation error: where must be an object');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value))
        throw new GraphQLError(`Validation error: '${key}' needs a list of filters`);
      const inner = value.map((v) => whereSoql(emu, def, v, prefix)).filter((s) => s !== '');
      if (inner.length > 0) parts.push(`(${inner.join(key === 'and' ? ' AND ' : ' OR ')})`);
    } else if (key === 'not') {
      // `NOT` right after `(` is not accepted by the SOQL parser, so the negation is written
      // after a condition that always holds (a record's Id is never null).
      const inner = whereSoql(emu, def, value, prefix);
      if (inner !== '') parts.push(`(Id != null AND NOT ${inner})`);
    } else {
      const field = fieldOf(def, key);
      if (field) {
        parts.push(...comparison(`${prefix}${field.name}`, field, value));
        continue;
      }
      const parent = relationshipOf(emu, def, key);
      if (!parent) throw undefinedField(key, `${def.name}_Filter`);
      const inner = whereSoql(emu, parent, value, `${prefix}${key}.`);
      if (inner !== '') parts.push(inner);
    }
  }
  return fold(parts);
}

/** Joins conditions with AND, folding the TRUE/FALSE of empty lists away. */
function fold(parts: string[]): string {
  const real = parts.filter((p) => p !== 'TRUE' && p !== '(TRUE)');
  if (real.some((p) => p === 'FALSE' || p === '(FALSE)')) return `(Id = null)`;
  return real.length === 0 ? '' : real.length === 1 ? real[0] : `(${real.join(' AND ')})`;
}

function orderSoql(emu: Emulator, def: ObjectDef, order: Json, prefix = ''): string[] {
  if (!isObject(order)) throw new GraphQLError('Validation error: orderBy must be an object');
  const out: string[] = [];
  for (const [key, value] of Object.entries(order)) {
    const field = fieldOf(def, key);
    if (field) {
      if (!isObject(value)) throw new GraphQLError(`Validation error: orderBy.${key} needs order`);
      const dir =
        value.order === 'DESC' ? 'DESC' : value.order === 'ASC' || !value.order ? 'ASC' : null;
      const nulls =
        value.nulls === 'LAST' ? ' NULLS LAST' : value.nulls === 'FIRST' ? ' NULLS FIRST' : '';
      if (!dir) throw new GraphQLError(`Validation error: order must be ASC or DESC`);
      out.push(`${prefix}${field.name} ${dir}${nulls}`);
      continue;
    }
    const parent = relationshipOf(emu, def, key);
    if (!parent) throw undefinedField(key, `${def.name}_OrderBy`);
    out.push(...orderSoql(emu, parent, value, `${prefix}${key}.`));
  }
  return out;
}

// Values from the document -------------------------------------------------------------------

function valueOf(node: ValueNode, variables: Record<string, Json>): Json {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? null;
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT: {
      const out: Record<string, Json> = {};
      for (const f of node.fields) out[f.name.value] = valueOf(f.value, variables);
      return out;
    }
  }
}

function fieldsOf(set: SelectionSetNode | undefined, where: string): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set?.selections ?? []) {
    if (sel.kind !== Kind.FIELD)
      throw new GraphQLError(`The emulator does not support fragments (in ${where})`);
    out.push(sel);
  }
  return out;
}

const keyOf = (node: FieldNode) => node.alias?.value ?? node.name.value;

// Selections → columns and rendered nodes ----------------------------------------------------

/** Checks a node selection against the schema; returns the SOQL columns it needs. */
function columnsOf(
  emu: Emulator,
  def: ObjectDef,
  set: SelectionSetNode | undefined,
  prefix = '',
): string[] {
  const cols: string[] = [];
  for (const sel of fieldsOf(set, def.name)) {
    const name = sel.name.value;
    if (name === '__typename') continue;
    if (name === 'Id') {
      cols.push(`${prefix}Id`);
      continue;
    }
    const field = fieldOf(def, name);
    if (field) {
      for (const sub of fieldsOf(sel.selectionSet, name)) {
        if (!['value', 'displayValue', 'label', 'format', '__typename'].includes(sub.name.value))
          throw undefinedField(sub.name.value, `${field.type}Value`);
      }
      if (!sel.selectionSet)
        throw new GraphQLError(
          `Validation error of type SubSelectionRequired: Sub selection required for type ${field.type}Value of field ${name}`,
        );
      cols.push(`${prefix}${field.name}`);
      continue;
    }
    const parent = relationshipOf(emu, def, name);
    if (!parent) {
      if (childRelationshipOf(emu, def, name)) continue; // read per row, see renderNode
      throw undefinedField(name, def.name);
    }
    cols.push(
      `${prefix}${name}.Id`,
      ...columnsOf(emu, parent, sel.selectionSet, `${prefix}${name}.`),
    );
  }
  return cols;
}

function displayOf(field: FieldDef, value: unknown): string | null {
  if (value === null) return null;
  if (field.type === 'picklist') {
    const entry = field.picklistValues.find((p) => p.value === value);
    return entry ? entry.label : String(value);
  }
  return null;
}

function renderNode(
  emu: Emulator,
  def: ObjectDef,
  row: Row,
  set: SelectionSetNode | undefined,
  variables: Record<string, Json>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sel of fieldsOf(set, def.name)) {
    const name = sel.name.value;
    if (name === '__typename') out[keyOf(sel)] = def.name;
    else if (name === 'Id') out[keyOf(sel)] = row.Id;
    else {
      const field = fieldOf(def, name);
      if (field) {
        const value = toApi(field, row[field.name] ?? null);
        const wrapped: Record<string, unknown> = {};
        for (const sub of fieldsOf(sel.selectionSet, name)) {
          const k = sub.name.value;
          wrapped[keyOf(sub)] =
            k === 'value'
              ? value
              : k === 'displayValue'
                ? displayOf(field, value)
                : k === 'label'
                  ? field.label
                  : k === '__typename'
                    ? `${field.type}Value`
                    : null;
        }
        out[keyOf(sel)] = wrapped;
        continue;
      }
      const child = childRelationshipOf(emu, def, name);
      if (child) {
        // A child relationship is a connection of its own, limited to this row's children.
        const childDef = emu.schema.find(child.childSObject)!;
        out[keyOf(sel)] = connection(
          emu,
          sel,
          variables,
          childDef,
          `${child.field} = ${soqlString(String(row.Id))}`,
        );
        continue;
      }
      const ref = def.relationships.get(name.toLowerCase())!;
      const parentDef = relationshipOf(emu, def, name)!;
      const id = row[ref.name];
      const parent =
        id === null ? undefined : emu.store.tables.get(parentDef.name)!.byId.get(id as string);
      out[keyOf(sel)] =
        parent && !parent.IsDeleted
          ? renderNode(emu, parentDef, parent, sel.selectionSet, variables)
          : null;
    }
  }
  return out;
}

// Connections --------------------------------------------------------------------------------

const cursorOf = (index: number) => Buffer.from(`v1:${index}`).toString('base64');

function offsetOf(after: Json): number {
  if (after === null || after === undefined) return 0;
  const m =
    typeof after === 'string' ? /^v1:(\d+)$/.exec(Buffer.from(after, 'base64').toString()) : null;
  if (!m) throw new GraphQLError(`Validation error: invalid cursor ${JSON.stringify(after)}`);
  return Number(m[1]) + 1;
}

function argsOf(node: FieldNode, variables: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const arg of node.arguments ?? ([] as readonly ArgumentNode[])) {
    if (!QUERY_ARGUMENTS.has(arg.name.value))
      throw new GraphQLError(
        `Validation error of type UnknownArgument: Unknown field argument ${arg.name.value} @ '${node.name.value}'`,
      );
    out[arg.name.value] = valueOf(arg.value, variables);
  }
  return out;
}

/** One `Obj(...) { edges pageInfo totalCount }` connection, run through the SOQL engine. */
function connection(
  emu: Emulator,
  node: FieldNode,
  variables: Record<string, Json>,
  child?: ObjectDef,
  parentCondition?: string,
): unknown {
  const def = child ?? emu.schema.find(node.name.value);
  if (!def || (!child && def.name !== node.name.value))
    throw undefinedField(node.name.value, 'RecordQuery');
  const args = argsOf(node, variables);
  const first = args.first ?? DEFAULT_FIRST;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_FIRST)
    throw new GraphQLError(`Validation error: first must be an integer from 1 to ${MAX_FIRST}`);
  const start = offsetOf(args.after ?? null);

  const parts = fieldsOf(node.selectionSet, def.name);
  const columns = new Set(['Id']);
  for (const part of parts) {
    const k = part.name.value;
    if (k === 'edges') {
      for (const e of fieldsOf(part.selectionSet, 'edges')) {
        if (e.name.value === 'node')
          columnsOf(emu, def, e.selectionSet).forEach((c) => columns.add(c));
        else if (e.name.value !== 'cursor' && e.name.value !== '__typename')
          throw undefinedField(e.name.value, `${def.name}Edge`);
      }
    } else if (!['pageInfo', 'totalCount', '__typename'].includes(k))
      throw undefinedField(k, `${def.name}Connection`);
  }
  const where = fold(
    [parentCondition ?? '', args.where ? whereSoql(emu, def, args.where) : ''].filter(Boolean),
  );
  const order = args.orderBy ? orderSoql(emu, def, args.orderBy) : [];
  const soql = [
    `SELECT ${[...columns].join(', ')} FROM ${def.name}`,
    where && `WHERE ${where}`,
    order.length > 0 && `ORDER BY ${order.join(', ')}`,
  ]
    .filter(Boolean)
    .join(' ');
  const rows = runPlan(emu.store, compileQuery(emu.store, soql), false);
  const page = rows.slice(start, start + first);

  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const k = part.name.value;
    if (k === 'totalCount') out[keyOf(part)] = rows.length;
    else if (k === '__typename') out[keyOf(part)] = `${def.name}Connection`;
    else if (k === 'pageInfo') {
      const info: Record<string, unknown> = {
        hasNextPage: start + first < rows.length,
        hasPreviousPage: start > 0,
        startCursor: page.length > 0 ? cursorOf(start) : null,
        endCursor: page.length > 0 ? cursorOf(start + page.length - 1) : null,
      };
      const picked: Record<string, unknown> = {};
      for (const f of fieldsOf(part.selectionSet, 'pageInfo')) {
        if (!(f.name.value in info)) throw undefinedField(f.name.value, 'PageInfo');
        picked[keyOf(f)] = info[f.name.value];
      }
      out[keyOf(part)] = picked;
    } else if (k === 'edges') {
      out[keyOf(part)] = page.map((row, i) => {
        const edge: Record<string, unknown> = {};
        for (const e of fieldsOf(part.selectionSet, 'edges')) {
          if (e.name.value === 'node')
            edge[keyOf(e)] = renderNode(emu, def, row, e.selectionSet, variables);
          else if (e.name.value === 'cursor') edge[keyOf(e)] = cursorOf(start + i);
          else edge[keyOf(e)] = `${def.name}Edge`;
        }
        return edge;
      });
    }
  }
  return out;
}

// Mutations ----------------------------------------------------------------------------------

const MUTATION = /^(\w+?)(Create|Update|Delete)$/;

/** Replaces `@{alias}` references (whole values) with the Id created by that operation. */
function resolveRefs(
  fields: Record<string, Json>,
  created: Map<string, string>,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(fields)) {
    const ref = typeof value === 'string' ? /^@\{(\w+)\}$/.exec(value) : null;
    if (ref && !created.has(ref[1]))
      throw new GraphQLError(
        `Validation error: ${key} refers to @{${ref[1]}}, which no earlier operation created`,
      );
    out[key] = ref ? created.get(ref[1])! : value;
  }
  return out;
}

function recordInput(input: Json, def: ObjectDef): Record<string, Json> {
  if (!isObject(input)) throw new GraphQLError(`Validation error: input is required`);
  const fields = input[def.name];
  if (fields === undefined) return {};
  if (!isObject(fields))
    throw new GraphQLError(`Validation error: input.${def.name} must be an object`);
  return fields;
}

/**
 * `mutation { uiapi(input: { allOrNone }) { a: ObjCreate(input) { Record { ... } }
 * b: ObjUpdate(input) { success } c: ObjDelete(input) { Id } } }`, applied in order through the
 * store's rules. With allOrNone (the default) one failure rolls every operation back and the
 * answer holds only errors; otherwise each failed operation answers null with its error.
 */
function runMutation(emu: Emulator, op: OperationDefinitionNode, variables: Record<string, Json>) {
  const [top, ...others] = fieldsOf(op.selectionSet, 'Mutation');
  if (!top || top.name.value !== 'uiapi' || others.length > 0)
    throw new GraphQLError('A mutation holds one uiapi field');
  const uiInput = argsOfMutation(top, variables).input;
  const allOrNone = !(isObject(uiInput) && uiInput.allOrNone === false);
  const errors: unknown[] = [];
  const created = new Map<string, string>();
  const data = emu.store.transaction(() => {
    const out: Record<string, unknown> = {};
    for (const sel of fieldsOf(top.selectionSet, 'UIAPIMutations')) {
      const m = MUTATION.exec(sel.name.value);
      const def = m ? emu.schema.find(m[1]) : undefined;
      if (!m || !def || def.name !== m[1]) throw undefinedField(sel.name.value, 'UIAPIMutations');
      const input = argsOfMutation(sel, variables).input;
      try {
        if (m[2] === 'Create') {
          const row = emu.store.create(def.name, resolveRefs(recordInput(input, def), created));
          created.set(keyOf(sel), String(row.Id));
          const record = fieldsOf(sel.selectionSet, `${def.name}CreatePayload`).find(
            (f) => f.name.value === 'Record',
          );
          out[keyOf(sel)] = {
            Record: record ? renderNode(emu, def, row, record.selectionSet, variables) : null,
          };
        } else {
          const id = isObject(input) && typeof input.Id === 'string' ? input.Id : null;
          if (!id) throw new GraphQLError(`Validation error: ${sel.name.value} needs input.Id`);
          if (m[2] === 'Update') {
            emu.store.update(def.name, id, resolveRefs(recordInput(input, def), created));
            out[keyOf(sel)] = { success: true };
          } else {
            emu.store.delete(id, def.name);
            out[keyOf(sel)] = { Id: id };
          }
        }
      } catch (err) {
        if (err instanceof GraphQLError) throw err;
        const message = err instanceof Error ? err.message : String(err);
        const code =
          (err as { statusCode?: string; errorCode?: string }).statusCode ??
          (err as { errorCode?: string }).errorCode;
        errors.push({
          message: `${keyOf(sel)}: ${message}`,
          locations: [],
          paths: ['uiapi', keyOf(sel)],
          extensions: { ErrorType: 'DataFetchingException', errorCode: code },
        });
        out[keyOf(sel)] = null;
        if (allOrNone) return { keep: false, value: null };
      }
    }
    return { keep: true, value: { uiapi: out } };
  });
  return { data, errors };
}

function argsOfMutation(node: FieldNode, variables: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const arg of node.arguments ?? []) out[arg.name.value] = valueOf(arg.value, variables);
  return out;
}

function operationOf(doc: ReturnType<typeof parse>, name: unknown): OperationDefinitionNode {
  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op =
    typeof name === 'string' && name !== ''
      ? ops.find((o) => o.name?.value === name)
      : ops.length === 1
        ? ops[0]
        : undefined;
  if (!op) throw new GraphQLError(`Unknown or ambiguous operation ${JSON.stringify(name ?? null)}`);
  return op;
}

function variablesOf(op: OperationDefinitionNode, given: unknown): Record<string, Json> {
  const supplied = (given && typeof given === 'object' ? given : {}) as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    out[name] =
      supplied[name] !== undefined
        ? supplied[name]
        : def.defaultValue
          ? valueOf(def.defaultValue, {})
          : null;
  }
  return out;
}

/** Runs one GraphQL document; the result is the `{ data, errors }` body. */
export function runGraphQL(
  emu: Emulator,
  body: Record<string, unknown>,
): { data: unknown; errors: unknown[] } {
  try {
    if (typeof body.query !== 'string') throw new GraphQLError('A "query" string is required');
    let doc;
    try {
      doc = parse(body.query);
    } catch (err) {
      throw new GraphQLError(`Invalid Syntax: ${(err as Error).message}`, 'InvalidSyntax');
    }
    const op = operationOf(doc, body.operationName);
    const variables = variablesOf(op, body.variables);
    if (op.operation === 'mutation') return runMutation(emu, op, variables);
    if (op.operation !== 'query')
      throw new GraphQLError(`The emulator answers queries and mutations, not ${op.operation}`);
    const data: Record<string, unknown> = {};
    for (const top of fieldsOf(op.selectionSet, 'Query')) {
      if (top.name.value !== 'uiapi') throw undefinedField(top.name.value, 'Query');
      const uiapi: Record<string, unknown> = {};
      for (const section of fieldsOf(top.selectionSet, 'uiapi')) {
        if (section.name.value !== 'query') throw undefinedField(section.name.value, 'UIAPI');
        const query: Record<string, unknown> = {};
        for (const obj of fieldsOf(section.selectionSet, 'RecordQuery'))
          query[keyOf(obj)] = connection(emu, obj, variables);
        uiapi[keyOf(section)] = query;
      }
      data[keyOf(top)] = uiapi;
    }
    return { data, errors: [] };
  } catch (err) {
    if (err instanceof GraphQLError)
      return {
        data: null,
        errors: [{ message: err.message, locations: [], extensions: { ErrorType: err.errorType } }],
      };
    if (err instanceof RequestError)
      return {
        data: null,
        errors: [
          {
            message: err.message,
            locations: [],
            extensions: { ErrorType: 'DataFetchingException', errorCode: err.errorCode },
          },
        ],
      };
    throw err;
  }
}

export function graphqlRoute(emu: Emulator, req: ApiRequest): ApiResponse | null {
  if (req.method !== 'POST' || req.segments.length !== 1) return null;
  const body = parseJson(req);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new RequestError(400, 'JSON_PARSER_ERROR', 'Expected a JSON object as the request body');
  return json(200, runGraphQL(emu, body as Record<string, unknown>));
}
