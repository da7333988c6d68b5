/** SOQL date literals as half-open UTC millisecond ranges [start, end) (the org runs in UTC). */
const DAY = 86_400_000;

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function monthStart(ms: number, add: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
}

function yearStart(ms: number, add: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear() + add, 0, 1);
}

/** The range of a literal such as TODAY or LAST_N_DAYS:30, or null when the emulator lacks it. */
export function dateLiteralRange(literal: string, now: number): [number, number] | null {
  const today = startOfDay(now);
  const week = today - new Date(today).getUTCDay() * DAY; // weeks start on Sunday
  const [name, arg] = literal.toUpperCase().split(':');
  const n = arg === undefined ? NaN : Number(arg);
  switch (name) {
    case 'TODAY':
      return [today, today + DAY];
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'THIS_WEEK':
      return [week, week + 7 * DAY];
    case 'LAST_WEEK':
      return [week - 7 * DAY, week];
    case 'NEXT_WEEK':
      return [week + 7 * DAY, week + 14 * DAY];
    case 'THIS_MONTH':
      return [monthStart(now, 0), monthStart(now, 1)];
    case 'LAST_MONTH':
      return [monthStart(now, -1), monthStart(now, 0)];
    case 'NEXT_MONTH':
      return [monthStart(now, 1), monthStart(now, 2)];
    case 'THIS_YEAR':
      return [yearStart(now, 0), yearStart(now, 1)];
    case 'LAST_YEAR':
      return [yearStart(now, -1), yearStart(now, 0)];
    case 'NEXT_YEAR':
      return [yearStart(now, 1), yearStart(now, 2)];
    case 'LAST_90_DAYS':
      return [today - 90 * DAY, today + DAY];
    case 'NEXT_90_DAYS':
      return [today + DAY, today + 91 * DAY];
    case 'LAST_N_DAYS':
      return Number.isInteger(n) && n >= 0 ? [today - n * DAY, today + DAY] : null;
    case 'NEXT_N_DAYS':
      return Number.isInteger(n) && n >= 0 ? [today + DAY, today + (n + 1) * DAY] : null;
    case 'N_DAYS_AGO':
      return Number.isInteger(n) && n >= 0 ? [today - n * DAY, today - (n - 1) * DAY] : null;
    default:
      return null;
  }
}

export function dateToMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
