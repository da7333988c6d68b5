/** The demand engine: pure functions, no I/O. See server/src/domain/README.md. */
export { assignSegments, type SegmentAssignment, type SegmentStatus } from './segments';
export {
  groupThemes,
  GROUPING,
  type GroupingResult,
  type Suggestion,
  type GroupInput,
} from './themes/group';
export { tokenize } from './themes/tokenize';
export { CONCEPTS } from './themes/concepts';
export { buildMergeResolver } from './themes/resolve';
export { computeScores, scoreTable, type ScoreInput, type ScoredSegment } from './scoring';
export { scoreModel, type ModelInput, type ModelRow } from './model/reference';
export { ScoreTable, type ScoreValues } from './scoreTable';
export { diffScores, sameScore, type ScoreChanges, type ExistingScoreRow } from './changes';
export {
  resolveProfile,
  DEFAULT_PROFILE,
  DEFAULT_ROLE_SIDES,
  REQUEST_STATUSES,
  SIDES,
  type Side,
  type Profile,
  type ResolvedProfile,
} from './profile';
export { buildRequesterIndex, type Requester } from './sides';
export {
  RequestTableBuilder,
  toRequestTable,
  textRecords,
  newDictionaries,
  type RequestTable,
  type Dictionaries,
  type TextKept,
} from './requestTable';
export { DealTableBuilder, toDealTable, type DealTable } from './dealTable';
export { computeDemand, type DemandInput, type DemandResult } from './demand';
export { BREAKDOWN_LIMIT } from './breakdown';
export { askedDayOf } from './numbers';
// The engine's record types, derived from the zod schemas (schema/inputs.ts), by their
// engine names.
export type {
  AccountInput as AccountRecord,
  SegmentInput as SegmentRecord,
  CriterionInput as CriterionRecord,
  OpportunityInput as OpportunityRecord,
  CommitteeMemberInput as CommitteeMemberRecord,
  ContactRoleInput as ContactRoleRecord,
  RequestInput as RequestRecord,
  ThemeInput as ThemeRecord,
  ScoreRow,
} from '../schema/inputs';
