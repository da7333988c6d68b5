/**
 * The monthly history of one score as a sparkline: the months in order (a month without a row
 * kept the previous month's figure, since the service writes a row only when a figure changed),
 * the points of an inline SVG polyline, and the words a screen reader says instead. Pure, so
 * the component stays a thin view.
 */
import LOCALE from '@salesforce/i18n/locale';
import { formatScore } from 'c/quorumFormat';
import { valueOf as val } from 'c/graphqlNodes';

/** Months shown: a year of history. */
export const MONTHS_SHOWN = 12;
/** The drawing's size in SVG units (CSS scales it). */
export const WIDTH = 160;
export const HEIGHT = 36;
const PAD = 3;

/** 'YYYY-MM' of a Month__c date ('2026-07-01'); null when it is not a date. */
function monthKey(value) {
  return typeof value === 'string' && /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : null;
}

function nextMonth(key) {
  const [year, month] = key.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Monthly scores from Segment_Demand_History__c nodes (any order): one per calendar month from
 * the first row to the last, gaps filled with the figure before them, the last MONTHS_SHOWN.
 * @param {Object[]} nodes GraphQL nodes with Month__c and Score__c
 * @returns {{ month: string, score: number }[]}
 */
export function monthlyScores(nodes) {
  const byMonth = new Map();
  for (const node of nodes || []) {
    const key = monthKey(val(node.Month__c));
    const score = val(node.Score__c);
    if (key && typeof score === 'number' && Number.isFinite(score)) {
      byMonth.set(key, score);
    }
  }
  const keys = [...byMonth.keys()].sort();
  if (keys.length === 0) {
    return [];
  }
  const months = [];
  let score = byMonth.get(keys[0]);
  for (let key = keys[0]; key <= keys[keys.length - 1]; key = nextMonth(key)) {
    if (byMonth.has(key)) {
      score = byMonth.get(key);
    }
    months.push({ month: key, score });
  }
  return months.slice(-MONTHS_SHOWN);
}

/**
 * Points of the polyline, left (oldest) to right, scaled from zero to the highest score so a
 * fall to zero touches the bottom; a flat zero line lies on it.
 * @param {{ score: number }[]} months
 * @returns {{ x: number, y: number }[]}
 */
export function pointsOf(months) {
  const max = Math.max(0, ...months.map((m) => m.score));
  const step = months.length > 1 ? (WIDTH - 2 * PAD) / (months.length - 1) : 0;
  const round = (n) => Math.round(n * 100) / 100;
  return months.map((m, i) => ({
    x: round(PAD + i * step),
    y: round(HEIGHT - PAD - (max > 0 ? (m.score / max) * (HEIGHT - 2 * PAD) : 0)),
  }));
}

/** A month as the trend names it ('Jul', or 'Jul 2026' when `withYear`), in the user's locale. */
function monthFormatter(withYear) {
  const format = new Intl.DateTimeFormat(LOCALE, {
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  });
  return (month) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The line's two ends in words, to print under it: the oldest month shown and the latest, each
 * with its score and its year ("Mar 2026 2.00", "Jul 2026 1.25"), so a glance reads the span
 * and where it stands now without a screen reader's full list.
 * @param {{ month: string, score: number }[]} months at least one
 * @returns {{ from: string, to: string }}
 */
export function endsOf(months) {
  const name = monthFormatter(true);
  const say = (m) => `${name(m.month)} ${formatScore(m.score)}`;
  return { from: say(months[0]), to: say(months[months.length - 1]) };
}

/**
 * "Jul 4.20, Aug 5.00, Sep 6.10" in the user's locale: the month (with its year when the months
 * span two years) and the score as the report shows it.
 * @param {{ month: string, score: number }[]} months
 * @returns {string}
 */
export function describeMonths(months) {
  const years = new Set(months.map((m) => m.month.slice(0, 4)));
  const name = monthFormatter(years.size > 1);
  const parts = months.map((m) => `${name(m.month)} ${formatScore(m.score)}`);
  return new Intl.ListFormat(LOCALE, { type: 'conjunction', style: 'narrow' }).format(parts);
}
