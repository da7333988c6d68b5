/**
 * WHERE clauses. soql-parser-js gives a right-leaning chain with parenthesis counts instead of a
 * tree, so the chain is flattened back into tokens and re-parsed with SOQL's rules (NOT binds
 * tightest; mixing AND and OR without parentheses is a MALFORMED_QUERY, as in an org).
 */
import type { Condition, WhereClause } from 'soql-parser-js';
import type { FieldDef, ObjectDef } from '../schema/types';
import { RequestError } from '../store/errors';
import { normalizeId } from '../store/ids';
import type { QuerySource } from './source';
import type { Row } from '../store/table';
import { parseDate, parseDateTime, type Value } from '../store/values';
import { dateLiteralRange, dateToMs } from './dates';
import { resolvePath } from './fields';

export type Predicate = (row: Row) => boolean;

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | Condition;

export function malformed(message: string): RequestError {
  return new RequestError(400, 'MALFORMED_QUERY', message);
}

type Node = { left: unknown; operator?: string; right?: unknown };

function flatten(where: WhereClause | undefined, out: Token[]): void {
  const node = where as unknown as Node | undefined;
  if (!node) return;
  const left = node.left as (Condition & { openParen?: number; closeParen?: number }) | null;
  if (node.operator === 'NOT' && !left) {
    out.push('NOT');
  } else if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
    out.push(left);
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
    if (node.operator === 'AND' || node.operator === 'OR') out.push(node.operator);
  }
  if (node.right) flatten(node.right as WhereClause, out);
}

type Kind = 'text' | 'number' | 'boolean' | 'date' | 'datetime';

