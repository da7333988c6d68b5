/** The demand engine: pure functions, no I/O. See docs/ARCHITECTURE.md § engine. */
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
export { ScoreTable, type ScoreValues } from './scoreTable';
export { diffScores, sameScore, type ScoreChanges, type ExistingScoreRow } from './changes';
export {
  resolveProfile,
  DEFAULT_PROFILE,
  DEFAULT_ROLE_SIDES,
  REQUEST_STATUSES,
  type Profile,
  type ResolvedProfile,
} from './profile';
export { buildSideIndex, SIDE_BY_RANK } from './sides';
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
export {
  BREAKDOWN_LIMIT,
  readBreakdown,
  type ReadBreakdown,
  type BreakdownAccount,
} from './breakdown';
export * from './records';
