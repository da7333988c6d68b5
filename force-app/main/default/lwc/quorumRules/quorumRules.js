/**
 * Quorum segment rules: the one grammar and evaluator for segment criteria and filter logic,
 * shared by the Lightning components (live validation and preview) and the service (segment
 * membership). Plain ES module, no LWC imports, so both Node and the platform can load it.
 *
 * Semantics follow Salesforce report filters where they are defined:
 * - text and picklist comparisons are case-insensitive;
 * - `in` / `not in` take a comma-separated list (each value trimmed);
 * - null, undefined and '' are blank; comparisons (equals, less than, ...) on a blank value are
 *   false, while the negative operators (not equal to, does not contain, not in) are true on a
 *   blank value, as "Industry not equal to Banking" also lists accounts without an industry;
 * - filter logic mixing AND and OR at one level without parentheses is an error.
 */

/** @typedef {'text'|'picklist'|'number'|'date'|'datetime'|'boolean'} FieldKind */
/** @typedef {{type:'ref', n:number}|{type:'not', expr:LogicNode}|{type:'and'|'or', items:LogicNode[]}} LogicNode */
/** @typedef {{Number__c?: number|string|null, Field__c?: string|null, Operator__c?: string|null, Value__c?: string|null}} Criterion */
/** @typedef {{Filter_Logic__c?: string|null, Name?: string|null}} SegmentRecord */

/**
 * Segment__c.Status__c, which the service writes after compiling a segment's rule: Invalid means
 * the rule could not be used, so no account is in the segment.
 */
export const SEGMENT_STATUS = Object.freeze({ VALID: 'Valid', INVALID: 'Invalid' });

/** The criterion operators, in the order the Operator__c picklist lists them. */
export const OPERATORS = Object.freeze(
  /** @type {const} */ ([
    'equals',
    'not equal to',
    'less than',
    'greater than',
    'less or equal',
    'greater or equal',
    'contains',
    'does not contain',
    'starts with',
    'in',
    'not in',
    'is blank',
    'is not blank',
  ]),
);

const TYPE_MAP = {
  string: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  id: 'text',
  reference: 'text',
  combobox: 'text',
  encryptedstring: 'text',
  picklist: 'picklist',
  multipicklist: 'picklist',
  double: 'number',
  int: 'number',
  integer: 'number',
  long: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
};

/**
 * Normalises a field type from REST describe (`double`, `multipicklist`, ...) or UI API
 * `dataType` (`Double`, `DateTime`, ...) to a rule kind; null when rules can't use the type.
 * @param {string|null|undefined} type
 * @returns {FieldKind|null}
 */
export function normalizeFieldType(type) {
  if (typeof type !== 'string') return null;
  return TYPE_MAP[type.trim().toLowerCase()] || null;
}

const COMPARISONS = ['less than', 'greater than', 'less or equal', 'greater or equal'];
const TEXTUAL = ['contains', 'does not contain', 'starts with'];
const BASE = ['equals', 'not equal to'];
const LISTS = ['in', 'not in'];
const BLANKS = ['is blank', 'is not blank'];

const OPERATORS_BY_KIND = {
  text: [...BASE, ...TEXTUAL, ...LISTS, ...BLANKS],
  picklist: [...BASE, ...TEXTUAL, ...LISTS, ...BLANKS],
  number: [...BASE, ...COMPARISONS, ...LISTS, ...BLANKS],
  date: [...BASE, ...COMPARISONS, ...LISTS, ...BLANKS],
  datetime: [...BASE, ...COMPARISONS, ...LISTS, ...BLANKS],
  // A checkbox is never blank in Salesforce.
  boolean: [...BASE],
};

/**
 * The operators that fit a field kind, in the order of OPERATORS.
 * @param {FieldKind|string} kind
 * @returns {string[]}
 */
export function operatorsForType(kind) {
  const allowed = OPERATORS_BY_KIND[kind] || [];
  return OPERATORS.filter((op) => allowed.includes(op));
}

// ---------------------------------------------------------------------------------------------
// Filter logic
// ---------------------------------------------------------------------------------------------

const KEYWORDS = { and: 'AND', or: 'OR', not: 'NOT' };

