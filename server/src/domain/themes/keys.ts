/**
 * Stable keys for suggested themes (Theme_Key__c). A group of requests keeps the key of the
 * suggested theme its requests already carry (Suggested_Theme__c, written by the last run),
 * even after people put some of them, the first included, into other themes: triage never
 * turns one suggestion into two themes of the same name. Only a group no earlier suggestion
 * covers gets a new key, from its smallest request Id.
 *
 * Deterministic for the same org state: groups claim earlier suggestions by how many of their
 * requests carry it (then by smallest request Id, then key), each suggestion at most once.
 */
import type { RequestInput as RequestRecord, ThemeInput as ThemeRecord } from '../../schema/inputs';

/** 64-bit FNV-1a as 16 hex digits (two 32-bit halves): short, stable, collision-safe enough. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 13;
  }
  return h1.toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export interface KeyedGroup {
  /** Request Ids, ascending. */
  requestIds: string[];
  name: string;
}

/**
 * The key of each group (same order). `reusable` are the suggested themes still in status
 * Suggested (not merged away): their keys may be reused; every other key is taken.
 */
export function assignKeys(
  groups: readonly KeyedGroup[],
  requestsById: ReadonlyMap<string, RequestRecord>,
  themes: readonly ThemeRecord[],
  reusable: ReadonlySet<string>,
): string[] {
  const keyOf = new Map<string, string>();
  for (const t of themes) if (t.Theme_Key__c && reusable.has(t.Id)) keyOf.set(t.Id, t.Theme_Key__c);
  const taken = new Set(themes.map((t) => t.Theme_Key__c).filter((k): k is string => !!k));

  const claims: { g: number; key: string; count: number }[] = [];
  groups.forEach((group, g) => {
    const counts = new Map<string, number>();
    for (const id of group.requestIds) {
      const key = keyOf.get(requestsById.get(id)?.Suggested_Theme__c ?? '');
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) claims.push({ g, key, count });
  });
  const first = (g: number) => groups[g].requestIds[0];
  claims.sort(
    (x, y) =>
      y.count - x.count ||
      (first(x.g) < first(y.g) ? -1 : first(x.g) > first(y.g) ? 1 : 0) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const out: (string | undefined)[] = new Array(groups.length);
  const used = new Set<string>();
  for (const c of claims) {
    if (out[c.g] !== undefined || used.has(c.key)) continue;
    out[c.g] = c.key;
    used.add(c.key);
  }
  // A group none of whose requests carries a suggestion (all were re-read, say) but whose name
  // is that of an unclaimed suggestion is that suggestion again.
  const byName = new Map<string, string>();
  for (const t of [...themes].sort((a, b) => (a.Id < b.Id ? -1 : 1)))
    if (t.Theme_Key__c && reusable.has(t.Id) && !byName.has(t.Name ?? ''))
      byName.set(t.Name ?? '', t.Theme_Key__c);
  groups.forEach((group, g) => {
    if (out[g] !== undefined) return;
    const key = byName.get(group.name);
    if (key && !used.has(key)) {
      out[g] = key;
      used.add(key);
    }
  });
  return groups.map((group, g) => {
    if (out[g] !== undefined) return out[g] as string;
    let seed = group.requestIds[0];
    let key = `sugg-${stableHash(seed)}`;
    // A key people's themes already hold (an accepted suggestion) is not reused for another group.
    for (let n = 1; (taken.has(key) && !keyOfReusable(key, keyOf)) || used.has(key); n++) {
      seed = `${group.requestIds[0]}#${n}`;
      key = `sugg-${stableHash(seed)}`;
    }
    used.add(key);
    return key;
  });
}

function keyOfReusable(key: string, keyOf: ReadonlyMap<string, string>): boolean {
  for (const k of keyOf.values()) if (k === key) return true;
  return false;
}
