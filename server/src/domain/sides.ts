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
   * The side rank (0..3) of every request k with `include[k] >= 0`, into `out[k]`, by the
   * dictionary codes of its requester, its account and its opportunity (0: blank), which are
   * columns of the request table.
   */
  rankAll(
    contact: Int32Array,
    account: Int32Array,
    opportunity: Int32Array,
    include: Int32Array,
    out: Uint8Array,
  ): Uint8Array;
}

/**
 * Rows of (contact, owner, rank) as columns: roles on deals (owner: opportunity code) or on
 * accounts through their open deals (owner: account code, rank > 0).
 */
interface Rows {
  contact: Int32Array;
  owner: Int32Array;
  rank: Int8Array;
  length: number;
}

/** Rows grouped by their key (a contact; for openAccounts, an opportunity): start[c]..start[c+1]. */
interface ContactRows {
  start: Int32Array;
  owner: Int32Array;
  rank: Int8Array;
}

/*
 * Building the index runs a dozen loops over up to a million rows. Each is a function of its
 * own: V8 compiles a small one-loop function quickly and completely, where one long function
 * was compiled at its first loop and thrown away at each next loop it had no types for yet.
 */

/** Bucket starts by key: start[k]..start[k+1] will hold the rows with key k. */
function starts(keys: ArrayLike<number>, length: number, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  countKeys(start, keys, length);
  return prefixSum(start);
}

function countKeys(start: Int32Array, keys: ArrayLike<number>, length: number): void {
  for (let k = 0; k < length; k++) start[keys[k] + 1]++;
}

function prefixSum(start: Int32Array): Int32Array {
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  return start;
}

function byContact(rows: Rows, contacts: number): ContactRows {
  const start = starts(rows.contact, rows.length, contacts);
  const owner = new Int32Array(rows.length);
  const rank = new Int8Array(rows.length);
  const fill = start.slice(0, contacts);
  for (let k = 0; k < rows.length; k++) {
    const at = fill[rows.contact[k]]++;
    owner[at] = rows.owner[k];
    rank[at] = rows.rank[k];
  }
  return { start, owner, rank };
}

/** Strongest rank of a contact on an owner, or -1 when the contact has no row there. */
function lookup(rows: ContactRows, contact: number, owner: number): number {
  let best = -1;
  for (let k = rows.start[contact]; k < rows.start[contact + 1]; k++) {
    if (rows.owner[k] === owner && rows.rank[k] > best) best = rows.rank[k];
  }
  return best;
}

/** Rank of each role value, by its code. */
function roleRanks(
  roles: readonly (string | null)[],
  roleSides: Readonly<Record<string, Side>>,
): Int8Array {
  const rankOfRole = new Int8Array(roles.length);
  for (let c = 1; c < roles.length; c++) {
    const side = Object.hasOwn(roleSides, roles[c] as string)
      ? roleSides[roles[c] as string]
      : undefined;
    rankOfRole[c] = side ? RANK_OF_SIDE[side] : 0;
  }
  return rankOfRole;
}

/**
 * Deal rows: committee rows, then contact roles of people without a committee row on that
 * opportunity, each with its role's rank.
 */
function dealRows(deals: DealTable, rankOfRole: Int8Array, contacts: number): Rows {
  const { members, contactRoles } = deals;
  const size = members.length + contactRoles.length;
  const rows: Rows = {
    contact: new Int32Array(size),
    owner: new Int32Array(size),
    rank: new Int8Array(size),
    length: members.length,
  };
  rows.contact.set(members.contact.subarray(0, members.length));
  rows.owner.set(members.opportunity.subarray(0, members.length));
  ranksOf(members.role, rankOfRole, rows.rank, members.length);
  const committee = byContact(rows, contacts);
  addContactRoles(rows, contactRoles, committee, rankOfRole);
  return rows;
}

function ranksOf(roles: Int32Array, rankOfRole: Int8Array, rank: Int8Array, length: number): void {
  for (let k = 0; k < length; k++) rank[k] = rankOfRole[roles[k]];
}

