import { containsPattern, isSearchable } from '../themeSearch';

describe('requestEditor theme search helpers', () => {
  it('builds a contains pattern with the wildcards the user typed escaped', () => {
    expect(containsPattern('  SSO ')).toBe('%SSO%');
    expect(containsPattern("50%_off\\ O'Brien")).toBe("%50\\%\\_off\\\\ O'Brien%");
    expect(containsPattern(undefined)).toBe('%%');
  });

  it('searches from two characters on', () => {
    expect(isSearchable('s')).toBe(false);
    expect(isSearchable(' s ')).toBe(false);
    expect(isSearchable('ss')).toBe(true);
    expect(isSearchable(null)).toBe(false);
  });
});
