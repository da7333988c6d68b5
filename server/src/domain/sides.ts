/**
 * Sides of the buying committee. A request's side is its requester's strongest role on the
 * request's opportunity, else on any open opportunity of the account, else Unknown. A contact
 * without a Buying_Committee_Member__c row on an opportunity is judged by its standard
 * OpportunityContactRole there (orgs that never adopted the committee still get sides).
 */
import type { CommitteeMemberRecord, ContactRoleRecord, OpportunityRecord, Side } from './records';

/** Strength order: Unknown < Use < Influence < Decision. */
export const SIDE_BY_RANK: readonly Side[] = ['Unknown', 'Use', 'Influence', 'Decision'];
export const RANK_OF_SIDE: Readonly<Record<Side, number>> = {
  Unknown: 0,
  Use: 1,
  Influence: 2,
  Decision: 3,
};

const SEP = '\u0000';

export interface SideIndex {
  /** Side rank (0..3) of a requester for a request. */
  rankOf(
    accountId: string,
    opportunityId: string | null | undefined,
    contactId: string | null | undefined,
  ): number;
}

function isOpen(opp: OpportunityRecord): boolean {
  if (typeof opp.IsClosed === 'boolean') return !opp.IsClosed;
  return !(typeof opp.StageName === 'string' && opp.StageName.startsWith('Closed'));
}

export function buildSideIndex(input: {
  opportunities: readonly OpportunityRecord[];
  committeeMembers: readonly CommitteeMemberRecord[];
  contactRoles: readonly ContactRoleRecord[];
  roleSides: Readonly<Record<string, Side>>;
}): SideIndex {
  const roleRank = (role: string | null | undefined): number => {
    const side = role ? input.roleSides[role] : undefined;
    return side ? RANK_OF_SIDE[side] : 0;
  };
  const pair = new Map<string, number>();
  for (const m of input.committeeMembers) {
    const key = m.Opportunity__c + SEP + m.Contact__c;
    pair.set(key, Math.max(pair.get(key) ?? 0, roleRank(m.Role__c)));
  }
  const fromRoles = new Map<string, number>();
  for (const r of input.contactRoles) {
    const key = r.OpportunityId + SEP + r.ContactId;
    if (pair.has(key)) continue; // the committee row wins for this person on this deal
    fromRoles.set(key, Math.max(fromRoles.get(key) ?? 0, roleRank(r.Role)));
  }
  for (const [key, rank] of fromRoles) pair.set(key, rank);

  const openOppAccount = new Map<string, string>();
  for (const o of input.opportunities)
    if (o.AccountId && isOpen(o)) openOppAccount.set(o.Id, o.AccountId);
  const onOpenDeals = new Map<string, number>();
  for (const [key, rank] of pair) {
    if (rank === 0) continue;
    const cut = key.indexOf(SEP);
    const account = openOppAccount.get(key.slice(0, cut));
    if (!account) continue;
    const akey = account + SEP + key.slice(cut + 1);
    if ((onOpenDeals.get(akey) ?? 0) < rank) onOpenDeals.set(akey, rank);
  }
  return {
    rankOf(accountId, opportunityId, contactId) {
      if (!contactId) return 0;
      if (opportunityId) {
        const onDeal = pair.get(opportunityId + SEP + contactId);
        if (onDeal) return onDeal;
      }
      return onOpenDeals.get(accountId + SEP + contactId) ?? 0;
    },
  };
}
