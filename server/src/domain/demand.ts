/**
 * The whole engine in one call, for tests and benchmarks. The service runs the same steps one
 * by one so it can write suggested themes (and learn their Ids) between grouping and scoring;
 * here a suggested theme's provisional Id is its key.
 */
import { assignSegments, type SegmentAssignment } from './segments';
import { groupThemes, type GroupingResult } from './themes/group';
import { computeScores, type ScoreInput } from './scoring';
import { isRequestTable, textRecords, toRequestTable } from './requestTable';
import type {
  CriterionInput as CriterionRecord,
  RequestInput as RequestRecord,
  ScoreRow,
  SegmentInput as SegmentRecord,
  ThemeInput as ThemeRecord,
} from '../schema/inputs';

/**
 * What scoring takes (scoring.ts ScoreInput), with the segments as sales ops' rules instead of
 * computed memberships, and the grouping done here instead of given.
 */
export interface DemandInput extends Omit<ScoreInput, 'memberships' | 'segments' | 'themeOf'> {
  accountFieldTypes: Readonly<Record<string, string>>;
  segments: readonly SegmentRecord[];
  criteria: readonly CriterionRecord[];
  /** Skip text grouping (e.g. when every request is themed); default false. */
  skipGrouping?: boolean;
}

export interface DemandResult {
  assignment: SegmentAssignment;
  grouping: GroupingResult;
  scores: ScoreRow[];
}

export function computeDemand(input: DemandInput): DemandResult {
  const assignment = assignSegments(
    input.accounts,
    input.segments,
    input.criteria,
    input.accountFieldTypes,
  );
  const requests = isRequestTable(input.requests)
    ? input.requests
    : toRequestTable(input.requests as readonly RequestRecord[], 'grouping');
  const grouping: GroupingResult = input.skipGrouping
    ? { attachments: new Map(), suggestions: [], reasons: new Map(), deferred: 0 }
    : groupThemes({ requests: textRecords(requests), themes: input.themes, now: input.now });
  const themeOf = new Map(grouping.attachments);
  for (const s of grouping.suggestions) for (const id of s.requestIds) themeOf.set(id, s.key);
  const provisional: ThemeRecord[] = grouping.suggestions.map((s) => ({
    Id: s.key,
    Name: s.name,
    Description__c: s.description,
    Status__c: 'Suggested',
    Origin__c: 'Suggested',
    Theme_Key__c: s.key,
    Match_Terms__c: s.terms.join(', '),
  }));
  const scores = computeScores({
    accounts: input.accounts,
    memberships: assignment.memberships,
    segments: assignment.segments,
    opportunities: input.opportunities,
    committeeMembers: input.committeeMembers,
    contactRoles: input.contactRoles,
    deals: input.deals,
    requests,
    themes: [...input.themes, ...provisional],
    profile: input.profile,
    now: input.now,
    runId: input.runId ?? null,
    themeOf,
    baseline: input.baseline ?? null,
  });
  return { assignment, grouping, scores };
}
