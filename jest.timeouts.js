/* global expect, jest */
// Test timeouts, decided in one place from durations measured on a loaded machine: the whole
// suite on 2 cores with two busy loops (`yes > /dev/null`) running beside it and other work on
// the machine (load average about 15). Rule: every test and hook keeps at least 3x its slowest
// measured duration. Jest's default (5 s) stays for everything not listed here: unit tests
// finish in milliseconds, and a hang there should fail fast. Longer single tests (spawned
// processes, a run that waits out a 5 s check) set their own timeout where they are declared.
const RULES = [
  {
    // Full runs with memory-reducing (last-resort) collections between phases, and 200 MB of
    // garbage on purpose: 30.2 s measured for one test under the heaviest load (11.4 s in
    // another loaded run; 3 s alone), and its afterAll over 5 s.
    match: /server[\\/]test[\\/]service[\\/]memory\.test\.ts$/,
    timeout: 120_000,
  },
  {
    // Integration tests: the org emulator in-process, the service through real jsforce over
    // HTTP, spawned built services (dist.test.ts). Slowest measured under load: 13.0 s
    // (dist.test.ts, recompute to Succeeded), 11.7 s (bulk.test.ts), 7.9 s (full.test.ts);
    // 1-3 s alone.
    match: /server[\\/]test[\\/](service|emulator)[\\/]/,
    timeout: 60_000,
  },
  {
    // Components with axe accessibility checks (sa11y): axe walks the whole rendered DOM.
    // Slowest measured under load: 5.3 s (buyingCommittee "is accessible with data"), 4.0 s
    // (scoringProfileEditor, segmentEditor); under 1 s alone.
    match: /force-app[\\/].*[\\/]lwc[\\/]/,
    timeout: 20_000,
  },
];

const testPath = expect.getState().testPath ?? '';
const rule = RULES.find((r) => r.match.test(testPath));
if (rule) jest.setTimeout(rule.timeout);
