/**
 * Schema as code: every object and field the Quorum service reads or writes, with its
 * Salesforce metadata type. The service builds SOQL and writes records from these names instead
 * of string literals; `npm run check:metadata` verifies each one exists in force-app (custom
 * objects) or in the built-in list of standard fields, with the same type.
 */
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

/** Field types, in the vocabulary of CustomField metadata (plus Id and AutoNumber names). */
export type FieldType =
  | 'Id'
  | 'AutoNumber'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Checkbox'
  | 'Date'
  | 'DateTime'
  | 'Lookup'
  | 'MasterDetail';

export interface FieldDef {
  readonly type: FieldType;
  /** Target object of a Lookup or MasterDetail. */
  readonly referenceTo?: string;
  /** Values of a picklist, when the metadata fixes them (restricted picklists). */
  readonly values?: readonly string[];
  /** The field must have a value on create. */
  readonly required?: boolean;
  /** External ID used for upserts. */
  readonly externalId?: boolean;
  /** Written by the service (an upsert/update sets it). */
  readonly writtenByService?: boolean;
  /** Text length (characters). */
  readonly length?: number;
}

export interface SObjectDef {
  readonly apiName: string;
  readonly custom: boolean;
  readonly fields: Readonly<Record<string, FieldDef>>;
}

const id = { type: 'Id' } as const;
const systemFields = {
  Id: id,
  CreatedDate: { type: 'DateTime' },
  LastModifiedDate: { type: 'DateTime' },
  SystemModstamp: { type: 'DateTime' },
} as const;

// ---------------------------------------------------------------- standard objects (read only)

export const Account = {
  apiName: 'Account',
  custom: false,
  fields: {
    Id: id,
    Name: { type: 'Text' },
    Industry: { type: 'Picklist' },
    Type: { type: 'Picklist' },
    NumberOfEmployees: { type: 'Number' },
    AnnualRevenue: { type: 'Currency' },
    BillingCountry: { type: 'Text' },
    BillingState: { type: 'Text' },
    OwnerId: { type: 'Lookup', referenceTo: 'User' },
    SystemModstamp: { type: 'DateTime' },
  },
} as const satisfies SObjectDef;

export const Contact = {
  apiName: 'Contact',
  custom: false,
  fields: {
    Id: id,
    AccountId: { type: 'Lookup', referenceTo: 'Account' },
    Name: { type: 'Text' },
    Title: { type: 'Text' },
    ReportsToId: { type: 'Lookup', referenceTo: 'Contact' },
    SystemModstamp: { type: 'DateTime' },
  },
} as const satisfies SObjectDef;

export const Opportunity = {
  apiName: 'Opportunity',
  custom: false,
  fields: {
    Id: id,
    AccountId: { type: 'Lookup', referenceTo: 'Account' },
    Name: { type: 'Text' },
    Amount: { type: 'Currency' },
    StageName: { type: 'Picklist' },
    CloseDate: { type: 'Date' },
    IsClosed: { type: 'Checkbox' },
    SystemModstamp: { type: 'DateTime' },
  },
} as const satisfies SObjectDef;

export const OpportunityContactRole = {
  apiName: 'OpportunityContactRole',
  custom: false,
  fields: {
    Id: id,
    OpportunityId: { type: 'Lookup', referenceTo: 'Opportunity' },
    ContactId: { type: 'Lookup', referenceTo: 'Contact' },
    Role: { type: 'Picklist' },
    IsPrimary: { type: 'Checkbox' },
    SystemModstamp: { type: 'DateTime' },
  },
} as const satisfies SObjectDef;

// ---------------------------------------------------------------- custom objects

export const BuyingCommitteeMember = {
  apiName: 'Buying_Committee_Member__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    Opportunity__c: { type: 'MasterDetail', referenceTo: 'Opportunity', required: true },
    Contact__c: { type: 'Lookup', referenceTo: 'Contact', required: true },
    Role__c: { type: 'Picklist', values: ROLES },
    Influence__c: { type: 'Picklist', values: INFLUENCE_LEVELS },
    Stance__c: { type: 'Picklist', values: STANCES },
    Has_Veto__c: { type: 'Checkbox' },
    Notes__c: { type: 'LongTextArea' },
    Member_Key__c: { type: 'Text', externalId: true, length: 80 },
  },
} as const satisfies SObjectDef;

