import {
  sideOfRole,
  groupBySide,
  coverageWarnings,
  reportingTree,
  SIDE_DECISION,
  SIDE_INFLUENCE,
  SIDE_USE,
  SIDE_NONE,
} from '../coverage';

const member = (id, fields) => ({ id, contactId: `c-${id}`, name: id, ...fields });

describe('buyingCommittee coverage: sides', () => {
  it('maps every committee role to its side', () => {
    expect(['Decision Maker', 'Economic Buyer', 'Executive Sponsor'].map(sideOfRole)).toEqual([
      SIDE_DECISION,
      SIDE_DECISION,
      SIDE_DECISION,
    ]);
    expect(
      ['Technical Evaluator', 'Influencer', 'Procurement', 'Legal & Security'].map(sideOfRole),
    ).toEqual([SIDE_INFLUENCE, SIDE_INFLUENCE, SIDE_INFLUENCE, SIDE_INFLUENCE]);
    expect(sideOfRole('End User')).toBe(SIDE_USE);
    expect(sideOfRole(null)).toBe(SIDE_NONE);
    // A role the built-in map gives no side (OpportunityContactRole's "Other").
    expect(sideOfRole('Other')).toBe(SIDE_NONE);
  });

  it('groups members by side in order, sorted by name, keeping empty sides', () => {
    const groups = groupBySide([
      member('Zoe', { role: 'Economic Buyer' }),
      member('Adam', { role: 'Decision Maker' }),
      member('Mia', { role: 'Legal & Security' }),
    ]);
    expect(groups.map((g) => [g.side, g.members.map((m) => m.id)])).toEqual([
      [SIDE_DECISION, ['Adam', 'Zoe']],
      [SIDE_INFLUENCE, ['Mia']],
      [SIDE_USE, []],
    ]);
  });

  it('adds a group for members without a role only when there are some', () => {
    const groups = groupBySide([member('Noah', { role: null })]);
    expect(groups.map((g) => g.side)).toEqual([SIDE_DECISION, SIDE_INFLUENCE, SIDE_USE, SIDE_NONE]);
    expect(groups[3].members.map((m) => m.id)).toEqual(['Noah']);
  });
});

describe('buyingCommittee coverage: warnings', () => {
  it('raises every warning for a thin, risky committee', () => {
    const warnings = coverageWarnings([
      member('Eli', {
        role: 'Legal & Security',
        stance: 'Detractor',
        stanceLabel: 'Detractor',
        hasVeto: true,
      }),
      member('Ivy', { role: 'Executive Sponsor', stance: 'Supporter', hasVeto: false }),
    ]);
    expect(warnings).toEqual([
      { code: 'NO_DECISION' },
      { code: 'NO_CHAMPION' },
      { code: 'SINGLE_THREADED', count: 2 },
      { code: 'VETO', memberId: 'Eli', name: 'Eli', stance: 'Detractor', stanceLabel: 'Detractor' },
      { code: 'NO_USE' },
    ]);
  });

  it('raises none for a well-covered committee', () => {
    expect(
      coverageWarnings([
        member('A', { role: 'Economic Buyer', stance: 'Champion', hasVeto: true }),
        member('B', { role: 'Technical Evaluator', stance: 'Skeptic', hasVeto: false }),
        member('C', { role: 'End User', stance: 'Neutral' }),
      ]),
    ).toEqual([]);
  });

  it('warns once per skeptic or detractor holding a veto, and not for supporters with one', () => {
    const warnings = coverageWarnings([
      member('A', { role: 'Decision Maker', stance: 'Champion', hasVeto: true }),
      member('B', { role: 'Procurement', stance: 'Skeptic', hasVeto: true }),
      member('C', { role: 'End User', stance: 'Detractor', hasVeto: true }),
      member('D', { role: 'End User', stance: 'Detractor', hasVeto: false }),
    ]);
    expect(warnings.map((w) => [w.code, w.memberId])).toEqual([
      ['VETO', 'B'],
      ['VETO', 'C'],
    ]);
  });

  it('counts only Decision Maker or Economic Buyer as someone who signs', () => {
    const codes = coverageWarnings([
      member('A', { role: 'Executive Sponsor', stance: 'Champion' }),
      member('B', { role: 'End User' }),
      member('C', { role: 'Influencer' }),
    ]).map((w) => w.code);
    expect(codes).toEqual(['NO_DECISION']);
  });
});

describe('buyingCommittee coverage: reporting lines', () => {
  const names = (nodes) => nodes.map((n) => [n.member.id, names(n.reports)]);

  it('nests members under the committee member they report to', () => {
    const tree = reportingTree([
      member('Ana', {}),
      member('Ben', { reportsToId: 'c-Ana' }),
      member('Chen', { reportsToId: 'c-Ana' }),
      member('Dara', { reportsToId: 'c-Ben' }),
      member('Eli', { reportsToId: 'c-outside' }),
    ]);
    expect(names(tree.roots)).toEqual([
      [
        'Ana',
        [
          ['Ben', [['Dara', []]]],
          ['Chen', []],
        ],
      ],
      ['Eli', []],
    ]);
    expect(tree.linkCount).toBe(3);
  });

  it('has no links when nobody reports to a member', () => {
    expect(reportingTree([member('A', {}), member('B', { reportsToId: 'c-x' })]).linkCount).toBe(0);
  });

  it('breaks reporting cycles instead of looping', () => {
    const tree = reportingTree([
      member('A', { reportsToId: 'c-B' }),
      member('B', { reportsToId: 'c-A' }),
      member('S', { reportsToId: 'c-S' }),
    ]);
    expect(names(tree.roots)).toEqual([
      ['S', []],
      ['A', [['B', []]]],
    ]);
    expect(tree.linkCount).toBe(1);
  });
});
