/**
 * Reading Segment_Demand_Score__c.Breakdown__c: the explanation of a score, one voice per
 * requesting account with every factor that made it. Shared by the components (the
 * explanation panel) and the service (its tests and the demo report); the service writes the
 * text (server/src/domain/breakdown.ts) with these column names.
 *
 *   { "format": 3, "score": 7.25, "requests": 9, "cap": 3,
 *     "factorColumns": [...FACTOR_COLUMNS], "factorSets": [["High", 1.5, "Support", ...]],
 *     "columns": [...COLUMNS], "accounts": [["001…", "a03…", 2, 0, "2026-03-02", 40, ...]],
 *     "others": { "accounts": 120, "voice": 31.5 } }
 *
 * The factor combinations accounts share (urgency, source, side and who, influence,
 * workaround, blocker) are listed once in `factorSets`; an account's `factorSet` indexes it.
 * voice = min(cap, weight × revenueFactor), weight = urgencyWeight × sourceWeight × sideWeight
 * × influenceWeight × workaroundWeight × blocker × decay; the listed voices plus
 * `others.voice` (present only when a very broad theme had more accounts than the field holds)
 * sum to `score`.
 */

export const BREAKDOWN_FORMAT = 3;

export const FACTOR_COLUMNS = Object.freeze([
  'urgency',
  'urgencyWeight',
  'source',
  'sourceWeight',
  'side',
  'role',
  'veto',
  'sideWeight',
  'influence',
  'influenceWeight',
  'workaround',
  'workaroundWeight',
  'blocker',
]);

export const COLUMNS = Object.freeze([
  'account',
  'request',
  'requests',
  'factorSet',
  'askedOn',
  'ageDays',
  'decay',
  'weight',
  'revenue',
  'revenueFactor',
  'capped',
  'voice',
]);

/**
 * Parses Breakdown__c text into { score, requests, cap, accounts: [one object per account
 * with every column and factor], others? }. Throws on text that is not a breakdown of this
 * format (a row written before it is rewritten by the next run).
 */
export function readBreakdown(text) {
  const raw = JSON.parse(text);
  if (!raw || raw.format !== BREAKDOWN_FORMAT || !Array.isArray(raw.accounts)) {
    throw new Error('Breakdown__c: not a format 3 breakdown');
  }
  const accounts = raw.accounts.map((values) => {
    const entry = {};
    raw.columns.forEach((column, i) => {
      if (column !== 'factorSet') {
        entry[column] = values[i];
      }
    });
    const set = raw.factorSets[values[raw.columns.indexOf('factorSet')]] || [];
    raw.factorColumns.forEach((column, i) => {
      entry[column] = set[i];
    });
    return entry;
  });
  const out = { score: raw.score, requests: raw.requests, cap: raw.cap, accounts };
  if (raw.others) {
    out.others = raw.others;
  }
  return out;
}

/** The sum of the listed voices and the others' voice: equals the score (to rounding). */
export function sumOfVoices(breakdown) {
  const listed = breakdown.accounts.reduce((sum, a) => sum + a.voice, 0);
  return listed + (breakdown.others ? breakdown.others.voice : 0);
}
