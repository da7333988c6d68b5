/**
 * Sides of the buying committee. A request's side is its requester's strongest role on the
 * request's opportunity, else on any open opportunity of the account, else Unknown. A contact
 * without a Buying_Committee_Member__c row on an opportunity is judged by its standard
 * OpportunityContactRole there (orgs that never adopted the committee still get sides).
 *
 * Lookups run once per request (a million per run), so roles are kept per contact in short
 * lists (one map lookup per request), not in maps of concatenated strings.
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

/**
 * Per contact, compressed rows in typed arrays: its roles on deals (opportunity Id, rank) and
 * on accounts through their open deals (account Id, rank > 0). A request then costs one map
 * lookup (its requester) and a scan of a list that is usually one or two long, comparing Ids.
 */
interface ContactRows {
  start: Int32Array;
  owner: string[];
  rank: Int8Array;
}

function byContact(
  contacts: number,
  contact: number[],
  owner: string[],
  rank: number[],
): ContactRows {
  const start = new Int32Array(contacts + 1);
  for (const c of contact) start[c + 1]++;
  for (let i = 0; i < contacts; i++) start[i + 1] += start[i];
  const fill = start.slice(0, contacts);
  const o: string[] = new Array<string>(contact.length);
  const r = new Int8Array(contact.length);
  for (let k = 0; k < contact.length; k++) {
    const at = fill[contact[k]]++;
    o[at] = owner[k];
    r[at] = rank[k];
  }
  return { start, owner: o, rank: r };
}

/** Strongest rank of a contact on an owner, or -1 when the contact has no row there. */
function lookup(rows: ContactRows, contact: number, owner: string): number {
  let best = -1;
  for (let k = rows.start[contact]; k < rows.start[contact + 1]; k++) {
    if (rows.owner[k] === owner && rows.rank[k] > best) best = rows.rank[k];
  }
  return best;
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
  const contacts = new Map<string, number>();
  const contactNo = (id: string): number => {
    let n = contacts.get(id);
    if (n === undefined) contacts.set(id, (n = contacts.size));
    return n;
  };
  const dContact: number[] = [];
  const dOpp: string[] = [];
  const dRank: number[] = [];
  for (const m of input.committeeMembers) {
    dContact.push(contactNo(m.Contact__c));
    dOpp.push(m.Opportunity__c);
    dRank.push(roleRank(m.Role__c));
  }
  const committee = byContact(contacts.size, dContact, dOpp, dRank);
  // Contact roles count only for people without a committee row on that opportunity.
  for (const r of input.contactRoles) {
    const c = contactNo(r.ContactId);
    if (c < committee.start.length - 1 && lookup(committee, c, r.OpportunityId) >= 0) continue;
    dContact.push(c);
    dOpp.push(r.OpportunityId);
    dRank.push(roleRank(r.Role));
  }
  const onDeal = byContact(contacts.size, dContact, dOpp, dRank);

  // Roles on open deals also count for the deal's account (each listing of a deal counts).
  const openAccounts = new Map<string, string[]>();
  for (const o of input.opportunities) {
    if (!o.AccountId || !isOpen(o)) continue;
    const list = openAccounts.get(o.Id);
    if (list) list.push(o.AccountId);
    else openAccounts.set(o.Id, [o.AccountId]);
  }
  const aContact: number[] = [];
  const aAccount: string[] = [];
  const aRank: number[] = [];
  for (let k = 0; k < dContact.length; k++) {
    if (dRank[k] <= 0) continue;
    const accounts = openAccounts.get(dOpp[k]);
    if (!accounts) continue;
    for (const account of accounts) {
      aContact.push(dContact[k]);
      aAccount.push(account);
      aRank.push(dRank[k]);
    }
  }
  const onAccount = byContact(contacts.size, aContact, aAccount, aRank);
  return {
    rankOf(accountId, opportunityId, contactId) {
      if (!contactId) return 0;
      const c = contacts.get(contactId);
      if (c === undefined) return 0;
      if (opportunityId) {
        const rank = lookup(onDeal, c, opportunityId);
        if (rank > 0) return rank;
      }
      return Math.max(0, lookup(onAccount, c, accountId));
    },
  };
}
