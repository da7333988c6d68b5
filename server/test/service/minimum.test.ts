import { Lease } from '../../src/jobs/lease';
import { leaseRenewalsNeeded, minimumCalls, readCalls, writeCalls } from '../../src/jobs/minimum';

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

describe('lease renewals a run needs', () => {
  it('is one renewal per stretch the lease holds (the lease less its margin), but the last', () => {
    // Default lease 5 min: margin 30 s, so it holds 270 s after each renewal.
    expect(Lease.holdsMs(300_000)).toBe(270_000);
    expect(leaseRenewalsNeeded(0, 300_000)).toBe(0);
    expect(leaseRenewalsNeeded(270_000, 300_000)).toBe(0);
    expect(leaseRenewalsNeeded(270_001, 300_000)).toBe(1);
    // The 1M bench's run of 759 s.
    expect(leaseRenewalsNeeded(759_000, 300_000)).toBe(2);
    expect(leaseRenewalsNeeded(810_001, 300_000)).toBe(3);
    // A short lease keeps a fifth as margin: 2 s holds 1.6 s.
    expect(leaseRenewalsNeeded(1_600, 2_000)).toBe(0);
    expect(leaseRenewalsNeeded(5_000, 2_000)).toBe(3);
  });

  it('agrees with the Lease itself: renewing that often, and no less, keeps it', () => {
    for (const [duration, ttl] of [
      [759_000, 300_000],
      [7_300, 4_000],
      [60_000, 2_000],
    ]) {
      const n = leaseRenewalsNeeded(duration, ttl);
      let now = 0;
      const lease = new Lease('claim', 'run', 'replica', ttl, 0, () => now);
      // Renew as late as the lease allows, n times; the run's last call at `duration` passes.
      for (let i = 0; i < n; i += 1) {
        now = lease.expiresAt;
        lease.check();
        lease.confirmedAt = now;
      }
      now = duration;
      expect(() => lease.check()).not.toThrow();
      // One renewal fewer, and the call at `duration` finds the lease gone.
      if (n > 0) {
        const short = new Lease('claim', 'run', 'replica', ttl, 0, () => now);
        for (let i = 0; i < n - 1; i += 1) short.confirmedAt = short.expiresAt;
        now = duration;
        expect(() => short.check()).toThrow(/lost its lock/);
      }
    }
  });
});
