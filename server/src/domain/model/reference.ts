/**
 * The scoring model, written to be read: the formulas of docs/SCORING.md over plain records,
 * with no concern for speed. The fast engine (../scoring.ts) must give exactly these figures,
 * ranks and breakdowns; a property test checks it on random orgs. When the two disagree, this
 * file says what was meant.
 */
import type { Profile, Side } from '../profile';
import { CLOSED_THEME_STATUSES, sideOf } from '../profile';
import { strongerRequester as stronger } from '../sides';
import type {
  CommitteeMemberInput as CommitteeMemberRecord,
  ContactRoleInput as ContactRoleRecord,
  OpportunityInput as OpportunityRecord,
  RequestInput as RequestRecord,
  ThemeInput as ThemeRecord,
} from '../../schema/inputs';
import { askedDayOf, dayNumber, round2, round4 } from '../numbers';
import { buildMergeResolver } from '../themes/resolve';

export interface ModelSegment {
  segmentId: string;
  /** Members: every account whose rules match (segments overlap). */
  accountCount: number;
}

export interface ModelInput {
  /** Account Ids and, per account, the scored segments it belongs to. */
  accounts: readonly string[];
  memberships: ReadonlyMap<string, readonly string[]>;
  segments: readonly ModelSegment[];
  opportunities: readonly OpportunityRecord[];
  committeeMembers: readonly CommitteeMemberRecord[];
  contactRoles: readonly ContactRoleRecord[];
  requests: readonly RequestRecord[];
  themes: readonly ThemeRecord[];
  profile: Profile;
  now: Date;
  /** This run's grouping of requests without Theme__c (request Id -> theme Id). */
  themeOf?: ReadonlyMap<string, string>;
  /** Score key -> figures 90 days ago; null when there is no history that old. */
  baseline?: ReadonlyMap<string, { score: number; accounts: number }> | null;
}

import type { Requester } from '../sides';

/** One account's voice on a theme: every factor, as the breakdown lists it. */
export interface ModelVoice {
  account: string;
  request: string;
  requests: number;
  urgency: string | null;
  urgencyWeight: number;
  source: string | null;
  sourceWeight: number;
  side: Side;
  role: string | null;
  veto: boolean;
  sideWeight: number;
  influence: string | null;
  influenceWeight: number;
  workaround: string | null;
  workaroundWeight: number;
  blocker: number;
  askedOn: string;
  ageDays: number;
  decay: number;
  weight: number;
  revenue: number;
  revenueFactor: number;
  capped: boolean;
  voice: number;
}

export interface ModelRow {
  key: string;
  segment: string | null;
  theme: string;
  themeStatus: string | null;
  score: number;
  rank: number | null;
  accounts: number;
  segmentAccounts: number;
  penetration: number;
  normalizedScore: number;
  requests: number;
  revenue: number;
  decisionBacked: number;
  useOnly: number;
  dealBlockers: number;
  earliestNeededBy: string | null;
  quorumReached: boolean;
  scoreChange90d: number | null;
  accountChange90d: number | null;
  voices: ModelVoice[];
}

function isOpen(o: OpportunityRecord): boolean {
  if (typeof o.IsClosed === 'boolean') return !o.IsClosed;
  return !(typeof o.StageName === 'string' && o.StageName.startsWith('Closed'));
}

/**
 * The requester of a request: their strongest row on the request's opportunity; when that
 * gives no side, their strongest row on any open opportunity of the account; a contact without
 * a committee row on an opportunity is judged by their standard contact role there.
 */
export function requesterOf(input: ModelInput, r: RequestRecord): Requester {
  const none: Requester = { side: 'Unknown', role: null, influence: null, veto: false };
  const contact = r.Requested_By__c;
  if (!contact) return none;
  const rowsOn = (opp: string): Requester[] => {
    const members = input.committeeMembers.filter(
      (m) => m.Contact__c === contact && m.Opportunity__c === opp,
    );
    if (members.length > 0)
      return members.map((m) => ({
        side: sideOf(m.Role__c, m.Has_Veto__c === true, input.profile.roleSides),
        role: m.Role__c ?? null,
        influence: m.Influence__c ?? null,
        veto: m.Has_Veto__c === true,
      }));
    return input.contactRoles
      .filter((c) => c.ContactId === contact && c.OpportunityId === opp)
      .map((c) => ({
        side: sideOf(c.Role, false, input.profile.roleSides),
        role: c.Role ?? null,
        influence: null,
        veto: false,
      }));
  };
  const onDeal = r.Opportunity__c ? rowsOn(r.Opportunity__c).sort(stronger) : [];
  if (onDeal.length > 0 && onDeal[0].side !== 'Unknown') return onDeal[0];
  const onAccount = input.opportunities
    .filter((o) => o.AccountId === r.Account__c && isOpen(o))
    .flatMap((o) => rowsOn(o.Id))
    .filter((x) => x.side !== 'Unknown')
    .sort(stronger);
  return onAccount[0] ?? onDeal[0] ?? none;
}

