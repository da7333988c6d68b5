/**
 * TF-IDF vectors over a shared vocabulary and an inverted index for sub-quadratic similarity
 * search. Vectors are sparse (sorted term ids + weights), L2-normalised, so a dot product is a
 * cosine. Term ids are assigned in first-seen order over documents that are themselves
 * processed in Id order, so every number here is independent of input order.
 */

export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** A power of two (see InvertedIndex.mask). */
const QUERY_MASK_SIZE = 4096;
/**
 * A search visiting at least 1/CLEAR_ALL_RATIO as many postings as there are vectors clears
 * all sums afterwards instead of noting the ones it touches (InvertedIndex.clearAll).
 */
const CLEAR_ALL_RATIO = 32;

export class Vocabulary {
  /**
   * Weight of a private dimension every document has (and no other shares), in typical term
   * weights (its square is about how many unshared typical words it stands for):
   * vectors are normalised with it, then it is dropped. A document of one or two common words
   * ("card") says little; without it its vector is as long as any and two such documents
   * look identical (cosine 1). With it their cosine is damped by how little they say, while
   * documents of several informative words keep nearly all of theirs.
   */
  privateWeight = 0;
  /** Mean idf of a term occurrence (countDocuments): a typical word's weight. */
  typicalIdf = 1;
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  df: Int32Array = new Int32Array(0);
  docs = 0;

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(token, id);
      this.names.push(token);
    }
    return id;
  }

  /** Term ids of a token list, in its order (new tokens get the next ids). */
  termsOf(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.idOf(tokens[i]);
    return ids;
  }

  /** Counts document frequencies of term id lists (call once per document, in a fixed order). */
  countDocuments(docs: readonly Int32Array[]): void {
    const counts = new Int32Array(this.names.length);
    counts.set(this.df.subarray(0, Math.min(this.df.length, counts.length)));
    // The last document that counted each term: a term counts once per document.
    const counted = new Int32Array(this.names.length).fill(-1);
    docs.forEach((ids, d) => {
      for (let i = 0; i < ids.length; i++)
        if (counted[ids[i]] !== d) {
          counted[ids[i]] = d;
          counts[ids[i]]++;
        }
    });
    this.df = counts;
    this.docs += docs.length;
    // The mean idf of a term occurrence (each document's distinct terms).
    let sum = 0;
    let n = 0;
    for (let t = 0; t < counts.length; t++) {
      sum += counts[t] * this.idf(t);
      n += counts[t];
    }
    this.typicalIdf = n > 0 ? sum / n : 1;
  }

  idf(id: number): number {
    const df = id < this.df.length ? this.df[id] : 0;
    return Math.log(1 + (this.docs + 1) / (df + 1));
  }

  /**
   * The TF-IDF vector of a document, from its term ids (termsOf) and, optionally, a weight per
   * occurrence (tokenize's weights: a pivot term from a dictionary weighs less than a word).
   * A term's frequency is the sum of its occurrences' weights; 1 + ln(tf) above 1.
   */
  vector(doc: Int32Array, occurrenceWeights?: ArrayLike<number>): SparseVector {
    // Occurrences sorted by term id, so equal ids are adjacent: each run is one term.
    const order = Array.from(doc.keys()).sort((x, y) => doc[x] - doc[y] || x - y);
    let distinct = 0;
    for (let i = 0; i < order.length; i++)
      if (i === 0 || doc[order[i]] !== doc[order[i - 1]]) distinct++;
    const terms = new Int32Array(distinct);
    const weights = new Float64Array(distinct);
    let norm = 0;
    for (let i = 0, k = 0; i < order.length; k++) {
      const id = doc[order[i]];
      let tf = 0;
      while (i < order.length && doc[order[i]] === id) {
        tf += occurrenceWeights ? occurrenceWeights[order[i]] : 1;
        i++;
      }
      const w = (tf > 1 ? 1 + Math.log(tf) : tf) * this.idf(id);
      terms[k] = id;
      weights[k] = w;
      norm += w * w;
    }
    // In units of the corpus's typical term weight, so small and large corpora damp alike.
    const own = this.privateWeight * this.typicalIdf;
    return normalise({ terms, weights }, norm + own * own);
  }
}

