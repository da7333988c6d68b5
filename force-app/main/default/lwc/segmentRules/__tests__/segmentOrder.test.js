import { nextPriority, reorderUpdates } from '../segmentOrder';

const list = [
  { id: 'a', priority: 10 },
  { id: 'b', priority: 20 },
  { id: 'c', priority: 30 },
];

describe('reorderUpdates', () => {
  it('swaps neighbours and writes only changed priorities', () => {
    expect(reorderUpdates(list, 2, -1)).toEqual([
      { id: 'c', priority: 20 },
      { id: 'b', priority: 30 },
    ]);
    expect(reorderUpdates(list, 0, 1)).toEqual([
      { id: 'b', priority: 10 },
      { id: 'a', priority: 20 },
    ]);
  });

  it('renumbers irregular priorities into steps of ten', () => {
    const messy = [
      { id: 'a', priority: 1 },
      { id: 'b', priority: null },
      { id: 'c', priority: 30 },
    ];
    expect(reorderUpdates(messy, 1, -1)).toEqual([
      { id: 'b', priority: 10 },
      { id: 'a', priority: 20 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(reorderUpdates(list, 0, -1)).toEqual([]);
    expect(reorderUpdates(list, 2, 1)).toEqual([]);
  });
});

describe('nextPriority', () => {
  it('goes after the largest priority on a step of ten', () => {
    expect(nextPriority(list)).toBe(40);
    expect(nextPriority([{ priority: 35 }])).toBe(40);
    expect(nextPriority([])).toBe(10);
  });
});