function tokenize(logic) {
  const tokens = [];
  const re = /\s*(?:(\d+)|(\()|(\))|([A-Za-z]+)|(\S))/gy;
  let m;
  while (re.lastIndex < logic.length && (m = re.exec(logic)) !== null) {
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), text: m[1], start });
    else if (m[2] !== undefined) tokens.push({ kind: '(', text: '(', start });
    else if (m[3] !== undefined) tokens.push({ kind: ')', text: ')', start });
    else if (m[4] !== undefined) {
      const kw = KEYWORDS[m[4].toLowerCase()];
      if (!kw)
        return {
          error: `Filter logic: '${m[4]}' is not allowed; use criterion numbers, AND, OR, NOT and parentheses`,
        };
      tokens.push({ kind: kw, text: kw, start });
    } else if (m[5] !== undefined) {
      return {
        error: `Filter logic: '${m[5]}' is not allowed; use criterion numbers, AND, OR, NOT and parentheses`,
      };
    } else break; // trailing whitespace
  }
  return { tokens };
}

class LogicError extends Error {}

function parseTokens(tokens, source) {
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message) => {
    throw new LogicError(`Filter logic: ${message}`);
  };
  const before = () => (pos > 0 ? `after '${tokens[pos - 1].text}'` : 'at the start');

  function parseOperand() {
    const tok = peek();
    if (!tok) fail(`expected a criterion number ${before()}, but the logic ends there`);
    if (tok.kind === 'NOT') {
      pos++;
      return { type: 'not', expr: parseOperand() };
    }
    if (tok.kind === 'num') {
      pos++;
      return { type: 'ref', n: tok.value };
    }
    if (tok.kind === '(') {
      pos++;
      const open = tok;
      const expr = parseExpr();
      const close = peek();
      if (!close || close.kind !== ')') {
        const inner = source.slice(open.start + 1, close ? close.start : source.length).trim();
        fail(`missing closing parenthesis after '${inner}'`);
      }
      pos++;
      return expr;
    }
    return fail(`expected a criterion number ${before()}, found '${tok.text}'`);
  }

  function parseExpr() {
    const startPos = pos;
    const first = parseOperand();
    const items = [first];
    let op = null;
    while (peek() && (peek().kind === 'AND' || peek().kind === 'OR')) {
      const tok = peek();
      if (op && tok.kind !== op) {
        pos++;
        parseOperand();
        const last = tokens[pos - 1];
        const fragment = source.slice(tokens[startPos].start, last.start + last.text.length);
        fail(
          `'${fragment}' mixes AND and OR without parentheses; add parentheses to say which comes first, e.g. '1 AND (2 OR 3)'`,
        );
      }
      op = tok.kind;
      pos++;
      items.push(parseOperand());
    }
    const next = peek();
    if (next && next.kind !== ')') {
      fail(`expected AND or OR before '${next.text}'`);
    }
    return op ? { type: op === 'AND' ? 'and' : 'or', items } : first;
  }

  const ast = parseExpr();
  if (pos < tokens.length) {
    fail(`'${tokens[pos].text}' has no matching opening parenthesis`);
  }
  return ast;
}

function collectRefs(ast, out) {
  if (ast.type === 'ref') out.add(ast.n);
  else if (ast.type === 'not') collectRefs(ast.expr, out);
  else ast.items.forEach((item) => collectRefs(item, out));
  return out;
}

/**
 * Parses Salesforce-style filter logic (`1 AND (2 OR NOT 3)`; AND, OR and NOT in any case).
 * Blank logic means all criteria AND-ed. Every criterion number must be used, and the logic may
 * only mention existing criterion numbers.
 * @param {string|null|undefined} logic
 * @param {number[]} numbers the criterion numbers of the segment
 * @returns {{ok:true, ast:LogicNode}|{ok:false, message:string}}
 */