function normalise(v: SparseVector, squaredNorm: number): SparseVector {
  const n = Math.sqrt(squaredNorm);
  if (n > 0) for (let i = 0; i < v.weights.length; i++) v.weights[i] /= n;
  return v;
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i];
    const y = bt[j];
    if (x === y) {
      s += a.weights[i++] * b.weights[j++];
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Normalised vector of the strongest `limit` positive (term, weight) entries (ties by term). */
function strongest(sum: [number, number][], limit: number): SparseVector {
  let entries = sum.filter(([, w]) => w > 0);
  if (entries.length > limit)
    entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  entries.sort((a, b) => a[0] - b[0]);
  const v = {
    terms: Int32Array.from(entries, (e) => e[0]),
    weights: Float64Array.from(entries, (e) => e[1]),
  };
  let norm = 0;
  for (const w of v.weights) norm += w * w;
  return normalise(v, norm);
}

/**
 * A sum of vectors made and read once (theme profiles): Centroid's sums and toVector(), over
 * a dense array reused from one sum to the next instead of a map per sum.
 */
export class DenseSum {
  private readonly sum: Float64Array;
  private readonly seen: Uint8Array;
  private readonly terms: number[] = [];
  constructor(vocabularySize: number) {
    this.sum = new Float64Array(vocabularySize);
    this.seen = new Uint8Array(vocabularySize);
  }
  add(v: SparseVector, factor = 1): void {
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i];
      if (this.seen[t] === 0) {
        this.seen[t] = 1;
        this.terms.push(t);
      }
      this.sum[t] = this.sum[t] + v.weights[i] * factor;
    }
  }
  /** Centroid.toVector() of the sum so far; the sum then starts again from zero. */
  takeVector(limit = Number.POSITIVE_INFINITY): SparseVector {
    const entries = this.terms.map((t): [number, number] => [t, this.sum[t]]);
    for (const t of this.terms) {
      this.sum[t] = 0;
      this.seen[t] = 0;
    }
    this.terms.length = 0;
    return strongest(entries, limit);
  }
}

/** Sum of vectors (sparse, in a map), for centroids; its squared norm is cached. */
export class Centroid {
  readonly sum = new Map<number, number>();
  private norm2 = -1;
  add(v: SparseVector, factor = 1): void {
    for (let i = 0; i < v.terms.length; i++)
      this.sum.set(v.terms[i], (this.sum.get(v.terms[i]) ?? 0) + v.weights[i] * factor);
    this.norm2 = -1;
  }
  merge(other: Centroid): void {
    for (const [k, w] of other.sum) this.sum.set(k, (this.sum.get(k) ?? 0) + w);
    this.norm2 = -1;
  }
  squaredNorm(): number {
    if (this.norm2 < 0) {
      let n = 0;
      for (const w of this.sum.values()) n += w * w;
      this.norm2 = n;
    }
    return this.norm2;
  }
  /** Normalised vector of the strongest `limit` terms (ties by term id). */
  toVector(limit = Number.POSITIVE_INFINITY): SparseVector {
    return strongest([...this.sum.entries()], limit);
  }
  cosine(other: Centroid): number {
    let d = 0;
    const [small, large] =
      this.sum.size <= other.sum.size ? [this.sum, other.sum] : [other.sum, this.sum];
    for (const [k, w] of small) {
      const o = large.get(k);
      if (o !== undefined) d += w * o;
    }
    const na = this.squaredNorm();
    const nb = other.squaredNorm();
    return na > 0 && nb > 0 ? d / Math.sqrt(na * nb) : 0;
  }
}

/**
 * Inverted index over a list of vectors. `neighbours(query)` accumulates partial dot products
 * through the postings of the query's terms, then computes the exact cosine for the best
 * `candidates` only. Terms posted in more than `maxPostings` vectors are not walked (they still
 * count in the exact cosine): together this bounds the work per query, so a large batch stays
 * sub-quadratic even when thousands of requests share the same words. `best(query)` is
 * neighbours(query)[0] without the list.
 */
