/**
 * Reads everything one recompute needs from the org: the scoring profile, segments and their
 * criteria, accounts (the schema's fields plus any Account field a criterion names, checked
 * against describe), opportunities, committee members, contact roles, requests, themes and the
 * scores written before. Large objects page through REST or Bulk 2.0 (see salesforce/read.ts).
 *
 * Requests, opportunities and roles (the million-row objects) go into the engine's columnar
 * tables as they stream in (domain/requestTable.ts, domain/dealTable.ts): each record is coded
 * and dropped, so a run never holds a million request objects. Only an uncompacted read (tests
 * comparing against it) also keeps the records.
 */
import { resolveFieldName } from '../../../force-app/main/default/lwc/quorumRules/quorumRules';
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
  SegmentDemandHistory,
  SegmentDemandHistoryRecord,
  SegmentRecord,
  fieldNames,
} from '../schema';
import type { Org } from '../salesforce/org';
import { Interner } from './compact';
import { newDictionaries, RequestTableBuilder, type RequestTable } from '../domain/requestTable';
import { DealTableBuilder, type DealTable } from '../domain/dealTable';
import { firstPages, readRecords, type QueryPage, type ReadOptions } from '../salesforce/read';
import { identifier, literal } from '../salesforce/soql';
import { z } from 'zod';

export interface Snapshot {
  profile: DemandScoringProfileRecord | null;
  segments: SegmentRecord[];
  criteria: SegmentCriterionRecord[];
  accounts: Record<string, unknown>[];
  accountFieldTypes: Record<string, string>;
  /** The engine's inputs: requests and deals as columns sharing one set of dictionaries. */
  requestTable: RequestTable;
  deals: DealTable;
  /** The records themselves: only for an uncompacted read (`compact: false`), else empty. */
  opportunities: OpportunityRecord[];
  committeeMembers: BuyingCommitteeMemberRecord[];
  contactRoles: OpportunityContactRoleRecord[];
  requests: EscalatedRequestRecord[];
  themes: DemandThemeRecord[];
  scores: SegmentDemandScoreRecord[];
  /** Demand history of `historyMonths` (the 90-day baseline month and the current one). */
  history: SegmentDemandHistoryRecord[];
  /** Rows read per object (for the run record and the report). */
  counts: Record<string, number>;
}

export interface SnapshotOptions extends ReadOptions {
  /**
   * Keep only the engine's columns: no request, opportunity or role records, and request text
   * only where grouping reads it; intern repeated strings of accounts (default true).
   */
  compact?: boolean;
  /** Fetch first pages five at a time through composite (default true). */
  composite?: boolean;
  /** Months ('YYYY-MM-01') of demand history to read (the 90-day baseline and the current
   * month); none read when absent. */
  historyMonths?: readonly string[];
  /** Called when a step starts: 0..1 of the reading. */
  onStep?: (label: string, fraction: number) => void;
  /** Called after each page: the object, its rows read so far and the total the org announced. */
  onRows?: (object: string, rowsSoFar: number, total: number) => void;
}

const select = (apiName: string, fields: readonly string[]) =>
  `SELECT ${fields.join(', ')} FROM ${apiName}`;

/** Only the fields the engine needs (fields left out read as null through the schemas). */
const OPPORTUNITY_FIELDS = ['Id', 'AccountId', 'IsClosed', 'StageName'] as const;
const MEMBER_FIELDS = [
  'Id',
  'Opportunity__c',
  'Contact__c',
  'Role__c',
  'Influence__c',
  'Has_Veto__c',
] as const;
const CONTACT_ROLE_FIELDS = ['Id', 'OpportunityId', 'ContactId', 'Role'] as const;
/** Requests: everything but the modification stamps (CreatedDate drives the decay). */
/** Scores: everything but the long Breakdown__c (compared through Breakdown_Digest__c). */
const SCORE_FIELDS = fieldNames(SegmentDemandScore).filter((f) => f !== 'Breakdown__c');
const REQUEST_FIELDS = fieldNames(EscalatedRequest).filter(
  (f) => f !== 'LastModifiedDate' && f !== 'SystemModstamp',
);

