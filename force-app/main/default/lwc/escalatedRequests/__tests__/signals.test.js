import {
  splitByOpportunity,
  scoreForRequest,
  signalKind,
  KIND_CLOSED,
  KIND_PATTERN,
  KIND_EMERGING,
  KIND_ONE_OFF,
} from '../signals';

describe('escalatedRequests signals', () => {
  const requests = [
    { id: 'r1', opportunityId: 'o2' },
    { id: 'r2', opportunityId: 'o1' },
    { id: 'r3', opportunityId: null },
    { id: 'r4', opportunityId: 'o1' },
  ];

  it("puts the opportunity's requests first, keeping order within each part", () => {
    const { current, others } = splitByOpportunity(requests, 'o1');
    expect(current.map((r) => r.id)).toEqual(['r2', 'r4']);
    expect(others.map((r) => r.id)).toEqual(['r1', 'r3']);
  });

  it('keeps every request in one list on an account page', () => {
    const { current, others } = splitByOpportunity(requests, undefined);
    expect(current).toEqual([]);
    expect(others.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  const scores = [
    { themeId: 't1', segmentId: null, accounts: 9, rank: 4 },
    { themeId: 't1', segmentId: 's1', accounts: 6, rank: 1 },
    { themeId: 't2', segmentId: 's2', accounts: 2, rank: 7 },
  ];

  it("uses the request's segment row, else the ALL row, else nothing", () => {
    expect(scoreForRequest({ themeId: 't1', segmentId: 's1' }, scores).rank).toBe(1);
    expect(scoreForRequest({ themeId: 't1', segmentId: 's9' }, scores).rank).toBe(4);
    expect(scoreForRequest({ themeId: 't1', segmentId: null }, scores).rank).toBe(4);
    expect(scoreForRequest({ themeId: 't2', segmentId: 's1' }, scores)).toBeNull();
    expect(scoreForRequest({ themeId: null, segmentId: 's1' }, scores)).toBeNull();
  });

  it('tells a pattern from an emerging pattern and a one-off', () => {
    expect(signalKind({ quorum: true, accounts: 6 })).toBe(KIND_PATTERN);
    expect(signalKind({ quorum: false, accounts: 3 })).toBe(KIND_EMERGING);
    expect(signalKind({ quorum: false, accounts: 1 })).toBe(KIND_ONE_OFF);
    expect(signalKind({ quorum: true, accounts: 6, themeStatus: 'Open' })).toBe(KIND_PATTERN);
  });

  it('calls a Delivered or Declined theme closed, however many accounts ask again', () => {
    for (const themeStatus of ['Delivered', 'Declined'])
      expect(signalKind({ quorum: true, accounts: 9, themeStatus })).toBe(KIND_CLOSED);
  });
});