/**
 * The best `limit` of a stream of (index, score), best first (higher score, then smaller
 * index): a total order, so the result is the same whatever order they come in. A bounded
 * heap keeps the worst kept one at its root, so a search with thousands of candidates costs
 * log(limit) per candidate instead of a sort of all of them.
 */
class TopK {
  private readonly all: { index: number; score: number }[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a is worse than b (lower score, or the same score at a larger index). */
  private static worse(a: { index: number; score: number }, b: { index: number; score: number }) {
    return a.score < b.score || (a.score === b.score && a.index > b.index);
  }

  offer(index: number, score: number): void {
    const heap = this.all;
    if (heap.length < this.limit) {
      heap.push({ index, score });
      if (this.limit !== Number.POSITIVE_INFINITY) this.up(heap.length - 1);
      return;
    }
    const root = heap[0];
    if (root === undefined || !TopK.worse(root, { index, score })) return;
    root.index = index;
    root.score = score;
    this.down(0);
  }

  sorted(): { index: number; score: number }[] {
    return this.all.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  private up(i: number): void {
    const heap = this.all;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopK.worse(heap[i], heap[parent])) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.all;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && TopK.worse(heap[l], heap[worst])) worst = l;
      if (r < heap.length && TopK.worse(heap[r], heap[worst])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }
}

export class InvertedIndex {
  /**
   * Postings of all terms in one flat list (compressed sparse rows): term t's postings are
   * docs/weights[start[t] .. start[t + 1]), in index order. No map lookup or boxed number per
   * posting on the hot path.
   */
  private readonly start: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float64Array;
  /** Smallest posting weight per term (see the 1e-300 below). */
  private readonly minWeight: Float64Array;
  /** Largest posting weight per term: bounds what a term not walked can add (see best). */
  private readonly maxWeight: Float64Array;
  /** Whether every posting weight is > 0 (see clearAll). */
  private readonly positive: boolean;
  /** Partial sums by vector index (zero outside a search). */
  private readonly scratch: Float64Array;
  /**
   * Candidates of the last walk, `count` of them, each once: every index it touched, in
   * first-touched order, or (when `clearAll`) only those whose sum reached the floor, in the
   * order they reached it. A typed array of one slot per vector, reused: a plain array emptied
   * by `length = 0` loses its backing store and was regrown for every query.
   */
  private readonly touched: Int32Array;
  private count = 0;
  /**
   * Whether the last walk visited many postings for the number of vectors. Then noting the
   * first touch of each sum (a data-dependent branch per posting) costs more than clearing all
   * of `scratch` afterwards, and only sums reaching the floor, a few, are candidates.
   */
  private clearAll = false;
  /**
   * After accumulate(): whether every posting of every query term was walked (then the partial
   * sums are the exact cosines), and otherwise an upper bound on what the terms not walked add
   * to any partial sum (infinite when postings were cut short by a window).
   */
  private complete = true;
  private missing = 0;
  private dense = new Float64Array(0);
  /**
   * Query terms by id modulo QUERY_MASK_SIZE (set while `dense` holds a query): the dense array
   * spans the whole vocabulary, so most lookups would miss the cache, and most candidate terms
   * are not query terms; this small table in cache rules them out first.
   */
  private readonly mask = new Uint8Array(QUERY_MASK_SIZE);

