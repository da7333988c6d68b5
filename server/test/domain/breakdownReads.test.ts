/**
 * Breakdown__c is built when read, with the entries of the theme read last and the text of the
 * row read last remembered: whatever the order and number of reads, every row's text must be
 * what a fresh computation gives.
 */
import fc from 'fast-check';
import type { RequestRecord } from '../../src/domain';
import { req, score } from './world';

const ACCOUNTS = ['A1', 'A2', 'A3', 'A4', 'A5'];
const SEGMENT_OF = { A1: 'S1', A2: 'S1', A3: 'S2', A4: 'S2', A5: 'S1' };
const request = fc
  .record({
    Account__c: fc.constantFrom(...ACCOUNTS),
    Theme__c: fc.constantFrom('T1', 'T2', 'T3'),
    Urgency__c: fc.constantFrom('Critical', 'High', 'Medium', 'Low'),
    Revenue_At_Stake__c: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null }),
  })
  .map((f) => req(f));

describe('Breakdown__c read in any order', () => {
  it('matches a fresh computation for every row, read repeatedly in random order', () => {
    fc.assert(
      fc.property(
        fc.array(request, { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (requests: RequestRecord[], picks: number[]) => {
          const scenario = { requests, accounts: ACCOUNTS, segmentOf: SEGMENT_OF };
          const rows = score(scenario);
          for (const p of picks) {
            const i = p % rows.length;
            const fresh = score(scenario).find((r) => r.Score_Key__c === rows[i].Score_Key__c);
            expect(rows[i].Breakdown__c).toBe(fresh?.Breakdown__c);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
