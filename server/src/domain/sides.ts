/**
 * Sides of the buying committee. A request's side is its requester's strongest role on the
 * request's opportunity, else on any open opportunity of the account, else Unknown. A contact
 * without a Buying_Committee_Member__c row on an opportunity is judged by its standard
 * OpportunityContactRole there (orgs that never adopted the committee still get sides).
 *
 * Lookups run once per request (a million per run), so roles are kept per contact in short
 * lists of integer codes: contact, opportunity and account Ids are coded in the dictionary
 * the request table shares with the deal table (dealTable.ts), so a request compares numbers,
 * never Id strings.
 */
import type { DealTable } from './dealTable';
import type { Side } from './records';

/** Strength order: Unknown < Use < Influence < Decision. */
export const SIDE_BY_RANK: readonly Side[] = ['Unknown', 'Use', 'Influence', 'Decision'];
export const RANK_OF_SIDE: Readonly<Record<Side, number>> = {
  Unknown: 0,
  Use: 1,
  Influence: 2,
  Decision: 3,
};

export interface SideIndex {
  /**
   * Side rank (0..3) of a requester for a request, by the dictionary codes of the requester,
   * the request's account and its opportunity (0: blank).
   */
  rankOfCodes(contact: number, accountCode: number, opportunityCode: number): number;
}

/**
 * Per contact code, compressed rows in typed arrays: its roles on deals (opportunity code,
 * rank) or on accounts through their open deals (account code, rank > 0). A request then
 * scans a list that is usually one or two long.
 */
interface ContactRows {
  start: Int32Array;
  owner: Int32Array;
  rank: Int8Array;
}

function byContact(
  contacts: number,
  contact: ArrayLike<number>,
  owner: ArrayLike<number>,
  rank: ArrayLike<number>,
  length: number,
): ContactRows {
  const start = new Int32Array(contacts + 1);
  for (let k = 0; k < length; k++) start[contact[k] + 1]++;
  for (let i = 0; i < contacts; i++) start[i + 1] += start[i];
  const fill = start.slice(0, contacts);
  const o = new Int32Array(length);
  const r = new Int8Array(length);
  for (let k = 0; k < length; k++) {
    const at = fill[contact[k]]++;
    o[at] = owner[k];
    r[at] = rank[k];
  }
  return { start, owner: o, rank: r };
}

/** Strongest rank of a contact on an owner, or -1 when the contact has no row there. */
function lookup(rows: ContactRows, contact: number, owner: number): number {
  let best = -1;
  for (let k = rows.start[contact]; k < rows.start[contact + 1]; k++) {
    if (rows.owner[k] === owner && rows.rank[k] > best) best = rows.rank[k];
  }
  return best;
}

export function buildSideIndex(
  deals: DealTable,
  roleSides: Readonly<Record<string, Side>>,
): SideIndex {
  // Rank of each role value, by its code.
  const roles = deals.picklists.values;
  const rankOfRole = new Int8Array(roles.length);
  for (let c = 1; c < roles.length; c++) {
    const side = Object.hasOwn(roleSides, roles[c] as string)
      ? roleSides[roles[c] as string]
      : undefined;
    rankOfRole[c] = side ? RANK_OF_SIDE[side] : 0;
  }
  const contacts = deals.ids.size;
  const { members, contactRoles } = deals;
  const committee = byContact(
    contacts,
    members.contact,
    members.opportunity,
    members.role,
    members.length,
  );
  // Deal rows: committee rows, then contact roles of people without a committee row on that
  // opportunity (role codes are turned into ranks below).
  const dContact: number[] = Array.from(members.contact);
  const dOpp: number[] = Array.from(members.opportunity);
  const dRank: number[] = Array.from(members.role, (r) => rankOfRole[r]);
  for (let k = 0; k < contactRoles.length; k++) {
    const c = contactRoles.contact[k];
    const opp = contactRoles.opportunity[k];
    if (lookup(committee, c, opp) >= 0) continue;
    dContact.push(c);
    dOpp.push(opp);
    dRank.push(rankOfRole[contactRoles.role[k]]);
  }
  const onDeal = byContact(contacts, dContact, dOpp, dRank, dContact.length);

  // Roles on open deals also count for the deal's account (each listing of a deal counts).
  const { opportunities } = deals;
  const openStart = new Int32Array(contacts + 1);
  for (let k = 0; k < opportunities.length; k++)
    if (opportunities.open[k] && opportunities.account[k] > 0) openStart[opportunities.id[k] + 1]++;
  for (let i = 0; i < contacts; i++) openStart[i + 1] += openStart[i];
  const openAccount = new Int32Array(openStart[contacts]);
  const fill = openStart.slice(0, contacts);
  for (let k = 0; k < opportunities.length; k++)
    if (opportunities.open[k] && opportunities.account[k] > 0)
      openAccount[fill[opportunities.id[k]]++] = opportunities.account[k];
  const aContact: number[] = [];
  const aAccount: number[] = [];
  const aRank: number[] = [];
  for (let k = 0; k < dContact.length; k++) {
    if (dRank[k] <= 0) continue;
    for (let j = openStart[dOpp[k]]; j < openStart[dOpp[k] + 1]; j++) {
      aContact.push(dContact[k]);
      aAccount.push(openAccount[j]);
      aRank.push(dRank[k]);
    }
  }
  const onAccount = byContact(contacts, aContact, aAccount, aRank, aContact.length);
  const rankOfCodes = (c: number, accountCode: number, opportunityCode: number): number => {
    if (c <= 0 || c >= contacts) return 0;
    if (opportunityCode > 0) {
      const rank = lookup(onDeal, c, opportunityCode);
      if (rank > 0) return rank;
    }
    return Math.max(0, lookup(onAccount, c, accountCode));
  };
  return { rankOfCodes };
}
