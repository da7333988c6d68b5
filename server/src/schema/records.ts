/**
 * zod schemas of the records the service reads, with their types (z.infer).
 *
 * They accept both shapes the service meets: REST JSON (numbers, booleans, null) and Bulk API
 * 2.0 CSV rows (every value a string, blank for null). Blank becomes null; numbers and booleans
 * are coerced; multi-select picklists become arrays. Keys the schema does not name (such as
 * `attributes`) are dropped; a field left out of the query reads as null.
 */
import { z } from 'zod';
import {
  CRITERION_OPERATORS,
  INFLUENCE_LEVELS,
  REQUEST_STATUSES,
  ROLES,
  RUN_MODES,
  RUN_STATUSES,
  SEGMENT_STATUSES,
  SOURCES,
  STANCES,
  THEME_ORIGINS,
  THEME_STATUSES,
  URGENCIES,
  WORKAROUNDS,
  REQUESTER_SIDES,
} from './picklists';

const blankToNull = (value: unknown): unknown =>
  value === '' || value === undefined ? null : value;

/** A record Id (15 or 18 characters as Salesforce returns them; any non-blank string is kept). */
export const zId = z.string().min(1);
export const zIdOrNull = z.preprocess(blankToNull, zId.nullable());
export const zText = z.preprocess(blankToNull, z.string().nullable());
export const zNumber = z.preprocess((value) => {
  const v = blankToNull(value);
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isFinite(n) ? n : v;
  }
  return v;
}, z.number().nullable());
export const zCheckbox = z.preprocess((value) => {
  if (value === null || value === undefined || value === '') return false;
  if (value === 'true' || value === 'TRUE') return true;
  if (value === 'false' || value === 'FALSE') return false;
  return value;
}, z.boolean());
/** YYYY-MM-DD */
export const zDate = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
    .nullable(),
);
/** ISO 8601 date-time as Salesforce returns it (2024-01-31T09:00:00.000+0000 or ...Z). */
export const zDateTime = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
      'expected an ISO date-time',
    )
    .nullable(),
);
export const zPicklist = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToNull, z.enum(values).nullable());
export const zMultiPicklist = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => {
      const v = blankToNull(value);
      return typeof v === 'string' ? v.split(';').filter(Boolean) : v;
    },
    z.array(z.enum(values)).nullable(),
  );

const system = {
  Id: zId,
  CreatedDate: zDateTime,
  LastModifiedDate: zDateTime,
  SystemModstamp: zDateTime,
};

// ---------------------------------------------------------------- standard objects

export const AccountRecord = z.object({
  Id: zId,
  Name: zText,
  Industry: zText,
  Type: zText,
  NumberOfEmployees: zNumber,
  AnnualRevenue: zNumber,
  BillingCountry: zText,
  BillingState: zText,
  OwnerId: zIdOrNull,
  SystemModstamp: zDateTime,
});
export type AccountRecord = z.infer<typeof AccountRecord>;

export const ContactRecord = z.object({
  Id: zId,
  AccountId: zIdOrNull,
  Name: zText,
  Title: zText,
  ReportsToId: zIdOrNull,
  SystemModstamp: zDateTime,
});
export type ContactRecord = z.infer<typeof ContactRecord>;

export const OpportunityRecord = z.object({
  Id: zId,
  AccountId: zIdOrNull,
  Name: zText,
  Amount: zNumber,
  StageName: zText,
  CloseDate: zDate,
  IsClosed: zCheckbox,
  SystemModstamp: zDateTime,
});
export type OpportunityRecord = z.infer<typeof OpportunityRecord>;

export const OpportunityContactRoleRecord = z.object({
  Id: zId,
  OpportunityId: zId,
  ContactId: zId,
  /** Org-customisable values: kept as text. */
  Role: zText,
  IsPrimary: zCheckbox,
  SystemModstamp: zDateTime,
});
export type OpportunityContactRoleRecord = z.infer<typeof OpportunityContactRoleRecord>;

// ---------------------------------------------------------------- custom objects

