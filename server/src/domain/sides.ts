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
  const size = members.length + contactRoles.length;
  const dContact = new Int32Array(size);
  const dOpp = new Int32Array(size);
  const dRank = new Int8Array(size);
  dContact.set(members.contact.subarray(0, members.length));
  dOpp.set(members.opportunity.subarray(0, members.length));
  for (let k = 0; k < members.length; k++) dRank[k] = rankOfRole[members.role[k]];
  let d = members.length;
  for (let k = 0; k < contactRoles.length; k++) {
    const c = contactRoles.contact[k];
    const opp = contactRoles.opportunity[k];
    if (lookup(committee, c, opp) >= 0) continue;
    dContact[d] = c;
    dOpp[d] = opp;
    dRank[d++] = rankOfRole[contactRoles.role[k]];
  }

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
  let rows = 0;
  for (let k = 0; k < d; k++) if (dRank[k] > 0) rows += openStart[dOpp[k] + 1] - openStart[dOpp[k]];
  const aContact = new Int32Array(rows);
  const aAccount = new Int32Array(rows);
  const aRank = new Int8Array(rows);
  let r = 0;
  for (let k = 0; k < d; k++) {
    if (dRank[k] <= 0) continue;
    for (let j = openStart[dOpp[k]]; j < openStart[dOpp[k] + 1]; j++) {
      aContact[r] = dContact[k];
      aAccount[r] = openAccount[j];
      aRank[r++] = dRank[k];
    }
  }
  // One list per contact holds both kinds of rows, each packed in one integer, so a request
  // reads two cache lines (the list bounds, the list) instead of six.
  const start = new Int32Array(contacts + 1);
  for (let k = 0; k < d; k++) start[dContact[k] + 1]++;
  for (let k = 0; k < rows; k++) start[aContact[k] + 1]++;
  for (let i = 0; i < contacts; i++) start[i + 1] += start[i];
  const at = start.slice(0, contacts);
  const entry = new Int32Array(d + rows);
  for (let k = 0; k < d; k++) entry[at[dContact[k]]++] = pack(dOpp[k], DEAL, dRank[k]);
  for (let k = 0; k < rows; k++) entry[at[aContact[k]]++] = pack(aAccount[k], ACCOUNT, aRank[k]);

  const rankOfCodes = (c: number, accountCode: number, opportunityCode: number): number => {
    if (c <= 0 || c >= contacts) return 0;
    const onDeal = opportunityCode > 0 ? pack(opportunityCode, DEAL, 0) : -1;
    const onAccount = pack(accountCode, ACCOUNT, 0);
    let deal = 0;
    let account = 0;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const e = entry[k];
      const owner = e & ~3;
      const rank = e & 3;
      if (owner === onDeal) {
        if (rank > deal) deal = rank;
      } else if (owner === onAccount && rank > account) account = rank;
    }
    return deal > 0 ? deal : account;
  };
  return { rankOfCodes };
}

/** Kinds of a contact's rows: a role on a deal, or a role on an account through an open deal. */
const DEAL = 0;
const ACCOUNT = 4;

/**
 * A row as one integer: owner code (opportunity or account) × 8 + kind + rank (0..3). Codes
 * number a run's distinct Ids, far below 2^28.
 */
function pack(owner: number, kind: number, rank: number): number {
  return owner * 8 + kind + rank;
}
