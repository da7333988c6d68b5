/**
 * Step 3 of grouping (group.ts): which curated theme a request matches best.
 *
 * The rule: a theme's score for a request is the mean of the request's best `top` cosines to
 * the theme's documents (its own text and its labelled examples), a document below `floor`
 * counting as 0, divided by min(top, documents) so a theme with fewer documents averages what
 * it has. The request matches the theme with the highest score, if at least `attach`; ties go
 * to the smaller theme index. `bestThemeByRule` says exactly that over every document.
 *
 * `ThemeProfiles.best` gives the same answer without comparing the request with 55,000
 * documents: every document of a theme is below the theme's ceiling (per term, the largest
 * weight any of its documents has), so no document's cosine, and hence no mean of them, can
 * exceed the request's dot product with the ceiling. Themes are visited by that bound, highest
 * first, through an inverted index over the ceilings (one posting per theme and term instead of
 * one per document and term); a theme's documents are compared only while its bound can still
 * beat the best score found, and the search stops at the first bound that cannot. The bound
 * holds because TF-IDF weights are positive: a term a document lacks adds nothing.
 */
import { InvertedIndex, dot, type SparseVector } from './vectors';

export interface AttachSettings {
  /** Minimum score to match. */
  attach: number;
  /** Documents below this cosine count as 0. */
  floor: number;
  /** Best cosines averaged per theme. */
  top: number;
}

export interface ThemeMatch {
  theme: number;
  score: number;
  /** The theme's best documents (at most `top`), best first, ties by document index. */
  docs: number[];
}

/**
 * Slack for comparing a bound with a score: both add the same products, in different orders,
 * so they can differ by rounding (about 1e-16); a bound within this of the best is still visited.
 */
const SLACK = 1e-9;

/** The readable rule over every document (the reference the tests hold ThemeProfiles to). */
export function bestThemeByRule(
  query: SparseVector,
  docs: readonly { theme: number; vector: SparseVector }[],
  themes: number,
  settings: AttachSettings,
  blocked: (theme: number) => boolean = () => false,
): ThemeMatch | null {
  const perTheme: { index: number; score: number }[][] = Array.from({ length: themes }, () => []);
  docs.forEach((d, index) => {
    const score = dot(query, d.vector);
    if (score >= settings.floor) perTheme[d.theme].push({ index, score });
  });
  const sizes = new Array<number>(themes).fill(0);
  for (const d of docs) sizes[d.theme]++;
  let best: ThemeMatch | null = null;
  perTheme.forEach((list, theme) => {
    if (blocked(theme) || list.length === 0) return;
    list.sort((a, b) => b.score - a.score || a.index - b.index);
    const kept = list.slice(0, settings.top);
    const score = kept.reduce((s, d) => s + d.score, 0) / Math.min(settings.top, sizes[theme]);
    if (score >= settings.attach && (best === null || score > best.score))
      best = { theme, score, docs: kept.map((d) => d.index) };
  });
  return best;
}

export class ThemeProfiles {
  /** Documents of theme t: docsOf[first[t] .. first[t + 1]), in document order. */
  private readonly first: Int32Array;
  private readonly docsOf: Int32Array;
  private readonly ceilings: InvertedIndex;
  /** The query's weights by term id while a search runs (zero elsewhere). */
  private dense = new Float64Array(0);
  /** A theme's best `top` (document, cosine) while it is scored. */
  private readonly keptDoc: Int32Array;
  private readonly keptScore: Float64Array;

  constructor(
    private readonly docs: readonly { theme: number; vector: SparseVector }[],
    themes: number,
    private readonly settings: AttachSettings,
  ) {
    const first = new Int32Array(themes + 1);
    for (const d of docs) first[d.theme + 1]++;
    for (let t = 0; t < themes; t++) first[t + 1] += first[t];
    const fill = first.slice(0, themes);
    this.docsOf = new Int32Array(docs.length);
    docs.forEach((d, i) => (this.docsOf[fill[d.theme]++] = i));
    this.first = first;
    const ceilings: SparseVector[] = [];
    for (let t = 0; t < themes; t++) ceilings.push(this.ceiling(t));
    this.ceilings = new InvertedIndex(ceilings);
    this.keptDoc = new Int32Array(settings.top);
    this.keptScore = new Float64Array(settings.top);
  }