function addContactRoles(
  rows: Rows,
  roles: DealTable['contactRoles'],
  committee: ContactRows,
  rankOfRole: Int8Array,
): void {
  let d = rows.length;
  for (let k = 0; k < roles.length; k++) {
    const c = roles.contact[k];
    const opp = roles.opportunity[k];
    if (lookup(committee, c, opp) >= 0) continue;
    rows.contact[d] = c;
    rows.owner[d] = opp;
    rows.rank[d++] = rankOfRole[roles.role[k]];
  }
  rows.length = d;
}

/** The accounts of each open opportunity, by opportunity code (start[o]..start[o+1] of owner). */
function openAccounts(opportunities: DealTable['opportunities'], contacts: number): ContactRows {
  return byContact(openOpportunities(opportunities), contacts);
}

/** Open opportunities that have an account, as rows keyed by the opportunity (owner: account). */
function openOpportunities(opportunities: DealTable['opportunities']): Rows {
  const size = opportunities.length;
  const rows: Rows = {
    contact: new Int32Array(size),
    owner: new Int32Array(size),
    rank: new Int8Array(size),
    length: 0,
  };
  for (let k = 0; k < size; k++) {
    if (!opportunities.open[k] || opportunities.account[k] <= 0) continue;
    rows.contact[rows.length] = opportunities.id[k];
    rows.owner[rows.length++] = opportunities.account[k];
  }
  return rows;
}

/** Roles on open deals also count for the deal's account (each listing of a deal counts). */
function accountRows(deal: Rows, open: ContactRows): Rows {
  const size = countAccountRows(deal, open.start);
  const rows: Rows = {
    contact: new Int32Array(size),
    owner: new Int32Array(size),
    rank: new Int8Array(size),
    length: size,
  };
  let r = 0;
  for (let k = 0; k < deal.length; k++) {
    if (deal.rank[k] <= 0) continue;
    for (let j = open.start[deal.owner[k]]; j < open.start[deal.owner[k] + 1]; j++) {
      rows.contact[r] = deal.contact[k];
      rows.owner[r] = open.owner[j];
      rows.rank[r++] = deal.rank[k];
    }
  }
  return rows;
}

function countAccountRows(deal: Rows, openStart: Int32Array): number {
  let rows = 0;
  for (let k = 0; k < deal.length; k++)
    if (deal.rank[k] > 0) rows += openStart[deal.owner[k] + 1] - openStart[deal.owner[k]];
  return rows;
}

/** Writes rows into each contact's list, each packed in one integer (see pack). */
function packRows(entry: Int32Array, at: Int32Array, rows: Rows, kind: number): void {
  for (let k = 0; k < rows.length; k++)
    entry[at[rows.contact[k]]++] = pack(rows.owner[k], kind, rows.rank[k]);
}

export function buildSideIndex(
  deals: DealTable,
  roleSides: Readonly<Record<string, Side>>,
): SideIndex {
  const rankOfRole = roleRanks(deals.picklists.values, roleSides);
  const contacts = deals.ids.size;
  const deal = dealRows(deals, rankOfRole, contacts);
  const account = accountRows(deal, openAccounts(deals.opportunities, contacts));
  // One list per contact holds both kinds of rows, each packed in one integer, so a request
  // reads two cache lines (the list bounds, the list) instead of six.
  const start = new Int32Array(contacts + 1);
  countKeys(start, deal.contact, deal.length);
  countKeys(start, account.contact, account.length);
  prefixSum(start);
  const at = start.slice(0, contacts);
  const entry = new Int32Array(deal.length + account.length);
  packRows(entry, at, deal, DEAL);
  packRows(entry, at, account, ACCOUNT);

  const rankAll = (
    contact: Int32Array,
    account: Int32Array,
    opportunity: Int32Array,
    include: Int32Array,
    out: Uint8Array,
  ): Uint8Array => {
    // A loop of its own, this short: the processor overlaps the cache misses of several
    // requests' lookups, where inside the long per-request loop it waited for each in turn.
    for (let k = 0; k < include.length; k++)
      if (include[k] >= 0) out[k] = rankIn(start, entry, contact[k], account[k], opportunity[k]);
    return out;
  };
  return { rankAll };
}

/** The rank a contact's list (start[c]..start[c+1] of `entry`) gives on a deal or account. */
function rankIn(
  start: Int32Array,
  entry: Int32Array,
  c: number,
  accountCode: number,
  opportunityCode: number,
): number {
  if (c <= 0 || c >= start.length - 1) return 0;
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
