/**
 * Picklist values of the Quorum data model, in the order the metadata lists them.
 * Every restricted picklist in force-app has exactly these values; `npm run check:metadata`
 * cross-checks them. Values that the components share (request statuses, operators) come from
 * the shared plain-JS rule modules under lwc/.
 */
import { REQUEST_STATUSES as PROFILE_REQUEST_STATUSES } from '../domain/profile';
import { OPERATORS as RULE_OPERATORS } from '../../../force-app/main/default/lwc/quorumRules/quorumRules';

/** Buying_Committee_Member__c.Role__c */
export const ROLES = [
  'Decision Maker',
  'Economic Buyer',
  'Technical Evaluator',
  'Influencer',
  'End User',
  'Procurement',
  'Legal & Security',
  'Executive Sponsor',
] as const;
export type Role = (typeof ROLES)[number];

/** Buying_Committee_Member__c.Influence__c */
export const INFLUENCE_LEVELS = ['High', 'Medium', 'Low'] as const;
export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number];

/** Buying_Committee_Member__c.Stance__c */
export const STANCES = ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Detractor'] as const;
export type Stance = (typeof STANCES)[number];

/** Escalated_Request__c.Urgency__c */
export const URGENCIES = ['Critical', 'High', 'Medium', 'Low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Escalated_Request__c.Source__c */
export const SOURCES = [
  'Account Team',
  'Inside Sales',
  'Customer Success',
  'Support',
  'Partner',
] as const;
export type Source = (typeof SOURCES)[number];

/** Escalated_Request__c.Status__c and Demand_Scoring_Profile__c.Counted_Statuses__c (lwc/quorumProfile). */
export const REQUEST_STATUSES = PROFILE_REQUEST_STATUSES;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Escalated_Request__c.Workaround__c */
export const WORKAROUNDS = ['None', 'Customer Can Self-Serve', 'Partner Can Deliver'] as const;
export type Workaround = (typeof WORKAROUNDS)[number];

/** Escalated_Request__c.Requester_Side__c: the known sides (lwc/quorumProfile SIDES without
 * Unknown, which is a blank field). */
export const REQUESTER_SIDES = ['Decision', 'Influence', 'Use'] as const;
export type RequesterSide = (typeof REQUESTER_SIDES)[number];

/** Demand_Theme__c.Status__c */
export const THEME_STATUSES = ['Suggested', 'Open', 'Planned', 'Delivered', 'Declined'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];

/** Demand_Theme__c.Origin__c */
export const THEME_ORIGINS = ['Manual', 'Suggested'] as const;
export type ThemeOrigin = (typeof THEME_ORIGINS)[number];

/** Segment__c.Status__c (written by the service) */
export const SEGMENT_STATUSES = ['Valid', 'Invalid'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** Segment_Criterion__c.Operator__c: the shared rule grammar's operators (lwc/quorumRules). */
export const CRITERION_OPERATORS = RULE_OPERATORS as readonly [
  'equals',
  'not equal to',
  'less than',
  'greater than',
  'less or equal',
  'greater or equal',
  'contains',
  'does not contain',
  'starts with',
  'in',
  'not in',
  'is blank',
  'is not blank',
];
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** Demand_Run__c.Status__c */
export const RUN_STATUSES = [
  'Requested',
  'Running',
  'Succeeded',
  'Partially Succeeded',
  'Failed',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Demand_Run__c.Mode__c */
export const RUN_MODES = ['Full', 'Incremental'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** Standard OpportunityContactRole.Role values of a default org (orgs customise them). */
export const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Sides and the built-in role → side map: one definition, in lwc/quorumProfile. */
export { SIDES, DEFAULT_ROLE_SIDES, DEFAULT_COUNTED_STATUSES, type Side } from '../domain/profile';
