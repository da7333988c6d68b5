/**
 * The scoring profile's numbers: built-in defaults (DESIGN.md), allowed ranges, and what a set of
 * weights means in plain words. Pure functions; the component supplies labels and field names.
 */

/** Field API name -> built-in default (the service uses these when no profile is active). */
export const DEFAULTS = Object.freeze({
  Urgency_Critical__c: 2,
  Urgency_High__c: 1.5,
  Urgency_Medium__c: 1,
  Urgency_Low__c: 0.5,
  Source_Account_Team__c: 1,
  Source_Inside_Sales__c: 1.25,
  Source_Customer_Success__c: 1,
  Source_Support__c: 1.25,
  Source_Partner__c: 0.75,
  Side_Decision__c: 1.5,
  Side_Influence__c: 1.2,
  Side_Use__c: 1,
  Side_Unknown__c: 1,
  Deal_Blocker_Factor__c: 1.5,
  Half_Life_Days__c: 365,
  Decay_Floor__c: 0.25,
  Revenue_Weight__c: 0.5,
  Reference_Revenue__c: 100000,
  Account_Voice_Cap__c: 3,
  Quorum_Size__c: 6,
});

/** Escalated_Request__c statuses; all but Delivered count by default. */
export const REQUEST_STATUSES = Object.freeze([
  'New',
  'Under Review',
  'Planned',
  'Declined',
  'Delivered',
]);
export const DEFAULT_COUNTED_STATUSES = Object.freeze([
  'New',
  'Under Review',
  'Planned',
  'Declined',
]);
export const SIDES = Object.freeze(['Decision', 'Influence', 'Use']);

const WEIGHT = { min: 0, max: 10, integer: false, rule: 'weight' };

/**
 * Allowed range per field: weights 0–10, half-life 1–3650 days, floor 0–1, cap at least 1
 * (the field holds up to 999.999), quorum 1–1000 accounts, reference revenue above 0.
 */
export const RANGES = Object.freeze({
  Urgency_Critical__c: WEIGHT,
  Urgency_High__c: WEIGHT,
  Urgency_Medium__c: WEIGHT,
  Urgency_Low__c: WEIGHT,
  Source_Account_Team__c: WEIGHT,
  Source_Inside_Sales__c: WEIGHT,
  Source_Customer_Success__c: WEIGHT,
  Source_Support__c: WEIGHT,
  Source_Partner__c: WEIGHT,
  Side_Decision__c: WEIGHT,
  Side_Influence__c: WEIGHT,
  Side_Use__c: WEIGHT,
  Side_Unknown__c: WEIGHT,
  Deal_Blocker_Factor__c: WEIGHT,
  Revenue_Weight__c: WEIGHT,
  Half_Life_Days__c: { min: 1, max: 3650, integer: true, rule: 'halfLife' },
  Decay_Floor__c: { min: 0, max: 1, integer: false, rule: 'floor' },
  Account_Voice_Cap__c: { min: 1, max: 999, integer: false, rule: 'cap' },
  Quorum_Size__c: { min: 1, max: 1000, integer: true, rule: 'quorum' },
  Reference_Revenue__c: { min: 0, exclusiveMin: true, max: 1e13, integer: false, rule: 'revenue' },
});

/** A number from an input value ('' and non-numbers give null). */
export function toNumber(raw) {
  if (raw === null || raw === undefined || raw === '') {
    return null;
  }
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * Checks one field's value. Returns null when fine, else the rule that failed
 * ('required' | 'integer' | the range's rule name) for the component to phrase.
 */
export function checkField(field, raw) {
  const range = RANGES[field];
  const n = toNumber(raw);
  if (n === null) {
    return 'required';
  }
  if (range.integer && !Number.isInteger(n)) {
    return 'integer';
  }
  const tooLow = range.exclusiveMin ? n <= range.min : n < range.min;
  return tooLow || n > range.max ? range.rule : null;
}

/** Checks the role → side JSON: blank, or an object whose values are Decision / Influence / Use. */
export function checkRoleMapping(text) {
  if (text === null || text === undefined || String(text).trim() === '') {
    return null;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'json';
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return 'json';
  }
  return Object.values(parsed).every((side) => SIDES.includes(side)) ? null : 'side';
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The numbers behind the plain-words summary. With the defaults: Critical counts 4× Low; a
 * request halves every 365 days down to 25 %; six ordinary accounts (one fresh Low-urgency
 * request each from the account team, side unknown, no revenue: 0.5 each) reach the cap of 3
 * that bounds any single account, and ties rank by accounts, so they outrank it.
 * @returns {object} numbers, or null entries where a ratio is undefined (a zero weight)
 */
export function summaryNumbers(v) {
  const num = (field) => toNumber(v[field]);
  const low = num('Urgency_Low__c');
  const critical = num('Urgency_Critical__c');
  const use = num('Side_Use__c');
  const decision = num('Side_Decision__c');
  const cap = num('Account_Voice_Cap__c');
  const ordinary =
    low === null
      ? null
      : low * (num('Source_Account_Team__c') ?? 0) * (num('Side_Unknown__c') ?? 0);
  const lambda = num('Revenue_Weight__c');
  return {
    criticalOverLow: critical !== null && low ? round(critical / low) : null,
    decisionOverUse: decision !== null && use ? round(decision / use) : null,
    halfLife: num('Half_Life_Days__c'),
    floorPercent: num('Decay_Floor__c') === null ? null : round(num('Decay_Floor__c') * 100, 1),
    blocker: num('Deal_Blocker_Factor__c'),
    revenueBoostPercent: lambda === null ? null : round(lambda * Math.log10(2) * 100, 1),
    referenceRevenue: num('Reference_Revenue__c'),
    cap,
    ordinaryAccountsToOutrank:
      cap && ordinary ? Math.ceil(round(cap / Math.min(cap, ordinary), 9)) : null,
    quorum: num('Quorum_Size__c'),
  };
}
