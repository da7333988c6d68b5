/**
 * Who asked, on which side of the buying decision. A request's requester is judged by their
 * strongest row on the request's opportunity; when that gives no side, by their strongest row
 * on any open opportunity of the request's account; else their side is Unknown. A contact
 * without a Buying_Committee_Member__c row on an opportunity is judged by their standard
 * OpportunityContactRole there, so orgs that never adopted the committee still get sides. A
 * member holding a veto counts on the Decision side (lwc/quorumProfile sideOf).
 *
 * Distinct requesters (side, role, influence, veto) are few, so each gets a number once and a
 * request's requester is that number; rows are kept per contact, so one request reads one
 * short list of integers. The same choice names the committee row it came from, which the
 * service stamps on the request (Requester_Member__c) with the side (Requester_Side__c).
 */
import type { DealTable } from './dealTable';
import { sideOf, type Side } from './profile';

export interface Requester {
  side: Side;
  role: string | null;
  influence: string | null;
  veto: boolean;
}

const SIDE_STRENGTH: Record<Side, number> = { Decision: 3, Influence: 2, Use: 1, Unknown: 0 };
const INFLUENCE_STRENGTH: Readonly<Record<string, number>> = { High: 3, Medium: 2, Low: 1 };

/** Stronger first: side, then influence, then veto, then role name (a total order). */
export function strongerRequester(a: Requester, b: Requester): number {
  return (
    SIDE_STRENGTH[b.side] - SIDE_STRENGTH[a.side] ||
    (INFLUENCE_STRENGTH[b.influence ?? ''] ?? 0) - (INFLUENCE_STRENGTH[a.influence ?? ''] ?? 0) ||
    Number(b.veto) - Number(a.veto) ||
    (a.role ?? '').localeCompare(b.role ?? '')
  );
}

export interface RequesterIndex {
  /** The distinct requesters; a request's requester is an index into it, -1 for none. */
  readonly requesters: readonly Requester[];
  /** The requester of a request, by the codes of its contact, account and opportunity. */
  requesterOf(contact: number, account: number, opportunity: number): number;
  /** The committee row (its index in `deals.members`) that requester was judged by; -1 when
   * none (no row, or judged by a standard contact role). */
  memberOf(contact: number, account: number, opportunity: number): number;
}

export function buildRequesterIndex(
  deals: DealTable,
  roleSides: Readonly<Record<string, Side>>,
): RequesterIndex {
  const values = deals.picklists.values;
  const requesters: Requester[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (role: number, influence: number, veto: boolean): number => {
    const key = `${role}:${influence}:${veto ? 1 : 0}`;
    let n = numbers.get(key);
    if (n === undefined) {
      n = requesters.length;
      numbers.set(key, n);
      const roleName = values[role] ?? null;
      requesters.push({
        side: sideOf(roleName, veto, roleSides),
        role: roleName,
        influence: values[influence] ?? null,
        veto,
      });
    }
    return n;
  };

  // Rows per contact: (opportunity, requester, committee row or -1). Contact roles only where
  // the contact has no committee row on that opportunity.
  const size = deals.ids.size;
  const rows: (number[] | undefined)[] = new Array<number[] | undefined>(size);
  const add = (contact: number, opportunity: number, requester: number, member: number) =>
    (rows[contact] ??= []).push(opportunity, requester, member);
  const { members, contactRoles } = deals;
  const onCommittee = new Set<number>();
  for (let k = 0; k < members.length; k++) {
    const c = members.contact[k];
    const o = members.opportunity[k];
    onCommittee.add(c * size + o);
    add(c, o, numberOf(members.role[k], members.influence[k], members.veto[k] === 1), k);
  }
  for (let k = 0; k < contactRoles.length; k++) {
    const c = contactRoles.contact[k];
    const o = contactRoles.opportunity[k];
    if (!onCommittee.has(c * size + o)) add(c, o, numberOf(contactRoles.role[k], 0, false), -1);
  }

  // The account of each open opportunity (-1: closed or unknown).
  const openAccount = new Int32Array(size).fill(-1);
  const opps = deals.opportunities;
  for (let k = 0; k < opps.length; k++)
    if (opps.open[k] && opps.account[k] > 0) openAccount[opps.id[k]] = opps.account[k];

  // Requesters in strength order: comparing two is comparing their places.
  const place = new Int32Array(requesters.length);
  requesters
    .map((_, i) => i)
    .sort((a, b) => strongerRequester(requesters[a], requesters[b]))
    .forEach((r, at) => (place[r] = at));
  // Whether the row at offset `b` of `list` is stronger than the one at `a` (-1: none yet);
  // on a tie the first stays.
  const better = (list: number[], a: number, b: number) =>
    a < 0 || place[list[b + 1]] < place[list[a + 1]] ? b : a;

  /** The offset in the contact's list of the row the requester is judged by; -1 for none. */
  const judgedBy = (contact: number, account: number, opportunity: number): number => {
    const list = contact > 0 ? rows[contact] : undefined;
    if (!list) return -1;
    let onDeal = -1;
    let onAccount = -1;
    for (let k = 0; k < list.length; k += 3) {
      const o = list[k];
      if (opportunity > 0 && o === opportunity) onDeal = better(list, onDeal, k);
      if (openAccount[o] === account && requesters[list[k + 1]].side !== 'Unknown')
        onAccount = better(list, onAccount, k);
    }
    if (onDeal >= 0 && requesters[list[onDeal + 1]].side !== 'Unknown') return onDeal;
    return onAccount >= 0 ? onAccount : onDeal;
  };

  return {
    requesters,
    requesterOf(contact, account, opportunity) {
      const at = judgedBy(contact, account, opportunity);
      return at < 0 ? -1 : rows[contact]![at + 1];
    },
    memberOf(contact, account, opportunity) {
      const at = judgedBy(contact, account, opportunity);
      return at < 0 ? -1 : rows[contact]![at + 2];
    },
  };
}
