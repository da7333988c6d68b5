/**
 * The engine's view of the records: types only, derived from the zod schemas in records.ts, so
 * that a field's type has one source. The domain imports these with `import type` and validates
 * nothing itself: the service's reader has parsed every record by its schema before the engine
 * sees it.
 *
 * The engine is fed by more than the reader (tests, benchmarks, the emulator's seed), so its
 * view is looser than a parsed record: every field is optional except the ones it cannot do
 * without, picklist values are plain text (an unknown value is the engine's to handle), and any
 * other field may ride along by API name (segment criteria read Account fields by name).
 */
import type {
  AccountRecord,
  BuyingCommitteeMemberRecord,
  DemandThemeRecord,
  EscalatedRequestRecord,
  OpportunityContactRoleRecord,
  OpportunityRecord,
  SegmentCriterionRecord,
  SegmentDemandScoreRecord,
  SegmentRecord,
} from './records';

/** A picklist's value set widened to text (`'New' | 'Planned' | null` → `string | null`). */
type AsText<T> = T extends string ? string : T;

/** `T`'s fields as the engine reads them: `Required` present, the rest optional. */
export type EngineView<T, Required extends keyof T> = {
  [F in Required]: AsText<T[F]>;
} & {
  [F in Exclude<keyof T, Required>]?: AsText<T[F]> | undefined;
} & { [field: string]: unknown };

export type AccountInput = EngineView<AccountRecord, 'Id'>;
export type SegmentInput = EngineView<SegmentRecord, 'Id'>;
/** Number__c may come as text from a data plan; the rule evaluator reads either. */
export type CriterionInput = EngineView<
  Omit<SegmentCriterionRecord, 'Number__c'> & { Number__c: number | string | null },
  'Segment__c'
>;
export type OpportunityInput = EngineView<OpportunityRecord, 'Id'>;
export type CommitteeMemberInput = EngineView<
  BuyingCommitteeMemberRecord,
  'Opportunity__c' | 'Contact__c'
>;
/** The standard OpportunityContactRole. */
export type ContactRoleInput = EngineView<
  OpportunityContactRoleRecord,
  'OpportunityId' | 'ContactId'
>;
export type RequestInput = EngineView<EscalatedRequestRecord, 'Id' | 'Account__c'>;
export type ThemeInput = EngineView<DemandThemeRecord, 'Id'>;

/** The Segment_Demand_Score__c fields the engine computes for every row. */
type ScoreField =
  | 'Score_Key__c'
  | 'Segment__c'
  | 'Theme__c'
  | 'Score__c'
  | 'Rank__c'
  | 'Theme_Status__c'
  | 'Normalized_Score__c'
  | 'Score_Change_90d__c'
  | 'Account_Change_90d__c'
  | 'Account_Count__c'
  | 'Segment_Account_Count__c'
  | 'Penetration__c'
  | 'Request_Count__c'
  | 'Revenue_At_Stake__c'
  | 'Decision_Backed_Count__c'
  | 'Use_Only_Count__c'
  | 'Deal_Blocker_Count__c'
  | 'Earliest_Needed_By__c'
  | 'Quorum_Reached__c'
  | 'Breakdown__c'
  | 'Breakdown_Digest__c'
  | 'Computed_At__c'
  | 'Last_Run__c';

/**
 * The fields of a row that may be blank: Segment__c (the all-segments row), Rank__c (closed
 * themes are not ranked), the 90-day changes (no history yet), a theme without status or
 * needed-by date, a row computed outside a run.
 */
type BlankScoreField =
  | 'Segment__c'
  | 'Rank__c'
  | 'Theme_Status__c'
  | 'Score_Change_90d__c'
  | 'Account_Change_90d__c'
  | 'Earliest_Needed_By__c'
  | 'Last_Run__c';

/** A Segment_Demand_Score__c row as the engine computes it (and as the service writes it). */
export type ScoreRow = {
  [F in ScoreField]: F extends BlankScoreField
    ? AsText<SegmentDemandScoreRecord[F]>
    : NonNullable<AsText<SegmentDemandScoreRecord[F]>>;
};
