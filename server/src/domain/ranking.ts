/**
 * Ranks within each segment (and within ALL), open demand only: score desc, then accounts
 * desc (equal scores rank the broader pattern first), then theme name, then theme Id, so the
 * order is total and never depends on input order. Rows of Delivered or Declined themes keep
 * rank 0 (written as a blank Rank__c).
 */
export interface RankInput {
  group: ArrayLike<number>;
  theme: ArrayLike<number>;
  score: ArrayLike<number>;
  accounts: ArrayLike<number>;
  /** Per theme number: 1 when the theme is open (ranked). */
  open: ArrayLike<number>;
  themeIds: readonly string[];
  themeNames: ReadonlyMap<string, string>;
}

export function rankRows(input: RankInput): Int32Array {
  const { group, theme, score, accounts, open, themeIds, themeNames } = input;
  const n = group.length;
  // Each theme's place in (name, Id) order: ties compare two integers.
  const byName = themeIds.map((_, k) => k);
  const names = themeIds.map((id) => themeNames.get(id) ?? '');
  byName.sort(
    (a, b) =>
      (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0) ||
      (themeIds[a] < themeIds[b] ? -1 : 1),
  );
  const place = new Int32Array(themeIds.length);
  byName.forEach((k, at) => (place[k] = at));

  const rows = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!open[theme[i]]) continue;
    const list = rows.get(group[i]);
    if (list) list.push(i);
    else rows.set(group[i], [i]);
  }
  const ranks = new Int32Array(n);
  for (const list of rows.values()) {
    list.sort(
      (a, b) =>
        score[b] - score[a] || accounts[b] - accounts[a] || place[theme[a]] - place[theme[b]],
    );
    list.forEach((i, at) => (ranks[i] = at + 1));
  }
  return ranks;
}
