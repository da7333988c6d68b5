/**
 * The scoring profile's rules, in one place for the profile editor, the service and the
 * emulator's seed: the built-in defaults, the allowed range of every number, the checks, the
 * request statuses that may count, the buying-committee sides and the role → side map, and how
 * a Demand_Scoring_Profile__c record becomes the weights scoring uses. Plain ES module, no LWC
 * imports, so Node and the platform both load it.
 */

/** Escalated_Request__c.Status__c, in picklist order. */
export const REQUEST_STATUSES = Object.freeze(
  /** @type {const} */ (['New', 'Under Review', 'Planned', 'Declined', 'Delivered']),
);
/**
 * Open demand: what customers still wait for. Declined may be added; Delivered never counts.
 * @type {readonly string[]}
 */
export const DEFAULT_COUNTED_STATUSES = Object.freeze(['New', 'Under Review', 'Planned']);
export const NEVER_COUNTED_STATUS = 'Delivered';

/**
 * Demand_Theme__c statuses whose themes are not ranked with open demand.
 * @type {readonly string[]}
 */
export const CLOSED_THEME_STATUSES = Object.freeze(['Delivered', 'Declined']);

/**
 * Sides of a buying decision, strongest first, and Unknown for a requester without a known
 * role. A role may also be mapped to Unknown ("this role says nothing about the side").
 */
export const SIDES = Object.freeze(
  /** @type {const} */ (['Decision', 'Influence', 'Use', 'Unknown']),
);
/** @typedef {typeof SIDES[number]} Side */

/**
 * Built-in role → side map: Buying_Committee_Member__c.Role__c values and the standard
 * OpportunityContactRole roles (used for contacts without a committee row). Roles not listed
 * (e.g. "Other") have no known side. Role_Side_Mapping__c (JSON of this shape) overrides entries.
 * @type {Readonly<Record<string, Side>>}
 */
export const DEFAULT_ROLE_SIDES = Object.freeze({
  'Decision Maker': 'Decision',
  'Economic Buyer': 'Decision',
  'Executive Sponsor': 'Decision',
  'Technical Evaluator': 'Influence',
  Influencer: 'Influence',
  Procurement: 'Influence',
  'Legal & Security': 'Influence',
  'End User': 'Use',
  'Economic Decision Maker': 'Decision',
  Evaluator: 'Influence',
  'Technical Buyer': 'Influence',
  'Business User': 'Use',
});

/**
 * The side a committee member's request counts on: a member who holds a veto counts on the
 * Decision side whatever the role; otherwise the role's side, Unknown when the role has none.
 * @param {string | null | undefined} role
 * @param {boolean | null | undefined} hasVeto
 * @param {Readonly<Record<string, Side>>} [roleSides]
 * @returns {Side}
 */
export function sideOf(role, hasVeto, roleSides = DEFAULT_ROLE_SIDES) {
  if (hasVeto) return 'Decision';
  const side =
    role && Object.prototype.hasOwnProperty.call(roleSides, role) ? roleSides[role] : null;
  return side || 'Unknown';
}

/**
 * Weight fields by factor and picklist value: which profile field holds the weight of, e.g.,
 * urgency High. `Unknown` is the weight of a blank value (no side, no influence given).
 */
export const WEIGHT_FIELDS = Object.freeze({
  urgency: Object.freeze({
    Critical: 'Urgency_Critical__c',
    High: 'Urgency_High__c',
    Medium: 'Urgency_Medium__c',
    Low: 'Urgency_Low__c',
  }),
  source: Object.freeze({
    'Account Team': 'Source_Account_Team__c',
    'Inside Sales': 'Source_Inside_Sales__c',
    'Customer Success': 'Source_Customer_Success__c',
    Support: 'Source_Support__c',
    Partner: 'Source_Partner__c',
  }),
  side: Object.freeze({
    Decision: 'Side_Decision__c',
    Influence: 'Side_Influence__c',
    Use: 'Side_Use__c',
    Unknown: 'Side_Unknown__c',
  }),
  influence: Object.freeze({
    High: 'Influence_High__c',
    Medium: 'Influence_Medium__c',
    Low: 'Influence_Low__c',
    Unknown: 'Influence_Unknown__c',
  }),
  workaround: Object.freeze({
    None: 'Workaround_None__c',
    'Partner Can Deliver': 'Workaround_Partner__c',
    'Customer Can Self-Serve': 'Workaround_Self_Serve__c',
  }),
});

