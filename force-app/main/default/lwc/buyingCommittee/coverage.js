/**
 * Pure logic of the buying committee: sides, coverage warnings and reporting lines.
 * No LWC imports, so it is unit-tested on plain objects.
 *
 * A member here is the flat shape the component builds from its GraphQL rows:
 * `{ id, contactId, name, title, reportsToId, role, influence, stance, hasVeto, notes }`.
 */

import { SIDES, sideOf } from 'c/quorumProfile';

export const [SIDE_DECISION, SIDE_INFLUENCE, SIDE_USE, SIDE_UNKNOWN] = SIDES;
/** Members whose role is not set yet, or says nothing about the side. */
export const SIDE_NONE = 'None';

const SIDE_ORDER = [SIDE_DECISION, SIDE_INFLUENCE, SIDE_USE, SIDE_NONE];

/** The people who can say yes: the "no decision maker" warning looks for these roles. */
const SIGNING_ROLES = ['Decision Maker', 'Economic Buyer'];
/** Stances that, together with a veto, can kill the deal. */
const RISKY_STANCES = ['Detractor', 'Skeptic'];
/** Fewer people than this is single-threaded. */
export const MIN_THREADS = 3;

export const WARN_NO_DECISION = 'NO_DECISION';
export const WARN_NO_CHAMPION = 'NO_CHAMPION';
export const WARN_SINGLE_THREADED = 'SINGLE_THREADED';
export const WARN_VETO = 'VETO';
export const WARN_NO_USE = 'NO_USE';

/**
 * The side of a role in the built-in role → side map (lwc/quorumProfile, the map scoring starts
 * from). A sales-ops profile may remap roles for scoring; coverage guidance follows the default
 * mapping an AE is taught. A veto does not move a member here: the veto has its own warning.
 * @param {string} role a Role__c value
 * @returns {string} the side, or SIDE_NONE for a blank role or one without a side
 */
export function sideOfRole(role) {
  const side = sideOf(role, false);
  return side === SIDE_UNKNOWN ? SIDE_NONE : side;
}

const byName = (a, b) => String(a.name || '').localeCompare(String(b.name || ''));

/**
 * Members grouped by side, in the order Decision, Influence, Use, then those without a role.
 * Empty sides are kept (with no members) except the no-role group, so the AE sees a gap.
 * @param {Array} members
 * @returns {Array<{side: string, members: Array}>}
 */
export function groupBySide(members) {
  const groups = SIDE_ORDER.map((side) => ({ side, members: [] }));
  (members || []).forEach((member) => {
    const side = sideOfRole(member.role);
    groups.find((group) => group.side === side).members.push(member);
  });
  groups.forEach((group) => group.members.sort(byName));
  return groups.filter((group) => group.side !== SIDE_NONE || group.members.length > 0);
}

/**
 * The coverage gaps an AE should act on, in the order they matter for the deal.
 * @param {Array} members
 * @returns {Array<{code: string, count?: number, memberId?: string, name?: string, stance?: string}>}
 */
export function coverageWarnings(members) {
  const list = members || [];
  const warnings = [];
  if (!list.some((member) => SIGNING_ROLES.includes(member.role))) {
    warnings.push({ code: WARN_NO_DECISION });
  }
  if (!list.some((member) => member.stance === 'Champion')) {
    warnings.push({ code: WARN_NO_CHAMPION });
  }
  if (list.length < MIN_THREADS) {
    warnings.push({ code: WARN_SINGLE_THREADED, count: list.length });
  }
  list
    .filter((member) => member.hasVeto && RISKY_STANCES.includes(member.stance))
    .sort(byName)
    .forEach((member) => {
      warnings.push({
        code: WARN_VETO,
        memberId: member.id,
        name: member.name,
        stance: member.stance,
        stanceLabel: member.stanceLabel || member.stance,
      });
    });
  if (!list.some((member) => sideOfRole(member.role) === SIDE_USE)) {
    warnings.push({ code: WARN_NO_USE });
  }
  return warnings;
}

/**
 * Who reports to whom among the committee, from Contact.ReportsToId. A member whose manager
 * is not on the committee is a root. Cycles in the org data (A reports to B reports to A)
 * cannot loop: each member appears once, and a cycle is broken at its first member by name.
 * @param {Array} members
 * @returns {{ roots: Array<{member: Object, reports: Array}>, linkCount: number }}
 */
export function reportingTree(members) {
  const list = [...(members || [])].sort(byName);
  const byContact = new Map(list.map((member) => [member.contactId, member]));
  const children = new Map(list.map((member) => [member.contactId, []]));
  const managerOf = (member) => {
    const manager = byContact.get(member.reportsToId);
    return manager && manager !== member ? manager : null;
  };
  list.forEach((member) => {
    const manager = managerOf(member);
    if (manager) {
      children.get(manager.contactId).push(member);
    }
  });

  const placed = new Set();
  let linkCount = 0;
  const build = (member) => {
    placed.add(member.contactId);
    const reports = children
      .get(member.contactId)
      .filter((report) => !placed.has(report.contactId))
      .map((report) => {
        linkCount += 1;
        return build(report);
      });
    return { member, reports };
  };

  const roots = list.filter((member) => !managerOf(member)).map((member) => build(member));
  // Members left unplaced sit on a cycle: start each cycle at its first member by name.
  list.forEach((member) => {
    if (!placed.has(member.contactId)) {
      roots.push(build(member));
    }
  });
  return { roots, linkCount };
}
