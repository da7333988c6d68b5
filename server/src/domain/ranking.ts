/**
 * Ranks within each segment (and within ALL): score desc, then accounts desc, then theme name
 * asc, then theme Id, so equal scores always rank the broader pattern first and the order is
 * total (never input-dependent).
 *
 * A full org has some 160k rows: the sort compares numbers from typed arrays (segment number,
 * score, accounts, the theme's place in (name, Id) order), never strings or row objects.
 */
import type { ScoreRow } from './records';

export function rankRows(rows: ScoreRow[], themeNames: ReadonlyMap<string, string>): ScoreRow[] {
  const n = rows.length;
  const segmentNo = new Map<string, number>();
  const themeNo = new Map<string, number>();
  const segment = new Int32Array(n);
  const theme = new Int32Array(n);
  const score = new Float64Array(n);
  const accounts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const s = row.Segment__c ?? '';
    let sn = segmentNo.get(s);
    if (sn === undefined) segmentNo.set(s, (sn = segmentNo.size));
    segment[i] = sn;
    let tn = themeNo.get(row.Theme__c);
    if (tn === undefined) themeNo.set(row.Theme__c, (tn = themeNo.size));
    theme[i] = tn;
    score[i] = row.Score__c;
    accounts[i] = row.Account_Count__c;
  }
  // Each theme's place in (name, Id) order.
  const themes = [...themeNo.keys()].map((id) => ({ id, name: themeNames.get(id) ?? '' }));
  const byName = themes.map((_, k) => k);
  byName.sort((a, b) => {
    const x = themes[a];
    const y = themes[b];
    if (x.name !== y.name) return x.name < y.name ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const themeOrder = new Int32Array(themes.length);
  byName.forEach((k, place) => (themeOrder[k] = place));

  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    if (segment[a] !== segment[b]) return segment[a] - segment[b];
    if (score[a] !== score[b]) return score[b] - score[a];
    if (accounts[a] !== accounts[b]) return accounts[b] - accounts[a];
    return themeOrder[theme[a]] - themeOrder[theme[b]];
  });
  let rank = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    rank = k > 0 && segment[order[k - 1]] === segment[i] ? rank + 1 : 1;
    rows[i].Rank__c = rank;
  }
  return rows;
}