export const EscalatedRequest = {
  apiName: 'Escalated_Request__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'Text', length: 80 },
    Description__c: { type: 'LongTextArea' },
    Account__c: { type: 'Lookup', referenceTo: 'Account', required: true },
    Opportunity__c: { type: 'Lookup', referenceTo: 'Opportunity' },
    Requested_By__c: { type: 'Lookup', referenceTo: 'Contact' },
    Theme__c: { type: 'Lookup', referenceTo: 'Demand_Theme__c' },
    Suggested_Theme__c: { type: 'Lookup', referenceTo: 'Demand_Theme__c', writtenByService: true },
    Urgency__c: { type: 'Picklist', values: URGENCIES },
    Needed_By__c: { type: 'Date' },
    Revenue_At_Stake__c: { type: 'Currency' },
    Deal_Blocker__c: { type: 'Checkbox' },
    Source__c: { type: 'Picklist', values: SOURCES },
    Status__c: { type: 'Picklist', values: REQUEST_STATUSES },
    Workaround__c: { type: 'Picklist', values: WORKAROUNDS },
    Asked_On__c: { type: 'Date' },
    Segment__c: { type: 'Lookup', referenceTo: 'Segment__c', writtenByService: true },
    Suggestion_Reason__c: { type: 'Text', length: 255, writtenByService: true },
    Requester_Member__c: {
      type: 'Lookup',
      referenceTo: 'Buying_Committee_Member__c',
      writtenByService: true,
    },
    Requester_Side__c: { type: 'Picklist', values: REQUESTER_SIDES, writtenByService: true },
  },
} as const satisfies SObjectDef;

export const DemandTheme = {
  apiName: 'Demand_Theme__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'Text', length: 80, writtenByService: true },
    Description__c: { type: 'LongTextArea', writtenByService: true },
    Product_Area__c: { type: 'Text', length: 80 },
    Status__c: { type: 'Picklist', values: THEME_STATUSES, writtenByService: true },
    Origin__c: { type: 'Picklist', values: THEME_ORIGINS, writtenByService: true },
    Theme_Key__c: { type: 'Text', externalId: true, length: 80, writtenByService: true },
    Merged_Into__c: { type: 'Lookup', referenceTo: 'Demand_Theme__c' },
    Match_Terms__c: { type: 'Text', length: 255, writtenByService: true },
  },
} as const satisfies SObjectDef;

export const Segment = {
  apiName: 'Segment__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'Text', length: 80 },
    Description__c: { type: 'LongTextArea' },
    Priority__c: { type: 'Number' },
    Active__c: { type: 'Checkbox' },
    Filter_Logic__c: { type: 'Text', length: 255 },
    Status__c: { type: 'Picklist', values: SEGMENT_STATUSES, writtenByService: true },
    Status_Message__c: { type: 'Text', length: 255, writtenByService: true },
    Account_Count__c: { type: 'Number', writtenByService: true },
  },
} as const satisfies SObjectDef;

export const SegmentCriterion = {
  apiName: 'Segment_Criterion__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    Segment__c: { type: 'MasterDetail', referenceTo: 'Segment__c', required: true },
    Number__c: { type: 'Number', required: true },
    Field__c: { type: 'Text', length: 80, required: true },
    Operator__c: { type: 'Picklist', values: CRITERION_OPERATORS, required: true },
    Value__c: { type: 'Text', length: 255 },
  },
} as const satisfies SObjectDef;

