/**
 * Sides of the buying committee. A request's side is its requester's strongest role on the
 * request's opportunity, else on any open opportunity of the account, else Unknown. A contact
 * without a Buying_Committee_Member__c row on an opportunity is judged by its standard
 * OpportunityContactRole there (orgs that never adopted the committee still get sides).
 *
 * Lookups run once per request (a million per run), so roles are kept per opportunity and per
 * account in small lists keyed by interned contact numbers, not in maps of concatenated strings.
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

/** Numbers for Ids in first-seen order (only used internally for lookups). */
function numberer(): { map: Map<string, number>; no: (id: string) => number } {
  const map = new Map<string, number>();
  return {
    map,
    no(id) {
      let n = map.get(id);
      if (n === undefined) {
        n = map.size;
        map.set(id, n);
      }
      return n;
    },
  };
}

/** Owner -> list of (contact, rank), as compressed rows in typed arrays. */
interface RoleTable {
  start: Int32Array;
  contact: Int32Array;
  rank: Int8Array;
}

function buildTable(owners: number, owner: number[], contact: number[], rank: number[]): RoleTable {
  const start = new Int32Array(owners + 1);
  for (const o of owner) start[o + 1]++;
  for (let i = 0; i < owners; i++) start[i + 1] += start[i];
  const fill = start.slice(0, owners);
  const c = new Int32Array(owner.length);
  const r = new Int8Array(owner.length);
  for (let k = 0; k < owner.length; k++) {
    const at = fill[owner[k]]++;
    c[at] = contact[k];
    r[at] = rank[k];
  }
  return { start, contact: c, rank: r };
}

/** Strongest rank of a contact in an owner's list, or -1 when the contact is not listed. */
function lookup(table: RoleTable, owner: number | undefined, contact: number): number {
  if (owner === undefined || owner + 1 >= table.start.length) return -1;
  let best = -1;
  for (let k = table.start[owner]; k < table.start[owner + 1]; k++) {
    if (table.contact[k] === contact && table.rank[k] > best) best = table.rank[k];
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
  const opps = numberer();
  const contacts = numberer();
  const accounts = numberer();
  const mOpp: number[] = [];
  const mContact: number[] = [];
  const mRank: number[] = [];
  for (const m of input.committeeMembers) {
    mOpp.push(opps.no(m.Opportunity__c));
    mContact.push(contacts.no(m.Contact__c));
    mRank.push(roleRank(m.Role__c));
  }
  const committee = buildTable(opps.map.size, mOpp, mContact, mRank);
  // Contact roles count only for people without a committee row on that opportunity.
  for (const r of input.contactRoles) {
    const o = opps.no(r.OpportunityId);
    const c = contacts.no(r.ContactId);
    if (lookup(committee, o, c) >= 0) continue;
    mOpp.push(o);
    mContact.push(c);
    mRank.push(roleRank(r.Role));
  }
  const onDeal = buildTable(opps.map.size, mOpp, mContact, mRank);

  const aOwner: number[] = [];
  const aContact: number[] = [];
  const aRank: number[] = [];
  for (const o of input.opportunities) {
    if (!o.AccountId || !isOpen(o)) continue;
    const on = opps.map.get(o.Id);
    if (on === undefined) continue;
    const account = accounts.no(o.AccountId);
    for (let k = onDeal.start[on]; k < onDeal.start[on + 1]; k++) {
      if (onDeal.rank[k] <= 0) continue;
      aOwner.push(account);
      aContact.push(onDeal.contact[k]);
      aRank.push(onDeal.rank[k]);
    }
  }
  const onAccount = buildTable(accounts.map.size, aOwner, aContact, aRank);
  return {
    rankOf(accountId, opportunityId, contactId) {
      if (!contactId) return 0;
      const c = contacts.map.get(contactId);
      if (c === undefined) return 0;
      if (opportunityId) {
        const rank = lookup(onDeal, opps.map.get(opportunityId), c);
        if (rank > 0) return rank;
      }
      return Math.max(0, lookup(onAccount, accounts.map.get(accountId), c));
    },
  };
}