export function parseFilterLogic(logic, numbers) {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const text = typeof logic === 'string' ? logic.trim() : '';
  if (text === '') {
    if (sorted.length === 1) return { ok: true, ast: { type: 'ref', n: sorted[0] } };
    return { ok: true, ast: { type: 'and', items: sorted.map((n) => ({ type: 'ref', n })) } };
  }
  const lexed = tokenize(text);
  if (lexed.error) return { ok: false, message: lexed.error };
  let ast;
  try {
    ast = parseTokens(lexed.tokens, text);
  } catch (e) {
    if (e instanceof LogicError) return { ok: false, message: e.message };
    throw e;
  }
  const used = collectRefs(ast, new Set());
  const missing = [...used].filter((n) => !sorted.includes(n)).sort((a, b) => a - b);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Filter logic mentions ${missing[0]}, but there is no criterion ${missing[0]}`,
    };
  }
  const unused = sorted.filter((n) => !used.has(n));
  if (unused.length > 0) {
    return { ok: false, message: `Criterion ${unused[0]} is not used in the filter logic` };
  }
  return { ok: true, ast };
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86400000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseDay(raw) {
  const m = DATE_RE.exec(raw);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  ) {
    return null;
  }
  return ms;
}

function parseInstantRange(raw) {
  const day = parseDay(raw);
  // A date on a date/time field means the whole (UTC) day.
  if (day !== null) return { from: day, to: day + DAY_MS };
  if (!DATETIME_RE.test(raw)) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : { from: ms, to: ms + 1 };
}

const KIND_NOUN = {
  number: 'a number',
  date: 'a date (use YYYY-MM-DD, e.g. 2025-12-31)',
  datetime: 'a date/time (use YYYY-MM-DD or 2025-12-31T17:00:00Z)',
  boolean: 'true or false',
};

function parseScalar(kind, raw) {
  const v = raw.trim();
  switch (kind) {
    case 'number': {
      const n = v === '' ? NaN : Number(v.replace(/[\s_]/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'date': {
      const day = parseDay(v);
      return day === null ? { ok: false } : { ok: true, value: { from: day, to: day + DAY_MS } };
    }
    case 'datetime': {
      const range = parseInstantRange(v);
      return range ? { ok: true, value: range } : { ok: false };
    }
    case 'boolean': {
      const b = v.toLowerCase();
      if (['true', 'yes', '1', 'checked'].includes(b)) return { ok: true, value: true };
      if (['false', 'no', '0', 'unchecked'].includes(b)) return { ok: true, value: false };
      return { ok: false };
    }
    default:
      return { ok: true, value: v.toLowerCase() };
  }
}

/**
 * Parses a criterion's Value__c for a field kind and operator. Text values are lower-cased
 * (comparisons are case-insensitive); numbers become numbers; dates and date/times become
 * `{from, to}` millisecond ranges (a date covers its whole day); `in` / `not in` give arrays.
 * @param {FieldKind} kind
 * @param {string} operator
 * @param {string|null|undefined} raw
 * @param {string} [fieldName] used in messages
 * @returns {{ok:true, value:any}|{ok:false, message:string}}
 */
export function parseCriterionValue(kind, operator, raw, fieldName) {
  const forField = fieldName ? ` for ${fieldName}` : '';
  if (operator === 'is blank' || operator === 'is not blank') return { ok: true, value: null };
  const text = raw === null || raw === undefined ? '' : String(raw);
  if (operator === 'in' || operator === 'not in') {
    const parts = splitValues(text);
    if (parts === null) {
      return { ok: false, message: `a double quote is not closed${forField}` };
    }
    if (parts.length === 0) {
      return { ok: false, message: `enter one or more values separated by commas${forField}` };
    }
    const values = [];
    for (const part of parts) {
      const parsed = parseScalar(kind, part);
      if (!parsed.ok)
        return { ok: false, message: `'${part}' is not ${KIND_NOUN[kind]}${forField}` };
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  }
  if (text.trim() === '') {
    return { ok: false, message: `enter a value${forField}, or use 'is blank'` };
  }
  const single = unquote(text);
  const parsed = parseScalar(kind, single);
  if (!parsed.ok)
    return { ok: false, message: `'${single.trim()}' is not ${KIND_NOUN[kind]}${forField}` };
  return parsed;
}

/**
 * Splits a value list as Salesforce list-view and report filters do: values separated by
 * commas, a value holding a comma written in double quotes (`"Media, Entertainment & Games",
 * Retail`), a double quote inside quotes written twice. Values are trimmed; empty ones dropped.
 * Returns null when a quote is not closed.
 * @param {string} text
 * @returns {string[]|null}
 */
export function splitValues(text) {
  const values = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c === '"' && current.trim() === '') {
      quoted = true;
      wasQuoted = true;
      current = '';
    } else if (c === ',') {
      values.push(wasQuoted ? current : current.trim());
      current = '';
      wasQuoted = false;
    } else if (!(wasQuoted && c.trim() === '')) {
      current += c;
    }
  }
  if (quoted) return null;
  values.push(wasQuoted ? current : current.trim());
  return values.filter((v) => v.trim() !== '');
}

/** A single value, without the double quotes it may be written in. */
function unquote(text) {
  const parts = splitValues(text);
  const trimmed = text.trim();
  return parts && parts.length === 1 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? parts[0]
    : text;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

function isBlank(v) {
  return v === null || v === undefined || v === '';
}

/** Reads an account value as the kind's comparable form, or null when blank/unreadable. */
function readerFor(kind, field) {
  switch (kind) {
    case 'number':
      return (acc) => {
        const v = acc[field];
        if (isBlank(v)) return null;
        const n = typeof v === 'number' ? v : Number(v);
        return Number.isFinite(n) ? n : null;
      };
    case 'date':
    case 'datetime':
      return (acc) => {
        const v = acc[field];
        if (isBlank(v)) return null;
        if (typeof v === 'number') return v;
        const s = String(v);
        const ms =
          kind === 'date'
            ? parseDay(s.slice(0, 10))
            : Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
        return ms === null || Number.isNaN(ms) ? null : ms;
      };
    case 'boolean':
      return (acc) => {
        const v = acc[field];
        if (v === true || v === 'true') return true;
        if (v === false || v === 'false' || isBlank(v)) return false;
        return Boolean(v);
      };
    default:
      return (acc) => {
        const v = acc[field];
        return isBlank(v) ? null : String(v).toLowerCase();
      };
  }
}

function predicateFor(kind, operator, field, value) {
  const read = readerFor(kind, field);
  if (operator === 'is blank') return (acc) => isBlank(acc[field]);
  if (operator === 'is not blank') return (acc) => !isBlank(acc[field]);
  const ranged = kind === 'date' || kind === 'datetime';
  const eq = ranged ? (x, r) => x >= r.from && x < r.to : (x, y) => x === y;
  switch (operator) {
    case 'equals':
      return (acc) => {
        const x = read(acc);
        return x !== null && eq(x, value);
      };
    case 'not equal to':
      return (acc) => {
        const x = read(acc);
        return x === null || !eq(x, value);
      };
    case 'in':
      return (acc) => {
        const x = read(acc);
        return x !== null && value.some((y) => eq(x, y));
      };
    case 'not in':
      return (acc) => {
        const x = read(acc);
        return x === null || !value.some((y) => eq(x, y));
      };
    case 'contains':
      return (acc) => {
        const x = read(acc);
        return x !== null && x.includes(value);
      };
    case 'does not contain':
      return (acc) => {
        const x = read(acc);
        return x === null || !x.includes(value);
      };
    case 'starts with':
      return (acc) => {
        const x = read(acc);
        return x !== null && x.startsWith(value);
      };
    default:
      break;
  }
  // Comparisons; for dates a value is a day (or instant) range.
  const lo = ranged ? value.from : value;
  const hi = ranged ? value.to : value;
  switch (operator) {
    case 'less than':
      return (acc) => {
        const x = read(acc);
        return x !== null && x < lo;
      };
    case 'greater than':
      return (acc) => {
        const x = read(acc);
        return x !== null && (ranged ? x >= hi : x > hi);
      };
    case 'less or equal':
      return (acc) => {
        const x = read(acc);
        return x !== null && (ranged ? x < hi : x <= hi);
      };
    default: // greater or equal
      return (acc) => {
        const x = read(acc);
        return x !== null && x >= lo;
      };
  }
}

function compileAst(ast, preds) {
  if (ast.type === 'ref') return preds.get(ast.n);
  if (ast.type === 'not') {
    const inner = compileAst(ast.expr, preds);
    return (acc) => !inner(acc);
  }
  const items = ast.items.map((item) => compileAst(item, preds));
  if (ast.type === 'and') return (acc) => items.every((f) => f(acc));
  return (acc) => items.some((f) => f(acc));
}

function criterionNumber(raw) {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * The Account field a criterion names, as the describe spells it (API names are
 * case-insensitive: `billingcity` is BillingCity), or null when Account has no such field.
 * The one resolution used by the rule compiler and by the service's Account query, so that a
 * criterion matches exactly the accounts its canonical spelling would.
 * @param {string | null | undefined} name
 * @param {Record<string, string>} fieldTypes Account field API name -> type
 * @returns {string|null}
 */
export function resolveFieldName(name, fieldTypes) {
  if (typeof name !== 'string') return null;
  const lower = name.trim().toLowerCase();
  if (lower === '') return null;
  return Object.keys(fieldTypes || {}).find((f) => f.toLowerCase() === lower) || null;
}

/**
 * Validates one criterion against the Account field types.
 * @returns {{ok:true, n:number, field:string, kind:FieldKind, operator:string, value:any}|{ok:false, message:string}}
 */
export function compileCriterion(criterion, fieldTypes, index) {
  const n = criterionNumber(criterion.Number__c);
  const label = n === null ? `Criterion #${index + 1} in the list` : `Criterion ${n}`;
  if (n === null) {
    return {
      ok: false,
      message: `${label} needs a number (1, 2, 3, ...) to be used in the filter logic`,
    };
  }
  const fieldRaw = typeof criterion.Field__c === 'string' ? criterion.Field__c.trim() : '';
  if (fieldRaw === '') return { ok: false, message: `${label}: choose an Account field` };
  const field = resolveFieldName(fieldRaw, fieldTypes);
  if (!field)
    return {
      ok: false,
      message: `${label}: Account has no field '${fieldRaw}' (use the field's API name, e.g. Industry or My_Field__c)`,
    };
  const kind = normalizeFieldType(fieldTypes[field]);
  if (!kind)
    return {
      ok: false,
      message: `${label}: ${field} is a field of type '${fieldTypes[field]}', which segment rules can't use`,
    };
  const operator =
    typeof criterion.Operator__c === 'string' ? criterion.Operator__c.trim().toLowerCase() : '';
  if (!OPERATORS.includes(operator)) {
    return {
      ok: false,
      message: `${label}: '${criterion.Operator__c ?? ''}' is not an operator; use one of: ${operatorsForType(kind).join(', ')}`,
    };
  }
  if (!operatorsForType(kind).includes(operator)) {
    return {
      ok: false,
      message: `${label}: '${operator}' doesn't work on the ${kind} field ${field}; use one of: ${operatorsForType(kind).join(', ')}`,
    };
  }
  const parsed = parseCriterionValue(kind, operator, criterion.Value__c, field);
  if (!parsed.ok) return { ok: false, message: `${label}: ${parsed.message}` };
  return { ok: true, n, field, kind, operator, value: parsed.value };
}

