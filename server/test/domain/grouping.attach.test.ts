import fc from 'fast-check';
import {
  ThemeProfiles,
  bestThemeByRule,
  type AttachSettings,
} from '../../src/domain/themes/attach';
import type { SparseVector } from '../../src/domain/themes/vectors';

/** A normalised sparse vector with positive weights (as TF-IDF's) over a small vocabulary. */
const vector = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 10 })
  .chain((terms) =>
    fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
        minLength: terms.length,
        maxLength: terms.length,
      })
      .map((ws) => of(terms.map((t, i) => [t, ws[i]]))),
  );

/** A normalised vector from (term, weight) pairs. */
function of(pairs: number[][]): SparseVector {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(sorted.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return {
    terms: Int32Array.from(sorted, (e) => e[0]),
    weights: Float64Array.from(sorted, (e) => e[1] / norm),
  };
}

const SETTINGS: AttachSettings = { attach: 0.18, floor: 0.09, top: 3 };

describe('ThemeProfiles.best (the attach search)', () => {
  it('equals the rule over every document: theme, score and best documents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((themes) =>
          fc.record({
            themes: fc.constant(themes),
            // Some documents repeat (ties between documents and between themes).
            docs: fc.array(fc.record({ theme: fc.nat(themes - 1), vector }), {
              minLength: 1,
              maxLength: 50,
            }),
            repeats: fc.array(fc.nat(), { maxLength: 10 }),
            queries: fc.array(vector, { minLength: 1, maxLength: 12 }),
            blocked: fc.uniqueArray(fc.nat(themes - 1), { maxLength: 3 }),
            settings: fc.record({
              attach: fc.constantFrom(0.05, 0.18, 0.3, 0.6),
              top: fc.integer({ min: 1, max: 4 }),
            }),
          }),
        ),
        ({ themes, docs, repeats, queries, blocked, settings }) => {
          const all = [...docs];
          for (const r of repeats) {
            const d = docs[r % docs.length];
            all.push({ theme: (r >> 3) % themes, vector: d.vector });
          }
          const cfg = { ...settings, floor: settings.attach / 2 };
          const profiles = new ThemeProfiles(all, themes, cfg);
          const isBlocked = (t: number) => blocked.includes(t);
          for (const q of [...queries, ...all.slice(0, 3).map((d) => d.vector)]) {
            expect(profiles.best(q, isBlocked)).toEqual(
              bestThemeByRule(q, all, themes, cfg, isBlocked),
            );
            expect(profiles.best(q)).toEqual(bestThemeByRule(q, all, themes, cfg));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('averages a theme’s best three, over fewer when it has fewer documents', () => {
    const q = of([[1, 1]]);
    const docs = [
      // theme 0: three documents, cosines 1, 0.6 and 0 → mean 0.53
      { theme: 0, vector: of([[1, 1]]) },
      {
        theme: 0,
        vector: of([
          [1, 0.6],
          [2, 0.8],
        ]),
      },
      { theme: 0, vector: of([[3, 1]]) },
      // theme 1: one document, cosine 0.8 → 0.8
      {
        theme: 1,
        vector: of([
          [1, 0.8],
          [4, 0.6],
        ]),
      },
    ];
    const best = new ThemeProfiles(docs, 2, SETTINGS).best(q);
    expect(best?.theme).toBe(1);
    expect(best?.score).toBeCloseTo(0.8, 12);
    expect(best?.docs).toEqual([3]);
    // Blocked, theme 1 gives way to theme 0, whose document below the floor counts as 0.
    const next = new ThemeProfiles(docs, 2, SETTINGS).best(q, (t) => t === 1);
    expect(next?.theme).toBe(0);
    expect(next?.score).toBeCloseTo(1.6 / 3, 12);
    expect(next?.docs).toEqual([0, 1]);
  });

  it('gives a tie to the smaller theme, and nothing below the attach score', () => {
    const q = of([[1, 1]]);
    const same = of([
      [1, 0.5],
      [2, 0.5],
    ]);
    const tie = [
      { theme: 1, vector: same },
      { theme: 0, vector: same },
    ];
    expect(new ThemeProfiles(tie, 2, SETTINGS).best(q)?.theme).toBe(0);
    const weak = [
      {
        theme: 0,
        vector: of([
          [1, 0.1],
          [2, 1],
        ]),
      },
    ];
    expect(new ThemeProfiles(weak, 1, SETTINGS).best(q)).toBeNull();
  });
});
