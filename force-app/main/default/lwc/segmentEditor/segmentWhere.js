/**
 * Translates a segment's criteria and filter logic into a UI API GraphQL `where` object for the
 * live preview (`Account(where: $where) { totalCount }`). The result is only ever sent as a
 * GraphQL variable: user values never become part of a query's text.
 *
 * Validation and value typing come from the shared rule module (c/quorumRules), so the preview
 * accepts exactly what the service's evaluator accepts.
 */
import { compileCriterion, compileSegment, parseFilterLogic, splitValues } from 'c/quorumRules';

const COMPARISON = {
  equals: 'eq',
  'not equal to': 'ne',
  'less than': 'lt',
  'greater than': 'gt',
  'less or equal': 'lte',
  'greater or equal': 'gte',
};

/** Escapes the LIKE wildcards so that a typed % or _ is matched literally. */
export function escapeLike(text) {
  return text.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms) => new Date(ms).toISOString();

/**
 * Raw text values (case kept: SOQL text comparisons are case-insensitive anyway), split and
 * unquoted by the shared grammar: `"Media, Entertainment & Games", Retail` is two values.
 */
function rawText(operator, raw) {
  const text = raw === null || raw === undefined ? '' : String(raw);
  const parts = splitValues(text) || [];
  if (operator === 'in' || operator === 'not in') {
    return parts;
  }
  const trimmed = text.trim();
  const quoted = parts.length === 1 && trimmed.startsWith('"') && trimmed.endsWith('"');
  return quoted ? parts[0] : trimmed;
}

function textLeaf(field, operator, value) {
  switch (operator) {
    case 'contains':
      return { [field]: { like: `%${escapeLike(value)}%` } };
    case 'does not contain':
      return { not: { [field]: { like: `%${escapeLike(value)}%` } } };
    case 'starts with':
      return { [field]: { like: `${escapeLike(value)}%` } };
    case 'in':
      return { [field]: { in: value } };
    case 'not in':
      return { [field]: { nin: value } };
    default:
      return { [field]: { [COMPARISON[operator]]: value } };
  }
}

function dateLeaf(field, operator, range) {
  if (operator === 'in' || operator === 'not in') {
    return {
      [field]: {
        [operator === 'in' ? 'in' : 'nin']: range.map((r) => ({ value: isoDay(r.from) })),
      },
    };
  }
  return { [field]: { [COMPARISON[operator]]: { value: isoDay(range.from) } } };
}

/** A date/time value is an instant range (a plain date covers its whole UTC day). */
function dateTimeLeaf(field, operator, range) {
  const at = (op, ms) => ({ [field]: { [op]: { value: isoInstant(ms) } } });
  const within = (r) => ({ and: [at('gte', r.from), at('lt', r.to)] });
  switch (operator) {
    case 'equals':
      return within(range);
    case 'not equal to':
      return { or: [at('lt', range.from), at('gte', range.to), { [field]: { eq: null } }] };
    case 'less than':
      return at('lt', range.from);
    case 'greater than':
      return at('gte', range.to);
    case 'less or equal':
      return at('lt', range.to);
    case 'greater or equal':
      return at('gte', range.from);
    case 'in':
      return { or: range.map(within) };
    default: // not in
      return { or: [{ [field]: { eq: null } }, { not: { or: range.map(within) } }] };
  }
}

/** The where of one compiled criterion (see compileCriterion) and its raw Value__c. */
export function criterionWhere(compiled, rawValue) {
  const { field, kind, operator, value } = compiled;
  if (operator === 'is blank') {
    return { [field]: { eq: null } };
  }
  if (operator === 'is not blank') {
    return { [field]: { ne: null } };
  }
  if (kind === 'date') {
    return dateLeaf(field, operator, value);
  }
  if (kind === 'datetime') {
    return dateTimeLeaf(field, operator, value);
  }
  if (kind === 'text' || kind === 'picklist') {
    return textLeaf(field, operator, rawText(operator, rawValue));
  }
  // numbers and booleans: already typed by the shared parser
  return textLeaf(field, operator, value);
}

function astWhere(ast, leaves) {
  if (ast.type === 'ref') {
    return leaves.get(ast.n);
  }
  if (ast.type === 'not') {
    return { not: astWhere(ast.expr, leaves) };
  }
  const items = ast.items.map((item) => astWhere(item, leaves));
  return items.length === 1 ? items[0] : { [ast.type]: items };
}

/**
 * @param {object[]} criteria `{ Number__c, Field__c, Operator__c, Value__c }`
 * @param {string} logic Filter_Logic__c (blank = all criteria AND-ed)
 * @param {Record<string, string>} fieldTypes Account field API name -> UI API dataType
 * @returns {{ok: true, where: object|null} | {ok: false, message: string, messages: string[]}}
 *   where is null when there are no criteria (every account matches).
 */
export function buildWhere(criteria, logic, fieldTypes) {
  const checked = compileSegment({ Filter_Logic__c: logic }, criteria, fieldTypes);
  if (!checked.ok) {
    return { ok: false, message: checked.message, messages: checked.messages || [checked.message] };
  }
  const leaves = new Map();
  criteria.forEach((criterion, index) => {
    const compiled = compileCriterion(criterion, fieldTypes, index);
    leaves.set(compiled.n, criterionWhere(compiled, criterion.Value__c));
  });
  const parsed = parseFilterLogic(logic, [...leaves.keys()]);
  if (parsed.ast.type !== 'ref' && parsed.ast.items && parsed.ast.items.length === 0) {
    return { ok: true, where: null };
  }
  return { ok: true, where: astWhere(parsed.ast, leaves) };
}