export const DemandScoringProfile = {
  apiName: 'Demand_Scoring_Profile__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'Text', length: 80 },
    Active__c: { type: 'Checkbox' },
    Description__c: { type: 'TextArea' },
    Urgency_Critical__c: { type: 'Number' },
    Urgency_High__c: { type: 'Number' },
    Urgency_Medium__c: { type: 'Number' },
    Urgency_Low__c: { type: 'Number' },
    Source_Account_Team__c: { type: 'Number' },
    Source_Inside_Sales__c: { type: 'Number' },
    Source_Customer_Success__c: { type: 'Number' },
    Source_Support__c: { type: 'Number' },
    Source_Partner__c: { type: 'Number' },
    Side_Decision__c: { type: 'Number' },
    Side_Influence__c: { type: 'Number' },
    Side_Use__c: { type: 'Number' },
    Side_Unknown__c: { type: 'Number' },
    Influence_High__c: { type: 'Number' },
    Influence_Medium__c: { type: 'Number' },
    Influence_Low__c: { type: 'Number' },
    Influence_Unknown__c: { type: 'Number' },
    Workaround_None__c: { type: 'Number' },
    Workaround_Partner__c: { type: 'Number' },
    Workaround_Self_Serve__c: { type: 'Number' },
    Deal_Blocker_Factor__c: { type: 'Number' },
    Half_Life_Days__c: { type: 'Number' },
    Decay_Floor__c: { type: 'Number' },
    Revenue_Weight__c: { type: 'Number' },
    Reference_Revenue__c: { type: 'Currency' },
    Account_Voice_Cap__c: { type: 'Number' },
    Quorum_Size__c: { type: 'Number' },
    Counted_Statuses__c: { type: 'MultiselectPicklist', values: REQUEST_STATUSES },
    Role_Side_Mapping__c: { type: 'LongTextArea' },
  },
} as const satisfies SObjectDef;

export const SegmentDemandScore = {
  apiName: 'Segment_Demand_Score__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    Score_Key__c: { type: 'Text', externalId: true, length: 80, writtenByService: true },
    Segment__c: { type: 'Lookup', referenceTo: 'Segment__c', writtenByService: true },
    Theme__c: { type: 'Lookup', referenceTo: 'Demand_Theme__c', writtenByService: true },
    Score__c: { type: 'Number', writtenByService: true },
    Rank__c: { type: 'Number', writtenByService: true },
    Theme_Status__c: { type: 'Picklist', values: THEME_STATUSES, writtenByService: true },
    Normalized_Score__c: { type: 'Number', writtenByService: true },
    Score_Change_90d__c: { type: 'Number', writtenByService: true },
    Account_Change_90d__c: { type: 'Number', writtenByService: true },
    Account_Count__c: { type: 'Number', writtenByService: true },
    Segment_Account_Count__c: { type: 'Number', writtenByService: true },
    Penetration__c: { type: 'Percent', writtenByService: true },
    Request_Count__c: { type: 'Number', writtenByService: true },
    Revenue_At_Stake__c: { type: 'Currency', writtenByService: true },
    Decision_Backed_Count__c: { type: 'Number', writtenByService: true },
    Use_Only_Count__c: { type: 'Number', writtenByService: true },
    Deal_Blocker_Count__c: { type: 'Number', writtenByService: true },
    Earliest_Needed_By__c: { type: 'Date', writtenByService: true },
    Quorum_Reached__c: { type: 'Checkbox', writtenByService: true },
    Breakdown__c: { type: 'LongTextArea', writtenByService: true },
    Breakdown_Digest__c: { type: 'Text', length: 32, writtenByService: true },
    Computed_At__c: { type: 'DateTime', writtenByService: true },
    Last_Run__c: { type: 'Lookup', referenceTo: 'Demand_Run__c', writtenByService: true },
  },
} as const satisfies SObjectDef;

/** One row per score key and calendar month: the trend behind "is this demand growing?". */
export const SegmentDemandHistory = {
  apiName: 'Segment_Demand_History__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    History_Key__c: { type: 'Text', externalId: true, length: 100, writtenByService: true },
    Score_Key__c: { type: 'Text', length: 80, writtenByService: true },
    Segment__c: { type: 'Lookup', referenceTo: 'Segment__c', writtenByService: true },
    Theme__c: { type: 'Lookup', referenceTo: 'Demand_Theme__c', writtenByService: true },
    Month__c: { type: 'Date', writtenByService: true },
    Score__c: { type: 'Number', writtenByService: true },
    Account_Count__c: { type: 'Number', writtenByService: true },
    Request_Count__c: { type: 'Number', writtenByService: true },
    Revenue_At_Stake__c: { type: 'Currency', writtenByService: true },
    Last_Run__c: { type: 'Lookup', referenceTo: 'Demand_Run__c', writtenByService: true },
  },
} as const satisfies SObjectDef;

