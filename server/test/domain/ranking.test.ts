import fc from 'fast-check';
import { rankScores } from '../../src/domain/ranking';

/*
 * rankScores sorts each segment's rows as one number per row when it can, and with a comparator
 * when it cannot (keys past 2^53, a theme listed twice in one segment). Both ways must give the
 * ranks of the rule itself: score desc, accounts desc, theme name asc, theme Id asc.
 */

interface Spec {
  group: number;
  theme: number;
  score: number;
  accounts: number;
}

const THEME_IDS = ['a0T5', 'a0T1', 'a0T3', 'a0T2', 'a0T4', 'a0T0'];
// Two themes share a name, one has none: the Id decides between them.
const NAMES = new Map([
  ['a0T5', 'Export'],
  ['a0T1', 'Audit log'],
  ['a0T3', 'Export'],
  ['a0T2', 'SSO'],
  ['a0T4', 'Audit log'],
]);

/** The rule, written the slow and obvious way. */
function expectedRanks(specs: readonly Spec[]): number[] {
  const placeKey = (t: number) => [NAMES.get(THEME_IDS[t]) ?? '', THEME_IDS[t]] as const;
  const before = (a: Spec, b: Spec): boolean => {
    if (a.score !== b.score) return a.score > b.score;
    if (a.accounts !== b.accounts) return a.accounts > b.accounts;
    const [na, ia] = placeKey(a.theme);
    const [nb, ib] = placeKey(b.theme);
    return na !== nb ? na < nb : ia < ib;
  };
  // Rank = 1 + rows of the same group strictly before it (rows that tie exactly, which only a
  // repeated theme allows, may come in either order: the caller checks those apart).
  return specs.map((s) => 1 + specs.filter((o) => o.group === s.group && before(o, s)).length);
}

/** Ranks of the rows; account counts as scoring keeps them (int32), or as doubles when `wide`. */
function ranks(specs: readonly Spec[], wide = false): number[] {
  const rank = new Int32Array(specs.length);
  rankScores(
    {
      score: Float64Array.from(specs, (s) => s.score),
      accounts: wide
        ? Float64Array.from(specs, (s) => s.accounts)
        : Int32Array.from(specs, (s) => s.accounts),
      group: Int32Array.from(specs, (s) => s.group),
      theme: Int32Array.from(specs, (s) => s.theme),
      rank,
    },
    THEME_IDS,
    NAMES,
  );
  return Array.from(rank);
}

// Scores on a coarse grid so that ties in score (and in accounts) are common.
const scoreArb = fc.integer({ min: 0, max: 6 }).map((k) => k * 0.25);
const rowArb = (theme: fc.Arbitrary<number>) =>
  fc.record({
    group: fc.integer({ min: 0, max: 3 }),
    theme,
    score: scoreArb,
    accounts: fc.integer({ min: 1, max: 4 }),
  });

/** Rows with one row per (group, theme), as computeScores makes them. */
const uniqueRows = fc
  .uniqueArray(rowArb(fc.integer({ min: 0, max: THEME_IDS.length - 1 })), {
    selector: (r) => `${r.group}:${r.theme}`,
    maxLength: 24,
  })
  .map((rows) => rows as Spec[]);

describe('rankScores', () => {
  it('ranks by score, accounts, theme name and theme Id within each group (keyed sort)', () => {
    fc.assert(
      fc.property(uniqueRows, (specs) => {
        expect(ranks(specs)).toEqual(expectedRanks(specs));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same ranks through the comparator when keys would pass 2^53', () => {
    fc.assert(
      fc.property(uniqueRows, (specs) => {
        // Account counts this large make (score levels × accounts × places) pass 2^53.
        const huge = specs.map((s) => ({ ...s, accounts: s.accounts * 2 ** 50 }));
        expect(ranks(huge, true)).toEqual(expectedRanks(huge));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same ranks through the comparator when scores have more than 4 decimals', () => {
    fc.assert(
      fc.property(uniqueRows, fc.integer({ min: 1, max: 9 }), (specs, j) => {
        const fine = specs.map((s, i) => ({ ...s, score: s.score + ((i * j) % 3) * 1e-5 }));
        expect(ranks(fine)).toEqual(expectedRanks(fine));
      }),
      { numRuns: 100 },
    );
  });

  it('still ranks every row when a group lists a theme twice', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb(fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 16 }),
        (specs) => {
          const got = ranks(specs);
          const want = expectedRanks(specs);
          // Exact ties (same score, accounts and theme) share `want`; otherwise ranks match.
          for (let i = 0; i < specs.length; i++) {
            const ties = specs.filter(
              (o) =>
                o.group === specs[i].group &&
                o.score === specs[i].score &&
                o.accounts === specs[i].accounts &&
                o.theme === specs[i].theme,
            ).length;
            expect(got[i]).toBeGreaterThanOrEqual(want[i]);
            expect(got[i]).toBeLessThan(want[i] + ties);
          }
          // Within each group the ranks are 1..n, each once.
          for (let g = 0; g <= 3; g++) {
            const mine = got.filter((_, i) => specs[i].group === g).sort((a, b) => a - b);
            expect(mine).toEqual(mine.map((_, k) => k + 1));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
