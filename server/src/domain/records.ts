/**
 * Input and output record shapes of the demand engine: plain objects keyed by the org's API
 * names, as the service reads them. The schemas validate at the edges (tests, the service's
 * reader) and give the types; the engine's hot paths never parse records one by one.
 */
import { z } from 'zod';
import { dayNumber, parseTimestamp } from './numbers';

const id = z.string().min(1);
const optId = z.string().nullish();
const optText = z.string().nullish();
const optNum = z.number().nullish();

export const AccountSchema = z.looseObject({ Id: id, Name: optText });
export type AccountRecord = z.infer<typeof AccountSchema>;

export const SegmentSchema = z.looseObject({
  Id: id,
  Name: z.string().nullish(),
  Priority__c: optNum,
  Active__c: z.boolean().nullish(),
  Filter_Logic__c: optText,
});
export type SegmentRecord = z.infer<typeof SegmentSchema>;

export const CriterionSchema = z.looseObject({
  Id: optId,
  Segment__c: id,
  Number__c: z.union([z.number(), z.string()]).nullish(),
  Field__c: optText,
  Operator__c: optText,
  Value__c: optText,
});
export type CriterionRecord = z.infer<typeof CriterionSchema>;

export const OpportunitySchema = z.looseObject({
  Id: id,
  AccountId: optId,
  IsClosed: z.boolean().nullish(),
  StageName: optText,
});
export type OpportunityRecord = z.infer<typeof OpportunitySchema>;

export const CommitteeMemberSchema = z.looseObject({
  Id: optId,
  Opportunity__c: id,
  Contact__c: id,
  Role__c: optText,
  Influence__c: optText,
  Has_Veto__c: z.boolean().nullish(),
});
export type CommitteeMemberRecord = z.infer<typeof CommitteeMemberSchema>;

/** The standard OpportunityContactRole. */
export const ContactRoleSchema = z.looseObject({
  Id: optId,
  OpportunityId: id,
  ContactId: id,
  Role: optText,
});
export type ContactRoleRecord = z.infer<typeof ContactRoleSchema>;

export const RequestSchema = z.looseObject({
  Id: id,
  Name: optText,
  Description__c: optText,
  Account__c: id,
  Opportunity__c: optId,
  Requested_By__c: optId,
  Theme__c: optId,
  Suggested_Theme__c: optId,
  Suggestion_Reason__c: optText,
  /** Stamped by the service: the member row and side the requester was judged by. */
  Requester_Member__c: optId,
  Requester_Side__c: optText,
  Urgency__c: optText,
  Needed_By__c: optText,
  Revenue_At_Stake__c: optNum,
  Deal_Blocker__c: z.boolean().nullish(),
  Source__c: optText,
  Status__c: optText,
  Workaround__c: optText,
  Asked_On__c: optText,
  CreatedDate: optText,
});
export type RequestRecord = z.infer<typeof RequestSchema>;

export const ThemeSchema = z.looseObject({
  Id: id,
  Name: optText,
  Description__c: optText,
  Status__c: optText,
  Origin__c: optText,
  Theme_Key__c: optText,
  Merged_Into__c: optId,
  Match_Terms__c: optText,
});
export type ThemeRecord = z.infer<typeof ThemeSchema>;

/** A Segment_Demand_Score__c row as the engine computes it (and as the service reads it back). */
export const ScoreRowSchema = z.object({
  Score_Key__c: z.string(),
  Segment__c: z.string().nullable(),
  Theme__c: z.string(),
  Score__c: z.number(),
  /** Blank for Delivered and Declined themes: only open demand is ranked. */
  Rank__c: z.number().nullable(),
  Theme_Status__c: z.string().nullable(),
  Normalized_Score__c: z.number(),
  Score_Change_90d__c: z.number().nullable(),
  Account_Change_90d__c: z.number().nullable(),
  Account_Count__c: z.number(),
  Segment_Account_Count__c: z.number(),
  Penetration__c: z.number(),
  Request_Count__c: z.number(),
  Revenue_At_Stake__c: z.number(),
  Decision_Backed_Count__c: z.number(),
  Use_Only_Count__c: z.number(),
  Deal_Blocker_Count__c: z.number(),
  Earliest_Needed_By__c: z.string().nullable(),
  Quorum_Reached__c: z.boolean(),
  Breakdown__c: z.string(),
  /** Fingerprint of Breakdown__c's content (fingerprint.ts): change detection compares it. */
  Breakdown_Digest__c: z.string(),
  Computed_At__c: z.string(),
  Last_Run__c: z.string().nullable(),
});
export type ScoreRow = z.infer<typeof ScoreRowSchema>;

/**
 * The UTC day (days since 1970-01-01) a request was asked on: Asked_On__c, else the day it was
 * created; -1 when neither is readable. Recency counts from it.
 */
export function askedDayOf(r: Pick<RequestRecord, 'Asked_On__c' | 'CreatedDate'>): number {
  if (r.Asked_On__c) return dayNumber(r.Asked_On__c);
  const created = parseTimestamp(r.CreatedDate);
  return Number.isFinite(created) ? Math.floor(created / 86400000) : -1;
}
