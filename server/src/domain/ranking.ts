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
  const score = new Float64Array(n);
  const accounts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = rows[i].Score__c;
    accounts[i] = rows[i].Account_Count__c;
  }
  // Each theme's place in (name, Id) order.
  const names = themeIds.map((id) => themeNames.get(id) ?? '');
  const byName = themeIds.map((_, k) => k);
  byName.sort((a, b) => {
    if (names[a] !== names[b]) return names[a] < names[b] ? -1 : 1;
    return themeIds[a] < themeIds[b] ? -1 : themeIds[a] > themeIds[b] ? 1 : 0;
  });
  const place = new Int32Array(themeIds.length);
  byName.forEach((k, at) => (place[k] = at));

  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    if (group[a] !== group[b]) return group[a] - group[b];
    if (score[a] !== score[b]) return score[b] - score[a];
    if (accounts[a] !== accounts[b]) return accounts[b] - accounts[a];
    return place[theme[a]] - place[theme[b]];
  });
  let rank = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    rank = k > 0 && group[order[k - 1]] === group[i] ? rank + 1 : 1;
    rows[i].Rank__c = rank;
  }
  return rows;
}