  constructor(
    readonly vectors: readonly SparseVector[],
    private readonly maxPostings = Number.POSITIVE_INFINITY,
  ) {
    let terms = 0;
    let total = 0;
    for (const v of vectors) {
      if (v.terms.length > 0) terms = Math.max(terms, v.terms[v.terms.length - 1] + 1);
      total += v.terms.length;
    }
    const start = new Int32Array(terms + 1);
    for (const v of vectors) for (let k = 0; k < v.terms.length; k++) start[v.terms[k] + 1]++;
    for (let t = 0; t < terms; t++) start[t + 1] += start[t];
    const fill = start.slice(0, terms);
    this.docs = new Int32Array(total);
    this.weights = new Float64Array(total);
    vectors.forEach((v, i) => {
      for (let k = 0; k < v.terms.length; k++) {
        const at = fill[v.terms[k]]++;
        this.docs[at] = i;
        this.weights[at] = v.weights[k];
      }
    });
    this.start = start;
    this.minWeight = new Float64Array(terms).fill(Number.POSITIVE_INFINITY);
    this.maxWeight = new Float64Array(terms);
    for (let t = 0; t < terms; t++)
      for (let k = start[t]; k < start[t + 1]; k++) {
        this.minWeight[t] = Math.min(this.minWeight[t], this.weights[k]);
        this.maxWeight[t] = Math.max(this.maxWeight[t], this.weights[k]);
      }
    this.positive = this.weights.every((w) => w > 0);
    this.scratch = new Float64Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  /**
   * The most similar vectors with cosine >= threshold, best first (ties by index), at most
   * `limit`. With `after`, only indexes > after are considered (each pair is seen once) and
   * each posting list is walked for at most `window` entries past `after`: enough to link a
   * request to its nearest fellows in Id order, which is all single-link grouping needs to
   * connect a large group, while the work per request stays bounded.
   */
  neighbours(
    query: SparseVector,
    threshold: number,
    opts: { after?: number; limit?: number; window?: number } = {},
  ): { index: number; score: number }[] {
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    // Partial sums are lower bounds of the cosine; only promising candidates get the exact one.
    const floor = threshold * 0.5;
    this.accumulate(query, floor, opts.after ?? -1, opts.window ?? Number.POSITIVE_INFINITY);
    const acc = this.scratch;
    const touched = this.touched;
    const top = new TopK(limit);
    if (this.complete) {
      for (let c = 0; c < this.count; c++) {
        const j = touched[c];
        if (acc[j] >= threshold) top.offer(j, acc[j]);
      }
    } else {
      const dense = this.spread(query);
      for (let c = 0; c < this.count; c++) {
        const j = touched[c];
        if (acc[j] >= floor) {
          const s = this.exact(j, dense);
          if (s >= threshold) top.offer(j, s);
        }
      }
      this.unspread(query);
    }
    this.clear();
    return top.sorted();
  }

  /**
   * neighbours(query, threshold)[0]?.index, or -1 when there is none: the same candidates and
   * exact cosines, without building and sorting the list. A candidate whose partial sum plus
   * all that the terms not walked could add stays below the best so far cannot win (nor tie),
   * so its exact cosine is skipped.
   */
  best(query: SparseVector, threshold: number): number {
    const floor = threshold * 0.5;
    this.accumulate(query, floor, -1, Number.POSITIVE_INFINITY);
    const acc = this.scratch;
    const touched = this.touched;
    const complete = this.complete;
    // The margin covers rounding: partial and exact sums add the same products differently.
    const slack = this.missing + 1e-9;
    const dense = complete ? this.dense : this.spread(query);
    let best = -1;
    let bestScore = threshold;
    for (let c = 0; c < this.count; c++) {
      const j = touched[c];
      const partial = acc[j];
      if (partial + slack < bestScore || partial < floor) continue;
      const s = complete ? partial : this.exact(j, dense);
      if (s > bestScore || (s === bestScore && (best < 0 || j < best))) {
        best = j;
        bestScore = s;
      }
    }
    if (!complete) this.unspread(query);
    this.clear();
    return best;
  }

  /**
   * Adds query weight × posting weight into `scratch` for the postings walked, recording the
   * candidates (see `touched`), whether the walk was complete and the bound `missing`.
   */
  private accumulate(query: SparseVector, floor: number, after: number, window: number): void {
    const acc = this.scratch;
    const touched = this.touched;
    let count = 0;
    let missing = 0;
    // When every posting of every query term is walked, a candidate's sum is its exact cosine:
    // the same products (query weight × its weight), added in the same ascending term order
    // as dot(). Then no exact pass is needed.
    let complete = true;
    const postDocs = this.docs;
    const postWeights = this.weights;
    // Only with positive products (TF-IDF weights are), as a sum then reaches the floor once;
    // a floor of 0 would make every touched sum a candidate: noting first touches it is.
    const clearAll =
      after < 0 &&
      floor > 0 &&
      this.positive &&
      this.postingsToWalk(query) * CLEAR_ALL_RATIO >= acc.length;
    for (let i = 0; i < query.terms.length; i++) {
      const t = query.terms[i];
      if (t + 1 >= this.start.length) continue;
      const first = this.start[t];
      const stop = this.start[t + 1];
      if (first === stop) continue;
      const wq = query.weights[i];
      if (stop - first > this.maxPostings && window === Number.POSITIVE_INFINITY) {
        complete = false;
        missing += wq > 0 && this.minWeight[t] > 0 ? wq * this.maxWeight[t] : Infinity;
        continue;
      }
      let k = first;
      if (after >= 0) {
        // postings are in index order: skip to the first index > after
        let lo = first;
        let hi = stop;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (postDocs[mid] <= after) lo = mid + 1;
          else hi = mid;
        }
        k = lo;
      }
      const end = Math.min(stop, k + window);
      if (end < stop) {
        complete = false;
        missing = Number.POSITIVE_INFINITY;
      }
      // The 1e-300 keeps a touched sum from being 0; it vanishes when added to any product
      // above 1e-280 (always, for these weights; the check keeps the sums exact regardless).
      // Products grow with the posting weight, so the term's smallest weight decides.
      if (wq * this.minWeight[t] < 1e-280) complete = false;
      if (clearAll) {
        // Sums only grow (positive products), so each reaches the floor once.
        for (; k < end; k++) {
          const j = postDocs[k];
          const before = acc[j];
          const sum = before + (wq * postWeights[k] + 1e-300);
          acc[j] = sum;
          if (sum >= floor && before < floor) touched[count++] = j;
        }
        continue;
      }
      for (; k < end; k++) {
        const j = postDocs[k];
        if (acc[j] === 0) touched[count++] = j;
        acc[j] += wq * postWeights[k] + 1e-300;
      }
    }
    this.count = count;
    this.clearAll = clearAll;
    this.complete = complete;
    this.missing = missing;
  }

