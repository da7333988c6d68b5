/**
 * `npm run eval:grouping [-- --sweep] [-- --show]`: theme grouping measured on every labelled
 * set (pairwise and B-cubed precision / recall) against a plain TF-IDF baseline at the same
 * precision. Which parts were tuned on and which are held out: server/test/fixtures/grouping/README.md.
 */
import {
  evaluateGrouping,
  loadBanking77,
  loadBlind,
  loadFixture,
  loadMultilingual,
  tfidfAtPrecision,
  type LabelledFixture,
  type Quality,
} from '../server/test/fixtures/grouping/evaluate';
import { GROUPING } from '../server/src/domain/themes/group';

const f = (x: number) => x.toFixed(3);

/**
 * The operating point before the length-aware damping (private weight 2, merge 0.2, attach
 * 0.25), printed beside Banking77 for comparison: more recall, precision about 0.5 there.
 */
export const PREVIOUS = { privateWeight: 2, merge: 0.2, attach: 0.25 };

export function sets(): { name: string; heldOut: boolean; fixture: LabelledFixture }[] {
  return [
    { name: 'labelled fixture (tuned on)', heldOut: false, fixture: loadFixture('requests') },
    { name: 'labelled fixture, held out', heldOut: true, fixture: loadFixture('holdout') },
    { name: 'multilingual en/zh (tuned on)', heldOut: false, fixture: loadMultilingual('tune') },
    { name: 'multilingual en/zh, held out', heldOut: true, fixture: loadMultilingual('holdout') },
    { name: 'Banking77 public (tuned on)', heldOut: false, fixture: loadBanking77('tune') },
    { name: 'Banking77 public, held out', heldOut: true, fixture: loadBanking77('holdout') },
    {
      name: 'blind set (written after tuning, never tuned on)',
      heldOut: true,
      fixture: loadBlind(),
    },
  ];
}

export function line(name: string, q: Quality, fixture: LabelledFixture): string {
  return `${name} (${fixture.requests.length} requests): ${figures(q, fixture)}`;
}

function figures(q: Quality, fixture: LabelledFixture): string {
  const base = tfidfAtPrecision(fixture, q.precision);
  const baseText = base
    ? `TF-IDF at precision >= ${f(q.precision)}: recall ${f(base.recall)} (threshold ${base.threshold})`
    : `TF-IDF never reaches precision ${f(q.precision)}`;
  return (
    `pairwise precision ${f(q.precision)}, recall ${f(q.recall)}; ` +
    `B-cubed precision ${f(q.bcubedPrecision)}, recall ${f(q.bcubedRecall)}; ` +
    `most unrelated requests in one group ${q.worstIntruders}; ${baseText}`
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  console.log(
    `operating point: average-linkage merge >= ${GROUPING.merge}, attach >= ${GROUPING.attach}, private weight ${GROUPING.privateWeight}`,
  );
  for (const s of sets()) {
    const q = evaluateGrouping(s.fixture);
    console.log(line(s.name, q, s.fixture));
    if (argv.includes('--show') && !s.heldOut) {
      for (const [a, b] of q.wrong.slice(0, 15)) console.log(`   wrong: ${a} | ${b}`);
      for (const [a, b] of q.missed.slice(0, 15)) console.log(`   missed: ${a} | ${b}`);
    }
    if (s.name.startsWith('Banking77'))
      console.log(
        `   previous operating point (${JSON.stringify(PREVIOUS)}): ${figures(evaluateGrouping(s.fixture, PREVIOUS), s.fixture)}`,
      );
    if (argv.includes('--sweep') && !s.heldOut) {
      for (const privateWeight of [2, 2.5, 3, 3.5])
        for (const merge of [0.12, 0.15, 0.2, 0.25]) {
          const p = evaluateGrouping(s.fixture, { merge, privateWeight });
          console.log(
            `   private weight ${privateWeight}, merge ${merge}: precision ${f(p.precision)} recall ${f(p.recall)}`,
          );
        }
    }
  }
}

if (require.main === module) main();
