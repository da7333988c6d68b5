/**
 * Ranks within each segment (and within ALL): score desc, then accounts desc, then theme name
 * asc, then theme Id, so equal scores always rank the broader pattern first and the order is
 * total (never input-dependent).
 *
 * A full org has some 160k rows. They are bucketed by segment, then each segment's rows are
 * sorted as one number per row (score rank, accounts, theme place), natively and without a
 * comparator call per comparison (measured: the comparator sort took about a tenth of a
 * scoring run). Rows the numbers cannot order that way (more than 2^53 distinct keys, a
 * segment listing a theme twice) are sorted with the comparator instead.
 */
import type { ScoreRow } from './records';

/**
 * Sets Rank__c on every row. `group[i]` numbers row i's segment (ALL is a group of its own),
 * `theme[i]` numbers its theme in `themeIds`; names come from `themeNames` (blank if absent).
 */
export function rankRows(
  rows: ScoreRow[],
  group: Int32Array,
  theme: Int32Array,
  themeIds: readonly string[],
  themeNames: ReadonlyMap<string, string>,
): ScoreRow[] {
  const n = rows.length;
  const { score, accounts } = sortColumns(rows);
  const place = themePlaces(themeIds, themeNames);
  const { order, groupStart } = byGroup(group, n);
  const keys = sortKeys(score, accounts, place, theme);
  const rowAtPlace = new Int32Array(place.length).fill(-1);
  for (let g = 0; g + 1 < groupStart.length; g++) {
    const from = groupStart[g];
    const to = groupStart[g + 1];
    if (to - from < 2) continue;
    if (!keys || !sortByKey(order, from, to, keys, place.length, theme, place, rowAtPlace)) {
      const sorted = Array.from(order.subarray(from, to)).sort((a, b) => {
        if (score[a] !== score[b]) return score[b] - score[a];
        if (accounts[a] !== accounts[b]) return accounts[b] - accounts[a];
        return place[theme[a]] - place[theme[b]];
      });
      order.set(sorted, from);
    }
  }
  setRanks(rows, order, group);
  return rows;
}

/*
 * One loop per function: V8 compiles each quickly and completely (a function with several long
 * loops is compiled at its first loop and thrown away at the next).
 */

/** Score and account count of each row, as numbers the sort compares. */
function sortColumns(rows: readonly ScoreRow[]): { score: Float64Array; accounts: Float64Array } {
  const score = new Float64Array(rows.length);
  const accounts = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    score[i] = rows[i].Score__c;
    accounts[i] = rows[i].Account_Count__c;
  }
  return { score, accounts };
}

/** Each theme's place in (name, Id) order. */
function themePlaces(
  themeIds: readonly string[],
  themeNames: ReadonlyMap<string, string>,
): Int32Array {
  const names = themeIds.map((id) => themeNames.get(id) ?? '');
  const byName = themeIds.map((_, k) => k);
  byName.sort((a, b) => {
    if (names[a] !== names[b]) return names[a] < names[b] ? -1 : 1;
    return themeIds[a] < themeIds[b] ? -1 : themeIds[a] > themeIds[b] ? 1 : 0;
  });
  const place = new Int32Array(themeIds.length);
  byName.forEach((k, at) => (place[k] = at));
  return place;
}

/** Rank__c: position within the row's group in sorted order, from 1. */
function setRanks(rows: ScoreRow[], order: Int32Array, group: Int32Array): void {
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    rank = k > 0 && group[order[k - 1]] === group[i] ? rank + 1 : 1;
    rows[i].Rank__c = rank;
  }
}

/** Row numbers bucketed by group (stable), and where each group starts. */
function byGroup(group: Int32Array, n: number): { order: Int32Array; groupStart: Int32Array } {
  let groups = 0;
  for (let i = 0; i < n; i++) if (group[i] + 1 > groups) groups = group[i] + 1;
  const groupStart = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) groupStart[group[i] + 1]++;
  for (let g = 0; g < groups; g++) groupStart[g + 1] += groupStart[g];
  const at = groupStart.slice(0, groups);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[at[group[i]]++] = i;
  return { order, groupStart };
}

/**
 * Each row's sort key within its group, ascending: (rank of its score among all distinct
 * scores, descending) × (A + 1) × P + (A − accounts) × P + its theme's place, A being the
 * largest account count and P the number of places. Null when that could exceed 2^53 or a
 * score is not a finite number.
 */
function sortKeys(
  score: Float64Array,
  accounts: Float64Array,
  place: Int32Array,
  theme: Int32Array,
): Float64Array | null {
  const n = score.length;
  const levels = score.slice().sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(levels[k])) return null;
    if (k === 0 || levels[k] !== levels[distinct - 1]) levels[distinct++] = levels[k];
  }
  let maxAccounts = 0;
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    if (!(a >= 0 && Number.isSafeInteger(a))) return null;
    if (a > maxAccounts) maxAccounts = a;
  }
  const span = (maxAccounts + 1) * place.length;
  if (distinct * span >= Number.MAX_SAFE_INTEGER) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const down = distinct - 1 - levelOf(levels, distinct, score[i]);
    keys[i] = down * span + (maxAccounts - accounts[i]) * place.length + place[theme[i]];
  }
  return keys;
}

/** Index of `value` among the first `count` (sorted, distinct) levels. */
function levelOf(levels: Float64Array, count: number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (levels[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts order[from..to) (one group's rows) by their keys; false, leaving order as it was, when
 * two of them share a theme (their keys could tie: the caller then uses the comparator).
 */
function sortByKey(
  order: Int32Array,
  from: number,
  to: number,
  keys: Float64Array,
  places: number,
  theme: Int32Array,
  place: Int32Array,
  rowAtPlace: Int32Array,
): boolean {
  const groupKeys = new Float64Array(to - from);
  let unique = true;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const p = place[theme[i]];
    if (rowAtPlace[p] >= 0) unique = false;
    rowAtPlace[p] = i;
    groupKeys[k - from] = keys[i];
  }
  if (unique) {
    groupKeys.sort();
    for (let k = from; k < to; k++) order[k] = rowAtPlace[groupKeys[k - from] % places];
  }
  for (let k = from; k < to; k++) rowAtPlace[place[theme[order[k]]]] = -1;
  return unique;
}