const weightOf = (table: Record<string, number>, value: string | null | undefined, blank = 1) =>
  value && Object.hasOwn(table, value) ? table[value] : blank;

/** A request's weight before decay: every factor but age. */
export function baseWeight(p: Profile, r: RequestRecord, who: Requester) {
  const factors = {
    urgencyWeight: weightOf(p.urgency, r.Urgency__c),
    sourceWeight: weightOf(p.source, r.Source__c),
    sideWeight: p.side[who.side],
    influenceWeight: weightOf(p.influence, who.influence, p.influence.Unknown),
    workaroundWeight: weightOf(p.workaround, r.Workaround__c),
    blocker: r.Deal_Blocker__c === true ? p.dealBlockerFactor : 1,
  };
  const weight =
    factors.urgencyWeight *
    factors.sourceWeight *
    factors.sideWeight *
    factors.influenceWeight *
    factors.workaroundWeight *
    factors.blocker;
  return { factors, weight };
}

const dayText = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);

/** Every score row: per theme, one per segment its requesting accounts belong to, and ALL. */
export function scoreModel(input: ModelInput): ModelRow[] {
  const p = input.profile;
  const resolve = buildMergeResolver(input.themes);
  const themeById = new Map(input.themes.map((t) => [t.Id, t]));
  const today = Math.floor(input.now.getTime() / 86400000);

  // Counted requests with their theme.
  const counted = input.requests
    // A blank status is the picklist's default, New.
    .filter((r) => p.countedStatuses.includes(r.Status__c || 'New'))
    .map((r) => {
      const raw = r.Theme__c || input.themeOf?.get(r.Id) || r.Suggested_Theme__c || null;
      return { r, theme: raw ? resolve(raw) : null };
    })
    .filter((x): x is { r: RequestRecord; theme: string } => x.theme !== null);

  // One voice per (theme, account).
  const voices = new Map<string, ModelVoice & { theme: string; sides: Side[]; needed: number[] }>();
  const themes = [...new Set(counted.map((x) => x.theme))].sort();
  for (const theme of themes) {
    const ofTheme = counted.filter((x) => x.theme === theme);
    const accounts = [...new Set(ofTheme.map((x) => x.r.Account__c))].sort();
    for (const account of accounts) {
      const own = ofTheme.filter((x) => x.r.Account__c === account).map((x) => x.r);
      const scored = own.map((r) => ({ r, who: requesterOf(input, r) }));
      const withWeight = scored.map((s) => ({ ...s, ...baseWeight(p, s.r, s.who) }));
      // The strongest request (ties: the smallest request Id) carries the account's voice.
      withWeight.sort((a, b) => b.weight - a.weight || (a.r.Id < b.r.Id ? -1 : 1));
      const best = withWeight[0];
      const latest = Math.max(...own.map(askedDayOf));
      const ageDays = latest < 0 ? 0 : Math.max(0, today - latest);
      const decay = Math.max(p.decayFloor, 0.5 ** (ageDays / p.halfLifeDays));
      const revenue = Math.max(
        0,
        ...own.map((r) => (typeof r.Revenue_At_Stake__c === 'number' ? r.Revenue_At_Stake__c : 0)),
      );
      const revenueFactor = 1 + p.revenueWeight * Math.log10(1 + revenue / p.referenceRevenue);
      const weight = best.weight * decay;
      const raw = weight * revenueFactor;
      voices.set(`${theme}:${account}`, {
        theme,
        account,
        request: best.r.Id,
        requests: own.length,
        urgency: best.r.Urgency__c ?? null,
        source: best.r.Source__c ?? null,
        side: best.who.side,
        role: best.who.role,
        veto: best.who.veto,
        influence: best.who.influence,
        workaround: best.r.Workaround__c ?? null,
        ...best.factors,
        askedOn: latest < 0 ? '' : dayText(latest),
        ageDays,
        decay,
        weight,
        revenue,
        revenueFactor,
        capped: raw > p.accountVoiceCap,
        voice: round4(Math.min(p.accountVoiceCap, raw)),
        sides: scored.map((s) => s.who.side),
        needed: own.map((r) => (r.Needed_By__c ? dayNumber(r.Needed_By__c) : -1)),
      });
    }
  }

  // Rows: ALL, and every scored segment with at least one requesting member.
  const segmentSize = new Map(input.segments.map((s) => [s.segmentId, s.accountCount]));
  const groups: { segment: string | null; size: number }[] = [
    ...input.segments.map((s) => ({ segment: s.segmentId, size: s.accountCount })),
    { segment: null, size: input.accounts.length },
  ];
  const rows: ModelRow[] = [];
  for (const theme of themes) {
    const status = themeById.get(theme)?.Status__c ?? null;
    for (const g of groups) {
      const members = [...voices.values()].filter(
        (v) =>
          v.theme === theme &&
          (g.segment === null || (input.memberships.get(v.account) ?? []).includes(g.segment)),
      );
      if (members.length === 0) continue;
      members.sort((a, b) => (a.account < b.account ? -1 : 1));
      const score = round4(members.reduce((s, v) => s + v.voice, 0));
      const accounts = members.length;
      const size = g.segment === null ? g.size : (segmentSize.get(g.segment) ?? 0);
      const key = `${g.segment ?? 'ALL'}:${theme}`;
      const before = input.baseline === undefined ? null : input.baseline;
      const then = before ? (before.get(key) ?? { score: 0, accounts: 0 }) : null;
      const needed = members.flatMap((v) => v.needed).filter((d) => d >= 0);
      rows.push({
        key,
        segment: g.segment,
        theme,
        themeStatus: status,
        score,
        rank: null,
        accounts,
        segmentAccounts: size,
        penetration: size > 0 ? round2(Math.min(100, (100 * accounts) / size)) : 0,
        normalizedScore: size > 0 ? round4((score * 100) / size) : 0,
        requests: members.reduce((s, v) => s + v.requests, 0),
        revenue: round2(members.reduce((s, v) => s + v.revenue, 0)),
        decisionBacked: members.filter((v) => v.sides.includes('Decision')).length,
        useOnly: members.filter((v) => v.sides.every((s) => s === 'Use')).length,
        dealBlockers: members.filter((v) => hasBlocker(theme, v.account)).length,
        earliestNeededBy: needed.length > 0 ? dayText(Math.min(...needed)) : null,
        quorumReached: accounts >= p.quorumSize,
        scoreChange90d: then ? round4(score - then.score) : null,
        accountChange90d: then ? accounts - then.accounts : null,
        voices: members.map(({ theme: _t, sides: _s, needed: _n, ...v }) => v),
      });
    }
  }
  rankModel(rows, themeById);
  return rows;

  function hasBlocker(theme: string, account: string): boolean {
    return counted.some(
      (x) => x.theme === theme && x.r.Account__c === account && x.r.Deal_Blocker__c === true,
    );
  }
}

/**
 * Ranks within each segment (and ALL), open themes only: score, then accounts (the broader
 * pattern first), then theme name, then Id. Delivered and Declined themes keep a blank rank.
 */
function rankModel(rows: ModelRow[], themes: ReadonlyMap<string, ThemeRecord>): void {
  const name = (id: string) => themes.get(id)?.Name ?? '';
  const bySegment = new Map<string, ModelRow[]>();
  for (const row of rows) {
    if (row.themeStatus && CLOSED_THEME_STATUSES.includes(row.themeStatus)) continue;
    const k = row.segment ?? 'ALL';
    bySegment.set(k, [...(bySegment.get(k) ?? []), row]);
  }
  for (const list of bySegment.values()) {
    list.sort(
      (a, b) =>
        b.score - a.score ||
        b.accounts - a.accounts ||
        (name(a.theme) < name(b.theme) ? -1 : name(a.theme) > name(b.theme) ? 1 : 0) ||
        (a.theme < b.theme ? -1 : 1),
    );
    list.forEach((row, i) => (row.rank = i + 1));
  }
}
