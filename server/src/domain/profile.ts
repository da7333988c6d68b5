/**
 * The scoring profile: weights sales ops tune in Demand_Scoring_Profile__c, with DESIGN.md's
 * defaults for every blank field. Out-of-range values are reported (and replaced by their
 * default) so a run can say exactly which field to fix instead of scoring with nonsense.
 */
import { z } from 'zod';
import type { Side } from './records';

export const REQUEST_STATUSES = [
  'New',
  'Under Review',
  'Planned',
  'Declined',
  'Delivered',
] as const;

/** Committee roles (Buying_Committee_Member__c.Role__c) and OpportunityContactRole roles. */
export const DEFAULT_ROLE_SIDES: Readonly<Record<string, Side>> = Object.freeze({
  'Decision Maker': 'Decision',
  'Economic Buyer': 'Decision',
  'Executive Sponsor': 'Decision',
  'Economic Decision Maker': 'Decision',
  'Technical Evaluator': 'Influence',
  Influencer: 'Influence',
  Procurement: 'Influence',
  'Legal & Security': 'Influence',
  Evaluator: 'Influence',
  'Technical Buyer': 'Influence',
  'End User': 'Use',
  'Business User': 'Use',
});

export const ProfileSchema = z.object({
  urgency: z.object({
    Critical: z.number(),
    High: z.number(),
    Medium: z.number(),
    Low: z.number(),
  }),
  source: z.object({
    'Account Team': z.number(),
    'Inside Sales': z.number(),
    'Customer Success': z.number(),
    Support: z.number(),
    Partner: z.number(),
  }),
  side: z.object({
    Decision: z.number(),
    Influence: z.number(),
    Use: z.number(),
    Unknown: z.number(),
  }),
  dealBlockerFactor: z.number(),
  halfLifeDays: z.number(),
  decayFloor: z.number(),
  revenueWeight: z.number(),
  referenceRevenue: z.number(),
  accountVoiceCap: z.number(),
  quorumSize: z.number(),
  countedStatuses: z.array(z.string()),
  roleSides: z.record(z.string(), z.enum(['Decision', 'Influence', 'Use', 'Unknown'])),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = Object.freeze({
  urgency: { Critical: 2, High: 1.5, Medium: 1, Low: 0.5 },
  source: {
    'Account Team': 1,
    'Inside Sales': 1.25,
    'Customer Success': 1,
    Support: 1.25,
    Partner: 0.75,
  },
  side: { Decision: 1.5, Influence: 1.2, Use: 1, Unknown: 1 },
  dealBlockerFactor: 1.5,
  halfLifeDays: 365,
  decayFloor: 0.25,
  revenueWeight: 0.5,
  referenceRevenue: 100000,
  accountVoiceCap: 3,
  quorumSize: 6,
  countedStatuses: ['New', 'Under Review', 'Planned', 'Declined'],
  roleSides: { ...DEFAULT_ROLE_SIDES },
}) as Profile;

type NumberRule = {
  field: string;
  path: [keyof Profile, string?];
  min: number;
  max: number;
  minOpen?: boolean;
  integer?: boolean;
  hint: string;
};

const WEIGHT = { min: 0, max: 999.999, hint: 'a weight from 0 to 999.999 (1 = neutral)' };
const NUMBER_RULES: NumberRule[] = [
  { field: 'Urgency_Critical__c', path: ['urgency', 'Critical'], ...WEIGHT },
  { field: 'Urgency_High__c', path: ['urgency', 'High'], ...WEIGHT },
  { field: 'Urgency_Medium__c', path: ['urgency', 'Medium'], ...WEIGHT },
  { field: 'Urgency_Low__c', path: ['urgency', 'Low'], ...WEIGHT },
  { field: 'Source_Account_Team__c', path: ['source', 'Account Team'], ...WEIGHT },
  { field: 'Source_Inside_Sales__c', path: ['source', 'Inside Sales'], ...WEIGHT },
  { field: 'Source_Customer_Success__c', path: ['source', 'Customer Success'], ...WEIGHT },
  { field: 'Source_Support__c', path: ['source', 'Support'], ...WEIGHT },
  { field: 'Source_Partner__c', path: ['source', 'Partner'], ...WEIGHT },
  { field: 'Side_Decision__c', path: ['side', 'Decision'], ...WEIGHT },
  { field: 'Side_Influence__c', path: ['side', 'Influence'], ...WEIGHT },
  { field: 'Side_Use__c', path: ['side', 'Use'], ...WEIGHT },
  { field: 'Side_Unknown__c', path: ['side', 'Unknown'], ...WEIGHT },
  { field: 'Deal_Blocker_Factor__c', path: ['dealBlockerFactor'], ...WEIGHT },
  {
    field: 'Half_Life_Days__c',
    path: ['halfLifeDays'],
    min: 1,
    max: 36500,
    integer: false,
    hint: 'a number of days from 1 to 36500',
  },
  {
    field: 'Decay_Floor__c',
    path: ['decayFloor'],
    min: 0,
    max: 1,
    hint: 'a fraction from 0 to 1 (0.25 = old requests keep a quarter of their weight)',
  },
  {
    field: 'Revenue_Weight__c',
    path: ['revenueWeight'],
    min: 0,
    max: 100,
    hint: 'a number from 0 (revenue ignored) to 100',
  },
  {
    field: 'Reference_Revenue__c',
    path: ['referenceRevenue'],
    min: 0,
    minOpen: true,
    max: 1e14,
    hint: 'an amount greater than 0',
  },
  {
    field: 'Account_Voice_Cap__c',
    path: ['accountVoiceCap'],
    min: 0,
    minOpen: true,
    max: 999.999,
    hint: 'a number greater than 0',
  },
  {
    field: 'Quorum_Size__c',
    path: ['quorumSize'],
    min: 1,
    max: 9999,
    integer: true,
    hint: 'a whole number of accounts from 1 to 9999',
  },
];

export type ProfileRecord = Record<string, unknown>;

export interface ResolvedProfile {
  profile: Profile;
  /** One message per bad field (the field falls back to its default). Empty when all is well. */
  errors: string[];
}

function toNumber(v: unknown): number | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function resolveRoleSides(raw: unknown, errors: string[]): Record<string, Side> {
  const sides: Record<string, Side> = { ...DEFAULT_ROLE_SIDES };
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
    return sides;
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      errors.push(
        'Role_Side_Mapping__c: not valid JSON; write e.g. {"Influencer": "Decision", "Procurement": "Use"}',
      );
      return sides;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    errors.push(
      'Role_Side_Mapping__c: expected a JSON object of role to side, e.g. {"Influencer": "Decision"}',
    );
    return sides;
  }
  for (const [role, side] of Object.entries(parsed as Record<string, unknown>)) {
    const match = ['Decision', 'Influence', 'Use', 'Unknown'].find(
      (s) => typeof side === 'string' && s.toLowerCase() === side.trim().toLowerCase(),
    );
    if (!match) {
      errors.push(
        `Role_Side_Mapping__c: role '${role}' maps to '${String(side)}'; use Decision, Influence, Use or Unknown`,
      );
      continue;
    }
    sides[role] = match as Side;
  }
  return sides;
}

function resolveStatuses(raw: unknown, errors: string[]): string[] {
  if (raw === null || raw === undefined || raw === '') return [...DEFAULT_PROFILE.countedStatuses];
  const list = (Array.isArray(raw) ? raw.map(String) : String(raw).split(';'))
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const s of list) {
    const known = REQUEST_STATUSES.find((k) => k.toLowerCase() === s.toLowerCase());
    if (!known)
      errors.push(
        `Counted_Statuses__c: '${s}' is not a request status; use ${REQUEST_STATUSES.filter((x) => x !== 'Delivered').join(', ')}`,
      );
    else if (known === 'Delivered')
      errors.push(
        'Counted_Statuses__c: Delivered requests never count toward demand; remove Delivered',
      );
    else if (!out.includes(known)) out.push(known);
  }
  return out.length > 0 ? out : [...DEFAULT_PROFILE.countedStatuses];
}

