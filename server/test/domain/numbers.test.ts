import fc from 'fast-check';
import { dayNumber, parseTimestamp, roundTo } from '../../src/domain/numbers';
import { fmt } from '../../src/domain/breakdown';
import { readBreakdown } from '../../../force-app/main/default/lwc/quorumBreakdown/quorumBreakdown';
import { req, score } from './world';

describe('parseTimestamp', () => {
  it.each([
    '2026-06-01T00:00:00.000+0000',
    '1999-12-31T23:59:59Z',
    '2024-02-29T12:34:56.789Z',
    '2000-02-28T01:02:03.004+00:00',
    '2026-01-01T10:00:00+02:00',
  ])('reads %s like Date.parse', (s) => {
    expect(parseTimestamp(s)).toBe(Date.parse(s.replace('+0000', 'Z')));
  });
  it('reads plain dates as UTC midnight and rejects junk', () => {
    expect(parseTimestamp('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(parseTimestamp('2026-03-01T00:00:00')).toBe(Date.UTC(2026, 2, 1));
    expect(parseTimestamp('yesterday')).toBeNaN();
    expect(parseTimestamp(null)).toBeNaN();
  });
  it('agrees with Date on random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseTimestamp(iso)).toBe(ms);
        expect(parseTimestamp(iso.replace('Z', '+0000'))).toBe(ms);
      }),
      { numRuns: 200 },
    );
  });
  it('gives day numbers of dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-12-31')).toBe(Date.UTC(2026, 11, 31) / 86400000);
    expect(dayNumber('soon')).toBe(-1);
  });
});

describe('fmt', () => {
  it('prints numbers rounded as roundTo rounds them', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(2 as const, 4 as const),
        (x, d) => {
          expect(JSON.parse(fmt(x, d))).toBe(roundTo(x, d));
        },
      ),
      { numRuns: 300 },
    );
    expect(fmt(2.25, 4)).toBe('2.25');
    expect(fmt(12345.678, 2)).toBe('12345.68');
    expect(fmt(-0.00004, 4)).toBe('0');
  });
});

describe('score rows', () => {
  it('carry Breakdown__c as an enumerable property that serialises and spreads as JSON text', () => {
    const [row] = score({ requests: [req({ Account__c: 'A' })] });
    expect(Object.keys(row)).toContain('Breakdown__c');
    expect(typeof { ...row }.Breakdown__c).toBe('string');
    expect(JSON.parse(JSON.stringify(row)).Breakdown__c).toBe(row.Breakdown__c);
    expect(readBreakdown(row.Breakdown__c).accounts[0].account).toBe('A');
  });
  it('do not change within a day: the age for decay is in UTC calendar days', () => {
    const r = req({ Account__c: 'A', CreatedDate: '2026-01-01T08:00:00.000+0000' });
    const at = (now: string) => score({ requests: [r], now }).map((x) => x.Score__c);
    expect(at('2026-05-01T23:59:00.000Z')).toEqual(at('2026-05-01T00:01:00.000Z'));
    expect(at('2026-05-02T00:01:00.000Z')[0]).toBeLessThan(at('2026-05-01T23:59:00.000Z')[0]);
  });
});
