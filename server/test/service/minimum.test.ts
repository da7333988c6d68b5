import { minimumCalls, readCalls, writeCalls } from '../../src/jobs/minimum';

describe('theoretical minimum of API calls', () => {
  it('follows docs/PLATFORM.md: REST pages, Bulk jobs, collections through composite', () => {
    expect(readCalls(1)).toBe(1);
    expect(readCalls(4001)).toBe(3);
    expect(readCalls(1_000_000, 50_000)).toBe(22);
    expect(writeCalls(0)).toBe(0);
    expect(writeCalls(950)).toBe(1);
    expect(writeCalls(3_500)).toBe(4);
    expect(writeCalls(800_000)).toBe(6);
  });

  it('shares composite calls between small reads and counts the run record', () => {
    // 5 small objects → 1 call; 3 more → 1 call; + create, claim, finish, describe.
    const reads = { a: 10, b: 10, c: 10, d: 10, e: 10, f: 10, g: 10, h: 10 };
    expect(minimumCalls({ reads, writes: {} })).toBe(2 + 4);
  });

  it('counts one ingest job per 100 MB of payload when the payload is known', () => {
    expect(writeCalls(30_000)).toBe(6);
    expect(writeCalls(30_000, 350 * 2 ** 20)).toBe(24);
    expect(writeCalls(30_000, 10 * 2 ** 20)).toBe(6);
  });
});
