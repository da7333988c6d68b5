/** Rounding at Salesforce field precision, shared by scoring and change detection. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
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
  if (
    s.length >= 19 &&
    s.charCodeAt(10) === 84 /* T */ &&
    (s.length === 19 || s.endsWith('Z') || s.endsWith('+0000') || s.endsWith('+00:00'))
  ) {
    const ms = s.charCodeAt(19) === 46 ? Number(s.slice(20, 23)) : 0;
    const t = Date.UTC(
      +s.slice(0, 4),
      +s.slice(5, 7) - 1,
      +s.slice(8, 10),
      +s.slice(11, 13),
      +s.slice(14, 16),
      +s.slice(17, 19),
      ms,
    );
    if (!Number.isNaN(t)) return t;
  }
  if (s.length === 10) return Date.parse(s + 'T00:00:00Z');
  return Date.parse(s);
}

export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}