export const BuyingCommitteeMemberRecord = z.object({
  ...system,
  Name: zText,
  Opportunity__c: zId,
  Contact__c: zId,
  Role__c: zPicklist(ROLES),
  Influence__c: zPicklist(INFLUENCE_LEVELS),
  Stance__c: zPicklist(STANCES),
  Has_Veto__c: zCheckbox,
  Notes__c: zText,
  Member_Key__c: zText,
});
export type BuyingCommitteeMemberRecord = z.infer<typeof BuyingCommitteeMemberRecord>;

export const EscalatedRequestRecord = z.object({
  ...system,
  Name: zText,
  Description__c: zText,
  Account__c: zId,
  Opportunity__c: zIdOrNull,
  Requested_By__c: zIdOrNull,
  Theme__c: zIdOrNull,
  Suggested_Theme__c: zIdOrNull,
  Urgency__c: zPicklist(URGENCIES),
  Needed_By__c: zDate,
  Revenue_At_Stake__c: zNumber,
  Deal_Blocker__c: zCheckbox,
  Source__c: zPicklist(SOURCES),
  Status__c: zPicklist(REQUEST_STATUSES),
  Workaround__c: zPicklist(WORKAROUNDS),
  Asked_On__c: zDate,
  Suggestion_Reason__c: zText,
  Segment__c: zIdOrNull,
  Requester_Member__c: zIdOrNull,
  Requester_Side__c: zPicklist(REQUESTER_SIDES),
});
export type EscalatedRequestRecord = z.infer<typeof EscalatedRequestRecord>;

export const DemandThemeRecord = z.object({
  ...system,
  Name: zText,
  Description__c: zText,
  Product_Area__c: zText,
  Status__c: zPicklist(THEME_STATUSES),
  Origin__c: zPicklist(THEME_ORIGINS),
  Theme_Key__c: zText,
  Merged_Into__c: zIdOrNull,
  Match_Terms__c: zText,
});
export type DemandThemeRecord = z.infer<typeof DemandThemeRecord>;

export const SegmentRecord = z.object({
  ...system,
  Name: zText,
  Description__c: zText,
  Priority__c: zNumber,
  Active__c: zCheckbox,
  Filter_Logic__c: zText,
  Status__c: zPicklist(SEGMENT_STATUSES),
  Status_Message__c: zText,
  Account_Count__c: zNumber,
});
export type SegmentRecord = z.infer<typeof SegmentRecord>;

export const SegmentCriterionRecord = z.object({
  ...system,
  Name: zText,
  Segment__c: zId,
  Number__c: zNumber,
  Field__c: zText,
  /** Kept as text so that the rule evaluator, not the reader, explains a bad operator. */
  Operator__c: zText,
  Value__c: zText,
});
export type SegmentCriterionRecord = z.infer<typeof SegmentCriterionRecord>;
/** The operators a criterion may use (for callers that want to validate early). */
export const zOperator = zPicklist(CRITERION_OPERATORS);

export const DemandScoringProfileRecord = z.object({
  ...system,
  Name: zText,
  Active__c: zCheckbox,
  Description__c: zText,
  Urgency_Critical__c: zNumber,
  Urgency_High__c: zNumber,
  Urgency_Medium__c: zNumber,
  Urgency_Low__c: zNumber,
  Source_Account_Team__c: zNumber,
  Source_Inside_Sales__c: zNumber,
  Source_Customer_Success__c: zNumber,
  Source_Support__c: zNumber,
  Source_Partner__c: zNumber,
  Side_Decision__c: zNumber,
  Side_Influence__c: zNumber,
  Side_Use__c: zNumber,
  Side_Unknown__c: zNumber,
  Influence_High__c: zNumber,
  Influence_Medium__c: zNumber,
  Influence_Low__c: zNumber,
  Influence_Unknown__c: zNumber,
  Workaround_None__c: zNumber,
  Workaround_Partner__c: zNumber,
  Workaround_Self_Serve__c: zNumber,
  Deal_Blocker_Factor__c: zNumber,
  Half_Life_Days__c: zNumber,
  Decay_Floor__c: zNumber,
  Revenue_Weight__c: zNumber,
  Reference_Revenue__c: zNumber,
  Account_Voice_Cap__c: zNumber,
  Quorum_Size__c: zNumber,
  Counted_Statuses__c: zMultiPicklist(REQUEST_STATUSES),
  Role_Side_Mapping__c: zText,
});
export type DemandScoringProfileRecord = z.infer<typeof DemandScoringProfileRecord>;

