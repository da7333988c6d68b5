/** The value list of a criterion, written the way the shared grammar reads it. */

/**
 * Writes a value list as the shared grammar reads it back (c/quorumRules splitValues): a value
 * holding a comma or a double quote goes in double quotes, its quotes doubled.
 * @param {string[]} values
 * @returns {string}
 */
export function joinValues(values) {
  return values.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(', ');
}
