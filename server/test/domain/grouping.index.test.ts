import fc from 'fast-check';
import { InvertedIndex, type SparseVector } from '../../src/domain/themes/vectors';

/**
 * A normalised sparse vector over a small vocabulary (so vectors share terms often); TF-IDF
 * weights are positive, but the index must not depend on it.
 */
const vectorWith = (min: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }).chain((terms) =>
    fc
      .array(fc.double({ min, max: 1, noNaN: true }), {
        minLength: terms.length,
        maxLength: terms.length,
      })
      .map((ws): SparseVector => {
        const order = terms.map((t, i) => [t, ws[i]]).sort((a, b) => a[0] - b[0]);
        const norm = Math.sqrt(ws.reduce((s, w) => s + w * w, 0)) || 1;
        return {
          terms: Int32Array.from(order, (e) => e[0]),
          weights: Float64Array.from(order, (e) => e[1] / norm),
        };
      }),
  );
const vector = vectorWith(0.01);

describe('InvertedIndex.best', () => {
  it('is neighbours(query)[0], whether or not every posting is walked', () => {
    fc.assert(
      fc.property(
        fc.array(vector, { minLength: 1, maxLength: 60 }),
        fc.array(vector, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(0, 0.1, 0.35, 0.6),
        (vectors, queries, maxPostings, threshold) => {
          // Two indexes: one walks every posting, the other leaves out the common terms.
          for (const index of [new InvertedIndex(vectors), new InvertedIndex(vectors, maxPostings)])
            for (const q of queries) {
              const first = index.neighbours(q, threshold)[0];
              expect(index.best(q, threshold)).toBe(first ? first.index : -1);
            }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is neighbours(query)[0] with weights of any sign too', () => {
    const signed = vectorWith(-1);
    fc.assert(
      fc.property(
        fc.array(signed, { minLength: 1, maxLength: 40 }),
        fc.array(signed, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 20 }),
        (vectors, queries, maxPostings) => {
          const index = new InvertedIndex(vectors, maxPostings);
          for (const q of queries) {
            const first = index.neighbours(q, 0.35)[0];
            expect(index.best(q, 0.35)).toBe(first ? first.index : -1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breaks ties by the smallest index', () => {
    const v: SparseVector = { terms: Int32Array.of(1, 2), weights: Float64Array.of(0.6, 0.8) };
    const other: SparseVector = { terms: Int32Array.of(3), weights: Float64Array.of(1) };
    const index = new InvertedIndex([other, v, v, v]);
    expect(index.best(v, 0.35)).toBe(1);
    expect(index.best(other, 0.35)).toBe(0);
    expect(index.best({ terms: Int32Array.of(9), weights: Float64Array.of(1) }, 0.35)).toBe(-1);
  });
});

describe('InvertedIndex.neighbours with a limit', () => {
  it('is the first `limit` of the unlimited list, ties included', () => {
    fc.assert(
      fc.property(
        // Repeated vectors make equal scores, so the tie order (smaller index) is exercised.
        fc.array(vector, { minLength: 1, maxLength: 30 }).map((vs) => [...vs, ...vs, ...vs]),
        fc.array(vector, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(0, 0.1, 0.35),
        (vectors, queries, limit, threshold) => {
          const index = new InvertedIndex(vectors);
          for (const q of queries) {
            const all = index.neighbours(q, threshold);
            expect(index.neighbours(q, threshold, { limit })).toEqual(all.slice(0, limit));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
