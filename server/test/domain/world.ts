/** Small builders for engine tests: records shaped like the org's, with sensible defaults. */
import {
  computeScores,
  resolveProfile,
  type GroupingResult,
  type Profile,
  type ScoreInput,
  type RequestRecord,
  type ScoreRow,
  type ThemeRecord,
} from '../../src/domain';
import { readBreakdown } from '../../../force-app/main/default/lwc/quorumBreakdown/quorumBreakdown';

/** A breakdown read back: one object per account with every factor. */
export interface ReadBreakdown {
  score: number;
  requests: number;
  cap: number;
  accounts: Record<string, unknown>[] &
    {
      account: string;
      request: string;
      requests: number;
      voice: number;
      weight: number;
      decay: number;
      revenue: number;
      revenueFactor: number;
      urgencyWeight: number;
      sourceWeight: number;
      sideWeight: number;
      side: string;
      blocker: number;
      capped: boolean;
      ageDays: number;
    }[];
  others?: { accounts: number; voice: number };
}

export const NOW = '2026-06-01T00:00:00.000Z';
export const DEFAULTS: Profile = resolveProfile(null).profile;

let seq = 0;
export function req(fields: Partial<RequestRecord> & { Account__c: string }): RequestRecord {
  seq += 1;
  return {
    Id: `a0R${String(seq).padStart(6, '0')}`,
    Name: 'Request',
    Theme__c: 'T1',
    Status__c: 'New',
    Urgency__c: 'Medium',
    Source__c: 'Account Team',
    CreatedDate: NOW,
    ...fields,
  };
}

export const theme = (Id: string, Name = Id, extra: Partial<ThemeRecord> = {}): ThemeRecord => ({
  Id,
  Name,
  Status__c: 'Open',
  ...extra,
});

export interface Scenario {
  requests: RequestRecord[];
  themes?: ThemeRecord[];
  accounts?: string[];
  /** Account -> its segment, or every segment it belongs to (primary first). */
  segmentOf?: Record<string, string | string[]>;
  profile?: Profile;
  opportunities?: { Id: string; AccountId: string; IsClosed?: boolean }[];
  committeeMembers?: {
    Opportunity__c: string;
    Contact__c: string;
    Role__c: string;
    Influence__c?: string;
    Has_Veto__c?: boolean;
  }[];
  contactRoles?: { OpportunityId: string; ContactId: string; Role: string }[];
  now?: string;
}

/** Scores a scenario; accounts default to those the requests mention, all in segment S1. */
export function score(s: Scenario): ScoreRow[] {
  return computeScores(scoreInput(s));
}

/** The engine's input for a scenario (see score). */
export function scoreInput(s: Scenario): ScoreInput {
  const accountIds = s.accounts ?? [...new Set(s.requests.map((r) => r.Account__c))];
  const segmentOf = s.segmentOf ?? Object.fromEntries(accountIds.map((a) => [a, 'S1']));
  const sizes = new Map<string, number>();
  const memberships = new Map<string, string[]>();
  for (const [account, seg] of Object.entries(segmentOf)) {
    const list = Array.isArray(seg) ? seg : [seg];
    memberships.set(account, list);
    for (const s1 of list) sizes.set(s1, (sizes.get(s1) ?? 0) + 1);
  }
  return {
    accounts: accountIds.map((Id) => ({ Id })),
    memberships,
    segments: [...sizes].map(([segmentId, accountCount]) => ({
      segmentId,
      accountCount,
      status: 'Valid',
      active: true,
    })),
    opportunities: s.opportunities ?? [],
    committeeMembers: s.committeeMembers ?? [],
    contactRoles: s.contactRoles ?? [],
    requests: s.requests,
    themes: s.themes ?? [
      theme('T1', 'Theme one'),
      theme('T2', 'Theme two'),
      theme('T3', 'Theme three'),
    ],
    profile: s.profile ?? DEFAULTS,
    now: s.now ?? NOW,
    runId: 'RUN1',
  };
}

export const row = (rows: ScoreRow[], key: string): ScoreRow | undefined =>
  rows.find((r) => r.Score_Key__c === key);

/** A row's Breakdown__c with one object per account (the format lists rows under columns). */
export function breakdownOf(r: ScoreRow): ReadBreakdown {
  return readBreakdown(r.Breakdown__c) as ReadBreakdown;
}

export const daysAgo = (days: number, from = NOW): string =>
  new Date(Date.parse(from) - days * 86400000).toISOString();

/** An org as grouping reads it. */
export interface GroupedOrg {
  requests: RequestRecord[];
  themes: ThemeRecord[];
}

/**
 * Writes a grouping result back as the service does: suggested themes upserted by key, each
 * unthemed request's Suggested_Theme__c and Suggestion_Reason__c.
 */
export function applyGrouping(org: GroupedOrg, result: GroupingResult): GroupedOrg {
  const byKey = new Map(
    org.themes.filter((t) => t.Theme_Key__c).map((t) => [t.Theme_Key__c as string, t]),
  );
  const themes = [...org.themes];
  for (const s of result.suggestions) {
    if (byKey.has(s.key)) continue;
    const theme = {
      Id: `SUG-${s.key}`,
      Name: s.name,
      Description__c: s.description,
      Theme_Key__c: s.key,
      Origin__c: 'Suggested',
      Status__c: 'Suggested',
      Match_Terms__c: s.terms.join(', '),
      Merged_Into__c: null,
    } as ThemeRecord;
    themes.push(theme);
    byKey.set(s.key, theme);
  }
  const themeOf = new Map(result.attachments);
  for (const s of result.suggestions)
    for (const id of s.requestIds) themeOf.set(id, byKey.get(s.key)!.Id);
  const requests = org.requests.map((r) =>
    r.Theme__c
      ? r
      : {
          ...r,
          Suggested_Theme__c: themeOf.get(r.Id) ?? null,
          Suggestion_Reason__c: result.reasons.get(r.Id) ?? null,
        },
  );
  return { requests, themes };
}