export async function readSnapshot(org: Org, opts: SnapshotOptions): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const step = (label: string, fraction: number) => opts.onStep?.(label, fraction);
  // Each query's first page comes from a composite call of five; small objects end there.
  const batch = async (queries: { name: string; soql: string }[]) => {
    const pages =
      opts.composite === false
        ? []
        : await firstPages(
            org,
            queries.map((q) => q.soql),
          );
    return (name: string) => pages[queries.findIndex((q) => q.name === name)];
  };
  const compact = opts.compact !== false;
  const interner = new Interner();
  /** Every record of a query, validated, handed to `each`; kept in the result when `keep`. */
  const all = async <S extends z.ZodTypeAny>(
    name: string,
    soql: string,
    schema: S,
    firstPage?: QueryPage,
    each?: (r: z.infer<S>) => void,
    keep = true,
  ): Promise<z.infer<S>[]> => {
    const rows: z.infer<S>[] = [];
    let read = 0;
    const onPage = (n: number, total: number) => {
      opts.onPage?.(n, total);
      opts.onRows?.(name, n, total);
    };
    for await (const page of readRecords(org, soql, schema, { ...opts, firstPage, onPage })) {
      for (const r of page) {
        each?.(r);
        if (keep) rows.push(r);
      }
      read += page.length;
    }
    counts[name] = read;
    return rows;
  };

  const internAll = (r: Record<string, unknown>) => {
    for (const k of Object.keys(r))
      if (k !== 'Name' && k !== 'Description__c') r[k] = interner.intern(r[k]);
  };

  step('Reading scoring profile, segments and themes', 0);
  const small: { name: string; soql: string }[] = [
    {
      name: DemandScoringProfile.apiName,
      soql: `${select(DemandScoringProfile.apiName, fieldNames(DemandScoringProfile))} WHERE Active__c = ${literal(true)} ORDER BY LastModifiedDate DESC LIMIT 1`,
    },
    { name: Segment.apiName, soql: select(Segment.apiName, fieldNames(Segment)) },
    {
      name: SegmentCriterion.apiName,
      soql: select(SegmentCriterion.apiName, fieldNames(SegmentCriterion)),
    },
    { name: DemandTheme.apiName, soql: select(DemandTheme.apiName, fieldNames(DemandTheme)) },
    // Breakdown__c (up to 131,072 characters a row) is not read: its digest says if it changed.
    {
      name: SegmentDemandScore.apiName,
      soql: select(
        SegmentDemandScore.apiName,
        compact ? SCORE_FIELDS : fieldNames(SegmentDemandScore),
      ),
    },
  ];
  if (opts.historyMonths !== undefined)
    small.push({ name: SegmentDemandHistory.apiName, soql: historySoql(opts.historyMonths) });
  const smallPage = await batch(small);
  const q = (name: string) => small.find((x) => x.name === name)!.soql;
  const profiles = await all(
    DemandScoringProfile.apiName,
    q(DemandScoringProfile.apiName),
    DemandScoringProfileRecord,
    smallPage(DemandScoringProfile.apiName),
  );
  const segments = await all(
    Segment.apiName,
    q(Segment.apiName),
    SegmentRecord,
    smallPage(Segment.apiName),
  );
  const criteria = await all(
    SegmentCriterion.apiName,
    q(SegmentCriterion.apiName),
    SegmentCriterionRecord,
    smallPage(SegmentCriterion.apiName),
  );
  const themes = await all(
    DemandTheme.apiName,
    q(DemandTheme.apiName),
    DemandThemeRecord,
    smallPage(DemandTheme.apiName),
  );
  const scores = await all(
    SegmentDemandScore.apiName,
    q(SegmentDemandScore.apiName),
    SegmentDemandScoreRecord,
    smallPage(SegmentDemandScore.apiName),
  );

  const history =
    opts.historyMonths === undefined
      ? []
      : await all(
          SegmentDemandHistory.apiName,
          q(SegmentDemandHistory.apiName),
          SegmentDemandHistoryRecord,
          smallPage(SegmentDemandHistory.apiName),
        );

  step('Reading accounts', 0.1);
  const accountFieldTypes = await describeAccountFields(org);
  const accountFields = new Set<string>(
    fieldNames(Account).filter((f) => !compact || f !== 'SystemModstamp'),
  );
  for (const c of criteria) {
    // Only fields the org has: a criterion naming an unknown field makes its segment Invalid
    // (the engine says so), it must not break the whole read.
    // Resolved as the rule compiler resolves it (any case), so both read the same field.
    const field = resolveFieldName(c.Field__c, accountFieldTypes);
    if (field) accountFields.add(identifier(field));
  }
  const big = [
    { name: Account.apiName, soql: select(Account.apiName, [...accountFields]) },
    { name: Opportunity.apiName, soql: select(Opportunity.apiName, OPPORTUNITY_FIELDS) },
    {
      name: BuyingCommitteeMember.apiName,
      soql: select(BuyingCommitteeMember.apiName, MEMBER_FIELDS),
    },
    {
      name: OpportunityContactRole.apiName,
      soql: select(OpportunityContactRole.apiName, CONTACT_ROLE_FIELDS),
    },
    {
      name: EscalatedRequest.apiName,
      soql: select(
        EscalatedRequest.apiName,
        compact ? REQUEST_FIELDS : fieldNames(EscalatedRequest),
      ),
    },
  ];
  const bigPage = await batch(big);
  const b = (name: string) => big.find((x) => x.name === name)!.soql;
  const accounts = (await all(
    Account.apiName,
    b(Account.apiName),
    AccountRecord.loose(),
    bigPage(Account.apiName),
    compact ? internAll : undefined,
  )) as Record<string, unknown>[];
  step('Reading opportunities and buying committees', 0.25);
  // Account Ids first: scoring finds each account by its place instead of by a lookup.
  const dictionaries = newDictionaries(accounts.map((a) => a.Id as string));
  const dealTable = new DealTableBuilder(dictionaries);
  const opportunities = await all(
    Opportunity.apiName,
    b(Opportunity.apiName),
    OpportunityRecord,
    bigPage(Opportunity.apiName),
    (r) => dealTable.addOpportunity(r),
    !compact,
  );
  const committeeMembers = await all(
    BuyingCommitteeMember.apiName,
    b(BuyingCommitteeMember.apiName),
    BuyingCommitteeMemberRecord,
    bigPage(BuyingCommitteeMember.apiName),
    (r) => dealTable.addMember(r),
    !compact,
  );
  const contactRoles = await all(
    OpportunityContactRole.apiName,
    b(OpportunityContactRole.apiName),
    OpportunityContactRoleRecord,
    bigPage(OpportunityContactRole.apiName),
    (r) => dealTable.addContactRole(r),
    !compact,
  );
  step('Reading escalated requests', 0.45);
  const requestTable = new RequestTableBuilder(compact ? 'grouping' : 'all', dictionaries);
  const requests = await all(
    EscalatedRequest.apiName,
    b(EscalatedRequest.apiName),
    EscalatedRequestRecord,
    bigPage(EscalatedRequest.apiName),
    (r) => requestTable.add(r as never),
    !compact,
  );

  return {
    profile: profiles[0] ?? null,
    segments,
    criteria,
    accounts,
    accountFieldTypes,
    requestTable: requestTable.build(),
    deals: dealTable.build(),
    opportunities,
    committeeMembers,
    contactRoles,
    requests,
    themes,
    scores,
    history,
    counts,
  };
}

const HISTORY_FIELDS = [
  'Id',
  'Score_Key__c',
  'Month__c',
  'Score__c',
  'Account_Count__c',
  'Request_Count__c',
  'Revenue_At_Stake__c',
] as const;

/** History rows of the given months (date literals are unquoted in SOQL; only digits pass). */
function historySoql(months: readonly string[]): string {
  for (const m of months)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(m))
      throw new Error(`historyMonths: '${m}' is not a YYYY-MM-DD date`);
  const where = months.map((m) => `Month__c = ${m}`).join(' OR ');
  return `${select(SegmentDemandHistory.apiName, HISTORY_FIELDS)} WHERE ${where}`;
}

interface DescribeResult {
  fields: { name: string; type: string }[];
}

/** Account field API name → REST describe type (the rule evaluator normalises it). */
export async function describeAccountFields(org: Org): Promise<Record<string, string>> {
  const d = await org.call('describe.Account', () =>
    org.conn.request<DescribeResult>({
      method: 'GET',
      url: `${org.base}/sobjects/${Account.apiName}/describe`,
    }),
  );
  const types: Record<string, string> = {};
  for (const f of d.fields ?? []) types[f.name] = f.type;
  return types;
}
