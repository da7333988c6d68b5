/**
 * Ranks within each segment (and within ALL): score desc, then accounts desc, then theme name
 * asc, then theme Id, so equal scores always rank the broader pattern first and the order is
 * total (never input-dependent).
 *
 * A full org has some 160k rows: the sort compares numbers from typed arrays (segment number,
 * score, accounts, the theme's place in (name, Id) order), never strings or row objects.
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
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    if (group[a] !== group[b]) return group[a] - group[b];
    if (score[a] !== score[b]) return score[b] - score[a];
    if (accounts[a] !== accounts[b]) return accounts[b] - accounts[a];
    return place[theme[a]] - place[theme[b]];
  });
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
