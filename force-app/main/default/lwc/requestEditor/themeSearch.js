/**
 * Theme search helpers of the request editor (no LWC imports: unit-tested directly).
 */

/** Milliseconds after the last keystroke before the theme search runs. */
export const SEARCH_DELAY_MS = 300;

/** Fewer characters than this match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;

/**
 * A `like` pattern that matches the user's text anywhere in a theme name. `%` and `_` typed by
 * the user are escaped so they match themselves. The result is only ever passed as a GraphQL
 * variable, never placed in query text.
 * @param {string} text
 * @returns {string}
 */
export function containsPattern(text) {
  const escaped = String(text || '')
    .trim()
    .replace(/[\\%_]/g, (character) => `\\${character}`);
  return `%${escaped}%`;
}

/**
 * @param {string} text
 * @returns {boolean} whether the text is long enough to search for
 */
export function isSearchable(text) {
  return String(text || '').trim().length >= MIN_SEARCH_LENGTH;
}

/**
 * Today as a date field value (YYYY-MM-DD) in the user's own calendar: the default of
 * Asked_On__c for a request logged now.
 * @param {Date} [now]
 * @returns {string}
 */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