export const SegmentDemandScoreRecord = z.object({
  ...system,
  Name: zText,
  Score_Key__c: zText,
  Segment__c: zIdOrNull,
  Theme__c: zIdOrNull,
  Score__c: zNumber,
  Rank__c: zNumber,
  Theme_Status__c: zPicklist(THEME_STATUSES),
  Normalized_Score__c: zNumber,
  Score_Change_90d__c: zNumber,
  Account_Change_90d__c: zNumber,
  Account_Count__c: zNumber,
  Segment_Account_Count__c: zNumber,
  Penetration__c: zNumber,
  Request_Count__c: zNumber,
  Revenue_At_Stake__c: zNumber,
  Decision_Backed_Count__c: zNumber,
  Use_Only_Count__c: zNumber,
  Deal_Blocker_Count__c: zNumber,
  Earliest_Needed_By__c: zDate,
  Quorum_Reached__c: zCheckbox,
  Breakdown__c: zText,
  Breakdown_Digest__c: zText,
  Computed_At__c: zDateTime,
  Last_Run__c: zIdOrNull,
});
export type SegmentDemandScoreRecord = z.infer<typeof SegmentDemandScoreRecord>;

export const SegmentDemandHistoryRecord = z.object({
  ...system,
  Name: zText,
  History_Key__c: zText,
  Score_Key__c: zText,
  Segment__c: zIdOrNull,
  Theme__c: zIdOrNull,
  Month__c: zDate,
  Score__c: zNumber,
  Account_Count__c: zNumber,
  Request_Count__c: zNumber,
  Revenue_At_Stake__c: zNumber,
  Last_Run__c: zIdOrNull,
});
export type SegmentDemandHistoryRecord = z.infer<typeof SegmentDemandHistoryRecord>;

export const DemandRunRecord = z.object({
  ...system,
  Name: zText,
  Status__c: zPicklist(RUN_STATUSES),
  Mode__c: zPicklist(RUN_MODES),
  Phase__c: zText,
  Progress__c: zNumber,
  Started_At__c: zDateTime,
  Finished_At__c: zDateTime,
  Records_Read__c: zNumber,
  Scores_Written__c: zNumber,
  Scores_Deleted__c: zNumber,
  Api_Calls__c: zNumber,
  Error_Count__c: zNumber,
  Log__c: zText,
  Lock_Key__c: zText,
  Claimed_By__c: zText,
  Heartbeat_At__c: zDateTime,
  Watermark__c: zDateTime,
});
export type DemandRunRecord = z.infer<typeof DemandRunRecord>;

export const DemandRunClaimRecord = z.object({
  ...system,
  Name: zText,
  Claim_Key__c: zText,
  Run__c: zIdOrNull,
  Claimed_By__c: zText,
});
export type DemandRunClaimRecord = z.infer<typeof DemandRunClaimRecord>;

/** Record schemas by object API name. */
export const RECORD_SCHEMAS = {
  Account: AccountRecord,
  Contact: ContactRecord,
  Opportunity: OpportunityRecord,
  OpportunityContactRole: OpportunityContactRoleRecord,
  Buying_Committee_Member__c: BuyingCommitteeMemberRecord,
  Escalated_Request__c: EscalatedRequestRecord,
  Demand_Theme__c: DemandThemeRecord,
  Segment__c: SegmentRecord,
  Segment_Criterion__c: SegmentCriterionRecord,
  Demand_Scoring_Profile__c: DemandScoringProfileRecord,
  Segment_Demand_Score__c: SegmentDemandScoreRecord,
  Segment_Demand_History__c: SegmentDemandHistoryRecord,
  Demand_Run__c: DemandRunRecord,
  Demand_Run_Claim__c: DemandRunClaimRecord,
} as const;