export const DemandRun = {
  apiName: 'Demand_Run__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    Status__c: { type: 'Picklist', values: RUN_STATUSES, writtenByService: true },
    Mode__c: { type: 'Picklist', values: RUN_MODES, writtenByService: true },
    Phase__c: { type: 'Text', length: 80, writtenByService: true },
    Progress__c: { type: 'Percent', writtenByService: true },
    Started_At__c: { type: 'DateTime', writtenByService: true },
    Finished_At__c: { type: 'DateTime', writtenByService: true },
    Records_Read__c: { type: 'Number', writtenByService: true },
    Scores_Written__c: { type: 'Number', writtenByService: true },
    Scores_Deleted__c: { type: 'Number', writtenByService: true },
    Api_Calls__c: { type: 'Number', writtenByService: true },
    Error_Count__c: { type: 'Number', writtenByService: true },
    Log__c: { type: 'LongTextArea', writtenByService: true },
    Lock_Key__c: { type: 'Text', externalId: true, length: 40, writtenByService: true },
    Claimed_By__c: { type: 'Text', length: 255, writtenByService: true },
    Heartbeat_At__c: { type: 'DateTime', writtenByService: true },
    Watermark__c: { type: 'DateTime', writtenByService: true },
  },
} as const satisfies SObjectDef;

/** The run lock: one row keyed ACTIVE, inserted to take the lock, deleted to release it. */
export const DemandRunClaim = {
  apiName: 'Demand_Run_Claim__c',
  custom: true,
  fields: {
    ...systemFields,
    Name: { type: 'AutoNumber' },
    Claim_Key__c: { type: 'Text', externalId: true, length: 40, writtenByService: true },
    Run__c: { type: 'Lookup', referenceTo: 'Demand_Run__c', writtenByService: true },
    Claimed_By__c: { type: 'Text', length: 255, writtenByService: true },
  },
} as const satisfies SObjectDef;

/** Every object the service touches, by API name. */
export const SOBJECTS = {
  Account,
  Contact,
  Opportunity,
  OpportunityContactRole,
  Buying_Committee_Member__c: BuyingCommitteeMember,
  Escalated_Request__c: EscalatedRequest,
  Demand_Theme__c: DemandTheme,
  Segment__c: Segment,
  Segment_Criterion__c: SegmentCriterion,
  Demand_Scoring_Profile__c: DemandScoringProfile,
  Segment_Demand_Score__c: SegmentDemandScore,
  Segment_Demand_History__c: SegmentDemandHistory,
  Demand_Run__c: DemandRun,
  Demand_Run_Claim__c: DemandRunClaim,
} as const satisfies Record<string, SObjectDef>;

export type SObjectName = keyof typeof SOBJECTS;
export type FieldName<O extends SObjectDef> = keyof O['fields'] & string;

/** The field API names of an object, e.g. for a SOQL SELECT list. */
export function fieldNames<O extends SObjectDef>(object: O): FieldName<O>[] {
  return Object.keys(object.fields) as FieldName<O>[];
}

/** `SELECT a, b, c FROM Object` for all (or the given) fields of an object. */
export function selectAll<O extends SObjectDef>(
  object: O,
  fields: readonly FieldName<O>[] = fieldNames(object),
): string {
  return `SELECT ${fields.join(', ')} FROM ${object.apiName}`;
}

/** External ID field used for idempotent upserts, by object. */
export const EXTERNAL_IDS = {
  Buying_Committee_Member__c: 'Member_Key__c',
  Demand_Theme__c: 'Theme_Key__c',
  Segment_Demand_Score__c: 'Score_Key__c',
  Segment_Demand_History__c: 'History_Key__c',
  Demand_Run__c: 'Lock_Key__c',
  Demand_Run_Claim__c: 'Claim_Key__c',
} as const;

/** Score_Key__c prefix for the score over all accounts (blank segment). */
export const ALL_SEGMENTS_KEY = 'ALL';
/** Claim_Key__c of the run lock (Demand_Run_Claim__c). */
export const ACTIVE_RUN_LOCK = 'ACTIVE';