/** The profile's single numbers: key in the resolved profile → field. */
export const NUMBER_FIELDS = Object.freeze({
  dealBlockerFactor: 'Deal_Blocker_Factor__c',
  halfLifeDays: 'Half_Life_Days__c',
  decayFloor: 'Decay_Floor__c',
  revenueWeight: 'Revenue_Weight__c',
  referenceRevenue: 'Reference_Revenue__c',
  accountVoiceCap: 'Account_Voice_Cap__c',
  quorumSize: 'Quorum_Size__c',
});

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
  Influence_High__c: 1.2,
  Influence_Medium__c: 1,
  Influence_Low__c: 0.8,
  Influence_Unknown__c: 1,
  Workaround_None__c: 1,
  Workaround_Partner__c: 0.75,
  Workaround_Self_Serve__c: 0.5,
  Deal_Blocker_Factor__c: 1.5,
  Half_Life_Days__c: 730,
  Decay_Floor__c: 0.25,
  Revenue_Weight__c: 0.5,
  Reference_Revenue__c: 100000,
  Account_Voice_Cap__c: 3,
  Quorum_Size__c: 6,
});

const WEIGHT = Object.freeze({
  min: 0,
  max: 10,
  integer: false,
  rule: 'weight',
  hint: 'a weight from 0 to 10 (1 = neutral)',
});
/** A workaround is a trade-off: it may lower a request's weight, never raise it. */
const WORKAROUND = Object.freeze({
  min: 0,
  max: 1,
  integer: false,
  rule: 'workaround',
  hint: 'a weight from 0 to 1 (1 = no reduction)',
});

/**
 * Allowed range per field: weights 0–10, workaround weights 0–1, half-life 1–3650 days,
 * floor 0–1, revenue weight 0–10, cap 1–999.999 (at least one plain request's voice), quorum
 * 1–1000 accounts, reference revenue above 0. `rule` names the check for the editor's message,
 * `hint` says the range in words for the service's run log.
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
  Influence_High__c: WEIGHT,
  Influence_Medium__c: WEIGHT,
  Influence_Low__c: WEIGHT,
  Influence_Unknown__c: WEIGHT,
  Workaround_None__c: WORKAROUND,
  Workaround_Partner__c: WORKAROUND,
  Workaround_Self_Serve__c: WORKAROUND,
  Deal_Blocker_Factor__c: WEIGHT,
  Revenue_Weight__c: WEIGHT,
  Half_Life_Days__c: Object.freeze({
    min: 1,
    max: 3650,
    integer: true,
    rule: 'halfLife',
    hint: 'a whole number of days from 1 to 3650',
  }),
  Decay_Floor__c: Object.freeze({
    min: 0,
    max: 1,
    integer: false,
    rule: 'floor',
    hint: 'a fraction from 0 to 1 (0.25 = old requests keep a quarter of their weight)',
  }),
  Account_Voice_Cap__c: Object.freeze({
    min: 1,
    max: 999.999,
    integer: false,
    rule: 'cap',
    hint: 'a number from 1 to 999.999',
  }),
  Quorum_Size__c: Object.freeze({
    min: 1,
    max: 1000,
    integer: true,
    rule: 'quorum',
    hint: 'a whole number of accounts from 1 to 1000',
  }),
  Reference_Revenue__c: Object.freeze({
    min: 0,
    exclusiveMin: true,
    max: 1e13,
    integer: false,
    rule: 'revenue',
    hint: 'an amount greater than 0',
  }),
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
 * ('required' | 'integer' | the range's rule name) for the caller to phrase.
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

function parseRoleMapping(text) {
  if (text !== null && typeof text === 'object' && !Array.isArray(text)) {
    return text;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
}

const isBlank = (v) => v === null || v === undefined || String(v).trim() === '';

/** Checks the role → side JSON: blank, or an object whose values are sides. */
export function checkRoleMapping(text) {
  if (isBlank(text)) {
    return null;
  }
  const parsed = parseRoleMapping(text);
  if (!parsed) {
    return 'json';
  }
  return Object.values(parsed).every((side) => SIDES.includes(side)) ? null : 'side';
}

/** Counted_Statuses__c ('a;b') as a list; blank gives the defaults. */
export function countedStatusesOf(raw) {
  if (isBlank(raw)) {
    return [...DEFAULT_COUNTED_STATUSES];
  }
  return (Array.isArray(raw) ? raw : String(raw).split(';')).map((s) => String(s).trim());
}

