/**
 * The plain-words factors of one account's voice, from a format-3 breakdown entry: each factor
 * with the value that made it and its multiplier, in the order the scoring multiplies them,
 * then the revenue and the cap. The sentences are labels with placeholders (`words`).
 */
import { formatLabel } from 'c/ldsUtils';
import { formatCount, formatCurrency } from 'c/quorumFormat';
import LOCALE from '@salesforce/i18n/locale';

const multiplierFormat = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const times = (n) => (typeof n === 'number' ? `×${multiplierFormat.format(n)}` : '');

/**
 * @param {Object} a one account of c/quorumBreakdown's readBreakdown
 * @param {Object<string, string>} words labels: urgency, side, sideWho, sideVeto, influence,
 *   influenceUnknown, source, workaround, workaroundUnknown, age, blocker, revenue, capped
 * @param {number} cap the profile's cap on one account's voice
 * @returns {{key: string, text: string}[]}
 */
export function factorsOf(a, words, cap) {
  const factors = [];
  const add = (key, text) => factors.push({ key, text });
  add('urgency', formatLabel(words.urgency, a.urgency || '—', times(a.urgencyWeight)));
  if (a.veto) {
    add('side', formatLabel(words.sideVeto, a.role || '—', times(a.sideWeight)));
  } else if (a.role) {
    add('side', formatLabel(words.sideWho, a.side, a.role, times(a.sideWeight)));
  } else {
    add('side', formatLabel(words.side, a.side || '—', times(a.sideWeight)));
  }
  add(
    'influence',
    a.influence
      ? formatLabel(words.influence, a.influence, times(a.influenceWeight))
      : formatLabel(words.influenceUnknown, times(a.influenceWeight)),
  );
  add('source', formatLabel(words.source, a.source || '—', times(a.sourceWeight)));
  add(
    'workaround',
    a.workaround
      ? formatLabel(words.workaround, a.workaround, times(a.workaroundWeight))
      : formatLabel(words.workaroundUnknown, times(a.workaroundWeight)),
  );
  add('age', formatLabel(words.age, formatCount(a.ageDays), times(a.decay)));
  if (typeof a.blocker === 'number' && a.blocker !== 1) {
    add('blocker', formatLabel(words.blocker, times(a.blocker)));
  }
  if (typeof a.revenueFactor === 'number' && a.revenueFactor !== 1) {
    add('revenue', formatLabel(words.revenue, formatCurrency(a.revenue), times(a.revenueFactor)));
  }
  if (a.capped) {
    add('cap', formatLabel(words.capped, multiplierFormat.format(cap)));
  }
  return factors;
}