  /** Per term, the largest weight of any of theme t's documents (terms in ascending order). */
  private ceiling(t: number): SparseVector {
    const max = new Map<number, number>();
    for (let k = this.first[t]; k < this.first[t + 1]; k++) {
      const v = this.docs[this.docsOf[k]].vector;
      for (let i = 0; i < v.terms.length; i++)
        if (v.weights[i] > (max.get(v.terms[i]) ?? 0)) max.set(v.terms[i], v.weights[i]);
    }
    const terms = Int32Array.from([...max.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(terms, (term) => max.get(term) as number);
    return { terms, weights };
  }

  /** bestThemeByRule(query, docs, …), visiting only the themes whose ceiling can still win. */
  best(query: SparseVector, blocked: (theme: number) => boolean = () => false): ThemeMatch | null {
    const { attach, top } = this.settings;
    // Themes whose bound reaches the attach score, highest bound first (ties by index).
    const bounds = this.ceilings.neighbours(query, attach - SLACK);
    if (bounds.length === 0) return null;
    this.spread(query);
    let best = -1;
    let bestScore = attach;
    let bestDocs: number[] = [];
    for (const { index: theme, score: bound } of bounds) {
      // Later bounds are no higher: none can beat (or tie at a smaller index with) the best.
      if (bound + SLACK < bestScore) break;
      if (blocked(theme)) continue;
      const kept = this.score(theme);
      const score = this.sumKept(kept) / Math.min(top, this.first[theme + 1] - this.first[theme]);
      if (score > bestScore || (score === bestScore && (best < 0 || theme < best))) {
        best = theme;
        bestScore = score;
        bestDocs = Array.from(this.keptDoc.subarray(0, kept));
      }
    }
    this.unspread(query);
    return best < 0 ? null : { theme: best, score: bestScore, docs: bestDocs };
  }

  /**
   * Keeps theme t's best `top` documents at or above the floor in keptDoc/keptScore, best
   * first (ties by document index); returns how many.
   */
  private score(t: number): number {
    const { floor, top } = this.settings;
    let kept = 0;
    for (let k = this.first[t]; k < this.first[t + 1]; k++) {
      const doc = this.docsOf[k];
      const s = this.cosineWith(this.docs[doc].vector);
      if (s < floor) continue;
      // Insertion into a list of at most `top`: documents come in index order, so an equal
      // score stays behind the earlier document.
      let at = kept < top ? kept : top - 1;
      if (kept === top && s <= this.keptScore[top - 1]) continue;
      while (at > 0 && this.keptScore[at - 1] < s) {
        this.keptScore[at] = this.keptScore[at - 1];
        this.keptDoc[at] = this.keptDoc[at - 1];
        at--;
      }
      this.keptScore[at] = s;
      this.keptDoc[at] = doc;
      if (kept < top) kept++;
    }
    return kept;
  }

  /** The kept cosines' sum, best first (the order the rule adds them in). */
  private sumKept(kept: number): number {
    let sum = 0;
    for (let k = 0; k < kept; k++) sum += this.keptScore[k];
    return sum;
  }

  /** The query's cosine with a document: products in ascending term order, as dot() adds them. */
  private cosineWith(v: SparseVector): number {
    const dense = this.dense;
    let s = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i];
      if (t < dense.length) {
        const q = dense[t];
        if (q !== 0) s += q * v.weights[i];
      }
    }
    return s;
  }

  private spread(query: SparseVector): void {
    const last = query.terms.length > 0 ? query.terms[query.terms.length - 1] : -1;
    if (last >= this.dense.length)
      this.dense = new Float64Array(Math.max(last + 1, this.dense.length * 2));
    for (let i = 0; i < query.terms.length; i++) this.dense[query.terms[i]] = query.weights[i];
  }

  private unspread(query: SparseVector): void {
    for (let i = 0; i < query.terms.length; i++) this.dense[query.terms[i]] = 0;
  }
}
