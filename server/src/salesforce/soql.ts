/**
 * SOQL literals. User values never go into SOQL text as-is: every value passes through
 * `literal()`, which quotes and escapes strings per the SOQL reference (backslash, quotes,
 * newlines, tabs...), and ids/datetimes are validated before being inlined.
 */

/** Escapes a string for a single-quoted SOQL literal. */
export function escapeSoqlString(value: string): string {
  return value.replace(/[\\'"\n\r\t\b\f]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\${c}`;
    }
  });
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A SOQL literal for a value: strings quoted and escaped; numbers, booleans, null as-is. */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`SOQL literal: ${value} is not a finite number`);
    return String(value);
  }
  return `'${escapeSoqlString(value)}'`;
}

/** A datetime literal (unquoted in SOQL); rejects anything that is not ISO-8601. */
export function datetimeLiteral(value: string | Date): string {
  const text = typeof value === 'string' ? value : value.toISOString();
  if (!DATETIME.test(text)) throw new Error(`SOQL datetime: '${text}' is not an ISO-8601 datetime`);
  // Normalise Salesforce's +0000 form to UTC with Z (same instant, millisecond precision kept).
  return new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
}

/** A quoted record Id; rejects anything that is not a 15/18-character Salesforce Id. */
export function idLiteral(id: string): string {
  if (!ID.test(id)) throw new Error(`SOQL id: '${id}' is not a Salesforce record Id`);
  return `'${id}'`;
}

/** `('a','b')` for IN clauses of Ids. */
export function idList(ids: readonly string[]): string {
  if (ids.length === 0) throw new Error('SOQL IN: empty list');
  return `(${ids.map(idLiteral).join(',')})`;
}

/** Field/object API names are inlined unquoted: allow only identifier characters. */
export function identifier(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name)) {
    throw new Error(`SOQL: '${name}' is not a valid field or object API name`);
  }
  return name;
}
