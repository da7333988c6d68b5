/**
 * The scoring profile as the engine reads it. The rules (defaults, ranges, checks, statuses,
 * sides, the role → side map) live in the shared plain-JS module `lwc/quorumProfile`, which the
 * profile editor and the emulator's seed import too; this file gives them types.
 */
import { z } from 'zod';
import * as rules from '../../../force-app/main/default/lwc/quorumProfile/quorumProfile';

export const SIDES = rules.SIDES;
export type Side = (typeof SIDES)[number];
export const REQUEST_STATUSES = rules.REQUEST_STATUSES;
export const DEFAULT_COUNTED_STATUSES = rules.DEFAULT_COUNTED_STATUSES;
export const CLOSED_THEME_STATUSES = rules.CLOSED_THEME_STATUSES;
export const DEFAULT_ROLE_SIDES = rules.DEFAULT_ROLE_SIDES;
export const sideOf = rules.sideOf;

const weights = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const ProfileSchema = z.object({
  urgency: weights(['Critical', 'High', 'Medium', 'Low'] as const),
  source: weights([
    'Account Team',
    'Inside Sales',
    'Customer Success',
    'Support',
    'Partner',
  ] as const),
  side: weights(SIDES),
  influence: weights(['High', 'Medium', 'Low', 'Unknown'] as const),
  workaround: weights(['None', 'Partner Can Deliver', 'Customer Can Self-Serve'] as const),
  dealBlockerFactor: z.number(),
  halfLifeDays: z.number(),
  decayFloor: z.number(),
  revenueWeight: z.number(),
  referenceRevenue: z.number(),
  accountVoiceCap: z.number(),
  quorumSize: z.number(),
  countedStatuses: z.array(z.string()),
  roleSides: z.record(z.string(), z.enum(SIDES)),
});
export type Profile = z.infer<typeof ProfileSchema>;

export type ProfileRecord = Record<string, unknown>;

export interface ResolvedProfile {
  profile: Profile;
  /** One message per bad field (the field falls back to its default). Empty when all is well. */
  errors: string[];
}

/**
 * Builds a full profile from a Demand_Scoring_Profile__c record (or null for the built-in
 * defaults). Blank fields take their default; bad fields are listed in `errors`.
 */
export function resolveProfile(record: ProfileRecord | null | undefined): ResolvedProfile {
  const { profile, problems } = rules.resolveProfile(record ?? null) as {
    profile: unknown;
    problems: { message: string }[];
  };
  return { profile: ProfileSchema.parse(profile), errors: problems.map((p) => p.message) };
}

export const DEFAULT_PROFILE: Profile = Object.freeze(resolveProfile(null).profile) as Profile;
