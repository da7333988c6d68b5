/**
 * Requester_Member__c and Requester_Side__c: the committee row and side the scoring judges a
 * requester by, stamped on the request only when they changed.
 */
import { toDealTable } from '../../src/domain/dealTable';
import { newDictionaries, toRequestTable } from '../../src/domain/requestTable';
import { buildRequesterIndex } from '../../src/domain/sides';
import { DEFAULT_ROLE_SIDES, type Side } from '../../src/domain/profile';
import type { RequestRecord } from '../../src/domain/records';
import { stampRequests } from '../../src/jobs/plan';

const member = (
  Id: string,
  Opportunity__c: string,
  Contact__c: string,
  Role__c: string | null,
  extra: { Has_Veto__c?: boolean; Influence__c?: string } = {},
) => ({ Id, Opportunity__c, Contact__c, Role__c, ...extra });

function stamps(
  requests: RequestRecord[],
  roleSides: Readonly<Record<string, Side>> = DEFAULT_ROLE_SIDES,
) {
  const dict = newDictionaries(['A', 'B']);
  const table = toRequestTable(requests, 'all', dict);
  const deals = toDealTable(
    {
      opportunities: [
        { Id: 'O1', AccountId: 'A', IsClosed: false },
        { Id: 'O2', AccountId: 'A', IsClosed: false },
        { Id: 'O3', AccountId: 'A', IsClosed: true },
      ],
      committeeMembers: [
        member('M1', 'O1', 'c1', 'End User', { Has_Veto__c: true }),
        member('M3a', 'O1', 'c3', null),
        member('M3b', 'O2', 'c3', 'Economic Buyer'),
        member('M4', 'O1', 'c4', 'Influencer', { Influence__c: 'High' }),
        member('M6', 'O3', 'c6', 'Decision Maker'),
      ],
      contactRoles: [
        { OpportunityId: 'O1', ContactId: 'c2', Role: 'Business User' },
        // c4 has a committee row on O1: the standard role there is not read.
        { OpportunityId: 'O1', ContactId: 'c4', Role: 'Decision Maker' },
      ],
    },
    dict,
  );
  const segments = new Map<string, string | null>([['A', null]]);
  return stampRequests(table, segments, new Map(), new Map(), {
    index: buildRequesterIndex(deals, roleSides),
    deals,
  });
}

const ask = (Id: string, contact: string | null, opportunity: string | null, extra = {}) =>
  ({
    Id,
    Account__c: 'A',
    Theme__c: 'T1',
    Requested_By__c: contact,
    Opportunity__c: opportunity,
    ...extra,
  }) as RequestRecord;

const who = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((r) => [r.Id, [r.Requester_Member__c, r.Requester_Side__c]]));

describe('stamping who asked', () => {
  it('stamps the committee row and side the scoring judges the requester by', () => {
    const rows = stamps([
      ask('r1', 'c1', 'O1'), // End User with a veto: Decision
      ask('r2', 'c2', 'O1'), // no committee row: the standard contact role, Business User
      ask('r3', 'c3', 'O1'), // no role on this deal: their row on another open deal
      ask('r4', 'c4', 'O1'), // the committee row wins over the standard role
      ask('r5', 'c5', 'O1'), // nobody knows them
      ask('r6', 'c1', null), // no opportunity: their row on an open deal of the account
      ask('r7', 'c6', 'O2'), // only a row on a closed deal: not read
      ask('r8', null, 'O1'), // no requester
    ]);
    expect(who(rows)).toEqual({
      r1: ['M1', 'Decision'],
      r2: [null, 'Use'],
      r3: ['M3b', 'Decision'],
      r4: ['M4', 'Influence'],
      r6: ['M1', 'Decision'],
    });
    // Every update carries both stamps (null clears a stale one), with the segment stamps.
    expect(rows.find((r) => r.Id === 'r2')).toEqual({
      Id: 'r2',
      Segment__c: null,
      Suggested_Theme__c: null,
      Requester_Member__c: null,
      Requester_Side__c: 'Use',
    });
  });

  it('follows the profile’s role → side map; a veto stays on the Decision side', () => {
    const rows = stamps([ask('r1', 'c1', 'O1'), ask('r2', 'c2', 'O1'), ask('r4', 'c4', 'O1')], {
      ...DEFAULT_ROLE_SIDES,
      'Business User': 'Influence',
      Influencer: 'Use',
      'End User': 'Use',
    });
    expect(who(rows)).toEqual({
      r1: ['M1', 'Decision'],
      r2: [null, 'Influence'],
      r4: ['M4', 'Use'],
    });
  });

  it('writes nothing when the stamps are right, and clears the ones that went stale', () => {
    const right = { Requester_Member__c: 'M1', Requester_Side__c: 'Decision' };
    expect(stamps([ask('r1', 'c1', 'O1', right), ask('r5', 'c5', 'O1')])).toEqual([]);
    const rows = stamps([
      ask('r1', 'c1', 'O1', { ...right, Requester_Side__c: 'Use' }),
      ask('r5', 'c5', 'O1', right), // the requester changed to someone unknown
    ]);
    expect(who(rows)).toEqual({ r1: ['M1', 'Decision'], r5: [null, null] });
  });
});