function kindOf(f: FieldDef): Kind {
  switch (f.type) {
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'text';
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** The text of a quoted literal; `keepLike` leaves `\%` and `\_` escaped for LIKE patterns. */
function unquote(raw: string, keepLike = false): string {
  return raw
    .slice(1, -1)
    .replace(/\\(.)/g, (m, c: string) =>
      keepLike && (c === '%' || c === '_') ? m : (ESCAPES[c] ?? c),
    );
}

/** One literal, typed for the field; a bound is a number (ms) or a date range. */
type Lit = { value: Value } | { range: [number, number] };

function literal(store: QuerySource, f: FieldDef, raw: string, type: string): Lit {
  const kind = kindOf(f);
  const wrongType = () =>
    new RequestError(
      400,
      'INVALID_FIELD',
      `value of filter criterion for field '${f.name}' must be of type ${f.type === 'datetime' ? 'dateTime' : f.type} and should not be enclosed in quotes`,
    );
  if (type === 'NULL') return { value: null };
  switch (type) {
    case 'STRING': {
      if (kind !== 'text') throw wrongType();
      const s = unquote(raw);
      if (f.type === 'id' || f.type === 'reference')
        return { value: (normalizeId(s) ?? s).toLowerCase() };
      return { value: s.toLowerCase() };
    }
    case 'INTEGER':
    case 'DECIMAL':
      if (kind !== 'number') throw wrongType();
      return { value: Number(raw) };
    case 'BOOLEAN':
      if (kind !== 'boolean') throw wrongType();
      return { value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      if (kind === 'date' && parseDate(raw)) return { value: raw };
      throw wrongType();
    case 'DATETIME': {
      const ms = parseDateTime(raw);
      if (kind === 'datetime' && ms !== null) return { value: ms };
      if (kind === 'date' && ms !== null) throw wrongType();
      throw wrongType();
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (kind !== 'date' && kind !== 'datetime') throw wrongType();
      const range = dateLiteralRange(raw, store.clock());
      if (!range) throw malformed(`The emulator does not support the date literal ${raw}`);
      return { range };
    }
    default:
      throw malformed(`The emulator does not support ${type} literals (${raw})`);
  }
}

function likeRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length)
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

function compileCondition(store: QuerySource, def: ObjectDef, c: Condition): Predicate {
  const cond = c as unknown as {
    field?: string;
    fn?: unknown;
    valueQuery?: unknown;
    operator?: string;
    literalType?: string | string[];
    value?: string | string[];
  };
  if (cond.valueQuery)
    throw malformed(
      'The emulator does not support semi-join subqueries in WHERE (IN (SELECT ...))',
    );
  if (!cond.field)
    throw malformed('The emulator supports only plain field conditions in WHERE (no functions)');
  const path = resolvePath(store, def, cond.field);
  const f = path.field;
  if (f.type === 'textarea' && f.length > 255) {
    throw new RequestError(
      400,
      'INVALID_FIELD',
      `field '${f.name}' can not be filtered in a query call`,
    );
  }
  const kind = kindOf(f);
  const op = String(cond.operator).toUpperCase();
  if (op === 'LIKE' && kind !== 'text') {
    throw new RequestError(
      400,
      'INVALID_FIELD',
      `invalid operator on field ${f.name}: LIKE applies to text fields only`,
    );
  }
  const values = Array.isArray(cond.value) ? cond.value : [cond.value ?? ''];
  const types = Array.isArray(cond.literalType)
    ? cond.literalType
    : values.map(() => String(cond.literalType));
  const lits = values.map((v, i) => literal(store, f, v, types[i] ?? types[0]));
  // Internal value → comparable (text lower-cased, dates as strings, datetimes as ms).
  const norm = (v: Value): Value =>
    v === null ? null : kind === 'text' ? String(v).toLowerCase() : v;
  const get = path.get;
  const asMs = (v: Value): number => (kind === 'date' ? dateToMs(v as string) : (v as number));

  const compare = (v: Value, lit: Lit, o: string): boolean => {
    if ('range' in lit) {
      if (v === null) return o === '!=';
      const ms = asMs(v);
      const [start, end] = lit.range;
      switch (o) {
        case '=':
          return ms >= start && ms < end;
        case '!=':
          return ms < start || ms >= end;
        case '<':
          return ms < start;
        case '<=':
          return ms < end;
        case '>':
          return ms >= end;
        case '>=':
          return ms >= start;
      }
      return false;
    }
    const l = lit.value;
    if (o === '=') return v === l;
    if (o === '!=') return v !== l;
    if (v === null || l === null) return false;
    if (kind === 'boolean') throw malformed(`invalid operator on boolean field ${f.name}: ${o}`);
    switch (o) {
      case '<':
        return v < l;
      case '<=':
        return v <= l;
      case '>':
        return v > l;
      case '>=':
        return v >= l;
    }
    return false;
  };

  switch (op) {
    case '=':
    case '!=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const o = op === '<>' ? '!=' : op;
      const lit = lits[0];
      return (row) => compare(norm(get(row)), lit, o);
    }
    case 'IN':
    case 'NOT IN': {
      const set = new Set(lits.map((l) => ('value' in l ? l.value : null)));
      if (lits.some((l) => 'range' in l))
        throw malformed('Date literals are not supported inside IN lists by the emulator');
      return op === 'IN' ? (row) => set.has(norm(get(row))) : (row) => !set.has(norm(get(row)));
    }
    case 'LIKE': {
      const re = likeRegex(unquote(values[0], true));
      return (row) => {
        const v = get(row);
        return v !== null && re.test(String(v));
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      if (f.type !== 'multipicklist')
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `${op} applies to multi-select picklists only; ${f.name} is not one`,
        );
      const wanted = lits.map((l) =>
        String('value' in l ? l.value : '')
          .split(';')
          .map((s) => s.trim()),
      );
      const includes = (row: Row) => {
        const v = get(row);
        if (v === null) return false;
        const have = new Set(String(v).toLowerCase().split(';'));
        return wanted.some((all) => all.every((w) => have.has(w)));
      };
      return op === 'INCLUDES' ? includes : (row) => !includes(row);
    }
    default:
      throw malformed(`The emulator does not support the operator ${op}`);
  }
}

export function compileWhere(
  store: QuerySource,
  def: ObjectDef,
  where: WhereClause | undefined,
): Predicate | null {
  if (!where) return null;
  const tokens: Token[] = [];
  flatten(where, tokens);
  let pos = 0;
  const peek = () => tokens[pos];

  const factor = (): Predicate => {
    const t = tokens[pos++];
    if (t === 'NOT') {
      const inner = factor();
      return (row) => !inner(row);
    }
    if (t === '(') {
      const inner = expr();
      if (tokens[pos++] !== ')') throw malformed('unbalanced parentheses in WHERE');
      return inner;
    }
    if (t === undefined || typeof t === 'string')
      throw malformed(`unexpected ${String(t ?? 'end of WHERE')} in WHERE`);
    return compileCondition(store, def, t);
  };

  const expr = (): Predicate => {
    const items = [factor()];
    let op: string | null = null;
    while (peek() === 'AND' || peek() === 'OR') {
      const next = tokens[pos++] as string;
      if (op && op !== next)
        throw malformed(
          'unexpected token: mixing AND and OR without parentheses is not allowed in SOQL',
        );
      op = next;
      items.push(factor());
    }
    if (items.length === 1) return items[0];
    return op === 'AND' ? (row) => items.every((p) => p(row)) : (row) => items.some((p) => p(row));
  };

  const pred = expr();
  if (pos !== tokens.length) throw malformed('unexpected tokens at the end of WHERE');
  return pred;
}
