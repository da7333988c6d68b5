/**
 * Ranks within each segment (and within ALL): score desc, then accounts desc, then theme name
 * asc, then theme Id, so equal scores always rank the broader pattern first and the order is
 * total (never input-dependent).
 */
import type { ScoreRow } from './records';

export function rankRows(rows: ScoreRow[], themeNames: ReadonlyMap<string, string>): ScoreRow[] {
  const bySegment = new Map<string, ScoreRow[]>();
  for (const row of rows) {
    const key = row.Segment__c ?? '';
    const list = bySegment.get(key);
    if (list) list.push(row);
    else bySegment.set(key, [row]);
  }
  const named = (row: ScoreRow) => ({ row, name: themeNames.get(row.Theme__c) ?? '' });
  for (const rowsOfSegment of bySegment.values()) {
    // Names looked up once per row, not twice per comparison.
    const list = rowsOfSegment.map(named);
    list.sort((x, y) => {
      const a = x.row;
      const b = y.row;
      if (a.Score__c !== b.Score__c) return b.Score__c - a.Score__c;
      if (a.Account_Count__c !== b.Account_Count__c) return b.Account_Count__c - a.Account_Count__c;
      if (x.name !== y.name) return x.name < y.name ? -1 : 1;
      return a.Theme__c < b.Theme__c ? -1 : a.Theme__c > b.Theme__c ? 1 : 0;
    });
    for (let i = 0; i < list.length; i++) list[i].row.Rank__c = i + 1;
  }
  return rows;
}