/** Checks a counted-status list: known statuses, never Delivered, at least one. */
export function checkCountedStatuses(list) {
  if (!list || list.length === 0) {
    return 'statuses';
  }
  return list.every((s) => REQUEST_STATUSES.includes(s) && s !== NEVER_COUNTED_STATUS)
    ? null
    : 'statuses';
}

function weightsOf(record, fields, problems) {
  const out = {};
  Object.entries(fields).forEach(([value, field]) => {
    out[value] = numberOf(record, field, problems);
  });
  return out;
}

function numberOf(record, field, problems) {
  const raw = record ? record[field] : null;
  if (isBlank(raw)) {
    return DEFAULTS[field];
  }
  const rule = checkField(field, raw);
  if (rule) {
    problems.push({
      field,
      rule,
      message: `${field}: '${String(raw)}' is out of range; use ${RANGES[field].hint}`,
    });
    return DEFAULTS[field];
  }
  return toNumber(raw);
}

function roleSidesOf(raw, problems) {
  const sides = { ...DEFAULT_ROLE_SIDES };
  if (isBlank(raw)) {
    return sides;
  }
  const parsed = parseRoleMapping(raw);
  if (!parsed) {
    problems.push({
      field: 'Role_Side_Mapping__c',
      rule: 'json',
      message:
        'Role_Side_Mapping__c: not a JSON object; write e.g. {"Influencer": "Decision", "Procurement": "Use"}',
    });
    return sides;
  }
  Object.entries(parsed).forEach(([role, side]) => {
    const match = SIDES.find(
      (s) => typeof side === 'string' && s.toLowerCase() === side.trim().toLowerCase(),
    );
    if (match) {
      sides[role] = match;
    } else {
      problems.push({
        field: 'Role_Side_Mapping__c',
        rule: 'side',
        message: `Role_Side_Mapping__c: role '${role}' maps to '${String(side)}'; use ${SIDES.join(', ')}`,
      });
    }
  });
  return sides;
}

function statusesOf(raw, problems) {
  const out = [];
  countedStatusesOf(raw)
    .filter(Boolean)
    .forEach((s) => {
      const known = REQUEST_STATUSES.find((k) => k.toLowerCase() === s.toLowerCase());
      if (!known || known === NEVER_COUNTED_STATUS) {
        problems.push({
          field: 'Counted_Statuses__c',
          rule: 'statuses',
          message: known
            ? 'Counted_Statuses__c: Delivered requests never count toward demand; remove Delivered'
            : `Counted_Statuses__c: '${s}' is not a request status; use ${REQUEST_STATUSES.filter((x) => x !== NEVER_COUNTED_STATUS).join(', ')}`,
        });
      } else if (!out.includes(known)) {
        out.push(known);
      }
    });
  return out.length > 0 ? out : [...DEFAULT_COUNTED_STATUSES];
}

/**
 * The weights scoring uses, from a Demand_Scoring_Profile__c record (null: the defaults).
 * Blank fields take their default; a bad value falls back to its default and is listed in
 * `problems` ({ field, rule, message }), so a run can say exactly which field to fix.
 */
export function resolveProfile(record) {
  const problems = [];
  const profile = {};
  Object.entries(WEIGHT_FIELDS).forEach(([factor, fields]) => {
    profile[factor] = weightsOf(record, fields, problems);
  });
  Object.entries(NUMBER_FIELDS).forEach(([key, field]) => {
    profile[key] = numberOf(record, field, problems);
  });
  profile.countedStatuses = statusesOf(record ? record.Counted_Statuses__c : null, problems);
  profile.roleSides = roleSidesOf(record ? record.Role_Side_Mapping__c : null, problems);
  return { profile, problems };
}

/** A profile record holding every default (what the emulator seeds, what "reset" restores). */
export function defaultProfileRecord() {
  return {
    ...DEFAULTS,
    Counted_Statuses__c: DEFAULT_COUNTED_STATUSES.join(';'),
    Role_Side_Mapping__c: JSON.stringify(DEFAULT_ROLE_SIDES),
  };
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The numbers behind the editor's plain-words summary. With the defaults: Critical counts 4×
 * Low; a request halves every 730 days down to 25 %; six ordinary accounts (one fresh
 * Low-urgency request each from the account team, side unknown, no revenue: 0.5 each) reach
 * the cap of 3 that bounds any single account, and ties rank by accounts, so they outrank it.
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
