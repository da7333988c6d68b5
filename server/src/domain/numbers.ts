/** Rounding at Salesforce field precision, shared by scoring and change detection. */
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

export function roundTo(value: number, decimals: number): number {
  const f = decimals < POW10.length ? POW10[decimals] : 10 ** decimals;
  const r = Math.round(value * f + (value >= 0 ? 1e-9 : -1e-9)) / f;
  return Object.is(r, -0) ? 0 : r;
}
export const round4 = (v: number): number => roundTo(v, 4);
export const round2 = (v: number): number => roundTo(v, 2);

const DAY_MS = 86400000;

/**
 * Parses Salesforce date/time strings ('2025-03-01T10:20:30.000+0000', ISO with Z, or a plain
 * date) to epoch ms; NaN when unreadable. The common shape is parsed by hand because Date.parse
 * on a million strings is a measurable part of a run.
 */
export function parseTimestamp(s: string | null | undefined): number {
  if (!s) return NaN;
  const n = s.length;
  // 'YYYY-MM-DDTHH:MM:SS[.sss](Z|+0000|+00:00)' in UTC: plain arithmetic, no Date object.
  if (
    n >= 19 &&
    s.charCodeAt(10) === 84 /* T */ &&
    (n === 19 || s.charCodeAt(n - 1) === 90 /* Z */ || s.endsWith('+0000') || s.endsWith('+00:00'))
  ) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const ms = n >= 23 && s.charCodeAt(19) === 46 ? digits(s, 20, 3) : 0;
    const t =
      (daysFromCivil(y, mo, d) * 24 + digits(s, 11, 2)) * 3600000 +
      digits(s, 14, 2) * 60000 +
      digits(s, 17, 2) * 1000 +
      ms;
    if (!Number.isNaN(t) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return t;
  }
  if (n === 10) return Date.parse(s + 'T00:00:00Z');
  return Date.parse(s);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Reads `count` decimal digits at `from`; NaN if any is not a digit. */
function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
}

export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (or longer ISO) date; -1 when unreadable. */
export function dayNumber(s: string): number {
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (
    Number.isNaN(y + m + d) ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > 31 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45
  )
    return -1;
  return daysFromCivil(y, m, d);
}

/**
 * The UTC day (days since 1970-01-01) a request was asked on: Asked_On__c, else the day it was
 * created; -1 when neither is readable. Recency counts from it.
 */
export function askedDayOf(r: {
  Asked_On__c?: string | null;
  CreatedDate?: string | null;
}): number {
  if (r.Asked_On__c) return dayNumber(r.Asked_On__c);
  const created = parseTimestamp(r.CreatedDate);
  return Number.isFinite(created) ? Math.floor(created / DAY_MS) : -1;
}
