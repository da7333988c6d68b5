/**
 * Reads everything one recompute needs from the org: the scoring profile, segments and their
 * criteria, accounts (the schema's fields plus any Account field a criterion names, checked
 * against describe), opportunities, committee members, contact roles, requests, themes and the
 * scores written before. Large objects page through REST or Bulk 2.0 (see salesforce/read.ts).
 */
import {
  Account,
  AccountRecord,
  BuyingCommitteeMember,
  BuyingCommitteeMemberRecord,
  DemandScoringProfile,
  DemandScoringProfileRecord,
  DemandTheme,
  DemandThemeRecord,
  EscalatedRequest,
  EscalatedRequestRecord,
  Opportunity,
  OpportunityContactRole,
  OpportunityContactRoleRecord,
  OpportunityRecord,
  Segment,
  SegmentCriterion,
  SegmentCriterionRecord,
  SegmentDemandScore,
  SegmentDemandScoreRecord,
  SegmentRecord,
  fieldNames,
} from '../schema';
import type { Org } from '../salesforce/org';
import { readAll, readRecords, type ReadOptions } from '../salesforce/read';
import { identifier, literal } from '../salesforce/soql';
import { z } from 'zod';

export interface Snapshot {
  profile: DemandScoringProfileRecord | null;
  segments: SegmentRecord[];
  criteria: SegmentCriterionRecord[];
  accounts: Record<string, unknown>[];
  accountFieldTypes: Record<string, string>;
  opportunities: OpportunityRecord[];
  committeeMembers: BuyingCommitteeMemberRecord[];
  contactRoles: OpportunityContactRoleRecord[];
  requests: EscalatedRequestRecord[];
  themes: DemandThemeRecord[];
  scores: SegmentDemandScoreRecord[];
  /** Rows read per object (for the run record and the report). */
  counts: Record<string, number>;
}

export interface SnapshotOptions extends ReadOptions {
  /** Called when a step starts: 0..1 of the reading. */
  onStep?: (label: string, fraction: number) => void;
}

const select = (apiName: string, fields: readonly string[]) => `SELECT ${fields.join(', ')} FROM ${apiName}`;

/** Only the fields the engine needs (fields left out read as null through the schemas). */
const OPPORTUNITY_FIELDS = ['Id', 'AccountId', 'IsClosed', 'StageName', 'SystemModstamp'] as const;
const MEMBER_FIELDS = ['Id', 'Opportunity__c', 'Contact__c', 'Role__c', 'SystemModstamp'] as const;
const CONTACT_ROLE_FIELDS = ['Id', 'OpportunityId', 'ContactId', 'Role', 'SystemModstamp'] as const;

export async function readSnapshot(org: Org, opts: SnapshotOptions): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const step = (label: string, fraction: number) => opts.onStep?.(label, fraction);
  const all = async <S extends z.ZodTypeAny>(name: string, soql: string, schema: S): Promise<z.infer<S>[]> => {
    const rows = await readAll(org, soql, schema, opts);
    counts[name] = rows.length;
    return rows;
  };

  step('Reading scoring profile and segments', 0);
  const profiles = await all(
    DemandScoringProfile.apiName,
    `${select(DemandScoringProfile.apiName, fieldNames(DemandScoringProfile))} WHERE Active__c = ${literal(true)} ORDER BY LastModifiedDate DESC LIMIT 1`,
    DemandScoringProfileRecord,
  );
  const segments = await all(Segment.apiName, select(Segment.apiName, fieldNames(Segment)), SegmentRecord);
  const criteria = await all(SegmentCriterion.apiName, select(SegmentCriterion.apiName, fieldNames(SegmentCriterion)), SegmentCriterionRecord);

  step('Reading accounts', 0.1);
  const accountFieldTypes = await describeAccountFields(org);
  const accountFields = new Set<string>(fieldNames(Account));
  for (const c of criteria) {
    // Only fields the org has: a criterion naming an unknown field makes its segment Invalid
    // (the engine says so), it must not break the whole read.
    if (c.Field__c && accountFieldTypes[c.Field__c] !== undefined) accountFields.add(identifier(c.Field__c));
  }
  const accountSchema = AccountRecord.loose();
  const accounts: Record<string, unknown>[] = [];
  for await (const page of readRecords(org, select(Account.apiName, [...accountFields]), accountSchema, opts)) {
    for (const a of page) accounts.push(a as Record<string, unknown>);
  }
  counts[Account.apiName] = accounts.length;

  step('Reading opportunities and buying committees', 0.25);
  const opportunities = await all(Opportunity.apiName, select(Opportunity.apiName, OPPORTUNITY_FIELDS), OpportunityRecord);
  const committeeMembers = await all(
    BuyingCommitteeMember.apiName,
    select(BuyingCommitteeMember.apiName, MEMBER_FIELDS),
    BuyingCommitteeMemberRecord,
  );
  const contactRoles = await all(
    OpportunityContactRole.apiName,
    select(OpportunityContactRole.apiName, CONTACT_ROLE_FIELDS),
    OpportunityContactRoleRecord,
  );

  step('Reading escalated requests', 0.45);
  const requests = await all(EscalatedRequest.apiName, select(EscalatedRequest.apiName, fieldNames(EscalatedRequest)), EscalatedRequestRecord);

  step('Reading themes and current scores', 0.85);
  const themes = await all(DemandTheme.apiName, select(DemandTheme.apiName, fieldNames(DemandTheme)), DemandThemeRecord);
  const scores = await all(SegmentDemandScore.apiName, select(SegmentDemandScore.apiName, fieldNames(SegmentDemandScore)), SegmentDemandScoreRecord);

  return {
    profile: profiles[0] ?? null,
    segments,
    criteria,
    accounts,
    accountFieldTypes,
    opportunities,
    committeeMembers,
    contactRoles,
    requests,
    themes,
    scores,
    counts,
  };
}

interface DescribeResult {
  fields: { name: string; type: string }[];
}

/** Account field API name → REST describe type (the rule evaluator normalises it). */
export async function describeAccountFields(org: Org): Promise<Record<string, string>> {
  const d = await org.call('describe.Account', () => org.conn.request<DescribeResult>({ method: 'GET', url: `${org.base}/sobjects/${Account.apiName}/describe` }));
  const types: Record<string, string> = {};
  for (const f of d.fields ?? []) types[f.name] = f.type;
  return types;
}