/**
 * Builds a full profile from a Demand_Scoring_Profile__c record (or null for the built-in
 * defaults). Blank fields take their default; out-of-range fields are listed in `errors`.
 */
export function resolveProfile(record: ProfileRecord | null | undefined): ResolvedProfile {
  const profile: Profile = structuredClone(DEFAULT_PROFILE);
  const errors: string[] = [];
  if (!record) return { profile, errors };
  for (const rule of NUMBER_RULES) {
    const n = toNumber(record[rule.field]);
    if (n === null) continue;
    const bad =
      n === undefined ||
      n < rule.min ||
      n > rule.max ||
      (rule.minOpen && n <= rule.min) ||
      (rule.integer && !Number.isInteger(n));
    if (bad) {
      errors.push(
        `${rule.field}: '${String(record[rule.field])}' is out of range; use ${rule.hint}`,
      );
      continue;
    }
    const [key, sub] = rule.path;
    if (sub) (profile[key] as Record<string, number>)[sub] = n;
    else (profile as unknown as Record<string, number>)[key] = n;
  }
  profile.countedStatuses = resolveStatuses(record.Counted_Statuses__c, errors);
  profile.roleSides = resolveRoleSides(record.Role_Side_Mapping__c, errors);
  return { profile: ProfileSchema.parse(profile), errors };
}
