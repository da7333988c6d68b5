/**
 * Ranks within each segment (and within ALL): score desc, then accounts desc, then theme name
 * asc, then theme Id, so equal scores always rank the broader pattern first and the order is
 * total (never input-dependent).
 *
 * A full org has some 160k rows. They are bucketed by segment, then each segment's rows are
 * sorted as one number per row (score in ten-thousandths, accounts, theme place), natively
 * and without a comparator call per comparison. Rows the numbers cannot order that way (a
 * score with more than 4 decimals, keys past 2^53, a segment listing a theme twice) are
 * sorted with the comparator instead.
 */

/** A table's rows as the ranking reads them, and the rank column it fills (from 1). */
export interface RankColumns {
  score: ArrayLike<number>;
  /** Account counts: whole, non-negative. */
  accounts: ArrayLike<number>;
  /** Row i's segment number (ALL is a group of its own) and its theme's number in `themeIds`. */
  group: ArrayLike<number>;
  theme: ArrayLike<number>;
  rank: Int32Array;
}

/** Sets every row's rank; theme names come from `themeNames` (blank if absent). */
export function rankScores(
  columns: RankColumns,
  themeIds: readonly string[],
  themeNames: ReadonlyMap<string, string>,
): void {
  const { score, accounts, group, theme, rank } = columns;
  const place = themePlaces(themeIds, themeNames);
  const { order, groupStart } = byGroup(group, score.length);
  const sorter = new GroupSorter(score, accounts, theme, place);
  for (let g = 0; g + 1 < groupStart.length; g++) {
    const from = groupStart[g];
    const to = groupStart[g + 1];
    if (to - from > 1 && !sorter.sort(order, from, to)) {
      const sorted = Array.from(order.subarray(from, to)).sort((a, b) => {
        if (score[a] !== score[b]) return score[b] - score[a];
        if (accounts[a] !== accounts[b]) return accounts[b] - accounts[a];
        return place[theme[a]] - place[theme[b]];
      });
      order.set(sorted, from);
    }
  }
  setRanks(rank, order, group);
}

/*
 * One loop per function: V8 compiles each quickly and completely (a function with several long
 * loops is compiled at its first loop and thrown away at the next).
 */

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
function setRanks(ranks: Int32Array, order: Int32Array, group: ArrayLike<number>): void {
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    rank = k > 0 && group[order[k - 1]] === group[i] ? rank + 1 : 1;
    ranks[i] = rank;
  }
}

/** Row numbers bucketed by group (stable), and where each group starts. */
function byGroup(
  group: ArrayLike<number>,
  n: number,
): { order: Int32Array; groupStart: Int32Array } {
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
 * Sorts one group's rows by a key per row: (top score − score) × 10^4 × (A + 1) × P +
 * (A − accounts) × P + the theme's place, A being the group's largest account count and P the
 * number of places. Ascending keys are the rank order, and each key names its row through its
 * place (a group lists each theme once).
 */
class GroupSorter {
  private readonly rowAtPlace: Int32Array;
  private keys = new Float64Array(1024);

  constructor(
    private readonly score: ArrayLike<number>,
    private readonly accounts: ArrayLike<number>,
    private readonly theme: ArrayLike<number>,
    private readonly place: Int32Array,
  ) {
    this.rowAtPlace = new Int32Array(place.length).fill(-1);
  }

  /** Sorts order[from..to); false, leaving it as it was, when the keys cannot order the rows. */
  sort(order: Int32Array, from: number, to: number): boolean {
    const { score, accounts, theme, place, rowAtPlace } = this;
    const places = place.length;
    let top = 0;
    let most = 0;
    let ok = true;
    for (let k = from; k < to; k++) {
      const i = order[k];
      const q = Math.round(score[i] * 10000);
      const a = accounts[i];
      // Whole ten-thousandths (round4 scores are), whole non-negative account counts.
      if (!(q >= 0 && q / 10000 === score[i] && a >= 0 && Math.floor(a) === a)) ok = false;
      if (q > top) top = q;
      if (a > most) most = a;
      const p = place[theme[i]];
      if (rowAtPlace[p] >= 0) ok = false;
      rowAtPlace[p] = i;
    }
    const span = (most + 1) * places;
    if (ok && (top + 1) * span <= Number.MAX_SAFE_INTEGER) {
      if (this.keys.length < to - from)
        this.keys = new Float64Array(Math.max(to - from, 2 * this.keys.length));
      const keys = this.keys.subarray(0, to - from);
      for (let k = from; k < to; k++) {
        const i = order[k];
        const q = Math.round(score[i] * 10000);
        keys[k - from] = (top - q) * span + (most - accounts[i]) * places + place[theme[i]];
      }
      keys.sort();
      for (let k = from; k < to; k++) order[k] = rowAtPlace[keys[k - from] % places];
    } else ok = false;
    for (let k = from; k < to; k++) rowAtPlace[place[theme[order[k]]]] = -1;
    return ok;
  }
}
