import {
  formatChange,
  formatCount,
  formatCurrency,
  formatPercent,
  formatScore,
  SCORE_DIGITS,
} from 'c/quorumFormat';

describe('c/quorumFormat', () => {
  it('writes every score with the same two decimals', () => {
    expect(SCORE_DIGITS).toBe(2);
    expect(formatScore(4.25)).toBe('4.25');
    expect(formatScore(4.3)).toBe('4.30');
    expect(formatScore(3)).toBe('3.00');
    expect(formatScore(1234.5)).toBe('1,234.50');
    expect(formatScore(null)).toBe('');
    expect(formatScore(Number.NaN)).toBe('');
  });

  it('puts thousands separators in counts and money', () => {
    expect(formatCount(12000)).toBe('12,000');
    expect(formatCount(undefined)).toBe('');
    expect(formatCurrency(250000)).toBe('$250,000');
    expect(formatPercent(0.375)).toBe('38%');
  });

  it('signs a change, and leaves zero unsigned', () => {
    expect(formatChange(1.5)).toBe('+1.50');
    expect(formatChange(-0.25)).toBe('-0.25');
    expect(formatChange(0)).toBe('0.00');
    expect(formatChange(null)).toBe('');
  });
});
