import { toRequestTable } from '../../src/domain/requestTable';
import { stampRequests } from '../../src/jobs/plan';

describe('stampRequests', () => {
  const table = toRequestTable([
    // Up to date: segment of its account, themed (its Suggested_Theme__c is left alone).
    { Id: 'r1', Account__c: 'A', Segment__c: 'S1', Theme__c: 't1', Suggested_Theme__c: 'old' },
    // Account moved to another segment.
    { Id: 'r2', Account__c: 'B', Segment__c: 'S1' },
    // Unthemed, grouped this run into t9.
    { Id: 'r3', Account__c: 'A', Segment__c: 'S1', Suggested_Theme__c: 't2' },
    // Unthemed, no longer grouped: the suggestion is cleared.
    { Id: 'r4', Account__c: 'A', Segment__c: 'S1', Suggested_Theme__c: 't2' },
    // Account in no segment, already blank.
    { Id: 'r5', Account__c: 'C' },
  ]);
  const accountSegment = new Map<string, string | null>([
    ['A', 'S1'],
    ['B', 'S2'],
    ['C', null],
  ]);

  it('updates only requests whose segment or suggestion changed', () => {
    expect(stampRequests(table, accountSegment, new Map([['r3', 't9']]))).toEqual([
      { Id: 'r2', Segment__c: 'S2', Suggested_Theme__c: null },
      { Id: 'r3', Segment__c: 'S1', Suggested_Theme__c: 't9' },
      { Id: 'r4', Segment__c: 'S1', Suggested_Theme__c: null },
    ]);
  });

  it('writes nothing when every request is up to date', () => {
    const same = new Map([
      ['r3', 't2'],
      ['r4', 't2'],
    ]);
    const fixed = new Map(accountSegment).set('B', 'S1');
    expect(stampRequests(table, fixed, same)).toEqual([]);
  });
});
