/**
 * Converting between wire values (JSON bodies, CSV cells) and the store's compact internal form:
 * datetimes as epoch milliseconds, dates as `YYYY-MM-DD` strings, everything else as JSON scalars.
 */
import type { FieldDef } from '../schema/types';
import { RequestError } from './errors';
import { normalizeId } from './ids';

export type Value = string | number | boolean | null;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function parseDate(s: string): string | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
    ? s
    : null;
}

export function parseDateTime(s: string): number | null {
  if (parseDate(s)) return Date.parse(`${s}T00:00:00Z`);
  const m = DATETIME_RE.exec(s);
  if (!m) return null;
  let tz = m[8] ?? 'Z';
  if (tz !== 'Z' && !tz.includes(':')) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}.${(m[7] ?? '0').padEnd(3, '0')}${tz}`,
  );
  return Number.isNaN(ms) ? null : ms;
}

/** Salesforce REST renders datetimes as `2024-01-31T09:15:00.000+0000`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function toApi(field: FieldDef, value: Value): Value {
  if (value === null) return null;
  if (field.type === 'datetime') return formatDateTime(value as number);
  return value;
}

function jsonError(field: FieldDef, raw: unknown): RequestError {
  const kind =
    typeof raw === 'string'
      ? 'VALUE_STRING'
      : typeof raw === 'number'
        ? 'VALUE_NUMBER'
        : typeof raw === 'boolean'
          ? `VALUE_${String(raw).toUpperCase()}`
          : 'START_OBJECT';
  return new RequestError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${field.type} from ${kind} value ${typeof raw === 'object' ? JSON.stringify(raw) : String(raw)} or request may be missing a required field (field ${field.name})`,
  );
}

/**
 * Wire value → internal value. JSON type mismatches fail the request (JSON_PARSER_ERROR), as
 * Salesforce's deserializer does; CSV cells arrive as strings and are parsed by field type.
 */
export function coerce(field: FieldDef, raw: unknown, fromCsv: boolean): Value {
  if (raw === null || raw === undefined) return null;
  const fail = () => {
    throw fromCsv
      ? new RequestError(
          400,
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${field.label}: value not of required type: ${String(raw)}`,
          [field.name],
        )
      : jsonError(field, raw);
  };
  switch (field.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false|1|0)$/i.test(raw) && fromCsv)
        return /^(true|1)$/i.test(raw);
      return fail() as never;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : NaN;
      if (!Number.isFinite(n) || (field.type === 'int' && !Number.isInteger(n)))
        return fail() as never;
      return n;
    }
    case 'date': {
      if (typeof raw !== 'string') return fail() as never;
      const d = parseDate(raw) ?? (parseDateTime(raw) !== null ? raw.slice(0, 10) : null);
      return d ?? (fail() as never);
    }
    case 'datetime': {
      if (typeof raw !== 'string') return fail() as never;
      return parseDateTime(raw) ?? (fail() as never);
    }
    case 'id':
    case 'reference': {
      if (typeof raw !== 'string') return fail() as never;
      if (raw === '') return null;
      return normalizeId(raw) ?? raw;
    }
    default:
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      return fail() as never;
  }
}