  /** Zeroes the sums of the last walk. */
  private clear(): void {
    if (this.clearAll) this.scratch.fill(0);
    else for (let c = 0; c < this.count; c++) this.scratch[this.touched[c]] = 0;
  }

  /** How many postings a walk without `after` visits for the query (0 if a weight is not > 0). */
  private postingsToWalk(query: SparseVector): number {
    let n = 0;
    for (let i = 0; i < query.terms.length; i++) {
      if (!(query.weights[i] > 0)) return 0;
      const t = query.terms[i];
      if (t + 1 >= this.start.length) continue;
      const postings = this.start[t + 1] - this.start[t];
      if (postings <= this.maxPostings) n += postings;
    }
    return n;
  }

  /**
   * The exact cosine of the query (spread over `dense`) and vector j: one pass over j's own
   * terms, products added in ascending term order, as dot() does: the same sum.
   */
  private exact(j: number, dense: Float64Array): number {
    const mask = this.mask;
    const v = this.vectors[j];
    const terms = v.terms;
    const weights = v.weights;
    let s = 0;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      if (mask[t & (QUERY_MASK_SIZE - 1)] !== 0 && t < dense.length) {
        const q = dense[t];
        if (q !== 0) s += q * weights[k];
      }
    }
    return s;
  }

  /** The query's weights by term id (zero elsewhere; cleared by unspread after each search). */
  private spread(query: SparseVector): Float64Array {
    const last = query.terms.length > 0 ? query.terms[query.terms.length - 1] : -1;
    if (last >= this.dense.length)
      this.dense = new Float64Array(Math.max(last + 1, this.dense.length * 2));
    for (let i = 0; i < query.terms.length; i++) {
      this.dense[query.terms[i]] = query.weights[i];
      this.mask[query.terms[i] & (QUERY_MASK_SIZE - 1)] = 1;
    }
    return this.dense;
  }

  private unspread(query: SparseVector): void {
    for (let i = 0; i < query.terms.length; i++) {
      this.dense[query.terms[i]] = 0;
      this.mask[query.terms[i] & (QUERY_MASK_SIZE - 1)] = 0;
    }
  }
}
