/**
 * Average-linkage agglomerative clustering over a sparse candidate graph.
 *
 * The similarity of two groups is the mean cosine over all pairs of their requests. With
 * L2-normalised vectors that mean is exact and cheap: Σ_{a∈A, b∈B} cos(a, b) = sumA · sumB,
 * so it is dot(sumA, sumB) / (|A|·|B|), from the groups' summed vectors. Unlike single linkage
 * or a centroid cosine (whose normalisation forgives a spread-out group), a chain of requests
 * that each resemble the next but not the rest has a low mean, so it does not merge.
 *
 * Which groups are compared: only those joined by an edge of the candidate graph (each
 * request's nearest neighbours, from the inverted index), so the work stays bounded by the
 * edges; groups inherit their members' edges when they merge. The strongest pair merges first
 * while its mean stays at or above the threshold; ties break by group number, so the result is
 * a function of the vectors and edges alone.
 */
import type { SparseVector } from './vectors';

/** Edges as flat pairs [a0, b0, a1, b1, …]: an object per edge cost ~40 bytes, a pair 16. */
export type Edges = readonly number[];

/** A binary max-heap of candidate merges (score, then smaller a, then smaller b first). */
class MergeHeap {
  private readonly score: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  /** The groups' versions when the entry was made (see averageLinkage). */
  private readonly va: number[] = [];
  private readonly vb: number[] = [];
  get size(): number {
    return this.score.length;
  }
  private before(i: number, j: number): boolean {
    const s = this.score;
    if (s[i] !== s[j]) return s[i] > s[j];
    if (this.a[i] !== this.a[j]) return this.a[i] < this.a[j];
    return this.b[i] < this.b[j];
  }
  private swap(i: number, j: number): void {
    for (const arr of [this.score, this.a, this.b, this.va, this.vb]) {
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
  }
  push(score: number, a: number, b: number, va: number, vb: number): void {
    this.score.push(score);
    this.a.push(a);
    this.b.push(b);
    this.va.push(va);
    this.vb.push(vb);
    let i = this.score.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { score: number; a: number; b: number; va: number; vb: number } {
    const top = {
      score: this.score[0],
      a: this.a[0],
      b: this.b[0],
      va: this.va[0],
      vb: this.vb[0],
    };
    const last = this.score.length - 1;
    this.swap(0, last);
    this.score.pop();
    this.a.pop();
    this.b.pop();
    this.va.pop();
    this.vb.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.score.length && this.before(l, m)) m = l;
      if (r < this.score.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

/**
 * A group's summed vector: a map once the group has merged, else its one request's vector
 * (no map per request: most requests never merge). A vector's terms are ascending and
 * distinct, as the map built from it would iterate them, so every sum below is the same.
 */
type Sum = Map<number, number> | SparseVector;

function sizeOf(s: Sum): number {
  return s instanceof Map ? s.size : s.terms.length;
}

function weightOf(s: Sum, k: number): number | undefined {
  if (s instanceof Map) return s.get(k);
  const terms = s.terms;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid];
    if (t === k) return s.weights[mid];
    if (t < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function forEachWeight(s: Sum, fn: (k: number, w: number) => void): void {
  if (s instanceof Map) for (const [k, w] of s) fn(k, w);
  else for (let i = 0; i < s.terms.length; i++) fn(s.terms[i], s.weights[i]);
}

function sparseDot(x: Sum, y: Sum): number {
  const [small, large] = sizeOf(x) <= sizeOf(y) ? [x, y] : [y, x];
  let d = 0;
  forEachWeight(small, (k, w) => {
    const o = weightOf(large, k);
    if (o !== undefined) d += w * o;
  });
  return d;
}

/**
 * Groups of vector indexes (each in ascending order; groups ordered by their first member):
 * average-linkage merges along `edges` while the mean pairwise cosine is >= `threshold`.
 * `separate(a, b)`, if given, forbids merging the groups holding a and b (people's lessons).
 */
export function averageLinkage(
  vectors: readonly SparseVector[],
  edges: Edges,
  threshold: number,
  separate?: (membersA: readonly number[], membersB: readonly number[]) => boolean,
): number[][] {
  const n = vectors.length;
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const sums: (Map<number, number> | null)[] = new Array(n).fill(null);
  const sumOf = (g: number): Sum => sums[g] ?? vectors[g];
  /** The group's sum as a map it can merge into. */
  const mapOf = (g: number): Map<number, number> => {
    let s = sums[g];
    if (!s) {
      s = new Map();
      const v = vectors[g];
      for (let k = 0; k < v.terms.length; k++) s.set(v.terms[k], v.weights[k]);
      sums[g] = s;
    }
    return s;
  };
  const adjacent: (Set<number> | null)[] = new Array(n).fill(null);
  const adj = (g: number): Set<number> => {
    let s = adjacent[g];
    if (!s) adjacent[g] = s = new Set();
    return s;
  };
  const mean = (x: number, y: number): number =>
    sparseDot(sumOf(x), sumOf(y)) /
    ((members[x] as number[]).length * (members[y] as number[]).length);

  const heap = new MergeHeap();
  // A group's version changes when it merges: heap entries of older versions are stale.
  const version = new Int32Array(n);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const a = edges[e];
    const b = edges[e + 1];
    if (a === b || adj(a).has(b)) continue;
    adj(a).add(b);
    adj(b).add(a);
    const [x, y] = a < b ? [a, b] : [b, a];
    const s = mean(x, y);
    if (s >= threshold) heap.push(s, x, y, 0, 0);
  }
  while (heap.size > 0) {
    const { a, b, va, vb } = heap.pop();
    const ma = members[a];
    const mb = members[b];
    if (!ma || !mb || version[a] !== va || version[b] !== vb) continue;
    if (separate && separate(ma, mb)) continue;
    // Merge b into a (a < b: the group keeps its smallest member's number).
    const sa = mapOf(a);
    forEachWeight(sumOf(b), (k, w) => sa.set(k, (sa.get(k) ?? 0) + w));
    sums[b] = null;
    for (const m of mb) ma.push(m);
    ma.sort((x, y) => x - y);
    members[b] = null;
    version[a]++;
    const na = adj(a);
    na.delete(b);
    for (const c of adj(b)) {
      if (c === a) continue;
      na.add(c);
      const nc = adj(c);
      nc.delete(b);
      nc.add(a);
    }
    adjacent[b] = null;
    for (const c of [...na].sort((x, y) => x - y)) {
      if (!members[c]) continue;
      const s = mean(a, c);
      if (s < threshold) continue;
      const [x, y] = a < c ? [a, c] : [c, a];
      heap.push(s, x, y, version[x], version[y]);
    }
  }
  return members.filter((m): m is number[] => m !== null);
}
