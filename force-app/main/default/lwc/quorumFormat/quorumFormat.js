/**
 * How Quorum writes numbers, the same in every component: a score always with two decimals
 * (the table, the heat map, the tile and the explanation show 4.25, never 4.3 in one place and
 * 4.25 in another), counts and money with the user's thousands separators.
 */
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

/** Decimals of a score wherever it is shown (the datatable's typeAttributes use it too). */
export const SCORE_DIGITS = 2;

const scoreFormat = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: SCORE_DIGITS,
  maximumFractionDigits: SCORE_DIGITS,
});
const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const changeFormat = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: SCORE_DIGITS,
  maximumFractionDigits: SCORE_DIGITS,
  signDisplay: 'exceptZero',
});
const percentFormat = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  maximumFractionDigits: 0,
});
const currencyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: CURRENCY || 'USD',
  maximumFractionDigits: 0,
});

const isNumber = (n) => typeof n === 'number' && Number.isFinite(n);

/** "4.25"; blank for no score. */
export function formatScore(score) {
  return isNumber(score) ? scoreFormat.format(score) : '';
}

/** "1,234"; blank for no count. */
export function formatCount(count) {
  return isNumber(count) ? countFormat.format(count) : '';
}

/** "+1.50" / "-0.25" / "0.00": a signed change in score. */
export function formatChange(change) {
  return isNumber(change) ? changeFormat.format(change) : '';
}

/** "38%" from a ratio 0.38. */
export function formatPercent(ratio) {
  return isNumber(ratio) ? percentFormat.format(ratio) : '';
}

/** "$250,000" in the user's currency, no cents. */
export function formatCurrency(amount) {
  return isNumber(amount) ? currencyFormat.format(amount) : '';
}
