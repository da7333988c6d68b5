/**
 * Effective themes: a request's theme is Theme__c (set by people), else what grouping found in
 * this run, else the Suggested_Theme__c stored by an earlier run; merged themes count for the
 * theme they were merged into (following Merged_Into__c chains, safe against cycles).
 */
import type { ThemeInput as ThemeRecord } from '../../schema/inputs';

/** Maps every theme Id to the Id at the end of its Merged_Into__c chain. */
export function buildMergeResolver(themes: readonly ThemeRecord[]): (themeId: string) => string {
  const next = new Map<string, string>();
  for (const t of themes)
    if (t.Merged_Into__c && t.Merged_Into__c !== t.Id) next.set(t.Id, t.Merged_Into__c);
  const cache = new Map<string, string>();
  const resolve = (start: string): string => {
    const cached = cache.get(start);
    if (cached !== undefined) return cached;
    const path: string[] = [];
    const seen = new Set<string>();
    let cur = start;
    while (next.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      path.push(cur);
      cur = next.get(cur) as string;
      const known = cache.get(cur);
      if (known !== undefined) {
        cur = known;
        break;
      }
    }
    if (seen.has(cur)) {
      // A cycle (A -> B -> A): no theme in it is "the" target; pick the smallest Id so the
      // result does not depend on where the chain was entered.
      const cycle: string[] = [];
      let c = cur;
      do {
        cycle.push(c);
        c = next.get(c) as string;
      } while (c !== cur);
      cur = cycle.sort()[0];
    }
    for (const p of path) cache.set(p, cur);
    cache.set(start, cur);
    return cur;
  };
  return resolve;
}