/**
 * Compiles a segment's criteria and filter logic into a predicate over Account records (plain
 * objects keyed by field API name). On any problem, returns the first problem as a message a
 * sales-ops analyst can act on (all problems are in `messages`).
 * @param {SegmentRecord} segment
 * @param {Criterion[]} criteria
 * @param {Record<string, string>} fieldTypes Account field API name -> describe or UI API type
 * @returns {{ok:true, matches:(account:Record<string, any>)=>boolean}|{ok:false, message:string, messages:string[]}}
 */
export function compileSegment(segment, criteria, fieldTypes) {
  const messages = [];
  const preds = new Map();
  const list = Array.isArray(criteria) ? criteria : [];
  list.forEach((criterion, index) => {
    const compiled = compileCriterion(criterion || {}, fieldTypes, index);
    if (!compiled.ok) {
      messages.push(compiled.message);
      return;
    }
    if (preds.has(compiled.n)) {
      messages.push(
        `Two criteria have the number ${compiled.n}; give each criterion its own number`,
      );
      return;
    }
    preds.set(
      compiled.n,
      predicateFor(compiled.kind, compiled.operator, compiled.field, compiled.value),
    );
  });
  const numbers = list.map((c) => criterionNumber(c && c.Number__c)).filter((n) => n !== null);
  const logic = parseFilterLogic(segment ? segment.Filter_Logic__c : null, numbers);
  if (!logic.ok) messages.push(logic.message);
  if (messages.length > 0) return { ok: false, message: messages[0], messages };
  return { ok: true, matches: compileAst(logic.ast, preds) };
}
